/*
 * The run loop: look up the decoded block at CS:RIP, execute its
 * instructions through their handler pointers, check for interrupts between
 * blocks.  Exceptions raised inside a handler longjmp back here, RIP is
 * restored to the faulting instruction and the event is delivered.
 */
#include <string.h>
#include <glib.h>

#include <modemu/log.h>

#include "accel/tcg/cpu_exec.h"
#include "accel/tcg/code_cache.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/mem.h"
#include "accel/tcg/segmentation.h"
#include "accel/tcg/trace.h"
#include "accel/tcg/debug_regs.h"

/* Instructions one run_block call may chain through (dispatch.c), counted
 * at block ends.  Optimised builds turn the chain into tail calls (constant
 * stack), so only the budget ends it; unoptimised and ASan builds keep a
 * frame per handler, so their chains stay short. */
#if defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__)
#define TCG_CHAIN_INSNS UINT64_MAX
#else
#define TCG_CHAIN_INSNS 64
#endif

tcg_machine *tcg_machine_new(const tcg_phys_ops *phys, void *opaque)
{
    tcg_machine *m = g_new0(tcg_machine, 1);
    m->phys = phys;
    m->phys_opaque = opaque;
    m->code = tcg_code_cache_new();
    return m;
}

void tcg_machine_free(tcg_machine *m)
{
    if (!m)
        return;
    for (unsigned i = 0; i < m->nr_vcpus; i++)
        g_free(m->vcpus[i]);
    g_free(m->vcpus);
    tcg_code_cache_free(m->code);
    g_free(m);
}

tcg_vcpu *tcg_vcpu_new(tcg_machine *m, unsigned index, mm_x86_cpuid_model *model)
{
    tcg_vcpu *v = g_malloc0(sizeof(tcg_vcpu));
    v->mach = m;
    v->s.cpu_index = index;
    v->s.apic_id = index;
    v->s.model = model;
    v->exc_pending_class = -1;
    v->irq_shadow_rip = ~0ull;
    mm_x86_cpu_reset(&v->s);
    if (index != 0) {
        v->s.wait_for_sipi = true;
        v->s.halted = true;
    }
    m->vcpus = g_renew(tcg_vcpu *, m->vcpus, m->nr_vcpus + 1);
    m->vcpus[m->nr_vcpus++] = v;
    tcg_vcpu_state_changed(v);
    return v;
}

void tcg_vcpu_state_changed(tcg_vcpu *v)
{
    /* Architectural flags become the lazy state's starting point. */
    v->cc_op = CC_OP_EFLAGS;
    v->cc_src1 = v->s.rflags & X86_FLAGS_ARITH;
    v->s.rflags |= X86_FLAG_FIXED1;
    tcg_tlb_flush(v);
    tcg_update_mode(v);
    v->tlb_generation = v->mach->phys->generation ?
                        v->mach->phys->generation(v->mach->phys_opaque) : 0;
}

void tcg_vcpu_kick(tcg_vcpu *v)
{
    v->exit_request = true;
}

/* The memory map changed: host pointers and physical keys may be stale. */
static void check_memory_generation(tcg_vcpu *v)
{
    if (!v->mach->phys->generation)
        return;
    uint64_t gen = v->mach->phys->generation(v->mach->phys_opaque);
    if (gen == v->tlb_generation)
        return;
    tcg_machine *m = v->mach;
    for (unsigned i = 0; i < m->nr_vcpus; i++) {
        tcg_tlb_flush(m->vcpus[i]);
        m->vcpus[i]->tlb_generation = gen;
    }
    tcg_code_flush_all(m);
}

/* INIT, SIPI, NMI and maskable interrupts, between blocks.  Returns true
 * when an event may still be waiting (a SIPI behind its INIT, or anything
 * held back by an interrupt shadow): the next run_block then stops after
 * one block, since chains do not look for events themselves. */
static bool check_interrupts(tcg_vcpu *v)
{
    uint32_t pending = v->s.pending;
    if (pending & X86_PENDING_INIT) {
        /* A STARTUP IPI sent right behind the INIT (Linux sends them back to
         * back on AMD family >= 0Fh) must survive the INIT's reset. */
        uint32_t sipi = pending & X86_PENDING_SIPI;
        mm_x86_cpu_init_signal(&v->s);
        v->s.pending |= sipi;
        tcg_vcpu_state_changed(v);
        return sipi != 0;
    }
    if (pending & X86_PENDING_SIPI) {
        v->s.pending &= ~(uint32_t)X86_PENDING_SIPI;
        if (v->s.wait_for_sipi) {
            /* Start in real mode at vector << 12. */
            v->s.wait_for_sipi = false;
            v->s.halted = false;
            v->s.seg[X86_SEG_CS].selector = (uint16_t)(v->s.sipi_vector << 8);
            v->s.seg[X86_SEG_CS].base = (uint64_t)v->s.sipi_vector << 12;
            v->s.rip = 0;
            tcg_update_mode(v);
        }
        return false;
    }
    if (v->s.wait_for_sipi)
        return false;
    if (v->s.rip == v->irq_shadow_rip) {
        v->irq_shadow_rip = ~0ull;   /* the shadow covers exactly one instruction */
        return true;
    }
    v->irq_shadow_rip = ~0ull;
    v->insn_start = v->s.rip;
    if (pending & X86_PENDING_NMI) {
        v->s.pending &= ~(uint32_t)X86_PENDING_NMI;
        tcg_deliver_event(v, X86_EXC_NMI, EVT_EXTERNAL, false, 0);
        return false;
    }
    if ((v->s.rflags & X86_FLAG_IF) && v->intr_pending && v->intr_pending(v->intr_opaque)) {
        int vector = v->intr_ack(v->intr_opaque);
        if (vector >= 0)
            tcg_deliver_event(v, vector, EVT_EXTERNAL, false, 0);
    }
    return false;
}

