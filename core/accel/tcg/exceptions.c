/*
 * Exception and interrupt delivery: real-mode IVT, protected-mode IDT gates
 * (interrupt/trap, 16/32-bit, inner-privilege stack switch through the TSS)
 * and long-mode IDT (64-bit gates, IST, RSP0..2), with #DF and triple-fault
 * escalation per the SDM vol. 3 table 6-5.
 */
#include <inttypes.h>
#include <modemu/log.h>

#include "accel/tcg/exceptions.h"
#include "accel/tcg/flags.h"
#include "accel/tcg/mem.h"
#include "accel/tcg/operands.h"
#include "accel/tcg/segmentation.h"
#include "accel/tcg/task_switch.h"

void tcg_raise(tcg_vcpu *v, int vector)
{
    v->exc_vector = vector;
    v->exc_has_error = false;
    v->exc_error = 0;
    longjmp(v->jmp_env, 1);
}

void tcg_raise_error(tcg_vcpu *v, int vector, uint32_t error)
{
    v->exc_vector = vector;
    v->exc_has_error = true;
    v->exc_error = error;
    longjmp(v->jmp_env, 1);
}

enum { CLASS_BENIGN, CLASS_CONTRIBUTORY, CLASS_PAGE_FAULT, CLASS_DOUBLE };

static int exception_class(int vector)
{
    switch (vector) {
    case X86_EXC_DE: case X86_EXC_TS: case X86_EXC_NP: case X86_EXC_SS: case X86_EXC_GP:
        return CLASS_CONTRIBUTORY;
    case X86_EXC_PF:
        return CLASS_PAGE_FAULT;
    case X86_EXC_DF:
        return CLASS_DOUBLE;
    default:
        return CLASS_BENIGN;
    }
}

static bool vector_has_error_code(int vector)
{
    switch (vector) {
    case X86_EXC_DF: case X86_EXC_TS: case X86_EXC_NP: case X86_EXC_SS: case X86_EXC_GP:
    case X86_EXC_PF: case X86_EXC_AC:
        return true;
    default:
        return false;
    }
}

static void triple_fault(tcg_vcpu *v)
{
    mm_log(MM_LOG_INT, "triple fault: resetting the machine\n");
    v->shutdown = true;
    v->exit_request = true;
    v->s.halted = true;
    if (v->mach->phys->request_reset)
        v->mach->phys->request_reset(v->mach->phys_opaque);
}

void tcg_deliver_pending_exception(tcg_vcpu *v)
{
    int vector = v->exc_vector;
    uint32_t error = v->exc_error;
    bool has_error = v->exc_has_error;
    if (v->exc_pending_class >= 0) {
        int first = v->exc_pending_class, second = exception_class(vector);
        if (first == CLASS_DOUBLE && second != CLASS_BENIGN) {
            v->exc_pending_class = -1;
            triple_fault(v);
            return;
        }
        if ((first == CLASS_CONTRIBUTORY && second == CLASS_CONTRIBUTORY) ||
            (first == CLASS_PAGE_FAULT && second != CLASS_BENIGN)) {
            vector = X86_EXC_DF;
            error = 0;
            has_error = true;
        }
    }
    v->exc_pending_class = exception_class(vector);
    if (vector_has_error_code(vector) && !has_error)
        has_error = true;
    tcg_deliver_event(v, vector, EVT_FAULT, has_error, error);
    v->exc_pending_class = -1;
}

/* Real mode: IVT entry of 4 bytes, 16-bit frame. */
static void deliver_real(tcg_vcpu *v, int vector)
{
    uint64_t entry = v->s.idtr.base + (uint64_t)vector * 4;
    if ((uint64_t)vector * 4 + 3 > v->s.idtr.limit)
        tcg_raise_error(v, X86_EXC_GP, vector * 8 + 2);
    uint32_t ivt = (uint32_t)tcg_sys_read(v, entry, 4);
    push_val(v, SZ16, tcg_get_rflags(v));
    push_val(v, SZ16, v->s.seg[X86_SEG_CS].selector);
    push_val(v, SZ16, v->s.rip);
    v->s.rflags &= ~(uint64_t)(X86_FLAG_IF | X86_FLAG_TF | X86_FLAG_AC | X86_FLAG_RF);
    tcg_load_segment(v, X86_SEG_CS, (uint16_t)(ivt >> 16));
    v->s.rip = ivt & 0xffff;
}

