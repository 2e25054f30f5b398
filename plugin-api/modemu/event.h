/*
 * Time and the main loop.
 *
 * The main thread runs a glib main context (g_main_context_default()); plugins
 * add their file descriptors to it as GSources.  Device code runs with the
 * machine lock held: the main loop holds it while dispatching, and CPU threads
 * (KVM) take it around I/O exits.  The software CPU runs on the main thread.
 *
 * Clocks, in nanoseconds:
 *  - MM_CLOCK_VIRTUAL: guest time.  Stops while the machine is stopped (-S,
 *    `stop`); under the qtest accelerator it moves only by clock_step/clock_set.
 *  - MM_CLOCK_HOST: monotonic host time, always running (UI, network timeouts).
 *  - MM_CLOCK_REALTIME: wall-clock (RTC base=utc/localtime).
 */
#ifndef MODEMU_EVENT_H
#define MODEMU_EVENT_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/abi.h>

typedef enum mm_clock_type {
    MM_CLOCK_VIRTUAL = 0,
    MM_CLOCK_HOST = 1,
    MM_CLOCK_REALTIME = 2,
} mm_clock_type;

#define MM_NS_PER_SEC 1000000000LL

MM_API int64_t mm_clock_get_ns(mm_clock_type clock);

typedef struct mm_timer mm_timer;
typedef void (*mm_timer_cb)(void *opaque);

MM_API mm_timer *mm_timer_new(mm_clock_type clock, mm_timer_cb cb, void *opaque);
MM_API void mm_timer_free(mm_timer *timer);
/* Arms the timer to fire once when its clock reaches expire_ns (absolute). */
MM_API void mm_timer_mod(mm_timer *timer, int64_t expire_ns);
MM_API void mm_timer_del(mm_timer *timer);
MM_API bool mm_timer_pending(const mm_timer *timer);
MM_API int64_t mm_timer_expire_time(const mm_timer *timer);

/* Bottom halves: run a callback soon on the main loop (from any thread). */
typedef struct mm_bh mm_bh;
MM_API mm_bh *mm_bh_new(mm_timer_cb cb, void *opaque);
MM_API void mm_bh_schedule(mm_bh *bh);
MM_API void mm_bh_free(mm_bh *bh);

/* The machine lock (device state).  Recursive use is not allowed. */
MM_API void mm_machine_lock(void);
MM_API void mm_machine_unlock(void);

#endif
