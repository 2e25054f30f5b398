/* Decode-time choice of register-only and simple-address fast handlers. */
#ifndef MODEMU_TCG_FAST_PATHS_H
#define MODEMU_TCG_FAST_PATHS_H

#include "accel/tcg/tcg_vcpu.h"

/* Returns a faster handler equivalent to in->fn for this operand form, or
 * in->fn.  May swap in->reg and in->rm of a register-register form so that
 * one handler serves both operand orders. */
tcg_op_fn tcg_fast_path(tcg_insn *in, unsigned code_size);
/* Threaded entry of a fast-path handler, or NULL if fn is not one. */
tcg_op_fn tcg_fast_path_threaded(tcg_op_fn fn);

/* Threaded entry running handler and then the Jcc (condition cond) that
 * follows it at the end of a block, or NULL if there is no fused form. */
tcg_op_fn tcg_fused_jcc_entry(tcg_op_fn handler, unsigned cond);

#endif