/* One instruction through its own handler, not the threaded chain (the
 * -d cpu trace and single-stepping). */
static void run_one_insn(tcg_vcpu *v, const tcg_insn *in)
{
    if (__builtin_expect(tcg_trace_enabled, 0))
        tcg_trace_insn(v, in);
    v->insn_start = v->s.rip;
    v->s.rip += in->len;
    in->impl(v, in);
    v->icount++;
}

/* Runs block b, and more chained behind it until chain_insns instructions
 * (or the budget) are done. */
static void run_block(tcg_vcpu *v, const tcg_block *b, uint64_t chain_insns)
{
    v->exit_block = false;
    if (__builtin_expect(tcg_trace_enabled, 0)) {
        /* One handler at a time so each instruction is logged before it runs. */
        for (const tcg_insn *in = b->insns; in < b->insns + b->n_insns; in++) {
            run_one_insn(v, in);
            if (v->exit_block)
                return;
        }
        return;
    }
    /* Threaded: the first entry runs the whole chain (dispatch.h); block
     * sentinels count their blocks, an early exit is counted here. */
    const tcg_insn *first = b->insns;
    v->chain_end = v->icount_limit - v->icount > chain_insns ? v->icount + chain_insns
                                                              : v->icount_limit;
    v->exit_insn = NULL;
    v->insn_start = v->s.rip;
    v->s.rip += first->len;
    first->fn(v, first);
    if (v->exit_insn) {
        /* Instructions done in the block the chain stopped in: the ones
         * before exit_insn, counted back from the block's sentinel (the
         * only entry with length 0, imm = the block's length). */
        const tcg_insn *end = v->exit_insn;
        while (end->len != 0)
            end++;
        v->icount += end->imm - (uint64_t)(end - v->exit_insn);
    }
}

/* Whether the run loop must go one instruction at a time: TF, or DR7
 * enabling a breakpoint. */
static bool stepping(const tcg_vcpu *v)
{
    return (v->s.rflags & X86_FLAG_TF) || tcg_debug_armed(v);
}

/* Stepping: an instruction breakpoint at the block's first instruction
 * raises #DB as a fault; else that instruction runs alone and, with TF
 * set, the single-step #DB trap follows.  An instruction that delivered an
 * event itself (INT n, INT3, INTO) gets no trap: delivery cleared TF, and
 * the handler runs first.  A fault skips this altogether (longjmp).  REP
 * string instructions trap once, after their last iteration.  RF only
 * held back the breakpoint check just made, so it clears here, before the
 * instruction (which may set it again: IRET, a task switch). */
static void step_instruction(tcg_vcpu *v, const tcg_block *b)
{
    unsigned hits = tcg_debug_instruction_hits(v);
    if (hits) {
        v->s.dr[6] = (v->s.dr[6] & ~0xfull) | hits;
        v->insn_start = v->s.rip;
        tcg_deliver_event(v, X86_EXC_DB, EVT_FAULT, false, 0);
        return;
    }
    bool tf = v->s.rflags & X86_FLAG_TF;
    v->s.rflags &= ~(uint64_t)X86_FLAG_RF;
    v->exit_block = false;
    v->event_delivered = false;
    v->debug_data_hits = 0;
    run_one_insn(v, b->insns);
    if (v->event_delivered || (!tf && !v->debug_data_hits))
        return;
    /* Data breakpoints and the single step: one #DB trap after the instruction. */
    v->s.dr[6] = (v->s.dr[6] & ~0xfull) | v->debug_data_hits | (tf ? X86_DR6_BS : 0);
    v->insn_start = v->s.rip;
    tcg_deliver_event(v, X86_EXC_DB, EVT_TRAP, false, 0);
}

tcg_exit tcg_cpu_exec(tcg_vcpu *v, uint64_t budget)
{
    v->icount_limit = v->icount + budget;
    tcg_trace_enabled = mm_log_enabled(MM_LOG_CPU | MM_LOG_IN_ASM);
    check_memory_generation(v);
    if (setjmp(v->jmp_env)) {
        /* A handler raised an exception: restart point is the instruction. */
        v->s.rip = v->insn_start;
        tcg_update_mode(v);
        v->exit_block = true;
        tcg_deliver_pending_exception(v);
        if (v->shutdown)
            return TCG_EXIT_SHUTDOWN;
    }
    while (v->icount < v->icount_limit) {
        if (v->exit_request) {
            v->exit_request = false;
            return v->shutdown ? TCG_EXIT_SHUTDOWN : TCG_EXIT_REQUEST;
        }
        tcg_code_collect(v->mach);
        bool event_held = false;
        if (v->s.pending || (v->intr_pending && (v->s.rflags & X86_FLAG_IF)))
            event_held = check_interrupts(v);
        if (v->s.halted)
            return TCG_EXIT_HALTED;
        v->insn_start = v->s.rip;
        const tcg_block *b = tcg_code_lookup(v);
        if (__builtin_expect(stepping(v), 0))
            step_instruction(v, b);
        else
            run_block(v, b, event_held ? 0 : TCG_CHAIN_INSNS);
    }
    return TCG_EXIT_BUDGET;
}
