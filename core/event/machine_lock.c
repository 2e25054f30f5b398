/* The machine lock (see <modemu/event.h> and event/machine_lock.h). */
#include <glib.h>
#include <modemu/event.h>

#include "event/machine_lock.h"

static GMutex machine_mutex;
/* Whether this thread holds the lock: the poll wrapper may only drop a lock
 * the polling thread actually holds (code that iterates the context outside
 * mm_main_loop_run may not hold it). */
static __thread bool held_by_this_thread;

MM_API void mm_machine_lock(void)
{
    g_mutex_lock(&machine_mutex);
    held_by_this_thread = true;
}

MM_API void mm_machine_unlock(void)
{
    held_by_this_thread = false;
    g_mutex_unlock(&machine_mutex);
}

bool mm_machine_lock_held(void)
{
    return held_by_this_thread;
}
