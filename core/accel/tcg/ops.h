/*
 * Instruction handlers of the software CPU (one file per family, listed in
 * README.md) and helpers they share.  A handler runs with RIP already
 * advanced past its instruction and v->insn_start on it.
 */
#ifndef MODEMU_TCG_OPS_H
#define MODEMU_TCG_OPS_H

#include <modemu/log.h>

#include "accel/tcg/operands.h"

/* Read-modify-write of r/m with compute(old, arg, extra); atomic under LOCK.
 * Returns the old value. */
uint64_t tcg_rmw(tcg_vcpu *v, const tcg_insn *in, unsigned sz,
                 uint64_t (*compute)(uint64_t old, uint64_t arg, uint64_t extra),
                 uint64_t arg, uint64_t extra);
uint64_t tcg_atomic_update(void *host, unsigned sz,
                           uint64_t (*compute)(uint64_t old, uint64_t arg, uint64_t extra),
                           uint64_t arg, uint64_t extra);
void tcg_check_io(tcg_vcpu *v, uint16_t port, unsigned bytes);
uint64_t tcg_port_in(tcg_vcpu *v, uint16_t port, unsigned bytes);
void tcg_port_out(tcg_vcpu *v, uint16_t port, unsigned bytes, uint64_t value);
uint64_t tcg_read_tsc(tcg_vcpu *v);
void tcg_write_cr0(tcg_vcpu *v, uint64_t val);
void tcg_lmsw(tcg_vcpu *v, uint16_t msw);
void tcg_verr_verw(tcg_vcpu *v, uint16_t sel, bool write);
void tcg_fpu_check(tcg_vcpu *v);
void tcg_sse_check(tcg_vcpu *v);
uint16_t tcg_fpu_status_word(const tcg_vcpu *v);
void tcg_fxsave(tcg_vcpu *v, const tcg_insn *in);
void tcg_fxrstor(tcg_vcpu *v, const tcg_insn *in);
void tcg_ldmxcsr(tcg_vcpu *v, const tcg_insn *in);
void tcg_stmxcsr(tcg_vcpu *v, const tcg_insn *in);
void tcg_fninit(tcg_vcpu *v);
void op_rdtscp(tcg_vcpu *v);

#define OP(name) void name(tcg_vcpu *v, const tcg_insn *in);
#include "accel/tcg/ops_list.h"
#undef OP

#endif
