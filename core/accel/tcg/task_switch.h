/*
 * Hardware task switches (32-bit and 16-bit TSS): far JMP/CALL to a TSS or
 * task gate, an interrupt through a task gate, IRET with NT set.
 */
#ifndef MODEMU_TCG_TASK_SWITCH_H
#define MODEMU_TCG_TASK_SWITCH_H

#include "accel/tcg/tcg_vcpu.h"

typedef enum { TASK_FROM_JMP, TASK_FROM_CALL, TASK_FROM_INT, TASK_FROM_IRET } tcg_task_source;

/* Switches to the task whose TSS descriptor (lo, hi) selector `sel` names.
 * The caller has done the privilege checks of its own path (gate or TSS
 * DPL); this checks the TSS itself (#NP, #TS, busy state) and raises
 * faults in the context of whichever task is current. */
void tcg_task_switch(tcg_vcpu *v, uint16_t sel, uint32_t lo, uint32_t hi, tcg_task_source src);

/* The TSS selector a task gate descriptor (lo, hi) names, with its own
 * descriptor read and checked to be an available TSS in the GDT (#GP). */
uint16_t tcg_task_gate_target(tcg_vcpu *v, uint32_t gate_lo, uint32_t *lo, uint32_t *hi);

#endif
