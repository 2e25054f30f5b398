/*
 * Threaded dispatch.
 *
 * Each decoded instruction's `fn` is a small wrapper around its handler
 * (`impl`): it runs the handler, then advances RIP and jumps straight to the
 * next instruction's wrapper (a tail call).  Every handler thus has its own
 * indirect-branch site, which the host predicts far better than one shared
 * call in a loop (the classic threaded-interpreter effect).  A block ends
 * with a sentinel entry; a handler that sets exit_block stops the chain.
 * v->exit_insn tells the run loop where the chain stopped (for icount).
 */
#ifndef MODEMU_TCG_DISPATCH_H
#define MODEMU_TCG_DISPATCH_H

#include "accel/tcg/tcg_vcpu.h"
#include "accel/tcg/code_cache.h"

#define TCG_THREADED_TAIL(v, in)                                   \
    do {                                                           \
        if (__builtin_expect((v)->exit_block, 0)) {                \
            (v)->exit_insn = (in) + 1;                             \
            return;                                                \
        }                                                          \
        const tcg_insn *next_ = (in) + 1;                          \
        (v)->insn_start = (v)->s.rip;                              \
        (v)->s.rip += next_->len;                                  \
        next_->fn((v), next_);                                     \
    } while (0)

/* Defines thr_<name>: the threaded entry of handler <name>.  flatten makes
 * GCC inline the handler (and its inline helpers) when its body is visible:
 * without it the larger fast paths stayed out of line, costing a call and
 * return per guest instruction. */
#define TCG_DEFINE_THREADED(name)                                  \
    __attribute__((flatten))                                       \
    static void thr_##name(tcg_vcpu *v, const tcg_insn *in)        \
    {                                                              \
        name(v, in);                                               \
        TCG_THREADED_TAIL(v, in);                                  \
    }

/* The threaded entry for a handler (a generic one calling in->impl if the
 * handler is not in ops_list.h or the fast-path list). */
tcg_op_fn tcg_threaded_entry(tcg_op_fn handler);
/* The entry of the sentinel that ends every block: looks its successor up
 * by PC (returns, indirect jumps, blocks leaving their page). */
void tcg_block_end(tcg_vcpu *v, const tcg_insn *in);
/* The sentinel of blocks with one static successor (JMP/CALL rel, a block cut
 * by its length): follows b->link[in->sub] (code_cache.h). */
void tcg_block_end_linked(tcg_vcpu *v, const tcg_insn *in);

/* Whether the chain must return to the run loop at a block end instead of
 * entering the next block: a kick, or chain_end (the budget, or the chain's
 * bound).  Nothing else needs a test here, so each block end pays two: every source of an interrupt or of
 * INIT/SIPI/NMI kicks (exit_request); an instruction that sets IF ends the
 * chain itself (tcg_set_rflags, STI); freeing code sets exit_block on every
 * vCPU; and an event the run loop had to hold back (interrupt shadow) lets
 * its run_block enter no second block. */
static inline bool tcg_chain_must_stop(tcg_vcpu *v)
{
    return v->icount >= v->chain_end || v->exit_request;
}

/* Enters block b's first instruction from a block end. */
static inline void tcg_chain_enter(tcg_vcpu *v, const tcg_block *b)
{
    const tcg_insn *first = b->insns;
    v->insn_start = v->s.rip;
    v->s.rip += first->len;
    first->fn(v, first);
}

/* Ends the block whose sentinel is `end` and follows its static successor
 * `slot`: a recorded link is entered without any lookup. */
static inline __attribute__((always_inline)) void tcg_block_follow(tcg_vcpu *v,
                                                                    const tcg_insn *end,
                                                                    unsigned slot)
{
    v->icount += end->imm;
    if (tcg_chain_must_stop(v))
        return;
    tcg_block *b = tcg_block_of_sentinel(end);
    tcg_block *n = b->link[slot];
    /* No n->valid test: invalidating a block stops every vCPU's chain at
     * the next instruction (exit_block), and the run loop's collection bumps
     * code_epoch before any chain runs again. */
    if (__builtin_expect(!n || b->chain_epoch != v->mach->code_epoch, 0)) {
        n = tcg_block_link_slow(v, b, slot);
        if (!n)
            return;
    }
    tcg_chain_enter(v, n);
}

#endif
