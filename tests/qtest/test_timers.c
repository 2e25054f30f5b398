/* Timer lists and the virtual clock (core/event). */
#include <glib.h>
#include <modemu/event.h>

#include "event/clock.h"
#include "event/timer_list.h"

typedef struct fired {
    GArray *names;    /* char: which timer fired */
    GArray *clocks;   /* int64_t: the virtual clock when it fired */
} fired;

static fired log_of_fires;

typedef struct test_timer {
    mm_timer *timer;
    char name;
    int64_t period;   /* re-arm by this much when > 0 */
    int remaining;    /* re-arms left */
} test_timer;

static void record_fire(void *opaque)
{
    test_timer *t = opaque;
    int64_t now = mm_clock_get_ns(MM_CLOCK_VIRTUAL);
    g_array_append_val(log_of_fires.names, t->name);
    g_array_append_val(log_of_fires.clocks, now);
    if (t->remaining-- > 0)
        mm_timer_mod(t->timer, now + t->period);
}

static void reset_log(void)
{
    if (log_of_fires.names) {
        g_array_free(log_of_fires.names, TRUE);
        g_array_free(log_of_fires.clocks, TRUE);
    }
    log_of_fires.names = g_array_new(FALSE, FALSE, 1);
    log_of_fires.clocks = g_array_new(FALSE, FALSE, sizeof(int64_t));
}

static void counter_mode_at(int64_t ns)
{
    mm_virtual_clock_use_counter(true);
    mm_virtual_clock_set_counter(ns);
    reset_log();
}

static void test_timers_fire_in_expiry_order(void)
{
    counter_mode_at(0);
    test_timer a = { .name = 'a' }, b = { .name = 'b' }, c = { .name = 'c' };
    a.timer = mm_timer_new(MM_CLOCK_VIRTUAL, record_fire, &a);
    b.timer = mm_timer_new(MM_CLOCK_VIRTUAL, record_fire, &b);
    c.timer = mm_timer_new(MM_CLOCK_VIRTUAL, record_fire, &c);
    mm_timer_mod(a.timer, 100);
    mm_timer_mod(b.timer, 50);
    mm_timer_mod(c.timer, 100);
    g_assert_true(mm_timer_pending(a.timer));
    g_assert_cmpint(mm_timer_expire_time(b.timer), ==, 50);
    g_assert_cmpint(mm_timers_next_deadline(MM_CLOCK_VIRTUAL), ==, 50);

    mm_timers_advance_virtual_counter(75);
    g_assert_cmpuint(log_of_fires.names->len, ==, 1);
    g_assert_cmpint(mm_clock_get_ns(MM_CLOCK_VIRTUAL), ==, 75);
    mm_timers_advance_virtual_counter(200);
    g_assert_cmpuint(log_of_fires.names->len, ==, 3);
    g_assert_cmpmem(log_of_fires.names->data, 3, "bac", 3);
    g_assert_cmpint(g_array_index(log_of_fires.clocks, int64_t, 0), ==, 50);
    g_assert_cmpint(g_array_index(log_of_fires.clocks, int64_t, 1), ==, 100);
    g_assert_cmpint(g_array_index(log_of_fires.clocks, int64_t, 2), ==, 100);
    g_assert_cmpint(mm_clock_get_ns(MM_CLOCK_VIRTUAL), ==, 200);
    g_assert_false(mm_timer_pending(a.timer));
    g_assert_cmpint(mm_timer_expire_time(a.timer), ==, -1);
    mm_timer_free(a.timer);
    mm_timer_free(b.timer);
    mm_timer_free(c.timer);
}

static void test_timer_del_and_rearm(void)
{
    counter_mode_at(1000);
    test_timer a = { .name = 'a' };
    a.timer = mm_timer_new(MM_CLOCK_VIRTUAL, record_fire, &a);
    mm_timer_mod(a.timer, 1500);
    mm_timer_mod(a.timer, 1200);   /* moving it replaces the old deadline */
    g_assert_cmpint(mm_timers_next_deadline(MM_CLOCK_VIRTUAL), ==, 1200);
    mm_timer_del(a.timer);
    g_assert_cmpint(mm_timers_next_deadline(MM_CLOCK_VIRTUAL), ==, -1);
    mm_timers_advance_virtual_counter(2000);
    g_assert_cmpuint(log_of_fires.names->len, ==, 0);
    mm_timer_free(a.timer);
}

