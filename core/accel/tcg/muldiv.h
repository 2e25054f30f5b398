/*
 * The truncating IMUL (two and three operand forms) with its lazy flag
 * record: shared by the general handlers (ops_muldiv.c) and the fast paths.
 */
#ifndef MODEMU_TCG_MULDIV_H
#define MODEMU_TCG_MULDIV_H

#include "accel/tcg/flags.h"
#include "accel/tcg/shift.h"

/* Lazy: the flags are computed only if something reads them (flags.c). */
static inline void mul_flags(tcg_vcpu *v, unsigned sz, uint64_t low, bool overflow)
{
    cc_set(v, CC_OP_MUL, sz, overflow, 0, low);
}

/* x * y signed at size sz, truncated; CF = OF = the product did not fit. */
static inline uint64_t imul_trunc(tcg_vcpu *v, unsigned sz, uint64_t x, uint64_t y)
{
    __int128 r = (__int128)(int64_t)sign_extend_sz(x, sz) * (int64_t)sign_extend_sz(y, sz);
    mul_flags(v, sz, (uint64_t)r, (__int128)(int64_t)sign_extend_sz((uint64_t)r, sz) != r);
    return (uint64_t)r & size_mask(sz);
}

#endif
