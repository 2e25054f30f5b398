/*
 * The 8254 PIT's channel-2 side (core-internal), for the speaker port 0x61:
 * its gate input and its OUT pin.  HPET legacy mode may also stop channel 0.
 */
#ifndef MODEMU_MACHINE_PC_PIT_H
#define MODEMU_MACHINE_PC_PIT_H

#include <stdbool.h>
#include <stdint.h>

#define MM_TYPE_I8254 "i8254"
#define MM_PIT_FREQ 1193182

void mm_pit_set_gate(int channel, bool gate);
bool mm_pit_get_gate(int channel);
/* Level of the channel's OUT pin now. */
bool mm_pit_get_out(int channel);
/* Stops (false) or resumes (true) IRQ0 generation by channel 0 (HPET legacy
 * replacement routing takes IRQ0 over). */
void mm_pit_set_irq_enabled(bool enabled);

#endif
