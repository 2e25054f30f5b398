/*
 * Clock control (core-internal): what the run state and the qtest
 * accelerator do to the virtual clock.  Readers use mm_clock_get_ns().
 */
#ifndef MODEMU_EVENT_CLOCK_H
#define MODEMU_EVENT_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

/* The virtual clock starts paused; resume/pause follow vm start/stop so that
 * guest time does not advance while the machine is stopped. */
void mm_virtual_clock_resume(void);
void mm_virtual_clock_pause(void);
bool mm_virtual_clock_is_running(void);

/* qtest mode: the virtual clock becomes a counter that only
 * mm_virtual_clock_set_counter() moves (clock_step / clock_set). */
void mm_virtual_clock_use_counter(bool enable);
bool mm_virtual_clock_uses_counter(void);
void mm_virtual_clock_set_counter(int64_t ns);

#endif
