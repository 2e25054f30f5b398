/* Run state and machine-wide requests (see runstate/runstate.h and <modemu/machine.h>). */
#include <glib.h>
#include <modemu/machine.h>

#include "accel/accel.h"
#include "event/clock.h"
#include "event/main_loop.h"
#include "runstate/runstate.h"

static bool no_reboot, no_shutdown;
static gint vm_running;          /* atomic: read from vCPU threads */
static const char *stop_reason = "prelaunch";
static gint reset_request;       /* atomic mm_shutdown_cause, NONE = 0 */
static gint shutdown_request;

void mm_runstate_configure(bool reboot_exits, bool shutdown_stops)
{
    no_reboot = reboot_exits;
    no_shutdown = shutdown_stops;
}

MM_API bool mm_machine_is_running(void)
{
    return g_atomic_int_get(&vm_running) != 0;
}

void mm_vm_start(void)
{
    if (mm_machine_is_running())
        return;
    mm_virtual_clock_resume();
    g_atomic_int_set(&vm_running, 1);
    const mm_accel_ops *accel = mm_accel_current();
    if (accel && accel->start)
        accel->start();
    mm_main_loop_wakeup();
}

void mm_vm_stop(const char *reason)
{
    stop_reason = reason;
    if (!mm_machine_is_running())
        return;
    const mm_accel_ops *accel = mm_accel_current();
    if (accel && accel->stop)
        accel->stop();
    g_atomic_int_set(&vm_running, 0);
    mm_virtual_clock_pause();
}

const char *mm_runstate_describe(void)
{
    if (mm_machine_is_running())
        return "running";
    if (!g_strcmp0(stop_reason, "paused"))
        return "paused";
    char *text = g_strdup_printf("paused (%s)", stop_reason);
    const char *interned = g_intern_string(text);
    g_free(text);
    return interned;
}

MM_API void mm_machine_request_reset(mm_shutdown_cause cause)
{
    g_atomic_int_set(&reset_request, cause == MM_SHUTDOWN_NONE ? MM_SHUTDOWN_GUEST_RESET : cause);
    mm_main_loop_wakeup();
}

MM_API void mm_machine_request_shutdown(mm_shutdown_cause cause)
{
    g_atomic_int_set(&shutdown_request, cause == MM_SHUTDOWN_NONE ? MM_SHUTDOWN_HOST_QUIT : cause);
    mm_main_loop_wakeup();
}

bool mm_runstate_request_pending(void)
{
    return g_atomic_int_get(&reset_request) || g_atomic_int_get(&shutdown_request);
}

bool mm_runstate_shutdown_pending(void)
{
    return g_atomic_int_get(&shutdown_request) != 0;
}

/* Returns true if the process must exit. */
static bool handle_shutdown(mm_shutdown_cause cause)
{
    if (cause == MM_SHUTDOWN_HOST_QUIT || !no_shutdown)
        return true;
    mm_vm_stop("shutdown");
    return false;
}

bool mm_runstate_process_requests(int *exit_status)
{
    mm_shutdown_cause shutdown = g_atomic_int_and(&shutdown_request, 0);
    if (shutdown != MM_SHUTDOWN_NONE && handle_shutdown(shutdown)) {
        /* A panic (an accelerator's internal error, a boot that cannot be
         * redone) is not a clean power-off: scripts must see it fail. */
        *exit_status = shutdown == MM_SHUTDOWN_GUEST_PANIC ? 1 : 0;
        return true;
    }
    mm_shutdown_cause reset = g_atomic_int_and(&reset_request, 0);
    if (reset != MM_SHUTDOWN_NONE) {
        /* -no-reboot: any reset request ends the process, as in QEMU. */
        if (no_reboot) {
            *exit_status = 0;
            return true;
        }
        mm_system_reset();
    }
    return false;
}
