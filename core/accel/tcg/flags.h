/*
 * Lazy condition flags.
 *
 * Arithmetic instructions record their operation, operands and result
 * (cc_op, cc_src1, cc_src2, cc_res, cc_size) instead of computing six flags;
 * the flags are computed only when something reads them (Jcc, SETcc, PUSHF,
 * ADC...).  Most results are never looked at, which is the point.
 * Shifts and multiplies record their result too (CC_OP_SHL/SHR/SAR/MUL);
 * instructions whose flags are awkward to express lazily compute them at once
 * and store them with CC_OP_EFLAGS.
 */
#ifndef MODEMU_TCG_FLAGS_H
#define MODEMU_TCG_FLAGS_H

#include "accel/tcg/tcg_vcpu.h"

static inline uint64_t size_mask(unsigned sz)
{
    return sz == SZ64 ? ~0ull : (1ull << (8u << sz)) - 1;
}

static inline uint64_t sign_bit(unsigned sz)
{
    return 1ull << ((8u << sz) - 1);
}

static inline void cc_set(tcg_vcpu *v, unsigned op, unsigned sz, uint64_t a, uint64_t b,
                          uint64_t res)
{
    v->cc_op = op;
    v->cc_size = sz;
    v->cc_src1 = a;
    v->cc_src2 = b;
    v->cc_res = res;
}

/* Stores already computed arithmetic flags (X86_FLAGS_ARITH bits). */
static inline void cc_set_eflags(tcg_vcpu *v, uint64_t arith)
{
    v->cc_op = CC_OP_EFLAGS;
    v->cc_src1 = arith & X86_FLAGS_ARITH;
}

/* The six arithmetic flags of the last operation. */
uint64_t cc_compute(const tcg_vcpu *v);
uint64_t cc_compute_cf(const tcg_vcpu *v);
/* Condition code 0..15 as in Jcc/SETcc/CMOVcc (out-of-line general case). */
bool cc_test_slow(const tcg_vcpu *v, unsigned cond);

/* Conditions after CMP/SUB (B, Z, BE, L, LE) and the ZF ones are decided
 * inline. */
static inline bool cc_test(const tcg_vcpu *v, unsigned cond)
{
    unsigned kind = cond >> 1;
    bool r;
    if (v->cc_op == CC_OP_SUB && ((0xceu >> kind) & 1)) {
        uint64_t m = size_mask(v->cc_size);
        uint64_t a = v->cc_src1 & m, b = v->cc_src2 & m;
        if (kind >= 6) {
            /* Flipping the sign bits turns signed order into unsigned order. */
            a ^= sign_bit(v->cc_size);
            b ^= sign_bit(v->cc_size);
        }
        r = (kind == 1 || kind == 6) ? a < b : kind == 2 ? a == b : a <= b;
    } else if (v->cc_op != CC_OP_EFLAGS && kind == 2) {
        r = (v->cc_res & size_mask(v->cc_size)) == 0;
    } else {
        return cc_test_slow(v, cond);
    }
    return (cond & 1) ? !r : r;
}
/* Full RFLAGS (architectural bits + lazy arithmetic bits). */
uint64_t tcg_get_rflags(const tcg_vcpu *v);
/* Sets RFLAGS bits in `mask` from `value` (arith bits go to the lazy state). */
void tcg_set_rflags(tcg_vcpu *v, uint64_t value, uint64_t mask);
/* Parity flag of the low byte (PF set when the count of ones is even). */
static inline uint64_t parity_flag(uint64_t res)
{
    return (__builtin_popcount((unsigned)(res & 0xff)) & 1) ? 0 : X86_FLAG_PF;
}

#endif
