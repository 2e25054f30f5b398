/* Timers on the host, realtime and virtual clocks (see <modemu/event.h>). */
#include <glib.h>
#include <modemu/event.h>

#include "event/clock.h"
#include "event/main_loop.h"
#include "event/timer_list.h"

#define CLOCK_COUNT 3

struct mm_timer {
    mm_clock_type clock;
    mm_timer_cb cb;
    void *opaque;
    int64_t expire_ns;
    bool armed;
    uint64_t last_pass;     /* run pass that last fired it (see run_due) */
    mm_timer *prev, *next;  /* position in its clock's sorted list */
};

static mm_timer *timer_lists[CLOCK_COUNT];
static uint64_t run_pass;

static mm_clock_type checked_clock(mm_clock_type clock)
{
    return (unsigned)clock < CLOCK_COUNT ? clock : MM_CLOCK_VIRTUAL;
}

MM_API mm_timer *mm_timer_new(mm_clock_type clock, mm_timer_cb cb, void *opaque)
{
    mm_timer *t = g_new0(mm_timer, 1);
    t->clock = checked_clock(clock);
    t->cb = cb;
    t->opaque = opaque;
    t->expire_ns = -1;
    return t;
}

static void timer_unlink(mm_timer *t)
{
    if (!t->armed)
        return;
    if (t->prev)
        t->prev->next = t->next;
    else
        timer_lists[t->clock] = t->next;
    if (t->next)
        t->next->prev = t->prev;
    t->prev = t->next = NULL;
    t->armed = false;
}

/* Inserts after every timer with the same expiry: equal deadlines fire in
 * the order they were armed. */
static void timer_insert_sorted(mm_timer *t)
{
    mm_timer *prev = NULL, *cur = timer_lists[t->clock];
    while (cur && cur->expire_ns <= t->expire_ns) {
        prev = cur;
        cur = cur->next;
    }
    t->prev = prev;
    t->next = cur;
    if (prev)
        prev->next = t;
    else
        timer_lists[t->clock] = t;
    if (cur)
        cur->prev = t;
    t->armed = true;
}

MM_API void mm_timer_free(mm_timer *timer)
{
    if (!timer)
        return;
    timer_unlink(timer);
    g_free(timer);
}

MM_API void mm_timer_mod(mm_timer *timer, int64_t expire_ns)
{
    timer_unlink(timer);
    timer->expire_ns = expire_ns < 0 ? 0 : expire_ns;
    timer_insert_sorted(timer);
    /* A new earliest deadline shortens the current poll or CPU slice. */
    if (timer_lists[timer->clock] == timer)
        mm_main_loop_notify_deadline_changed(timer->clock);
}

MM_API void mm_timer_del(mm_timer *timer)
{
    if (timer)
        timer_unlink(timer);
}

MM_API bool mm_timer_pending(const mm_timer *timer)
{
    return timer && timer->armed;
}

MM_API int64_t mm_timer_expire_time(const mm_timer *timer)
{
    return timer && timer->armed ? timer->expire_ns : -1;
}

int64_t mm_timers_next_deadline(mm_clock_type clock)
{
    mm_timer *head = timer_lists[checked_clock(clock)];
    return head ? head->expire_ns : -1;
}

bool mm_timers_clock_enabled(mm_clock_type clock)
{
    if (clock != MM_CLOCK_VIRTUAL)
        return true;
    return mm_virtual_clock_uses_counter() || mm_virtual_clock_is_running();
}

/* Pops and runs the head timer if it is due at `now` and has not fired in
 * this pass; returns whether it ran one. */
static bool run_head_if_due(mm_clock_type clock, int64_t now)
{
    mm_timer *t = timer_lists[clock];
    if (!t || t->expire_ns > now || t->last_pass == run_pass)
        return false;
    timer_unlink(t);
    t->last_pass = run_pass;
    t->cb(t->opaque);
    return true;
}

void mm_timers_run_due(mm_clock_type clock)
{
    clock = checked_clock(clock);
    if (!mm_timers_clock_enabled(clock))
        return;
    run_pass++;
    int64_t now = mm_clock_get_ns(clock);
    while (run_head_if_due(clock, now)) {
    }
}

/* Timers that keep re-arming themselves without time moving (a device
 * programmed with a zero period) must not hang clock_step, nor may a huge
 * step through a fast periodic timer: past these limits the clock stops at
 * the last timer run and the caller sees how far it got. */
#define MAX_RUNS_AT_ONE_INSTANT 100000
#define MAX_RUNS_PER_ADVANCE 10000000

void mm_timers_advance_virtual_counter(int64_t target)
{
    int64_t last_instant = -1;
    unsigned runs_at_instant = 0, runs = 0;
    for (;;) {
        mm_timer *t = timer_lists[MM_CLOCK_VIRTUAL];
        if (!t || t->expire_ns > target)
            break;
        if (++runs > MAX_RUNS_PER_ADVANCE)
            return;
        /* Time never goes backwards: a timer armed in the past runs "now". */
        int64_t now = mm_clock_get_ns(MM_CLOCK_VIRTUAL);
        if (t->expire_ns > now)
            mm_virtual_clock_set_counter(t->expire_ns);
        now = mm_clock_get_ns(MM_CLOCK_VIRTUAL);
        runs_at_instant = now == last_instant ? runs_at_instant + 1 : 0;
        last_instant = now;
        if (runs_at_instant > MAX_RUNS_AT_ONE_INSTANT)
            return;
        run_pass++;
        run_head_if_due(MM_CLOCK_VIRTUAL, now);
    }
    if (target > mm_clock_get_ns(MM_CLOCK_VIRTUAL))
        mm_virtual_clock_set_counter(target);
}

int64_t mm_timers_poll_timeout_ns(void)
{
    int64_t best = -1;
    for (int c = 0; c < CLOCK_COUNT; c++) {
        /* Counter-mode virtual time moves only by command, never by waiting,
         * so its deadlines cannot shorten a poll (timers already due still run). */
        if (!timer_lists[c] || !mm_timers_clock_enabled(c))
            continue;
        int64_t left = timer_lists[c]->expire_ns - mm_clock_get_ns(c);
        if (c == MM_CLOCK_VIRTUAL && mm_virtual_clock_uses_counter() && left > 0)
            continue;
        if (left < 0)
            left = 0;
        if (best < 0 || left < best)
            best = left;
    }
    return best;
}
