/* The main loop (see event/main_loop.h). */
#include <signal.h>
#include <stdlib.h>
#include <glib.h>
#include <glib-unix.h>
#include <modemu/error.h>
#include <modemu/event.h>
#include <modemu/machine.h>

#include "event/bh_queue.h"
#include "event/event_source.h"
#include "event/machine_lock.h"
#include "event/main_loop.h"
#include "event/timer_list.h"
#include "runstate/runstate.h"

static bool (*cpu_run_slice)(int64_t deadline_ns);
static gint cpu_yield_requested;   /* atomic */
static GThread *loop_thread;
static GPollFunc glib_poll;
static bool loop_running;   /* inside mm_main_loop_run */

void mm_main_loop_set_cpu_runner(bool (*run_slice)(int64_t deadline_ns))
{
    cpu_run_slice = run_slice;
}

bool mm_main_loop_cpu_should_yield(void)
{
    return g_atomic_int_get(&cpu_yield_requested) || mm_bh_queue_pending() ||
           mm_runstate_request_pending();
}

void mm_main_loop_wakeup(void)
{
    g_atomic_int_set(&cpu_yield_requested, 1);
    g_main_context_wakeup(NULL);
}

void mm_main_loop_notify_deadline_changed(mm_clock_type clock)
{
    if (clock == MM_CLOCK_VIRTUAL)
        g_atomic_int_set(&cpu_yield_requested, 1);
    /* The main thread recomputes its poll timeout at the next prepare; only
     * another thread needs to interrupt a poll in progress. */
    if (loop_thread && g_thread_self() != loop_thread)
        g_main_context_wakeup(NULL);
}

/* Polls with the machine lock released, so vCPU threads can do device I/O
 * while the main thread sleeps. */
static gint poll_without_machine_lock(GPollFD *fds, guint nfds, gint timeout_ms)
{
    bool held = mm_machine_lock_held();
    if (held)
        mm_machine_unlock();
    gint ret = glib_poll(fds, nfds, timeout_ms);
    if (held)
        mm_machine_lock();
    return ret;
}

static gboolean on_terminating_signal(gpointer signal_number)
{
    /* QEMU's wording, so scripts that grep for it keep working. */
    mm_error_report("terminating on signal %d", GPOINTER_TO_INT(signal_number));
    /* During start-up (a socket server waiting for its first client runs
     * the context) nobody would act on a request: end now; exit handlers
     * restore the terminal. */
    if (!loop_running)
        exit(0);
    mm_machine_request_shutdown(MM_SHUTDOWN_HOST_QUIT);
    return G_SOURCE_CONTINUE;
}

void mm_main_loop_init(void)
{
    if (loop_thread)
        return;
    loop_thread = g_thread_self();
    GMainContext *ctx = g_main_context_default();
    glib_poll = g_main_context_get_poll_func(ctx);
    g_main_context_set_poll_func(ctx, poll_without_machine_lock);
    mm_event_source_attach();
    static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
    for (size_t i = 0; i < G_N_ELEMENTS(signals); i++)
        g_unix_signal_add(signals[i], on_terminating_signal, GINT_TO_POINTER(signals[i]));
}

static int64_t cpu_slice_deadline(void)
{
    int64_t now = mm_clock_get_ns(MM_CLOCK_VIRTUAL);
    int64_t deadline = now + MM_MAIN_LOOP_MAX_SLICE_NS;
    int64_t timer = mm_timers_next_deadline(MM_CLOCK_VIRTUAL);
    return timer >= 0 && timer < deadline ? timer : deadline;
}

/* Runs the CPU for one slice when there is one to run; returns whether a
 * vCPU is still runnable (then the loop must not block). */
static bool run_cpu_slice(void)
{
    if (!cpu_run_slice || !mm_machine_is_running() || mm_runstate_request_pending())
        return false;
    g_atomic_int_set(&cpu_yield_requested, 0);
    return cpu_run_slice(cpu_slice_deadline());
}

int mm_main_loop_run(void)
{
    mm_main_loop_init();
    mm_machine_lock();
    loop_running = true;
    int exit_status = 0;
    for (;;) {
        bool cpu_runnable = run_cpu_slice();
        g_main_context_iteration(NULL, !cpu_runnable);
        if (mm_runstate_process_requests(&exit_status))
            break;
    }
    loop_running = false;
    mm_machine_unlock();
    return exit_status;
}
