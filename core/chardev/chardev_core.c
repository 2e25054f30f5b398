/* Core per-chardev state (see chardev/chardev_core.h). */
#include <unistd.h>

#include "chardev/chardev_core.h"

chardev_core *mm_chardev_core_new(bool mux, int log_fd)
{
    chardev_core *core = g_new0(chardev_core, 1);
    core->mux = mux;
    core->log_fd = log_fd;
    core->at_line_start = true;
    core->input_queue = g_byte_array_new();
    return core;
}

void mm_chardev_core_free(chardev_core *core)
{
    if (!core)
        return;
    if (core->log_fd >= 0)
        close(core->log_fd);
    g_byte_array_unref(core->input_queue);
    g_free(core);
}

chardev_frontend *mm_chardev_focused(chardev_core *core)
{
    if (!core || core->focus < 0 || core->focus >= core->frontend_count)
        return NULL;
    return &core->frontends[core->focus];
}

void mm_chardev_frontend_event(chardev_frontend *fe, mm_chardev_event event)
{
    if (fe && fe->handlers->event)
        fe->handlers->event(fe->opaque, event);
}