/* Pushes onto a stack given by its linear base and pointer (new privilege). */
typedef struct frame_writer {
    uint64_t base, sp, mask;
    unsigned size;
} frame_writer;

static void frame_push(tcg_vcpu *v, frame_writer *w, uint64_t value)
{
    w->sp = (w->sp - (1u << w->size)) & w->mask;
    tcg_lin_write(v, w->mask == ~0ull ? w->sp : (uint32_t)(w->base + w->sp), 1u << w->size,
                  value);
}

static uint32_t idt_error(int vector, tcg_event_kind kind)
{
    return (uint32_t)vector * 8 + 2 + (kind == EVT_EXTERNAL ? 1 : 0);
}

/* Reads the target code segment of a gate; returns its DPL (new CPL). */
static unsigned gate_target(tcg_vcpu *v, uint16_t sel, uint32_t *lo, uint32_t *hi,
                            bool want64, tcg_event_kind kind)
{
    uint32_t ext = kind == EVT_EXTERNAL ? 1 : 0;
    if ((sel & ~3u) == 0)
        tcg_raise_error(v, X86_EXC_GP, ext);
    tcg_read_descriptor(v, sel, lo, hi);
    unsigned dpl = (*hi >> X86_DESC_DPL_SHIFT) & 3, cpl = mm_x86_cpl(&v->s);
    if (!(*hi & X86_DESC_S) || !(*hi & X86_DESC_CS) || dpl > cpl)
        tcg_raise_error(v, X86_EXC_GP, (sel & 0xfffc) | ext);
    if (want64 && (!(*hi & X86_DESC_L) || (*hi & X86_DESC_B)))
        tcg_raise_error(v, X86_EXC_GP, (sel & 0xfffc) | ext);
    if (!(*hi & X86_DESC_P))
        tcg_raise_error(v, X86_EXC_NP, (sel & 0xfffc) | ext);
    return (*hi & X86_DESC_C) ? cpl : dpl;
}

static void enter_handler(tcg_vcpu *v, uint16_t sel, uint32_t lo, uint32_t hi, unsigned cpl,
                          uint64_t rip, bool clear_if)
{
    tcg_seg_from_descriptor(&v->s.seg[X86_SEG_CS], (uint16_t)((sel & ~3u) | cpl), lo,
                            hi | X86_DESC_A);
    v->s.seg[X86_SEG_CS].flags = (v->s.seg[X86_SEG_CS].flags & ~X86_DESC_DPL_MASK) |
                                 (cpl << X86_DESC_DPL_SHIFT);
    v->s.rflags &= ~(uint64_t)(X86_FLAG_TF | X86_FLAG_NT | X86_FLAG_RF | X86_FLAG_VM);
    if (clear_if)
        v->s.rflags &= ~(uint64_t)X86_FLAG_IF;
    tcg_update_mode(v);
    v->s.rip = rip;
}

