/*
 * Hardware task switches (Intel SDM vol. 3, 8.3), 32-bit and 16-bit TSS:
 *   32-bit: 0 link  1C CR3  20 EIP  24 EFLAGS  28-44 EAX..EDI  48-5C ES CS SS DS FS GS  60 LDT
 *   16-bit: 0 link  0E IP  10 FLAGS  12-20 AX..DI  22-28 ES CS SS DS  2A LDT
 * The outgoing state is saved into the current TSS, busy bits and the link
 * field follow the source (JMP, CALL, interrupt, IRET), then the new
 * task's state is loaded.  A 16-bit TSS holds the low halves of registers
 * and flags (the upper halves stay) and no FS/GS (they become null, as in
 * QEMU) or CR3.  Simplifications: a task that resumes in virtual-8086 mode
 * is refused (-d unimp, #GP); segment loads of the new task report errors
 * as MOV to a segment register does (#GP or #NP), not as #TS.
 */
#include <modemu/log.h>

#include "accel/tcg/task_switch.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/flags.h"
#include "accel/tcg/mem.h"
#include "accel/tcg/operands.h"
#include "accel/tcg/segmentation.h"

enum { TSS_LINK = 0x00 };

/* Where a TSS format keeps each field; width is the register slot size. */
typedef struct tss_layout {
    unsigned width, min_limit, eip, eflags, gprs, segs, nsegs, ldt, cr3;
} tss_layout;

static const tss_layout tss32 = { .width = 4, .min_limit = 0x67, .eip = 0x20, .eflags = 0x24,
                                  .gprs = 0x28, .segs = 0x48, .nsegs = 6, .ldt = 0x60,
                                  .cr3 = 0x1c };
static const tss_layout tss16 = { .width = 2, .min_limit = 0x2b, .eip = 0x0e, .eflags = 0x10,
                                  .gprs = 0x12, .segs = 0x22, .nsegs = 4, .ldt = 0x2a,
                                  .cr3 = 0 };

static const tss_layout *layout_of_type(unsigned type)
{
    return (type & 8) ? &tss32 : &tss16;
}

static unsigned desc_type(uint32_t hi)
{
    return (hi >> 8) & 0xf;
}

/* Sets or clears the busy bit of the TSS descriptor of sel in the GDT. */
static void set_tss_busy(tcg_vcpu *v, uint16_t sel, bool busy)
{
    uint64_t addr = v->s.gdtr.base + (sel & ~7u) + 4;
    uint32_t hi = (uint32_t)tcg_sys_read(v, addr, 4);
    hi = busy ? hi | X86_DESC_TSS_BUSY : hi & ~X86_DESC_TSS_BUSY;
    tcg_sys_write(v, addr, 4, hi);
}

static void save_outgoing_state(tcg_vcpu *v, const tss_layout *l, uint64_t tss, bool clear_nt)
{
    uint64_t eflags = tcg_get_rflags(v);
    if (clear_nt)
        eflags &= ~(uint64_t)X86_FLAG_NT;
    tcg_sys_write(v, tss + l->eip, l->width, v->s.rip);
    tcg_sys_write(v, tss + l->eflags, l->width, eflags);
    for (unsigned i = 0; i < 8; i++)
        tcg_sys_write(v, tss + l->gprs + l->width * i, l->width, v->s.regs[i]);
    for (unsigned s = 0; s < l->nsegs; s++)
        tcg_sys_write(v, tss + l->segs + l->width * s, 2, v->s.seg[s].selector);
}

/* LDTR of the new task: null, or an LDT descriptor in the GDT. */
static void load_task_ldt(tcg_vcpu *v, uint16_t sel)
{
    if ((sel & ~3u) == 0) {
        v->s.ldtr = (mm_x86_segment){ .selector = sel };
        return;
    }
    tcg_load_system_segment(v, &v->s.ldtr, sel, 1u << X86_SYS_LDT, X86_EXC_TS);
}

/* CS of the new task: a present code segment; CPL becomes its RPL. */
static void load_task_cs(tcg_vcpu *v, uint16_t sel)
{
    uint32_t lo, hi;
    if ((sel & ~3u) == 0)
        tcg_raise_error(v, X86_EXC_TS, 0);
    tcg_read_descriptor(v, sel, &lo, &hi);
    if (!(hi & X86_DESC_S) || !(hi & X86_DESC_CS))
        tcg_raise_error(v, X86_EXC_TS, sel & 0xfffc);
    if (!(hi & X86_DESC_P))
        tcg_raise_error(v, X86_EXC_NP, sel & 0xfffc);
    tcg_load_cs_checked(v, sel, sel & 3);
}

