/* Segmentation and far transfers (see segmentation.h). */
#include <modemu/log.h>

#include "accel/tcg/segmentation.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/operands.h"
#include "accel/tcg/task_switch.h"

void tcg_update_mode(tcg_vcpu *v)
{
    const mm_x86_segment *cs = &v->s.seg[X86_SEG_CS];
    if (mm_x86_long_mode(&v->s) && (cs->flags & X86_DESC_L))
        v->code_size = SZ64;
    else if ((v->s.cr0 & X86_CR0_PE) && !(v->s.rflags & X86_FLAG_VM) && (cs->flags & X86_DESC_B))
        v->code_size = SZ32;
    else if (!(v->s.cr0 & X86_CR0_PE) && (cs->flags & X86_DESC_B))
        v->code_size = SZ32;   /* big real mode code is not possible, but be consistent */
    else
        v->code_size = SZ16;
    v->mmu_idx = mm_x86_cpl(&v->s) == 3 ? TCG_MMU_USER : TCG_MMU_KERNEL;
}

void tcg_read_descriptor(tcg_vcpu *v, uint16_t sel, uint32_t *lo, uint32_t *hi)
{
    uint64_t base;
    uint32_t limit;
    if (sel & 4) {
        if (!(v->s.ldtr.flags & X86_DESC_P))
            tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
        base = v->s.ldtr.base;
        limit = v->s.ldtr.limit;
    } else {
        base = v->s.gdtr.base;
        limit = v->s.gdtr.limit;
    }
    if ((uint32_t)(sel & ~7u) + 7 > limit)
        tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
    uint64_t addr = base + (sel & ~7u);
    *lo = (uint32_t)tcg_sys_read(v, addr, 4);
    *hi = (uint32_t)tcg_sys_read(v, addr + 4, 4);
}

void tcg_seg_from_descriptor(mm_x86_segment *s, uint16_t sel, uint32_t lo, uint32_t hi)
{
    uint32_t limit = (lo & 0xffff) | (hi & 0xf0000);
    if (hi & X86_DESC_G)
        limit = (limit << 12) | 0xfff;
    s->selector = sel;
    s->base = (lo >> 16) | ((hi & 0xff) << 16) | (hi & 0xff000000);
    s->limit = limit;
    s->flags = hi & 0x00ffff00;   /* as QEMU caches it: limit bits 19:16 included */
}

static void set_accessed(tcg_vcpu *v, uint16_t sel, uint32_t hi)
{
    if (hi & X86_DESC_A)
        return;
    uint64_t base = (sel & 4) ? v->s.ldtr.base : v->s.gdtr.base;
    tcg_sys_write(v, base + (sel & ~7u) + 4, 4, hi | X86_DESC_A);
}

static void load_real(tcg_vcpu *v, unsigned seg, uint16_t sel)
{
    mm_x86_segment *s = &v->s.seg[seg];
    s->selector = sel;
    s->base = (uint64_t)sel << 4;
    /* QEMU's behaviour: real and VM86 mode loads reset limit and attributes. */
    s->limit = 0xffff;
    s->flags = X86_DESC_P | X86_DESC_S | X86_DESC_W | X86_DESC_A |
               ((v->s.rflags & X86_FLAG_VM) ? X86_DESC_DPL_MASK : 0);
    if (seg == X86_SEG_CS)
        s->flags |= X86_DESC_CS;
}