static void deliver_long(tcg_vcpu *v, int vector, tcg_event_kind kind, bool has_error,
                         uint32_t error)
{
    if ((uint64_t)vector * 16 + 15 > v->s.idtr.limit)
        tcg_raise_error(v, X86_EXC_GP, idt_error(vector, kind));
    uint64_t addr = v->s.idtr.base + (uint64_t)vector * 16;
    uint64_t g0 = tcg_sys_read(v, addr, 8), g1 = tcg_sys_read(v, addr + 8, 8);
    unsigned type = (g0 >> 40) & 0xf, gate_dpl = (g0 >> 45) & 3, ist = (g0 >> 32) & 7;
    unsigned cpl = mm_x86_cpl(&v->s);
    if (type != X86_SYS_INT && type != X86_SYS_TRAP)
        tcg_raise_error(v, X86_EXC_GP, idt_error(vector, kind));
    if (kind == EVT_SOFT_INT && gate_dpl < cpl)
        tcg_raise_error(v, X86_EXC_GP, idt_error(vector, kind));
    if (!(g0 & (1ull << 47)))
        tcg_raise_error(v, X86_EXC_NP, idt_error(vector, kind));
    uint64_t target = (g0 & 0xffff) | ((g0 >> 32) & 0xffff0000) | (g1 << 32);
    uint32_t lo, hi;
    unsigned new_cpl = gate_target(v, (uint16_t)(g0 >> 16), &lo, &hi, true, kind);
    uint64_t rsp = v->s.regs[X86_R_SP];
    if (ist)
        rsp = tcg_sys_read(v, v->s.tr.base + 0x24 + (ist - 1) * 8, 8);
    else if (new_cpl < cpl)
        rsp = tcg_sys_read(v, v->s.tr.base + 4 + new_cpl * 8, 8);
    rsp &= ~0xfull;
    uint64_t old_rflags = tcg_get_rflags(v);
    uint16_t old_ss = v->s.seg[X86_SEG_SS].selector, old_cs = v->s.seg[X86_SEG_CS].selector;
    uint64_t old_rsp = v->s.regs[X86_R_SP];
    frame_writer w = { .base = 0, .sp = rsp, .mask = ~0ull, .size = SZ64 };
    v->mmu_idx = new_cpl == 3 ? TCG_MMU_USER : TCG_MMU_KERNEL;
    frame_push(v, &w, old_ss);
    frame_push(v, &w, old_rsp);
    frame_push(v, &w, old_rflags);
    frame_push(v, &w, old_cs);
    frame_push(v, &w, v->s.rip);
    if (has_error)
        frame_push(v, &w, error);
    if (new_cpl < cpl) {
        /* SS becomes a null selector with RPL = new CPL. */
        v->s.seg[X86_SEG_SS] = (mm_x86_segment){ .selector = (uint16_t)new_cpl,
                                                 .flags = (new_cpl << X86_DESC_DPL_SHIFT) |
                                                          X86_DESC_B };
    }
    v->s.regs[X86_R_SP] = w.sp;
    enter_handler(v, (uint16_t)(g0 >> 16), lo, hi, new_cpl, target, type == X86_SYS_INT);
}

/* Through a task gate: the handler is a whole task; an error code goes on
 * its stack. */
static void deliver_task_gate(tcg_vcpu *v, uint64_t gate, uint32_t gate_error,
                              tcg_event_kind kind, bool has_error, uint32_t error)
{
    unsigned gate_dpl = (gate >> 45) & 3;
    if (kind == EVT_SOFT_INT && gate_dpl < mm_x86_cpl(&v->s))
        tcg_raise_error(v, X86_EXC_GP, gate_error);
    if (!(gate & (1ull << 47)))
        tcg_raise_error(v, X86_EXC_NP, gate_error);
    uint32_t lo, hi;
    uint16_t tss = tcg_task_gate_target(v, (uint32_t)gate, &lo, &hi);
    tcg_task_switch(v, tss, lo, hi, TASK_FROM_INT);
    if (has_error)   /* as wide as the new task's TSS */
        push_val(v, (v->s.tr.flags & (8u << X86_DESC_TYPE_SHIFT)) ? SZ32 : SZ16, error);
}

