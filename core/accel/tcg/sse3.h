/* SSE3 handlers (ops_sse3.c); see there. */
#ifndef MODEMU_TCG_SSE3_H
#define MODEMU_TCG_SSE3_H

#include "accel/tcg/ops.h"

void op_sse3_arith(tcg_vcpu *v, const tcg_insn *in);
void op_sse3_lddqu(tcg_vcpu *v, const tcg_insn *in);
void op_sse3_dup(tcg_vcpu *v, const tcg_insn *in);

#endif