void tcg_load_segment(tcg_vcpu *v, unsigned seg, uint16_t sel)
{
    if (!(v->s.cr0 & X86_CR0_PE) || (v->s.rflags & X86_FLAG_VM)) {
        load_real(v, seg, sel);
        if (seg == X86_SEG_CS)
            tcg_update_mode(v);
        return;
    }
    unsigned cpl = mm_x86_cpl(&v->s), rpl = sel & 3;
    mm_x86_segment *s = &v->s.seg[seg];
    if ((sel & ~3u) == 0) {
        if (seg == X86_SEG_SS && (v->code_size != SZ64 || cpl == 3))
            tcg_raise_error(v, X86_EXC_GP, 0);
        /* A null selector makes the register unusable (64-bit SS keeps RPL). */
        s->selector = sel;
        s->base = 0;
        s->limit = 0;
        s->flags = seg == X86_SEG_SS ? (cpl << X86_DESC_DPL_SHIFT) | X86_DESC_B : 0;
        return;
    }
    uint32_t lo, hi;
    tcg_read_descriptor(v, sel, &lo, &hi);
    unsigned dpl = (hi >> X86_DESC_DPL_SHIFT) & 3;
    if (!(hi & X86_DESC_S))
        tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
    if (seg == X86_SEG_SS) {
        if ((hi & X86_DESC_CS) || !(hi & X86_DESC_W) || rpl != cpl || dpl != cpl)
            tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
        if (!(hi & X86_DESC_P))
            tcg_raise_error(v, X86_EXC_SS, sel & 0xfffc);
    } else {
        if ((hi & X86_DESC_CS) && !(hi & X86_DESC_R))
            tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
        bool conforming_code = (hi & X86_DESC_CS) && (hi & X86_DESC_C);
        if (!conforming_code && (dpl < cpl || dpl < rpl))
            tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
        if (!(hi & X86_DESC_P))
            tcg_raise_error(v, X86_EXC_NP, sel & 0xfffc);
    }
    set_accessed(v, sel, hi);
    tcg_seg_from_descriptor(s, sel, lo, hi | X86_DESC_A);
    if (v->code_size == SZ64 && seg < X86_SEG_FS)
        s->base = 0;
}

/* Loads CS from a code descriptor already checked by the caller. */
static void load_cs_desc(tcg_vcpu *v, uint16_t sel, uint32_t lo, uint32_t hi, unsigned cpl)
{
    set_accessed(v, sel, hi);
    tcg_seg_from_descriptor(&v->s.seg[X86_SEG_CS], (uint16_t)((sel & ~3u) | cpl), lo,
                            hi | X86_DESC_A);
    /* CPL lives in CS.DPL in this state layout (QEMU does the same via hflags). */
    v->s.seg[X86_SEG_CS].flags = (v->s.seg[X86_SEG_CS].flags & ~X86_DESC_DPL_MASK) |
                                 (cpl << X86_DESC_DPL_SHIFT);
    tcg_update_mode(v);
}

/* Reads and checks a code segment descriptor for a transfer to sel. */
static void check_code_desc(tcg_vcpu *v, uint16_t sel, uint32_t *lo, uint32_t *hi,
                            unsigned *new_cpl, bool is_return)
{
    if ((sel & ~3u) == 0)
        tcg_raise_error(v, X86_EXC_GP, 0);
    tcg_read_descriptor(v, sel, lo, hi);
    unsigned cpl = mm_x86_cpl(&v->s), rpl = sel & 3, dpl = (*hi >> X86_DESC_DPL_SHIFT) & 3;
    if (!(*hi & X86_DESC_S) || !(*hi & X86_DESC_CS))
        tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
    if (is_return) {
        if (rpl < cpl)
            tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
        if ((*hi & X86_DESC_C) ? dpl > rpl : dpl != rpl)
            tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
        *new_cpl = rpl;
    } else {
        if ((*hi & X86_DESC_C) ? dpl > cpl : (dpl != cpl || rpl > cpl))
            tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
        *new_cpl = cpl;
    }
    if (!(*hi & X86_DESC_P))
        tcg_raise_error(v, X86_EXC_NP, sel & 0xfffc);
}

void tcg_load_cs_checked(tcg_vcpu *v, uint16_t sel, unsigned new_cpl)
{
    uint32_t lo, hi;
    tcg_read_descriptor(v, sel, &lo, &hi);
    load_cs_desc(v, sel, lo, hi, new_cpl);
}

static bool protected_mode(const tcg_vcpu *v)
{
    return (v->s.cr0 & X86_CR0_PE) && !(v->s.rflags & X86_FLAG_VM);
}

/* Far JMP/CALL to a system descriptor: a TSS or a task gate switches
 * tasks, a call gate transfers within this task (call_gate.c). */
