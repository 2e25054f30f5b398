/*
 * Timer lists (core-internal): one list per clock, sorted by expiry, driven
 * by the main loop's timer source and by the qtest clock commands.
 *
 * Timers are device state: they are changed and run with the machine lock
 * held (the main loop holds it while dispatching).
 */
#ifndef MODEMU_EVENT_TIMER_LIST_H
#define MODEMU_EVENT_TIMER_LIST_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/event.h>

/* Absolute expiry of the earliest armed timer on `clock`, or -1 if none. */
int64_t mm_timers_next_deadline(mm_clock_type clock);

/* Runs, in expiry order, the timers of `clock` that are due at the clock's
 * current time.  A timer re-armed into the past by its own callback runs on
 * the next call, not in this one, so a pass always ends. */
void mm_timers_run_due(mm_clock_type clock);

/* Runs every virtual-clock timer due at or before `target`, setting the
 * counter-mode virtual clock to each timer's expiry before it runs, then
 * leaves the clock at `target` (qtest clock_step / clock_set). */
void mm_timers_advance_virtual_counter(int64_t target);

/* Whether the timers of `clock` may run now (virtual ones only while the
 * machine runs; host and realtime always). */
bool mm_timers_clock_enabled(mm_clock_type clock);

/* Nanoseconds from now until the earliest deadline among enabled clocks
 * (0 if one is already due), or -1 if nothing is armed. */
int64_t mm_timers_poll_timeout_ns(void);

#endif
