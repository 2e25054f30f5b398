/*
 * Exceptions and interrupts of the software CPU.
 *
 * A fault inside an instruction handler calls tcg_raise*(): it records the
 * vector and error code and longjmps back to the run loop, which restores RIP
 * to the faulting instruction and delivers the event through the IVT (real
 * mode) or IDT (protected and long mode), escalating to #DF and to a triple
 * fault (machine reset) as the SDM's table 6-5 says.
 */
#ifndef MODEMU_TCG_EXCEPTIONS_H
#define MODEMU_TCG_EXCEPTIONS_H

#include "accel/tcg/tcg_vcpu.h"

__attribute__((noreturn)) void tcg_raise(tcg_vcpu *v, int vector);
__attribute__((noreturn)) void tcg_raise_error(tcg_vcpu *v, int vector, uint32_t error);

/* Kind of event being delivered: decides the saved RIP and privilege checks. */
typedef enum tcg_event_kind {
    EVT_FAULT,      /* exception; saved RIP = faulting instruction */
    EVT_TRAP,       /* exception after the instruction (INT3, INTO, #DB traps) */
    EVT_SOFT_INT,   /* INT n: gate DPL checked against CPL */
    EVT_EXTERNAL,   /* hardware interrupt or NMI */
} tcg_event_kind;

/* Delivers an event now (RIP already set to the return address). May itself
 * raise (longjmp) when delivery faults. */
void tcg_deliver_event(tcg_vcpu *v, int vector, tcg_event_kind kind, bool has_error,
                       uint32_t error);
/* Called by the run loop after a longjmp: delivers the recorded exception
 * with double/triple-fault escalation. */
void tcg_deliver_pending_exception(tcg_vcpu *v);

#endif
