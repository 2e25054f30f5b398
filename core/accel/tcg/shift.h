/*
 * The plain shifts SHL/SAL, SHR and SAR on a value: shared by the group-2
 * handler (ops_shift.c) and the register fast paths (fast_paths.c), so both
 * produce the same result and the same lazy flag record.
 */
#ifndef MODEMU_TCG_SHIFT_H
#define MODEMU_TCG_SHIFT_H

#include "accel/tcg/flags.h"

/* Group-2 operations, as ModRM.reg encodes them. */
enum { SH_ROL, SH_ROR, SH_RCL, SH_RCR, SH_SHL, SH_SHR, SH_SAL, SH_SAR };

static inline uint64_t sign_extend_sz(uint64_t x, unsigned sz)
{
    unsigned shift = 64 - (8u << sz);
    return (uint64_t)((int64_t)(x << shift) >> shift);
}

/* a (already masked to sz) shifted by count (masked, non-zero) with op one of
 * SH_SHL, SH_SAL, SH_SHR, SH_SAR; the flags are recorded for lazy evaluation. */
static inline uint64_t shift_plain(tcg_vcpu *v, unsigned op, unsigned sz, uint64_t a,
                                   unsigned count)
{
    uint64_t m = size_mask(sz), res;
    if (op == SH_SHL || op == SH_SAL) {
        res = count < 64 ? (a << count) & m : 0;
        cc_set(v, CC_OP_SHL, sz, a, count, res);
    } else if (op == SH_SHR) {
        res = count < 64 ? a >> count : 0;
        cc_set(v, CC_OP_SHR, sz, a, count, res);
    } else {
        int64_t sa = (int64_t)sign_extend_sz(a, sz);
        res = (uint64_t)(sa >> (count < 64 ? count : 63)) & m;
        cc_set(v, CC_OP_SAR, sz, a, count, res);
    }
    return res;
}

#endif
