/* The main loop, bottom halves, the machine lock and the run state requests. */
#include <glib.h>
#include <modemu/event.h>
#include <modemu/machine.h>

#include "event/clock.h"
#include "event/main_loop.h"
#include "runstate/runstate.h"

static void request_quit(void *opaque)
{
    mm_machine_request_shutdown(MM_SHUTDOWN_HOST_QUIT);
}

static gpointer schedule_from_thread(gpointer bh)
{
    g_usleep(20000);
    mm_bh_schedule(bh);
    return NULL;
}

static void test_bh_from_other_thread_wakes_loop(void)
{
    mm_bh *bh = mm_bh_new(request_quit, NULL);
    GThread *t = g_thread_new("bh", schedule_from_thread, bh);
    int64_t start = mm_clock_get_ns(MM_CLOCK_HOST);
    g_assert_cmpint(mm_main_loop_run(), ==, 0);
    g_assert_cmpint(mm_clock_get_ns(MM_CLOCK_HOST) - start, <, 5 * MM_NS_PER_SEC);
    g_thread_join(t);
    mm_bh_free(bh);
}

static void test_host_timer_ends_blocking_poll(void)
{
    mm_timer *t = mm_timer_new(MM_CLOCK_HOST, request_quit, NULL);
    int64_t start = mm_clock_get_ns(MM_CLOCK_HOST);
    mm_timer_mod(t, start + 30 * 1000 * 1000);
    g_assert_cmpint(mm_main_loop_run(), ==, 0);
    int64_t took = mm_clock_get_ns(MM_CLOCK_HOST) - start;
    g_assert_cmpint(took, >=, 30 * 1000 * 1000);
    g_assert_cmpint(took, <, 2 * MM_NS_PER_SEC);
    mm_timer_free(t);
}

static gpointer lock_while_main_polls(gpointer bh)
{
    g_usleep(20000);
    /* Only possible if the main loop dropped the lock around its poll. */
    mm_machine_lock();
    mm_bh_schedule(bh);
    mm_machine_unlock();
    return NULL;
}

static void test_machine_lock_released_while_polling(void)
{
    mm_bh *bh = mm_bh_new(request_quit, NULL);
    GThread *t = g_thread_new("vcpu", lock_while_main_polls, bh);
    g_assert_cmpint(mm_main_loop_run(), ==, 0);
    g_thread_join(t);
    mm_bh_free(bh);
}

static int reset_calls[2];
static mm_bh *quit_after_reset;

static void count_reset(void *opaque)
{
    int *slot = opaque;
    /* Registration order: slot 0's handler must already have run. */
    if (slot == &reset_calls[1])
        g_assert_cmpint(reset_calls[0], ==, reset_calls[1] + 1);
    (*slot)++;
    if (slot == &reset_calls[1] && quit_after_reset)
        mm_bh_schedule(quit_after_reset);
}

static void test_reset_runs_handlers_in_order(void)
{
    mm_runstate_configure(false, false);
    mm_machine_register_reset(count_reset, &reset_calls[0]);
    mm_machine_register_reset(count_reset, &reset_calls[1]);
    /* Posted before the loop runs: carried out by its first iteration. */
    mm_machine_request_reset(MM_SHUTDOWN_GUEST_RESET);
    mm_bh *quit = mm_bh_new(request_quit, NULL);
    quit_after_reset = quit;
    g_assert_cmpint(mm_main_loop_run(), ==, 0);
    g_assert_cmpint(reset_calls[0], ==, 1);
    g_assert_cmpint(reset_calls[1], ==, 1);
    mm_machine_unregister_reset(count_reset, &reset_calls[0]);
    mm_machine_unregister_reset(count_reset, &reset_calls[1]);
    mm_system_reset();
    g_assert_cmpint(reset_calls[0], ==, 1);
    quit_after_reset = NULL;
    mm_bh_free(quit);
}

static void test_no_reboot_exits_on_reset(void)
{
    mm_runstate_configure(true, false);
    mm_machine_request_reset(MM_SHUTDOWN_GUEST_RESET);
    g_assert_cmpint(mm_main_loop_run(), ==, 0);
    mm_runstate_configure(false, false);
}

static void poweroff_then_check(void *opaque)
{
    static int step;
    mm_bh *self = *(mm_bh **)opaque;
    if (step++ == 0) {
        mm_machine_request_shutdown(MM_SHUTDOWN_GUEST_POWEROFF);
        mm_bh_schedule(self);
        return;
    }
    /* -no-shutdown: the power-off stopped the machine instead of exiting. */
    g_assert_false(mm_machine_is_running());
    g_assert_cmpstr(mm_runstate_describe(), ==, "paused (shutdown)");
    request_quit(NULL);
}

static void test_no_shutdown_stops_instead_of_exiting(void)
{
    mm_runstate_configure(false, true);
    mm_vm_start();
    g_assert_true(mm_machine_is_running());
    g_assert_cmpstr(mm_runstate_describe(), ==, "running");
    static mm_bh *bh;
    bh = mm_bh_new(poweroff_then_check, &bh);
    mm_bh_schedule(bh);
    g_assert_cmpint(mm_main_loop_run(), ==, 0);
    mm_bh_free(bh);
    mm_runstate_configure(false, false);
}

static int slices;
static int64_t worst_slice_ns;

static bool fake_cpu(int64_t deadline_ns)
{
    int64_t now = mm_clock_get_ns(MM_CLOCK_VIRTUAL);
    worst_slice_ns = MAX(worst_slice_ns, deadline_ns - now);
    if (++slices == 50)
        mm_machine_request_shutdown(MM_SHUTDOWN_GUEST_POWEROFF);
    return true;   /* always runnable: the loop must not block */
}

static void test_cpu_runner_gets_bounded_slices(void)
{
    mm_vm_start();
    mm_main_loop_set_cpu_runner(fake_cpu);
    int64_t start = mm_clock_get_ns(MM_CLOCK_HOST);
    g_assert_cmpint(mm_main_loop_run(), ==, 0);
    g_assert_cmpint(slices, ==, 50);
    g_assert_cmpint(worst_slice_ns, <=, MM_MAIN_LOOP_MAX_SLICE_NS);
    g_assert_cmpint(mm_clock_get_ns(MM_CLOCK_HOST) - start, <, MM_NS_PER_SEC);
    mm_main_loop_set_cpu_runner(NULL);
    mm_vm_stop("paused");
    g_assert_false(mm_virtual_clock_is_running());
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/main-loop/bh-from-thread", test_bh_from_other_thread_wakes_loop);
    g_test_add_func("/main-loop/host-timer", test_host_timer_ends_blocking_poll);
    g_test_add_func("/main-loop/lock-released-in-poll", test_machine_lock_released_while_polling);
    g_test_add_func("/runstate/reset-handlers", test_reset_runs_handlers_in_order);
    g_test_add_func("/runstate/no-reboot", test_no_reboot_exits_on_reset);
    g_test_add_func("/runstate/no-shutdown", test_no_shutdown_stops_instead_of_exiting);
    g_test_add_func("/main-loop/cpu-runner", test_cpu_runner_gets_bounded_slices);
    return g_test_run();
}
