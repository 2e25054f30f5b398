/*
 * Far JMP/CALL through a call gate in legacy protected mode (Intel SDM
 * vol. 3, 5.8): the gate names the code segment and entry point; a CALL to
 * a more privileged non-conforming segment switches to that level's stack
 * from the 32-bit TSS and copies the gate's parameter count of stack
 * entries across.  RETF (imm16) undoes it (tcg_far_return).  64-bit call
 * gates (long mode) are not implemented (-d unimp, #GP).
 */
#include <modemu/log.h>

#include "accel/tcg/segmentation.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/operands.h"

#define GATE_MAX_PARAMS 31

/* Code segment the gate targets: present, DPL <= CPL. */
static void read_gate_target(tcg_vcpu *v, uint16_t cs_sel, uint32_t *lo, uint32_t *hi)
{
    if ((cs_sel & ~3u) == 0)
        tcg_raise_error(v, X86_EXC_GP, 0);
    tcg_read_descriptor(v, cs_sel, lo, hi);
    unsigned dpl = (*hi >> X86_DESC_DPL_SHIFT) & 3;
    if (!(*hi & X86_DESC_S) || !(*hi & X86_DESC_CS) || dpl > mm_x86_cpl(&v->s))
        tcg_raise_error(v, X86_EXC_GP, cs_sel & 0xfffc);
    if (!(*hi & X86_DESC_P))
        tcg_raise_error(v, X86_EXC_NP, cs_sel & 0xfffc);
}

void tcg_call_gate(tcg_vcpu *v, uint16_t gate_sel, uint32_t glo, uint32_t ghi, bool call)
{
    unsigned type = (ghi >> 8) & 0xf;
    if (mm_x86_long_mode(&v->s)) {
        mm_log(MM_LOG_UNIMP, "far %s through a 64-bit call gate (selector %#x) not implemented\n",
               call ? "CALL" : "JMP", gate_sel);
        tcg_raise_error(v, X86_EXC_GP, gate_sel & 0xfffc);
    }
    unsigned size = type == X86_SYS_CALL ? SZ32 : SZ16, bytes = 1u << size;
    uint16_t cs_sel = (uint16_t)(glo >> 16);
    uint64_t offset = (glo & 0xffff) | (size == SZ32 ? (ghi & 0xffff0000) : 0);
    uint32_t lo, hi;
    read_gate_target(v, cs_sel, &lo, &hi);
    unsigned cpl = mm_x86_cpl(&v->s), dpl = (hi >> X86_DESC_DPL_SHIFT) & 3;
    bool conforming = hi & X86_DESC_C;
    if (!call) {
        if (!conforming && dpl != cpl)
            tcg_raise_error(v, X86_EXC_GP, cs_sel & 0xfffc);
        tcg_load_cs_checked(v, cs_sel, cpl);
        v->s.rip = offset;
        return;
    }
    uint16_t old_cs = v->s.seg[X86_SEG_CS].selector, old_ss = v->s.seg[X86_SEG_SS].selector;
    uint64_t old_sp = v->s.regs[X86_R_SP] & addr_mask(stack_size(v));
    uint64_t ret = v->s.rip;
    if (!conforming && dpl < cpl) {
        mm_x86_segment new_ss;
        uint32_t new_esp;
        tcg_inner_stack(v, dpl, &new_ss, &new_esp);
        /* The parameters, read at the caller's privilege before anything changes. */
        unsigned count = ghi & 0x1f;
        uint64_t params[GATE_MAX_PARAMS];
        for (unsigned i = 0; i < count; i++)
            params[i] = tcg_read(v, X86_SEG_SS, (old_sp + i * bytes) & addr_mask(stack_size(v)),
                                 bytes);
        tcg_load_cs_checked(v, cs_sel, dpl);
        v->s.seg[X86_SEG_SS] = new_ss;
        v->s.regs[X86_R_SP] = new_esp;
        tcg_update_mode(v);
        push_val(v, size, old_ss);
        push_val(v, size, old_sp);
        for (unsigned i = count; i-- > 0;)
            push_val(v, size, params[i]);
    } else {
        tcg_load_cs_checked(v, cs_sel, cpl);
    }
    push_val(v, size, old_cs);
    push_val(v, size, ret);
    v->s.rip = offset;
}
