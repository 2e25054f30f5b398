/* The backend side of character devices (see <modemu/chardev.h>). */
#include <modemu/chardev.h>

#include "chardev/chardev_core.h"

MM_API int mm_chardev_be_can_receive(mm_chardev *chr)
{
    chardev_core *core = chardev_core_of(chr);
    if (!core)
        return 0;
    if (core->mux)
        return mm_chardev_mux_can_receive(chr);
    chardev_frontend *fe = mm_chardev_focused(core);
    if (!fe || !fe->handlers->can_receive)
        return 0;
    int room = fe->handlers->can_receive(fe->opaque);
    return room > 0 ? room : 0;
}

MM_API void mm_chardev_be_receive(mm_chardev *chr, const uint8_t *buf, int len)
{
    chardev_core *core = chardev_core_of(chr);
    if (!core || len <= 0)
        return;
    if (core->mux) {
        mm_chardev_mux_receive(chr, buf, len);
        return;
    }
    chardev_frontend *fe = mm_chardev_focused(core);
    if (fe && fe->handlers->receive)
        fe->handlers->receive(fe->opaque, buf, len);
}

MM_API void mm_chardev_be_event(mm_chardev *chr, mm_chardev_event event)
{
    chardev_core *core = chardev_core_of(chr);
    if (!core)
        return;
    if (event == MM_CHARDEV_OPENED)
        core->backend_open = true;
    else if (event == MM_CHARDEV_CLOSED)
        core->backend_open = false;
    /* Open/close concern every frontend; a break goes to the focused one. */
    if (event == MM_CHARDEV_BREAK) {
        mm_chardev_frontend_event(mm_chardev_focused(core), event);
        return;
    }
    for (int i = 0; i < core->frontend_count; i++)
        mm_chardev_frontend_event(&core->frontends[i], event);
}
