/*
 * Stack instructions: PUSH/POP of registers, immediates, r/m and segment
 * registers, PUSHF/POPF, PUSHA/POPA, ENTER, LEAVE.
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/segmentation.h"

void op_push_r(tcg_vcpu *v, const tcg_insn *in)
{
    push_val(v, in->opsize, v->s.regs[in->rm]);
}

void op_pop_r(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t val = pop_val(v, in->opsize);
    gpr_write(v, in->rm, in->opsize, val);
}

void op_push_imm(tcg_vcpu *v, const tcg_insn *in)
{
    push_val(v, in->opsize, in->imm);
}

void op_push_rm(tcg_vcpu *v, const tcg_insn *in)
{
    push_val(v, in->opsize, rm_read(v, in, in->opsize));
}

/* 8F /0: POP r/m.  RSP is incremented before the destination address is
 * computed, as the SDM specifies. */
void op_pop_rm(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t old_sp = v->s.regs[X86_R_SP];
    uint64_t val = pop_val(v, sz);
    if (in->mod == 3) {
        gpr_write(v, in->rm, sz, val);
        return;
    }
    /* Undo the pop if the destination faults, so the instruction restarts. */
    uint64_t new_sp = v->s.regs[X86_R_SP];
    uint64_t lin = rm_linear(v, in, 1u << sz, ACC_WRITE);
    v->s.regs[X86_R_SP] = old_sp;
    tcg_lin_write(v, lin, 1u << sz, val);
    v->s.regs[X86_R_SP] = new_sp;
}

void op_pushf(tcg_vcpu *v, const tcg_insn *in)
{
    if ((v->s.rflags & X86_FLAG_VM) && ((v->s.rflags & X86_FLAG_IOPL) >> 12) < 3)
        tcg_raise_error(v, X86_EXC_GP, 0);
    /* VM and RF are never pushed. */
    push_val(v, in->opsize, tcg_get_rflags(v) & ~(uint64_t)(X86_FLAG_VM | X86_FLAG_RF));
}

void op_popf(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned cpl = mm_x86_cpl(&v->s);
    unsigned iopl = (v->s.rflags & X86_FLAG_IOPL) >> 12;
    if ((v->s.rflags & X86_FLAG_VM) && iopl < 3)
        tcg_raise_error(v, X86_EXC_GP, 0);
    uint64_t val = pop_val(v, in->opsize);
    uint64_t mask = X86_FLAGS_ARITH | X86_FLAG_TF | X86_FLAG_DF | X86_FLAG_NT |
                    X86_FLAG_AC | X86_FLAG_ID;
    if (cpl <= iopl)
        mask |= X86_FLAG_IF;
    if (cpl == 0)
        mask |= X86_FLAG_IOPL;
    if (in->opsize == SZ16)
        mask &= 0xffff;
    tcg_set_rflags(v, val, mask);   /* ends the block when it sets IF */
}

void op_pusha(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t sp = v->s.regs[X86_R_SP];
    for (unsigned r = 0; r < 8; r++)
        push_val(v, in->opsize, r == X86_R_SP ? sp : v->s.regs[r]);
}

void op_popa(tcg_vcpu *v, const tcg_insn *in)
{
    for (int r = 7; r >= 0; r--) {
        uint64_t val = pop_val(v, in->opsize);
        if (r != X86_R_SP)
            gpr_write(v, (unsigned)r, in->opsize, val);
    }
}

void op_leave(tcg_vcpu *v, const tcg_insn *in)
{
    sp_write(v, v->s.regs[X86_R_BP]);
    gpr_write(v, X86_R_BP, in->opsize, pop_val(v, in->opsize));
}

void op_enter(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize, bytes = 1u << sz, level = in->imm2 & 31;
    uint64_t smask = addr_mask(stack_size(v));
    push_val(v, sz, v->s.regs[X86_R_BP]);
    uint64_t frame = v->s.regs[X86_R_SP] & smask;
    uint64_t bp = v->s.regs[X86_R_BP];
    for (unsigned i = 1; i < level; i++) {
        bp = (bp - bytes) & smask;
        push_val(v, sz, tcg_read(v, X86_SEG_SS, bp, bytes));
    }
    if (level)
        push_val(v, sz, frame);
    gpr_write(v, X86_R_BP, sz, frame);
    sp_write(v, (v->s.regs[X86_R_SP] - (in->imm & 0xffff)) & smask);
}

/* PUSH ES/CS/SS/DS/FS/GS: the segment number is in `sub`. */
void op_push_seg(tcg_vcpu *v, const tcg_insn *in)
{
    push_val(v, in->opsize, v->s.seg[in->sub].selector);
}

void op_pop_seg(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t sp = v->s.regs[X86_R_SP] & addr_mask(stack_size(v));
    uint16_t sel = (uint16_t)tcg_read(v, X86_SEG_SS, sp, 1u << sz);
    tcg_load_segment(v, in->sub, sel);
    sp_write(v, sp + (1u << sz));
    if (in->sub == X86_SEG_SS) {
        v->irq_shadow_rip = v->s.rip;
        v->exit_block = true;
    }
}
