/*
 * The main loop (core-internal).
 *
 * The main thread runs g_main_context_default().  Everything that dispatches
 * there (fd watches, timers, bottom halves, qtest, the monitor) runs with the
 * machine lock held; the lock is released only while the context polls, so
 * KVM vCPU threads can take it.
 *
 * Software CPU hook: mm_main_loop_set_cpu_runner(run_slice).  While the
 * machine runs, each loop iteration first calls run_slice(deadline_ns) on the
 * main thread with the machine lock held.  deadline_ns is an absolute
 * MM_CLOCK_VIRTUAL time: the earliest virtual timer, capped at
 * MM_MAIN_LOOP_MAX_SLICE_NS from now so file descriptors are polled often
 * enough.  run_slice executes guest code until that deadline, or earlier when
 * mm_main_loop_cpu_should_yield() becomes true (check it at I/O exits and
 * every few thousand instructions), and returns whether a vCPU is still
 * runnable.  Then the loop polls the context: without blocking when a vCPU is
 * runnable, otherwise blocking until the next timer or fd event (a halted
 * CPU costs no host time).  A device raising an interrupt for a halted CPU
 * from another thread should call the accelerator's kick, which may use
 * mm_main_loop_wakeup().
 */
#ifndef MODEMU_EVENT_MAIN_LOOP_H
#define MODEMU_EVENT_MAIN_LOOP_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/event.h>

#define MM_MAIN_LOOP_MAX_SLICE_NS (10 * 1000 * 1000LL)

/* Runs until a shutdown/quit request ends the process; returns the exit
 * status (0 for guest power-off, quit, C-a x, SIGTERM).  Takes the machine
 * lock itself: call it without holding the lock. */
int mm_main_loop_run(void);

void mm_main_loop_set_cpu_runner(bool (*run_slice)(int64_t deadline_ns));

/* True when the CPU should return from run_slice early: a bottom half or a
 * reset/shutdown/stop request is pending or a virtual timer was armed before
 * the slice's deadline.  Cleared when the loop starts the next slice. */
bool mm_main_loop_cpu_should_yield(void);

/* Wakes the main context from any thread (it re-evaluates deadlines and
 * requests). */
void mm_main_loop_wakeup(void);

/* Called by the timer lists when a clock's earliest deadline moved earlier. */
void mm_main_loop_notify_deadline_changed(mm_clock_type clock);

/* Installs the timer and BH sources and signal handlers on the default
 * context; idempotent, called by mm_main_loop_run and by the qtest setup. */
void mm_main_loop_init(void);

#endif
