/*
 * MUL, IMUL (one, two and three operand forms), DIV, IDIV.  CF = OF says
 * whether the high half is significant; SF, ZF, PF follow the low result as
 * on current Intel parts (the SDM leaves them undefined), AF is cleared.
 * Division by zero or a quotient that does not fit raises #DE.
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/muldiv.h"

static int64_t sext(uint64_t x, unsigned sz)
{
    return (int64_t)sign_extend_sz(x, sz);
}

/* Stores a double-width result in AX (8-bit), DX:AX, EDX:EAX or RDX:RAX. */
static void store_wide(tcg_vcpu *v, unsigned sz, unsigned __int128 r)
{
    unsigned width = 8u << sz;
    if (sz == SZ8) {
        gpr_write(v, X86_R_AX, SZ16, (uint64_t)r & 0xffff);
        return;
    }
    gpr_write(v, X86_R_AX, sz, (uint64_t)r);
    gpr_write(v, X86_R_DX, sz, (uint64_t)(r >> width));
}

void op_mul_rm(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize, width = 8u << sz;
    uint64_t b = rm_read(v, in, sz), a = v->s.regs[X86_R_AX] & size_mask(sz);
    unsigned __int128 r = (unsigned __int128)a * b;
    store_wide(v, sz, r);
    mul_flags(v, sz, (uint64_t)r, (r >> width) != 0);
}

void op_imul1_rm(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize, width = 8u << sz;
    int64_t b = sext(rm_read(v, in, sz), sz), a = sext(v->s.regs[X86_R_AX], sz);
    __int128 r = (__int128)a * b;
    store_wide(v, sz, (unsigned __int128)r);
    __int128 low = (__int128)sext((uint64_t)r, sz);
    (void)width;
    mul_flags(v, sz, (uint64_t)r, low != r);
}

void op_imul_r_rm(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t r = imul_trunc(v, sz, reg_read(v, in->reg, sz, in), rm_read(v, in, sz));
    reg_write(v, in->reg, sz, r, in);
}

void op_imul_r_rm_imm(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t r = imul_trunc(v, sz, rm_read(v, in, sz), in->imm);
    reg_write(v, in->reg, sz, r, in);
}

void op_div_rm(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize, width = 8u << sz;
    uint64_t m = size_mask(sz);
    uint64_t d = rm_read(v, in, sz);
    if (d == 0)
        tcg_raise(v, X86_EXC_DE);
    unsigned __int128 n;
    if (sz == SZ8)
        n = v->s.regs[X86_R_AX] & 0xffff;
    else
        n = ((unsigned __int128)(v->s.regs[X86_R_DX] & m) << width) | (v->s.regs[X86_R_AX] & m);
    unsigned __int128 q = n / d, r = n % d;
    if (q > m)
        tcg_raise(v, X86_EXC_DE);
    if (sz == SZ8) {
        gpr_write(v, X86_R_AX, SZ16, ((uint64_t)r << 8) | (uint64_t)q);
    } else {
        gpr_write(v, X86_R_AX, sz, (uint64_t)q);
        gpr_write(v, X86_R_DX, sz, (uint64_t)r);
    }
}

void op_idiv_rm(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize, width = 8u << sz;
    uint64_t m = size_mask(sz);
    int64_t d = sext(rm_read(v, in, sz), sz);
    if (d == 0)
        tcg_raise(v, X86_EXC_DE);
    __int128 n;
    if (sz == SZ8)
        n = (int16_t)(v->s.regs[X86_R_AX] & 0xffff);
    else if (sz == SZ64)
        n = (__int128)(((unsigned __int128)v->s.regs[X86_R_DX] << 64) | v->s.regs[X86_R_AX]);
    else   /* sign-extended DX:AX / EDX:EAX fits comfortably in 64 bits */
        n = (int64_t)(((uint64_t)sext(v->s.regs[X86_R_DX], sz) << width) |
                      (v->s.regs[X86_R_AX] & m));
    /* INT128_MIN / -1 would trap on the host: it overflows the guest anyway. */
    if (d == -1 && sz == SZ64 && (unsigned __int128)n == ((unsigned __int128)1 << 127))
        tcg_raise(v, X86_EXC_DE);
    __int128 q = n / d, r = n % d;
    __int128 qmax = (__int128)(sign_bit(sz) - 1), qmin = -(__int128)sign_bit(sz);
    if (q > qmax || q < qmin)
        tcg_raise(v, X86_EXC_DE);
    if (sz == SZ8) {
        gpr_write(v, X86_R_AX, SZ16, (((uint64_t)r & 0xff) << 8) | ((uint64_t)q & 0xff));
    } else {
        gpr_write(v, X86_R_AX, sz, (uint64_t)q & m);
        gpr_write(v, X86_R_DX, sz, (uint64_t)r & m);
    }
}