static void far_through_system(tcg_vcpu *v, uint16_t sel, uint32_t lo, uint32_t hi,
                               tcg_task_source src)
{
    unsigned type = (hi >> 8) & 0xf, dpl = (hi >> X86_DESC_DPL_SHIFT) & 3;
    bool tss = type == X86_SYS_TSS_AVAIL || type == X86_SYS_TSS16_AVAIL;
    bool call_gate = type == X86_SYS_CALL || type == X86_SYS_CALL16;
    if (mm_x86_long_mode(&v->s) && (tss || type == X86_SYS_TASK))
        tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);   /* no task switches in long mode */
    if (!tss && !call_gate && type != X86_SYS_TASK)
        tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
    if (dpl < mm_x86_cpl(&v->s) || dpl < (sel & 3u))
        tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
    if (!(hi & X86_DESC_P))
        tcg_raise_error(v, X86_EXC_NP, sel & 0xfffc);
    if (call_gate) {
        tcg_call_gate(v, sel, lo, hi, src == TASK_FROM_CALL);
        return;
    }
    if (type == X86_SYS_TASK)
        sel = tcg_task_gate_target(v, lo, &lo, &hi);
    tcg_task_switch(v, sel, lo, hi, src);
}

void tcg_far_jump(tcg_vcpu *v, uint16_t sel, uint64_t offset, unsigned opsize)
{
    if (!protected_mode(v)) {
        load_real(v, X86_SEG_CS, sel);
        tcg_update_mode(v);
        v->s.rip = offset & size_mask(opsize);
        return;
    }
    uint32_t lo, hi;
    unsigned cpl;
    tcg_read_descriptor(v, sel, &lo, &hi);
    if (!(hi & X86_DESC_S)) {
        far_through_system(v, sel, lo, hi, TASK_FROM_JMP);
        return;
    }
    check_code_desc(v, sel, &lo, &hi, &cpl, false);
    load_cs_desc(v, sel, lo, hi, cpl);
    v->s.rip = v->code_size == SZ64 ? offset : offset & size_mask(opsize);
}

void tcg_far_call(tcg_vcpu *v, uint16_t sel, uint64_t offset, unsigned opsize)
{
    uint16_t old_cs = v->s.seg[X86_SEG_CS].selector;
    uint64_t ret = v->s.rip;
    if (!protected_mode(v)) {
        push_val(v, opsize, old_cs);
        push_val(v, opsize, ret);
        tcg_far_jump(v, sel, offset, opsize);
        return;
    }
    uint32_t lo, hi;
    unsigned cpl;
    tcg_read_descriptor(v, sel, &lo, &hi);
    if (!(hi & X86_DESC_S)) {
        far_through_system(v, sel, lo, hi, TASK_FROM_CALL);
        return;
    }
    check_code_desc(v, sel, &lo, &hi, &cpl, false);
    push_val(v, opsize, old_cs);
    push_val(v, opsize, ret);
    load_cs_desc(v, sel, lo, hi, cpl);
    v->s.rip = v->code_size == SZ64 ? offset : offset & size_mask(opsize);
}

/* 32-bit TSS: ESPn at 4 + 8n, SSn at 8 + 8n. */
void tcg_inner_stack(tcg_vcpu *v, unsigned dpl, mm_x86_segment *ss, uint32_t *esp)
{
    if (v->s.tr.limit < 8 + 8 * dpl + 1)
        tcg_raise_error(v, X86_EXC_TS, v->s.tr.selector & 0xfffc);
    *esp = (uint32_t)tcg_sys_read(v, v->s.tr.base + 4 + 8 * dpl, 4);
    uint16_t sel = (uint16_t)tcg_sys_read(v, v->s.tr.base + 8 + 8 * dpl, 2);
    uint32_t lo, hi;
    if ((sel & ~3u) == 0 || (sel & 3) != dpl)
        tcg_raise_error(v, X86_EXC_TS, sel & 0xfffc);
    tcg_read_descriptor(v, sel, &lo, &hi);
    bool writable_data = (hi & X86_DESC_S) && !(hi & X86_DESC_CS) && (hi & X86_DESC_W);
    if (!writable_data || ((hi >> X86_DESC_DPL_SHIFT) & 3) != dpl)
        tcg_raise_error(v, X86_EXC_TS, sel & 0xfffc);
    if (!(hi & X86_DESC_P))
        tcg_raise_error(v, X86_EXC_SS, sel & 0xfffc);
    tcg_seg_from_descriptor(ss, sel, lo, hi);
}

