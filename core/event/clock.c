/* Host, realtime and virtual clocks (see <modemu/event.h>). */
#include <time.h>
#include <glib.h>
#include <modemu/event.h>

#include "event/clock.h"

/* Guarded by a mutex of its own: KVM vCPU threads read the virtual clock
 * (timer devices) without necessarily holding the machine lock. */
static GMutex vclock_mutex;
static bool vclock_running;
static int64_t vclock_offset;   /* while running: virtual = host - offset */
static int64_t vclock_paused;   /* while paused: the frozen value */
static bool vclock_counter_mode;
static int64_t vclock_counter;

static int64_t read_posix_clock(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * MM_NS_PER_SEC + ts.tv_nsec;
}

static int64_t virtual_now_locked(void)
{
    if (vclock_counter_mode)
        return vclock_counter;
    if (vclock_running)
        return read_posix_clock(CLOCK_MONOTONIC) - vclock_offset;
    return vclock_paused;
}

MM_API int64_t mm_clock_get_ns(mm_clock_type clock)
{
    switch (clock) {
    case MM_CLOCK_HOST:
        return read_posix_clock(CLOCK_MONOTONIC);
    case MM_CLOCK_REALTIME:
        return read_posix_clock(CLOCK_REALTIME);
    case MM_CLOCK_VIRTUAL:
    default: {
        g_mutex_lock(&vclock_mutex);
        int64_t now = virtual_now_locked();
        g_mutex_unlock(&vclock_mutex);
        return now;
    }
    }
}

void mm_virtual_clock_resume(void)
{
    g_mutex_lock(&vclock_mutex);
    if (!vclock_running) {
        vclock_offset = read_posix_clock(CLOCK_MONOTONIC) - vclock_paused;
        vclock_running = true;
    }
    g_mutex_unlock(&vclock_mutex);
}

void mm_virtual_clock_pause(void)
{
    g_mutex_lock(&vclock_mutex);
    if (vclock_running) {
        vclock_paused = read_posix_clock(CLOCK_MONOTONIC) - vclock_offset;
        vclock_running = false;
    }
    g_mutex_unlock(&vclock_mutex);
}

bool mm_virtual_clock_is_running(void)
{
    g_mutex_lock(&vclock_mutex);
    bool running = vclock_running;
    g_mutex_unlock(&vclock_mutex);
    return running;
}

void mm_virtual_clock_use_counter(bool enable)
{
    g_mutex_lock(&vclock_mutex);
    if (enable && !vclock_counter_mode)
        vclock_counter = virtual_now_locked();
    vclock_counter_mode = enable;
    g_mutex_unlock(&vclock_mutex);
}

bool mm_virtual_clock_uses_counter(void)
{
    g_mutex_lock(&vclock_mutex);
    bool counter = vclock_counter_mode;
    g_mutex_unlock(&vclock_mutex);
    return counter;
}

void mm_virtual_clock_set_counter(int64_t ns)
{
    g_mutex_lock(&vclock_mutex);
    vclock_counter = ns;
    g_mutex_unlock(&vclock_mutex);
}
