/*
 * Fast system calls: SYSCALL/SYSRET (AMD64, EFER.SCE) and SYSENTER/SYSEXIT
 * (the "sep" feature).  The flat segments they load come from the STAR /
 * SYSENTER_CS MSRs as the SDM describes, not from the GDT.
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/segmentation.h"

static void flat_segment(mm_x86_segment *s, uint16_t sel, unsigned dpl, bool code, bool code64)
{
    s->selector = sel;
    s->base = 0;
    s->limit = 0xffffffff;
    s->flags = X86_DESC_P | X86_DESC_S | X86_DESC_G | X86_DESC_A | X86_DESC_W |
               (dpl << X86_DESC_DPL_SHIFT);
    if (code)
        s->flags |= X86_DESC_CS | (code64 ? X86_DESC_L : X86_DESC_B);
    else
        s->flags |= X86_DESC_B;
}

void op_syscall(tcg_vcpu *v, const tcg_insn *in)
{
    if (!(v->s.efer & X86_EFER_SCE) || !mm_x86_long_mode(&v->s)) {
        /* Legacy-mode SYSCALL is only defined on AMD with SCE; we model long mode. */
        tcg_raise(v, X86_EXC_UD);
    }
    uint16_t sel = (uint16_t)(v->s.msr.star >> 32);
    v->s.regs[X86_R_CX] = v->s.rip;
    v->s.regs[X86_R_R11] = tcg_get_rflags(v) & ~(uint64_t)X86_FLAG_RF;
    flat_segment(&v->s.seg[X86_SEG_CS], sel & 0xfffc, 0, true, true);
    flat_segment(&v->s.seg[X86_SEG_SS], (sel + 8) & 0xfffc, 0, false, false);
    tcg_set_rflags(v, 0, v->s.msr.sfmask | X86_FLAG_RF);
    v->s.rip = v->code_size == SZ64 ? v->s.msr.lstar : v->s.msr.cstar;
    tcg_update_mode(v);
}

void op_sysret(tcg_vcpu *v, const tcg_insn *in)
{
    if (!(v->s.efer & X86_EFER_SCE) || !mm_x86_long_mode(&v->s))
        tcg_raise(v, X86_EXC_UD);
    if (mm_x86_cpl(&v->s) != 0 || v->code_size != SZ64)
        tcg_raise_error(v, X86_EXC_GP, 0);
    uint16_t sel = (uint16_t)(v->s.msr.star >> 48);
    bool to64 = (in->prefix & PFX_REXW) != 0;
    uint64_t rip = v->s.regs[X86_R_CX];
    if (to64 && (uint64_t)((int64_t)(rip << 16) >> 16) != rip)
        tcg_raise_error(v, X86_EXC_GP, 0);
    if (to64)
        flat_segment(&v->s.seg[X86_SEG_CS], (uint16_t)((sel + 16) | 3), 3, true, true);
    else
        flat_segment(&v->s.seg[X86_SEG_CS], (uint16_t)(sel | 3), 3, true, false);
    /* SS keeps its cached attributes except the selector and DPL (as hardware). */
    v->s.seg[X86_SEG_SS].selector = (uint16_t)((sel + 8) | 3);
    v->s.seg[X86_SEG_SS].flags = (v->s.seg[X86_SEG_SS].flags & ~X86_DESC_DPL_MASK) |
                                 (3u << X86_DESC_DPL_SHIFT);
    tcg_set_rflags(v, v->s.regs[X86_R_R11], 0x3c7fd7);
    v->s.rip = to64 ? rip : (uint32_t)rip;
    tcg_update_mode(v);
    v->exit_block = true;
}

void op_sysenter(tcg_vcpu *v, const tcg_insn *in)
{
    uint16_t cs = (uint16_t)v->s.msr.sysenter_cs;
    if (!(v->s.cr0 & X86_CR0_PE) || (cs & 0xfffc) == 0)
        tcg_raise_error(v, X86_EXC_GP, 0);
    bool lm = mm_x86_long_mode(&v->s);
    v->s.rflags &= ~(uint64_t)(X86_FLAG_VM | X86_FLAG_IF | X86_FLAG_RF);
    flat_segment(&v->s.seg[X86_SEG_CS], cs & 0xfffc, 0, true, lm);
    flat_segment(&v->s.seg[X86_SEG_SS], (cs + 8) & 0xfffc, 0, false, false);
    v->s.regs[X86_R_SP] = lm ? v->s.msr.sysenter_esp : (uint32_t)v->s.msr.sysenter_esp;
    v->s.rip = lm ? v->s.msr.sysenter_eip : (uint32_t)v->s.msr.sysenter_eip;
    tcg_update_mode(v);
}

void op_sysexit(tcg_vcpu *v, const tcg_insn *in)
{
    uint16_t cs = (uint16_t)v->s.msr.sysenter_cs;
    if (!(v->s.cr0 & X86_CR0_PE) || (cs & 0xfffc) == 0 || mm_x86_cpl(&v->s) != 0)
        tcg_raise_error(v, X86_EXC_GP, 0);
    bool to64 = (in->prefix & PFX_REXW) != 0;
    flat_segment(&v->s.seg[X86_SEG_CS], (uint16_t)((cs + (to64 ? 32 : 16)) | 3), 3, true, to64);
    flat_segment(&v->s.seg[X86_SEG_SS], (uint16_t)((cs + (to64 ? 40 : 24)) | 3), 3, false, false);
    v->s.regs[X86_R_SP] = to64 ? v->s.regs[X86_R_CX] : (uint32_t)v->s.regs[X86_R_CX];
    v->s.rip = to64 ? v->s.regs[X86_R_DX] : (uint32_t)v->s.regs[X86_R_DX];
    tcg_update_mode(v);
}
