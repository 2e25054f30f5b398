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
/* The entry of the sentinel that ends every block. */
void tcg_block_end(tcg_vcpu *v, const tcg_insn *in);

#endif
