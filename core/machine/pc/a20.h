/*
 * The A20 gate (core-internal).  Port 0x92 and the i8042 output port both
 * drive it; a CPU that models address wrap-around asks for its state and
 * may register to hear about changes.
 */
#ifndef MODEMU_MACHINE_PC_A20_H
#define MODEMU_MACHINE_PC_A20_H

#include <stdbool.h>

typedef void (*mm_a20_listener)(void *opaque, bool enabled);

void mm_a20_set(bool enabled);
bool mm_a20_enabled(void);
void mm_a20_set_listener(mm_a20_listener fn, void *opaque);

#endif
