/* The frontend side of character devices (see <modemu/chardev.h>). */
#include <errno.h>
#include <unistd.h>
#include <glib.h>
#include <modemu/chardev.h>

#include "chardev/chardev_core.h"

static const char *chardev_label(mm_chardev *chr)
{
    return chr->obj.id ? chr->obj.id : mm_object_type_name(&chr->obj);
}

MM_API bool mm_chardev_attach(mm_chardev *chr, const mm_chardev_handlers *handlers,
                              void *opaque, mm_error **errp)
{
    chardev_core *core = chardev_core_of(chr);
    if (!core) {
        mm_error_set(errp, "chardev is not initialized");
        return false;
    }
    int limit = core->mux ? MM_CHARDEV_MAX_FRONTENDS : 1;
    if (core->frontend_count >= limit) {
        mm_error_set(errp, core->mux ? "chardev '%s': too many frontends (at most %d)"
                                     : "chardev '%s' is already in use (%d frontend; use mux=on)",
                     chardev_label(chr), limit);
        return false;
    }
    int index = core->frontend_count++;
    core->frontends[index] = (chardev_frontend){ handlers, opaque };
    if (core->backend_open)
        mm_chardev_frontend_event(&core->frontends[index], MM_CHARDEV_OPENED);
    if (core->mux)
        mm_chardev_mux_set_focus(chr, index);
    else
        core->focus = 0;
    /* The new frontend may be able to take input the backend held back. */
    mm_chardev_accept_input(chr);
    return true;
}

MM_API void mm_chardev_detach(mm_chardev *chr, void *opaque)
{
    chardev_core *core = chardev_core_of(chr);
    if (!core)
        return;
    for (int i = 0; i < core->frontend_count; i++) {
        if (core->frontends[i].opaque != opaque)
            continue;
        for (int j = i; j + 1 < core->frontend_count; j++)
            core->frontends[j] = core->frontends[j + 1];
        core->frontend_count--;
        if (core->focus >= core->frontend_count)
            core->focus = core->frontend_count > 0 ? 0 : -1;
        return;
    }
}

static void write_log(chardev_core *core, const uint8_t *buf, int len)
{
    while (core->log_fd >= 0 && len > 0) {
        ssize_t n = write(core->log_fd, buf, (size_t)len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;   /* a failing log must not stop the guest's output */
        buf += n;
        len -= (int)n;
    }
}

/* How long a backend may refuse bytes (returning 0) before output is dropped:
 * a frontend (the guest's UART) must never hang the machine on a stuck peer. */
#define MAX_STALLED_WRITE_TRIES 1000
#define STALLED_WRITE_SLEEP_US 1000

int mm_chardev_backend_write_all(mm_chardev *chr, const uint8_t *buf, int len)
{
    if (!chr || !chr->ops || !chr->ops->write || len < 0)
        return -1;
    write_log(chardev_core_of(chr), buf, len);
    int done = 0, stalled = 0;
    while (done < len) {
        int n = chr->ops->write(chr, buf + done, len - done);
        if (n < 0)
            return -1;
        if (n == 0) {
            if (++stalled > MAX_STALLED_WRITE_TRIES)
                return -1;
            g_usleep(STALLED_WRITE_SLEEP_US);
            continue;
        }
        stalled = 0;
        done += n;
    }
    return len;
}

MM_API int mm_chardev_write_all(mm_chardev *chr, const uint8_t *buf, int len)
{
    chardev_core *core = chardev_core_of(chr);
    if (core && core->mux)
        return mm_chardev_mux_write(chr, buf, len);
    return mm_chardev_backend_write_all(chr, buf, len);
}

MM_API void mm_chardev_accept_input(mm_chardev *chr)
{
    chardev_core *core = chardev_core_of(chr);
    if (!core)
        return;
    if (core->mux)
        mm_chardev_mux_flush_input(chr);
    if (chr->ops && chr->ops->accept_input)
        chr->ops->accept_input(chr);
}

MM_API void mm_chardev_set_line_params(mm_chardev *chr, int baud, int data_bits, char parity,
                                       int stop_bits)
{
    if (chr && chr->ops && chr->ops->set_line_params && baud > 0)
        chr->ops->set_line_params(chr, baud, data_bits, parity, stop_bits);
}

MM_API mm_chardev *mm_chardev_find(const char *id)
{
    mm_object *obj = id ? mm_object_find_by_id(MM_KIND_CHARDEV, id) : NULL;
    return (mm_chardev *)obj;
}
