/*
 * Instructions that exist only outside 64-bit mode (#UD there): the BCD
 * adjustments DAA, DAS, AAA, AAS, AAM, AAD, and ARPL and BOUND.  Flags the
 * SDM leaves undefined are set as QEMU sets them: OF clear after DAA/DAS,
 * SF/ZF/PF/OF kept by AAA/AAS, CF/AF/OF clear after AAM/AAD.
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/shift.h"

static uint8_t al_of(const tcg_vcpu *v)
{
    return (uint8_t)v->s.regs[X86_R_AX];
}

/* SF, ZF and PF of al, plus `others` (CF/AF as computed). */
static void set_al_flags(tcg_vcpu *v, uint8_t al, uint64_t others)
{
    cc_set_eflags(v, others | parity_flag(al) | (al == 0 ? X86_FLAG_ZF : 0) |
                     ((al & 0x80) ? X86_FLAG_SF : 0));
}

/* 27 DAA / 2F DAS: decimal adjust AL after a packed-BCD add or subtract. */
static void decimal_adjust(tcg_vcpu *v, bool subtract)
{
    uint64_t fl = cc_compute(v);
    uint8_t al = al_of(v), old_al = al;
    bool old_cf = fl & X86_FLAG_CF, cf = false, af = false;
    if ((al & 0xf) > 9 || (fl & X86_FLAG_AF)) {
        cf = old_cf || (subtract ? al < 6 : al > 0xf9);
        al = (uint8_t)(subtract ? al - 6 : al + 6);
        af = true;
    }
    if (old_al > 0x99 || old_cf) {
        al = (uint8_t)(subtract ? al - 0x60 : al + 0x60);
        cf = true;
    } else if (!subtract) {
        cf = false;   /* DAA's second step decides CF alone; DAS keeps the first's */
    }
    gpr_write(v, X86_R_AX, SZ8, al);
    set_al_flags(v, al, (cf ? X86_FLAG_CF : 0) | (af ? X86_FLAG_AF : 0));
}

void op_daa(tcg_vcpu *v, const tcg_insn *in) { (void)in; decimal_adjust(v, false); }
void op_das(tcg_vcpu *v, const tcg_insn *in) { (void)in; decimal_adjust(v, true); }

/* 37 AAA / 3F AAS: ASCII adjust after an unpacked-BCD add or subtract. */
static void ascii_adjust(tcg_vcpu *v, bool subtract)
{
    uint64_t fl = cc_compute(v);
    uint16_t ax = (uint16_t)v->s.regs[X86_R_AX];
    bool adjust = (ax & 0xf) > 9 || (fl & X86_FLAG_AF);
    if (adjust) {
        /* AAA: AX += 0x106.  AAS: AX -= 6, then AH -= 1 (borrows reach AH). */
        ax = (uint16_t)(subtract ? ax - 6 - 0x100 : ax + 0x106);
    }
    gpr_write(v, X86_R_AX, SZ16, (uint16_t)(ax & 0xff0f));
    fl &= ~(uint64_t)(X86_FLAG_CF | X86_FLAG_AF);
    cc_set_eflags(v, fl | (adjust ? X86_FLAG_CF | X86_FLAG_AF : 0));
}

void op_aaa(tcg_vcpu *v, const tcg_insn *in) { (void)in; ascii_adjust(v, false); }
void op_aas(tcg_vcpu *v, const tcg_insn *in) { (void)in; ascii_adjust(v, true); }

/* D4 ib AAM: AH = AL / base, AL = AL % base (#DE for base 0). */
void op_aam(tcg_vcpu *v, const tcg_insn *in)
{
    uint8_t base = (uint8_t)in->imm, al = al_of(v);
    if (base == 0)
        tcg_raise(v, X86_EXC_DE);
    uint8_t rem = al % base;
    gpr_write(v, X86_R_AX, SZ16, (uint16_t)(((al / base) << 8) | rem));
    set_al_flags(v, rem, 0);
}

/* D5 ib AAD: AL = AL + AH * base, AH = 0. */
void op_aad(tcg_vcpu *v, const tcg_insn *in)
{
    uint16_t ax = (uint16_t)v->s.regs[X86_R_AX];
    uint8_t al = (uint8_t)((ax & 0xff) + (ax >> 8) * (uint8_t)in->imm);
    gpr_write(v, X86_R_AX, SZ16, al);
    set_al_flags(v, al, 0);
}

/* 63 /r outside 64-bit mode: ARPL r/m16, r16 (protected mode only). */
void op_arpl(tcg_vcpu *v, const tcg_insn *in)
{
    if (!(v->s.cr0 & X86_CR0_PE) || (v->s.rflags & X86_FLAG_VM))
        tcg_raise(v, X86_EXC_UD);
    uint16_t dst = (uint16_t)rm_read(v, in, SZ16);
    uint16_t src = (uint16_t)reg_read(v, in->reg, SZ16, in);
    bool raise_rpl = (dst & 3) < (src & 3);
    if (raise_rpl)
        rm_write(v, in, SZ16, (dst & ~3u) | (src & 3u));
    uint64_t fl = cc_compute(v) & ~(uint64_t)X86_FLAG_ZF;
    cc_set_eflags(v, fl | (raise_rpl ? X86_FLAG_ZF : 0));
}

/* 62 /r: BOUND r16/32, m16&16/m32&32: #BR unless lower <= index <= upper
 * (signed).  A register operand is #UD. */
void op_bound(tcg_vcpu *v, const tcg_insn *in)
{
    if (in->mod == 3)
        tcg_raise(v, X86_EXC_UD);
    unsigned sz = in->opsize, bytes = 1u << sz;
    uint64_t ea = tcg_ea(v, in);
    int64_t lower = (int64_t)sign_extend_sz(tcg_read(v, in->seg, ea, bytes), sz);
    uint64_t ea_upper = (ea + bytes) & addr_mask(in->adsize);
    int64_t upper = (int64_t)sign_extend_sz(tcg_read(v, in->seg, ea_upper, bytes), sz);
    int64_t index = (int64_t)sign_extend_sz(reg_read(v, in->reg, sz, in), sz);
    if (index < lower || index > upper)
        tcg_raise(v, X86_EXC_BR);
}
