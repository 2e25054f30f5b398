/*
 * The 8259 pair's CPU side (core-internal), for the CPU accelerators.
 *
 * The master's INTR output is reported through the connected callback
 * (level 1 = an interrupt is pending); the CPU (or the local APIC's LINT0 in
 * ExtINT mode) then runs an INTA cycle with mm_pic_acknowledge(), which
 * returns the vector and updates ISR/IRR as the chips do.  The IOAPIC uses
 * the same acknowledge for ExtINT redirections.
 */
#ifndef MODEMU_MACHINE_PC_PIC_H
#define MODEMU_MACHINE_PC_PIC_H

#include <stdbool.h>
#include <modemu/object.h>

typedef void (*mm_pic_intr_fn)(void *opaque, int level);

/* Type and qtest path of the board's PIC object; its unnamed GPIO inputs
 * 0..15 are the ISA IRQ lines (IRQ2 is the cascade, driven internally). */
#define MM_TYPE_I8259 "i8259"

void mm_pic_connect_intr(mm_pic_intr_fn fn, void *opaque);
/* Whether the master currently asserts INTR. */
bool mm_pic_intr_pending(void);
/* INTA cycle: the vector to deliver (a spurious IRQ7/IRQ15 vector if the
 * request went away). Returns -1 when the board has no PIC. */
int mm_pic_acknowledge(void);

#endif
