/*
 * Control transfers: JMP, Jcc, CALL, RET (near and far), LOOP/LOOPcc/JrCXZ,
 * INT n, INT3, INTO, IRET.  RIP already points at the next instruction when a
 * handler runs, so relative targets are RIP + displacement.
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/segmentation.h"

void op_jmp_rel(tcg_vcpu *v, const tcg_insn *in)
{
    jump_to(v, v->s.rip + in->imm, in->opsize);
}

void op_jcc(tcg_vcpu *v, const tcg_insn *in)
{
    jcc_branch(v, in);
}

void op_call_rel(tcg_vcpu *v, const tcg_insn *in)
{
    push_val(v, in->opsize, v->s.rip);
    jump_to(v, v->s.rip + in->imm, in->opsize);
}

void op_call_rm(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t target = rm_read(v, in, in->opsize);
    push_val(v, in->opsize, v->s.rip);
    jump_to(v, target, in->opsize);
}

void op_jmp_rm(tcg_vcpu *v, const tcg_insn *in)
{
    jump_to(v, rm_read(v, in, in->opsize), in->opsize);
}

void op_ret(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t target = pop_val(v, in->opsize);
    if (in->opcode == 0xc2)
        sp_write(v, v->s.regs[X86_R_SP] + (in->imm & 0xffff));
    jump_to(v, target, in->opsize);
}

/* E0-E3: LOOPNE, LOOPE, LOOP, JrCXZ; the counter width is the address size. */
void op_loop(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned asz = in->adsize;
    uint64_t count = v->s.regs[X86_R_CX] & addr_mask(asz);
    bool taken;
    if (in->opcode == 0xe3) {
        taken = count == 0;
    } else {
        count = (count - 1) & addr_mask(asz);
        gpr_write(v, X86_R_CX, asz, count);
        taken = count != 0;
        if (in->opcode == 0xe0)
            taken = taken && !cc_test(v, 4);   /* while not equal */
        else if (in->opcode == 0xe1)
            taken = taken && cc_test(v, 4);
    }
    if (taken)
        jump_to(v, v->s.rip + in->imm, in->opsize);
}

/* EA / 9A: direct far JMP/CALL (not in 64-bit mode). */
void op_jmp_far(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_far_jump(v, in->imm2, in->imm, in->opsize);
}

void op_call_far(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_far_call(v, in->imm2, in->imm, in->opsize);
}

/* FF /3 and /5: far pointer in memory (offset, then selector). */
static void far_pointer(tcg_vcpu *v, const tcg_insn *in, uint16_t *sel, uint64_t *offset)
{
    if (in->mod == 3)
        tcg_raise(v, X86_EXC_UD);
    unsigned bytes = 1u << in->opsize;
    uint64_t ea = tcg_ea(v, in);
    *offset = tcg_read(v, in->seg, ea, bytes);
    *sel = (uint16_t)tcg_read(v, in->seg, (ea + bytes) & addr_mask(in->adsize), 2);
}

void op_jmp_far_rm(tcg_vcpu *v, const tcg_insn *in)
{
    uint16_t sel;
    uint64_t off;
    far_pointer(v, in, &sel, &off);
    tcg_far_jump(v, sel, off, in->opsize);
}

void op_call_far_rm(tcg_vcpu *v, const tcg_insn *in)
{
    uint16_t sel;
    uint64_t off;
    far_pointer(v, in, &sel, &off);
    tcg_far_call(v, sel, off, in->opsize);
}

void op_ret_far(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_far_return(v, in->opsize, in->opcode == 0xca ? (uint16_t)in->imm : 0);
}

void op_iret(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_iret(v, in->opsize);
}

void op_int(tcg_vcpu *v, const tcg_insn *in)
{
    if ((v->s.rflags & X86_FLAG_VM) && ((v->s.rflags & X86_FLAG_IOPL) >> 12) < 3)
        tcg_raise_error(v, X86_EXC_GP, 0);
    tcg_deliver_event(v, (int)(in->imm & 0xff), EVT_SOFT_INT, false, 0);
}

void op_int3(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_deliver_event(v, X86_EXC_BP, EVT_SOFT_INT, false, 0);
}

void op_into(tcg_vcpu *v, const tcg_insn *in)
{
    if (cc_compute(v) & X86_FLAG_OF)
        tcg_deliver_event(v, X86_EXC_OF, EVT_SOFT_INT, false, 0);
}
