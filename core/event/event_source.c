/*
 * The GSource that runs timers and bottom halves on the default main
 * context.  Its prepare step turns the earliest timer deadline into the poll
 * timeout, so the loop sleeps exactly until something is due.
 */
#include <glib.h>

#include "event/bh_queue.h"
#include "event/event_source.h"
#include "event/timer_list.h"

static const mm_clock_type all_clocks[] = {
    MM_CLOCK_VIRTUAL, MM_CLOCK_HOST, MM_CLOCK_REALTIME,
};

static gboolean source_ready(gint *timeout_ms)
{
    int64_t ns = mm_timers_poll_timeout_ns();
    if (mm_bh_queue_pending())
        ns = 0;
    if (timeout_ms) {
        /* Round up: waking before the deadline would only spin once more.
         * (Divide first: a far-future guest deadline must not overflow.) */
        int64_t ms = ns / 1000000 + (ns % 1000000 != 0);
        *timeout_ms = ns < 0 ? -1 : (gint)MIN(ms, G_MAXINT);
    }
    return ns == 0;
}

static gboolean machine_source_prepare(GSource *source, gint *timeout_ms)
{
    return source_ready(timeout_ms);
}

static gboolean machine_source_check(GSource *source)
{
    return source_ready(NULL);
}

static gboolean machine_source_dispatch(GSource *source, GSourceFunc cb, gpointer data)
{
    mm_bh_queue_run();
    for (size_t i = 0; i < G_N_ELEMENTS(all_clocks); i++)
        mm_timers_run_due(all_clocks[i]);
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs machine_source_funcs = {
    .prepare = machine_source_prepare,
    .check = machine_source_check,
    .dispatch = machine_source_dispatch,
};

void mm_event_source_attach(void)
{
    static bool attached;
    if (attached)
        return;
    attached = true;
    GSource *source = g_source_new(&machine_source_funcs, sizeof(GSource));
    g_source_set_name(source, "modemu timers and bottom halves");
    g_source_attach(source, NULL);
    g_source_unref(source);
}
