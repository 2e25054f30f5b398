/* Lazy condition flags: computing them when they are read (see flags.h). */
#include "accel/tcg/flags.h"

/* ZF, SF, PF of a result. */
static uint64_t result_flags(uint64_t res, unsigned sz)
{
    uint64_t f = parity_flag(res);
    if ((res & size_mask(sz)) == 0)
        f |= X86_FLAG_ZF;
    if (res & sign_bit(sz))
        f |= X86_FLAG_SF;
    return f;
}

static uint64_t add_flags(uint64_t a, uint64_t b, uint64_t res, unsigned sz, bool carry_in)
{
    uint64_t m = size_mask(sz);
    a &= m, b &= m, res &= m;
    uint64_t f = result_flags(res, sz);
    if (carry_in ? res <= a : res < a)
        f |= X86_FLAG_CF;
    if ((a ^ b ^ res) & 0x10)
        f |= X86_FLAG_AF;
    if (((a ^ res) & (b ^ res)) & sign_bit(sz))
        f |= X86_FLAG_OF;
    return f;
}

static uint64_t sub_flags(uint64_t a, uint64_t b, uint64_t res, unsigned sz, bool borrow_in)
{
    uint64_t m = size_mask(sz);
    a &= m, b &= m, res &= m;
    uint64_t f = result_flags(res, sz);
    if (borrow_in ? a <= b : a < b)
        f |= X86_FLAG_CF;
    if ((a ^ b ^ res) & 0x10)
        f |= X86_FLAG_AF;
    if (((a ^ b) & (a ^ res)) & sign_bit(sz))
        f |= X86_FLAG_OF;
    return f;
}

/* SHL/SHR/SAR by a non-zero count: CF is the last bit shifted out, OF as for
 * a count of 1 (the same formula otherwise), AF cleared. */
static uint64_t shift_flags_lazy(unsigned op, uint64_t a, unsigned count, uint64_t res,
                                 unsigned sz)
{
    unsigned width = 8u << sz;
    uint64_t msb = sign_bit(sz), cf, of;
    a &= size_mask(sz);
    if (op == CC_OP_SHL) {
        cf = count <= width ? ((a << (count - 1)) & msb) != 0 : 0;
        of = ((res & msb) != 0) ^ cf;
    } else if (op == CC_OP_SHR) {
        cf = (a >> (count - 1)) & 1;
        of = (a & msb) != 0;
    } else {
        unsigned shift = 64 - width;
        int64_t sa = (int64_t)(a << shift) >> shift;
        cf = (uint64_t)(sa >> (count - 1 < 64 ? count - 1 : 63)) & 1;
        of = 0;
    }
    return result_flags(res, sz) | (cf ? X86_FLAG_CF : 0) | (of ? X86_FLAG_OF : 0);
}

uint64_t cc_compute(const tcg_vcpu *v)
{
    unsigned sz = v->cc_size;
    uint64_t a = v->cc_src1, b = v->cc_src2, res = v->cc_res;
    switch (v->cc_op) {
    case CC_OP_EFLAGS:
        return v->cc_src1;
    case CC_OP_ADD:
        return add_flags(a, b, res, sz, false);
    case CC_OP_ADC:
        /* cc_src2 holds b; the carry-in is recovered from the result. */
        return add_flags(a, b, res, sz, ((a + b) & size_mask(sz)) != (res & size_mask(sz)));
    case CC_OP_SUB:
        return sub_flags(a, b, res, sz, false);
    case CC_OP_SBB:
        return sub_flags(a, b, res, sz, ((a - b) & size_mask(sz)) != (res & size_mask(sz)));
    case CC_OP_LOGIC:
        return result_flags(res, sz);
    case CC_OP_INC:
        /* cc_src2 holds the preserved CF. */
        return (add_flags(a, 1, res, sz, false) & ~X86_FLAG_CF) | (b & X86_FLAG_CF);
    case CC_OP_DEC:
        return (sub_flags(a, 1, res, sz, false) & ~X86_FLAG_CF) | (b & X86_FLAG_CF);
    case CC_OP_SHL:
    case CC_OP_SHR:
    case CC_OP_SAR:
        return shift_flags_lazy(v->cc_op, a, (unsigned)b, res & size_mask(sz), sz);
    case CC_OP_MUL:
        return result_flags(res, sz) | (a ? X86_FLAG_CF | X86_FLAG_OF : 0);
    }
    return 0;
}

