/*
 * Segmentation: descriptor tables, segment register loads with their
 * protection checks, far transfers (JMP/CALL/RET far, IRET) and the CPU mode
 * derived from CS (code size, privilege).
 */
#ifndef MODEMU_TCG_SEGMENTATION_H
#define MODEMU_TCG_SEGMENTATION_H

#include "accel/tcg/tcg_vcpu.h"

/* Recomputes code size and MMU index after CS, CR0 or EFER changed. */
void tcg_update_mode(tcg_vcpu *v);
/* Reads the 8-byte descriptor of selector; #GP(selector) when outside the table. */
void tcg_read_descriptor(tcg_vcpu *v, uint16_t sel, uint32_t *lo, uint32_t *hi);
void tcg_seg_from_descriptor(mm_x86_segment *s, uint16_t sel, uint32_t lo, uint32_t hi);
/* MOV/POP/LxS to a data segment register or SS (not CS). */
void tcg_load_segment(tcg_vcpu *v, unsigned seg, uint16_t sel);
/* Loads CS directly (real mode, or a checked protected-mode code descriptor). */
void tcg_load_cs_checked(tcg_vcpu *v, uint16_t sel, unsigned new_cpl);
void tcg_far_jump(tcg_vcpu *v, uint16_t sel, uint64_t offset, unsigned opsize);
void tcg_far_call(tcg_vcpu *v, uint16_t sel, uint64_t offset, unsigned opsize);
void tcg_far_return(tcg_vcpu *v, unsigned opsize, uint16_t extra_pop);
/* Far JMP (call false) or CALL through the call gate (lo, hi) at gate_sel,
 * whose DPL and presence the caller has checked (call_gate.c). */
void tcg_call_gate(tcg_vcpu *v, uint16_t gate_sel, uint32_t lo, uint32_t hi, bool call);
/* Loads LDTR or TR (dst) from the GDT descriptor of a non-null sel, whose
 * type must be one in the mask `types` (bit n: type n); a selector in the
 * LDT or a wrong type raises `fault` (#GP for LLDT/LTR, #TS in a task
 * switch), a missing one #NP.  Long mode's 16-byte descriptors give the
 * base's upper half.  Returns the descriptor's high word. */
uint32_t tcg_load_system_segment(tcg_vcpu *v, mm_x86_segment *dst, uint16_t sel, unsigned types,
                                 int fault);
/* The stack for an inward transfer to privilege dpl (CALL through a gate,
 * an interrupt) from the 32-bit TSS, checked: a present writable data
 * segment of that DPL with RPL dpl (#TS otherwise, #SS when not present). */
void tcg_inner_stack(tcg_vcpu *v, unsigned dpl, mm_x86_segment *ss, uint32_t *esp);
void tcg_iret(tcg_vcpu *v, unsigned opsize);

#endif