uint32_t tcg_load_system_segment(tcg_vcpu *v, mm_x86_segment *dst, uint16_t sel, unsigned types,
                                 int fault)
{
    if (sel & 4)
        tcg_raise_error(v, fault, sel & 0xfffc);
    uint32_t lo, hi;
    tcg_read_descriptor(v, sel, &lo, &hi);
    if ((hi & X86_DESC_S) || !((types >> ((hi >> 8) & 0xf)) & 1))
        tcg_raise_error(v, fault, sel & 0xfffc);
    if (!(hi & X86_DESC_P))
        tcg_raise_error(v, X86_EXC_NP, sel & 0xfffc);
    tcg_seg_from_descriptor(dst, sel, lo, hi);
    if (mm_x86_long_mode(&v->s))
        dst->base |= tcg_sys_read(v, v->s.gdtr.base + (sel & ~7u) + 8, 4) << 32;
    return hi;
}

/* Data segments not accessible at the new (outer) privilege become null. */
static void nullify_inaccessible(tcg_vcpu *v, unsigned cpl)
{
    static const unsigned segs[] = { X86_SEG_ES, X86_SEG_DS, X86_SEG_FS, X86_SEG_GS };
    for (unsigned i = 0; i < 4; i++) {
        mm_x86_segment *s = &v->s.seg[segs[i]];
        unsigned dpl = (s->flags >> X86_DESC_DPL_SHIFT) & 3;
        bool conforming_code = (s->flags & X86_DESC_CS) && (s->flags & X86_DESC_C);
        if ((s->selector & ~3u) && !conforming_code && dpl < cpl) {
            s->selector = 0;
            s->flags = 0;
        }
    }
}

/* Shared tail of RET far and IRET to an outer privilege: loads SS:RSP
 * (read from the old stack before CS changed). */
static void return_to_outer(tcg_vcpu *v, unsigned new_cpl, uint16_t new_ss, uint64_t new_sp)
{
    if ((new_ss & ~3u) == 0 && v->code_size == SZ64 && new_cpl != 3) {
        v->s.seg[X86_SEG_SS].selector = new_ss;
        v->s.seg[X86_SEG_SS].flags = (new_cpl << X86_DESC_DPL_SHIFT) | X86_DESC_B;
    } else {
        tcg_load_segment(v, X86_SEG_SS, new_ss);
    }
    if (stack_size(v) == SZ64)
        v->s.regs[X86_R_SP] = new_sp;
    else
        gpr_write(v, X86_R_SP, stack_size(v), new_sp);
    nullify_inaccessible(v, new_cpl);
}

void tcg_far_return(tcg_vcpu *v, unsigned opsize, uint16_t extra_pop)
{
    unsigned bytes = 1u << opsize;
    uint64_t sp = v->s.regs[X86_R_SP] & addr_mask(stack_size(v));
    uint64_t ip = tcg_read(v, X86_SEG_SS, sp, bytes);
    uint16_t sel = (uint16_t)tcg_read(v, X86_SEG_SS, sp + bytes, bytes);
    if (!protected_mode(v)) {
        load_real(v, X86_SEG_CS, sel);
        tcg_update_mode(v);
        sp_write(v, sp + 2 * bytes + extra_pop);
        v->s.rip = ip & size_mask(opsize);
        return;
    }
    uint32_t lo, hi;
    unsigned new_cpl, cpl = mm_x86_cpl(&v->s);
    check_code_desc(v, sel, &lo, &hi, &new_cpl, true);
    uint64_t outer_sp = 0;
    uint16_t outer_ss = 0;
    if (new_cpl > cpl) {
        outer_sp = tcg_read(v, X86_SEG_SS, sp + 2 * bytes + extra_pop, bytes);
        outer_ss = (uint16_t)tcg_read(v, X86_SEG_SS, sp + 3 * bytes + extra_pop, bytes);
    }
    sp_write(v, sp + 2 * bytes + extra_pop);
    load_cs_desc(v, sel, lo, hi, new_cpl);
    if (new_cpl > cpl) {
        /* RETF imm16 releases the parameters on the caller's stack too. */
        return_to_outer(v, new_cpl, outer_ss, outer_sp + extra_pop);
    }
    v->s.rip = v->code_size == SZ64 ? ip : ip & 0xffffffffull;
}