uint64_t cc_compute_cf(const tcg_vcpu *v)
{
    uint64_t m = size_mask(v->cc_size);
    uint64_t a = v->cc_src1 & m, b = v->cc_src2 & m, res = v->cc_res & m;
    switch (v->cc_op) {
    case CC_OP_ADD:
        return res < a;
    case CC_OP_SUB:
        return a < b;
    case CC_OP_LOGIC:
        return 0;
    case CC_OP_EFLAGS:
        return v->cc_src1 & X86_FLAG_CF;
    case CC_OP_INC:
    case CC_OP_DEC:
        return v->cc_src2 & X86_FLAG_CF;   /* INC/DEC keep the previous CF */
    default:
        return cc_compute(v) & X86_FLAG_CF;
    }
}

bool cc_test_slow(const tcg_vcpu *v, unsigned cond)
{
    bool r;
    /* Fast path: CMP/SUB results compare the operands directly. */
    if (v->cc_op == CC_OP_SUB) {
        unsigned sz = v->cc_size;
        uint64_t m = size_mask(sz);
        uint64_t a = v->cc_src1 & m, b = v->cc_src2 & m;
        int shift = 64 - (8 << sz);
        int64_t sa = (int64_t)(a << shift) >> shift, sb = (int64_t)(b << shift) >> shift;
        switch (cond >> 1) {
        case 1: r = a < b; goto done;            /* B */
        case 2: r = a == b; goto done;           /* Z */
        case 3: r = a <= b; goto done;           /* BE */
        case 6: r = sa < sb; goto done;          /* L */
        case 7: r = sa <= sb; goto done;         /* LE */
        default: break;
        }
    }
    if (v->cc_op != CC_OP_EFLAGS && ((cond >> 1) == 2 || (cond >> 1) == 4)) {
        /* ZF and SF come straight from the recorded result. */
        uint64_t res = v->cc_res & size_mask(v->cc_size);
        r = (cond >> 1) == 2 ? res == 0 : (res & sign_bit(v->cc_size)) != 0;
        goto done;
    }
    uint64_t f = cc_compute(v);
    switch (cond >> 1) {
    case 0: r = f & X86_FLAG_OF; break;
    case 1: r = f & X86_FLAG_CF; break;
    case 2: r = f & X86_FLAG_ZF; break;
    case 3: r = f & (X86_FLAG_CF | X86_FLAG_ZF); break;
    case 4: r = f & X86_FLAG_SF; break;
    case 5: r = f & X86_FLAG_PF; break;
    case 6: r = !(f & X86_FLAG_SF) != !(f & X86_FLAG_OF); break;
    default: r = (f & X86_FLAG_ZF) || (!(f & X86_FLAG_SF) != !(f & X86_FLAG_OF)); break;
    }
done:
    return (cond & 1) ? !r : r;
}

uint64_t tcg_get_rflags(const tcg_vcpu *v)
{
    return (v->s.rflags & ~(uint64_t)X86_FLAGS_ARITH) | cc_compute(v) | X86_FLAG_FIXED1;
}

void tcg_set_rflags(tcg_vcpu *v, uint64_t value, uint64_t mask)
{
    uint64_t arith_mask = mask & X86_FLAGS_ARITH;
    if (arith_mask) {
        uint64_t cur = cc_compute(v);
        cc_set_eflags(v, (cur & ~arith_mask) | (value & arith_mask));
    }
    uint64_t other = mask & ~(uint64_t)X86_FLAGS_ARITH;
    uint64_t old = v->s.rflags;
    v->s.rflags = (old & ~other) | (value & other) | X86_FLAG_FIXED1;
    /* IF set (POPF, IRET, SYSRET): back to the run loop, which delivers
     * an interrupt that waited; block ends do not look for one.  TF set:
     * back to the run loop, which single-steps from the next instruction. */
    if (v->s.rflags & ~old & (X86_FLAG_IF | X86_FLAG_TF))
        v->exit_block = true;
}