static void load_incoming_state(tcg_vcpu *v, const tss_layout *l, uint64_t tss,
                                uint64_t eflags)
{
    uint16_t segs[X86_SEG_COUNT] = { 0 };   /* FS, GS: null from a 16-bit TSS */
    for (unsigned s = 0; s < l->nsegs; s++)
        segs[s] = (uint16_t)tcg_sys_read(v, tss + l->segs + l->width * s, 2);
    uint16_t ldt = (uint16_t)tcg_sys_read(v, tss + l->ldt, 2);
    if (l->cr3 && (v->s.cr0 & X86_CR0_PG)) {
        v->s.cr3 = tcg_sys_read(v, tss + l->cr3, 4);
        tcg_tlb_flush(v);
    }
    unsigned size = l->width == 4 ? SZ32 : SZ16;
    v->s.rip = tcg_sys_read(v, tss + l->eip, l->width);
    for (unsigned i = 0; i < 8; i++)
        gpr_write(v, i, size, tcg_sys_read(v, tss + l->gprs + l->width * i, l->width));
    uint64_t mask = X86_FLAGS_ARITH | X86_FLAG_TF | X86_FLAG_IF | X86_FLAG_DF | X86_FLAG_IOPL |
                    X86_FLAG_NT | X86_FLAG_RF | X86_FLAG_AC | X86_FLAG_ID | X86_FLAG_VIF |
                    X86_FLAG_VIP;
    tcg_set_rflags(v, eflags, size == SZ16 ? mask & 0xffff : mask);
    load_task_ldt(v, ldt);
    load_task_cs(v, segs[X86_SEG_CS]);
    for (unsigned s = 0; s < X86_SEG_COUNT; s++)
        if (s != X86_SEG_CS)
            tcg_load_segment(v, s, segs[s]);
}

void tcg_task_switch(tcg_vcpu *v, uint16_t sel, uint32_t lo, uint32_t hi, tcg_task_source src)
{
    unsigned type = desc_type(hi);
    bool want_busy = src == TASK_FROM_IRET;
    bool tss_type = (type & ~8u) == (want_busy ? X86_SYS_TSS16_BUSY : X86_SYS_TSS16_AVAIL);
    if ((sel & 4) || !tss_type)
        tcg_raise_error(v, src == TASK_FROM_IRET ? X86_EXC_TS : X86_EXC_GP, sel & 0xfffc);
    const tss_layout *new_l = layout_of_type(type);
    const tss_layout *old_l = layout_of_type((v->s.tr.flags & X86_DESC_TYPE_MASK) >> 8);
    if (!(hi & X86_DESC_P))
        tcg_raise_error(v, X86_EXC_NP, sel & 0xfffc);
    mm_x86_segment new_tr;
    tcg_seg_from_descriptor(&new_tr, sel, lo, hi);
    if (new_tr.limit < new_l->min_limit)
        tcg_raise_error(v, X86_EXC_TS, sel & 0xfffc);
    uint64_t new_eflags = tcg_sys_read(v, new_tr.base + new_l->eflags, new_l->width);
    if (new_eflags & X86_FLAG_VM) {
        mm_log(MM_LOG_UNIMP, "task switch into virtual-8086 mode not implemented\n");
        tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
    }

    uint16_t old_sel = v->s.tr.selector;
    save_outgoing_state(v, old_l, v->s.tr.base, src == TASK_FROM_IRET);
    if (src == TASK_FROM_JMP || src == TASK_FROM_IRET)
        set_tss_busy(v, old_sel, false);
    if (src != TASK_FROM_IRET)
        set_tss_busy(v, sel, true);
    if (src == TASK_FROM_CALL || src == TASK_FROM_INT) {
        tcg_sys_write(v, new_tr.base + TSS_LINK, 2, old_sel);
        new_eflags |= X86_FLAG_NT;
    }
    v->s.tr = new_tr;
    v->s.tr.flags |= X86_DESC_TSS_BUSY;
    v->s.cr0 |= X86_CR0_TS;
    load_incoming_state(v, new_l, new_tr.base, new_eflags);
    tcg_update_mode(v);
    v->exit_block = true;
}

uint16_t tcg_task_gate_target(tcg_vcpu *v, uint32_t gate_lo, uint32_t *lo, uint32_t *hi)
{
    uint16_t sel = (uint16_t)(gate_lo >> 16);
    if ((sel & ~3u) == 0 || (sel & 4))
        tcg_raise_error(v, X86_EXC_GP, sel & 0xfffc);
    tcg_read_descriptor(v, sel, lo, hi);
    return sel;
}
