/*
 * `-d cpu` / `-d in_asm` tracing in QEMU's register-dump format, so a
 * modemu log can be diffed against `qemu-system-x86_64 -d cpu -singlestep`
 * with tests/cpu/tracediff.py (see shared/CPU-NOTES.md).
 */
#ifndef MODEMU_TCG_TRACE_H
#define MODEMU_TCG_TRACE_H

#include <stdio.h>

#include "accel/tcg/tcg_vcpu.h"

/* Set from the log mask at the start of each run slice. */
extern bool tcg_trace_enabled;
void tcg_trace_insn(tcg_vcpu *v, const tcg_insn *in);
/* Writes the QEMU-style register dump of v to f. */
void tcg_dump_state(tcg_vcpu *v, FILE *f);

#endif