static void deliver_protected(tcg_vcpu *v, int vector, tcg_event_kind kind, bool has_error,
                              uint32_t error)
{
    if ((uint64_t)vector * 8 + 7 > v->s.idtr.limit)
        tcg_raise_error(v, X86_EXC_GP, idt_error(vector, kind));
    uint64_t addr = v->s.idtr.base + (uint64_t)vector * 8;
    uint64_t g = tcg_sys_read(v, addr, 8);
    unsigned type = (g >> 40) & 0xf, gate_dpl = (g >> 45) & 3;
    unsigned cpl = mm_x86_cpl(&v->s);
    bool gate32 = type == X86_SYS_INT || type == X86_SYS_TRAP;
    bool gate16 = type == X86_SYS_INT16 || type == X86_SYS_TRAP16;
    if (type == X86_SYS_TASK) {
        deliver_task_gate(v, g, idt_error(vector, kind), kind, has_error, error);
        return;
    }
    if (!gate32 && !gate16)
        tcg_raise_error(v, X86_EXC_GP, idt_error(vector, kind));
    if (kind == EVT_SOFT_INT && gate_dpl < cpl)
        tcg_raise_error(v, X86_EXC_GP, idt_error(vector, kind));
    if (!(g & (1ull << 47)))
        tcg_raise_error(v, X86_EXC_NP, idt_error(vector, kind));
    uint16_t sel = (uint16_t)(g >> 16);
    uint64_t target = (g & 0xffff) | ((g >> 32) & 0xffff0000);
    uint32_t lo, hi;
    unsigned new_cpl = gate_target(v, sel, &lo, &hi, false, kind);
    uint64_t old_rflags = tcg_get_rflags(v);
    uint16_t old_ss = v->s.seg[X86_SEG_SS].selector, old_cs = v->s.seg[X86_SEG_CS].selector;
    uint64_t old_sp = v->s.regs[X86_R_SP];
    unsigned fsize = gate32 ? SZ32 : SZ16;
    frame_writer w;
    if (new_cpl < cpl) {
        mm_x86_segment new_ss;
        uint32_t esp;
        tcg_inner_stack(v, new_cpl, &new_ss, &esp);
        w = (frame_writer){ .base = new_ss.base, .sp = esp,
                            .mask = (new_ss.flags & X86_DESC_B) ? 0xffffffffull : 0xffffull,
                            .size = fsize };
        v->mmu_idx = TCG_MMU_KERNEL;
        frame_push(v, &w, old_ss);
        frame_push(v, &w, old_sp);
        v->s.seg[X86_SEG_SS] = new_ss;
    } else {
        const mm_x86_segment *ss = &v->s.seg[X86_SEG_SS];
        w = (frame_writer){ .base = ss->base, .sp = old_sp,
                            .mask = (ss->flags & X86_DESC_B) ? 0xffffffffull : 0xffffull,
                            .size = fsize };
    }
    frame_push(v, &w, old_rflags);
    frame_push(v, &w, old_cs);
    frame_push(v, &w, v->s.rip);
    if (has_error)
        frame_push(v, &w, error);
    v->s.regs[X86_R_SP] = (v->s.regs[X86_R_SP] & ~w.mask) | (w.sp & w.mask);
    enter_handler(v, sel, lo, hi, new_cpl, target,
                  type == X86_SYS_INT || type == X86_SYS_INT16);
}

void tcg_deliver_event(tcg_vcpu *v, int vector, tcg_event_kind kind, bool has_error,
                       uint32_t error)
{
    if (mm_log_enabled(MM_LOG_INT)) {
        mm_log(MM_LOG_INT, "%6" PRIu64 ": v=%02x e=%04x i=%d cpl=%u IP=%04x:%016" PRIx64
               " pc=%016" PRIx64 " SP=%04x:%016" PRIx64 " CR2=%016" PRIx64 "\n",
               v->icount, vector, has_error ? error : 0, kind == EVT_SOFT_INT,
               mm_x86_cpl(&v->s), v->s.seg[X86_SEG_CS].selector, v->s.rip,
               v->s.seg[X86_SEG_CS].base + v->s.rip, v->s.seg[X86_SEG_SS].selector,
               v->s.regs[X86_R_SP], v->s.cr2);
    }
    v->s.halted = false;
    v->event_delivered = true;
    if (!(v->s.cr0 & X86_CR0_PE))
        deliver_real(v, vector);
    else if (mm_x86_long_mode(&v->s))
        deliver_long(v, vector, kind, has_error, error);
    else if (v->s.rflags & X86_FLAG_VM) {
        mm_log(MM_LOG_UNIMP, "interrupt in virtual-8086 mode: not implemented\n");
        tcg_raise_error(v, X86_EXC_GP, 0);
    } else
        deliver_protected(v, vector, kind, has_error, error);
    v->exit_block = true;
}
