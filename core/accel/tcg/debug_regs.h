/*
 * Debug registers: instruction and data breakpoints (DR0-DR3, DR7).  While
 * DR7 enables any breakpoint the run loop steps one instruction at a time
 * (cpu_exec.c); pages holding a data breakpoint get no fast TLB read or
 * write tags, so every access to them reaches the slow path, which notes
 * hits here.  I/O breakpoints (R/W 10) are stored but never fire.
 */
#ifndef MODEMU_TCG_DEBUG_REGS_H
#define MODEMU_TCG_DEBUG_REGS_H

#include "accel/tcg/tcg_vcpu.h"

#define X86_DR6_BS (1u << 14)   /* single step */
#define X86_DR7_ENABLES 0xffu   /* L0 G0 .. L3 G3 */

/* Whether DR7 enables any breakpoint. */
static inline bool tcg_debug_armed(const tcg_vcpu *v)
{
    return (v->s.dr[7] & X86_DR7_ENABLES) != 0;
}

/* DR6 B0-B3 bits of the instruction breakpoints at the next instruction
 * (none while RF is set). */
unsigned tcg_debug_instruction_hits(tcg_vcpu *v);
/* Whether a data breakpoint covers any byte of the 4 KiB page at `page`. */
bool tcg_debug_watched_page(const tcg_vcpu *v, uint64_t page);
/* An access of size bytes at lin: adds the data breakpoints it hits to
 * v->debug_data_hits. */
void tcg_debug_note_access(tcg_vcpu *v, uint64_t lin, unsigned size, bool write);

#endif
