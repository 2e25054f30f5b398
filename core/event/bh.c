/*
 * Bottom halves: callbacks run soon by the main loop, schedulable from any
 * thread (see <modemu/event.h>).  The pending queue has its own mutex so a
 * vCPU thread can schedule without the machine lock; callbacks run on the
 * main thread with the machine lock held.
 */
#include <glib.h>
#include <modemu/event.h>

#include "event/bh_queue.h"
#include "event/main_loop.h"

struct mm_bh {
    mm_timer_cb cb;
    void *opaque;
    bool scheduled;   /* in pending_bhs; guarded by bh_mutex */
};

static GMutex bh_mutex;
static GQueue pending_bhs = G_QUEUE_INIT;

MM_API mm_bh *mm_bh_new(mm_timer_cb cb, void *opaque)
{
    mm_bh *bh = g_new0(mm_bh, 1);
    bh->cb = cb;
    bh->opaque = opaque;
    return bh;
}

MM_API void mm_bh_schedule(mm_bh *bh)
{
    g_mutex_lock(&bh_mutex);
    bool newly = !bh->scheduled;
    if (newly) {
        bh->scheduled = true;
        g_queue_push_tail(&pending_bhs, bh);
    }
    g_mutex_unlock(&bh_mutex);
    if (newly)
        mm_main_loop_wakeup();
}

MM_API void mm_bh_free(mm_bh *bh)
{
    if (!bh)
        return;
    g_mutex_lock(&bh_mutex);
    if (bh->scheduled)
        g_queue_remove(&pending_bhs, bh);
    g_mutex_unlock(&bh_mutex);
    g_free(bh);
}

bool mm_bh_queue_pending(void)
{
    g_mutex_lock(&bh_mutex);
    bool pending = !g_queue_is_empty(&pending_bhs);
    g_mutex_unlock(&bh_mutex);
    return pending;
}

static mm_bh *pop_pending(void)
{
    g_mutex_lock(&bh_mutex);
    mm_bh *bh = g_queue_pop_head(&pending_bhs);
    if (bh)
        bh->scheduled = false;
    g_mutex_unlock(&bh_mutex);
    return bh;
}

void mm_bh_queue_run(void)
{
    /* Only what was pending on entry: a BH that reschedules itself runs
     * again on the next iteration instead of starving the loop. */
    g_mutex_lock(&bh_mutex);
    unsigned count = g_queue_get_length(&pending_bhs);
    g_mutex_unlock(&bh_mutex);
    while (count-- > 0) {
        mm_bh *bh = pop_pending();
        if (!bh)
            break;
        bh->cb(bh->opaque);
    }
}