static void test_periodic_timer_steps_through_each_period(void)
{
    counter_mode_at(0);
    test_timer p = { .name = 'p', .period = 30, .remaining = 100 };
    p.timer = mm_timer_new(MM_CLOCK_VIRTUAL, record_fire, &p);
    mm_timer_mod(p.timer, 30);
    mm_timers_advance_virtual_counter(100);
    g_assert_cmpuint(log_of_fires.clocks->len, ==, 3);
    g_assert_cmpint(g_array_index(log_of_fires.clocks, int64_t, 2), ==, 90);
    g_assert_cmpint(mm_timer_expire_time(p.timer), ==, 120);
    mm_timer_free(p.timer);
}

static void test_zero_period_timer_does_not_hang(void)
{
    counter_mode_at(0);
    test_timer z = { .name = 'z', .period = 0, .remaining = G_MAXINT };
    z.timer = mm_timer_new(MM_CLOCK_VIRTUAL, record_fire, &z);
    mm_timer_mod(z.timer, 10);
    mm_timers_advance_virtual_counter(20);   /* must return */
    g_assert_cmpuint(log_of_fires.names->len, >, 1000);
    g_assert_cmpint(mm_clock_get_ns(MM_CLOCK_VIRTUAL), <=, 20);
    mm_timer_free(z.timer);
}

static mm_timer *fast_timer;
static unsigned fast_runs;

static void rearm_one_ns_later(void *opaque)
{
    fast_runs++;
    mm_timer_mod(fast_timer, mm_clock_get_ns(MM_CLOCK_VIRTUAL) + 1);
}

static void test_huge_step_through_fast_timer_is_bounded(void)
{
    counter_mode_at(0);
    fast_timer = mm_timer_new(MM_CLOCK_VIRTUAL, rearm_one_ns_later, NULL);
    mm_timer_mod(fast_timer, 1);
    mm_timers_advance_virtual_counter(INT64_MAX);   /* a fuzzer's clock_set */
    g_assert_cmpuint(fast_runs, >, 1000000);
    /* Stopped early: the clock shows how far it got. */
    g_assert_cmpint(mm_clock_get_ns(MM_CLOCK_VIRTUAL), ==, fast_runs);
    mm_timer_free(fast_timer);
    g_assert_cmpint(mm_timers_poll_timeout_ns(), <, 0);
}

static void test_run_due_runs_each_timer_once_per_pass(void)
{
    reset_log();
    test_timer h = { .name = 'h', .period = 0, .remaining = 5 };
    h.timer = mm_timer_new(MM_CLOCK_HOST, record_fire, &h);
    mm_timer_mod(h.timer, mm_clock_get_ns(MM_CLOCK_HOST) - 1);
    mm_timers_run_due(MM_CLOCK_HOST);
    g_assert_cmpuint(log_of_fires.names->len, ==, 1);   /* re-armed: next pass */
    mm_timers_run_due(MM_CLOCK_HOST);
    g_assert_cmpuint(log_of_fires.names->len, ==, 2);
    g_assert_cmpint(mm_timers_poll_timeout_ns(), ==, 0);
    mm_timer_free(h.timer);
}

static void test_virtual_clock_stops_while_paused(void)
{
    mm_virtual_clock_use_counter(false);
    mm_virtual_clock_pause();
    int64_t frozen = mm_clock_get_ns(MM_CLOCK_VIRTUAL);
    g_usleep(20000);
    g_assert_cmpint(mm_clock_get_ns(MM_CLOCK_VIRTUAL), ==, frozen);
    g_assert_false(mm_timers_clock_enabled(MM_CLOCK_VIRTUAL));
    mm_virtual_clock_resume();
    g_usleep(20000);
    int64_t later = mm_clock_get_ns(MM_CLOCK_VIRTUAL);
    /* It resumes where it stopped: the 20 ms pause is not counted. */
    g_assert_cmpint(later - frozen, >=, 15 * 1000 * 1000);
    g_assert_cmpint(later - frozen, <, 1000 * 1000 * 1000);
    g_assert_true(mm_timers_clock_enabled(MM_CLOCK_VIRTUAL));
    mm_virtual_clock_pause();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/timers/expiry-order", test_timers_fire_in_expiry_order);
    g_test_add_func("/timers/del-and-rearm", test_timer_del_and_rearm);
    g_test_add_func("/timers/periodic", test_periodic_timer_steps_through_each_period);
    g_test_add_func("/timers/zero-period", test_zero_period_timer_does_not_hang);
    g_test_add_func("/timers/huge-step-bounded", test_huge_step_through_fast_timer_is_bounded);
    g_test_add_func("/timers/run-due-once-per-pass", test_run_due_runs_each_timer_once_per_pass);
    g_test_add_func("/clock/virtual-pause", test_virtual_clock_stops_while_paused);
    return g_test_run();
}