void tcg_iret(tcg_vcpu *v, unsigned opsize)
{
    unsigned bytes = 1u << opsize;
    uint64_t sp = v->s.regs[X86_R_SP] & addr_mask(stack_size(v));
    uint64_t mask;
    if (!protected_mode(v)) {
        if (v->s.rflags & X86_FLAG_VM && ((v->s.rflags & X86_FLAG_IOPL) >> 12) < 3)
            tcg_raise_error(v, X86_EXC_GP, 0);
        uint64_t ip = tcg_read(v, X86_SEG_SS, sp, bytes);
        uint16_t sel = (uint16_t)tcg_read(v, X86_SEG_SS, sp + bytes, bytes);
        uint64_t fl = tcg_read(v, X86_SEG_SS, sp + 2 * bytes, bytes);
        load_real(v, X86_SEG_CS, sel);
        sp_write(v, sp + 3 * bytes);
        mask = X86_FLAGS_ARITH | X86_FLAG_TF | X86_FLAG_IF | X86_FLAG_DF | X86_FLAG_NT |
               X86_FLAG_AC | X86_FLAG_ID;
        if (!(v->s.rflags & X86_FLAG_VM))
            mask |= X86_FLAG_IOPL;
        if (opsize == SZ16)
            mask &= 0xffff;
        tcg_set_rflags(v, fl, mask);
        tcg_update_mode(v);
        v->s.rip = ip & size_mask(opsize);
        v->exit_block = true;
        return;
    }
    if ((v->s.rflags & X86_FLAG_NT) && !mm_x86_long_mode(&v->s)) {
        /* Return to the task in this TSS's link field (it must be busy). */
        uint16_t link = (uint16_t)tcg_sys_read(v, v->s.tr.base, 2);
        uint32_t lo, hi;
        if ((link & ~3u) == 0 || (link & 4))
            tcg_raise_error(v, X86_EXC_TS, link & 0xfffc);
        tcg_read_descriptor(v, link, &lo, &hi);
        if (hi & X86_DESC_S)
            tcg_raise_error(v, X86_EXC_TS, link & 0xfffc);
        tcg_task_switch(v, link, lo, hi, TASK_FROM_IRET);
        return;
    }
    uint64_t ip = tcg_read(v, X86_SEG_SS, sp, bytes);
    uint16_t sel = (uint16_t)tcg_read(v, X86_SEG_SS, sp + bytes, bytes);
    uint64_t fl = tcg_read(v, X86_SEG_SS, sp + 2 * bytes, bytes);
    unsigned cpl = mm_x86_cpl(&v->s), new_cpl;
    if ((fl & X86_FLAG_VM) && cpl == 0 && !mm_x86_long_mode(&v->s)) {
        mm_log(MM_LOG_UNIMP, "IRET to virtual-8086 mode not implemented\n");
        tcg_raise_error(v, X86_EXC_GP, 0);
    }
    uint32_t lo, hi;
    check_code_desc(v, sel, &lo, &hi, &new_cpl, true);
    unsigned iopl = (v->s.rflags & X86_FLAG_IOPL) >> 12;
    mask = X86_FLAGS_ARITH | X86_FLAG_TF | X86_FLAG_DF | X86_FLAG_NT | X86_FLAG_RF |
           X86_FLAG_AC | X86_FLAG_ID | X86_FLAG_VIF | X86_FLAG_VIP;
    if (cpl <= iopl)
        mask |= X86_FLAG_IF;
    if (cpl == 0)
        mask |= X86_FLAG_IOPL;
    if (opsize == SZ16)
        mask &= 0xffff;
    /* IRETQ always pops SS:RSP; protected-mode IRET only to an outer level. */
    bool outer = new_cpl > cpl || v->code_size == SZ64;
    uint64_t outer_sp = 0;
    uint16_t outer_ss = 0;
    if (outer) {
        outer_sp = tcg_read(v, X86_SEG_SS, sp + 3 * bytes, bytes);
        outer_ss = (uint16_t)tcg_read(v, X86_SEG_SS, sp + 4 * bytes, bytes);
    }
    sp_write(v, sp + 3 * bytes);
    load_cs_desc(v, sel, lo, hi, new_cpl);
    if (outer)
        return_to_outer(v, new_cpl, outer_ss, outer_sp);
    tcg_set_rflags(v, fl, mask);
    tcg_update_mode(v);
    v->s.rip = v->code_size == SZ64 ? ip : ip & 0xffffffffull;
    v->exit_block = true;
}
