/*
 * The software CPU's execution entry points: creating a machine's CPU state
 * and vCPUs, and running a vCPU for a bounded number of instructions.
 */
#ifndef MODEMU_TCG_CPU_EXEC_H
#define MODEMU_TCG_CPU_EXEC_H

#include "accel/tcg/tcg_vcpu.h"
#include "cpu/cpuid.h"

tcg_machine *tcg_machine_new(const tcg_phys_ops *phys, void *opaque);
void tcg_machine_free(tcg_machine *m);
/* Creates vCPU `index` in its RESET state (APs wait for SIPI). */
tcg_vcpu *tcg_vcpu_new(tcg_machine *m, unsigned index, mm_x86_cpuid_model *model);
/* Call after changing v->s directly (registers loaded by a boot loader). */
void tcg_vcpu_state_changed(tcg_vcpu *v);
/* Runs up to `budget` instructions (HLT, shutdown or a kick end it sooner). */
tcg_exit tcg_cpu_exec(tcg_vcpu *v, uint64_t budget);
/* Asks a running vCPU to return from tcg_cpu_exec soon (any thread). */
void tcg_vcpu_kick(tcg_vcpu *v);

#endif
