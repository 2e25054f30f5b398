/*
 * The IOAPIC (core-internal side): EOI broadcast from the local APICs.
 *
 * A local APIC that accepts an EOI for a level-triggered vector calls
 * mm_ioapic_eoi_broadcast(vector): the IOAPIC clears Remote IRR of the pins
 * programmed with that vector and re-delivers those whose line is still high.
 */
#ifndef MODEMU_MACHINE_PC_IOAPIC_H
#define MODEMU_MACHINE_PC_IOAPIC_H

#include <stdint.h>

#define MM_TYPE_IOAPIC "ioapic"
#define MM_IOAPIC_BASE 0xfec00000ull
#define MM_IOAPIC_NUM_PINS 24

void mm_ioapic_eoi_broadcast(uint8_t vector);

#endif
