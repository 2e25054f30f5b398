/* The human monitor's terminal side: banner, prompt, line input (see monitor/monitor.h). */
#include <stdarg.h>
#include <string.h>
#include <glib.h>
#include <modemu/chardev.h>
#include <modemu/event.h>

#include "monitor/monitor.h"
#include "runstate/runstate.h"

#define MAX_LINE 1024

struct mm_monitor {
    mm_chardev *chr;
    GString *line;
    bool focused;        /* mux: output only while we own the terminal */
    bool banner_shown;
    /* Greeting deferred to the main loop: at start-up the serial port
     * attaches right after the monitor and takes the focus, and QEMU shows
     * the banner only once the monitor is actually reached (C-a c). */
    mm_bh *greet_bh;
};

static void monitor_write(mm_monitor *mon, const char *text, size_t len)
{
    if (mon->focused)
        mm_chardev_write_all(mon->chr, (const uint8_t *)text, (int)len);
}

void mm_monitor_printf(mm_monitor *mon, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    GString *out = g_string_new(NULL);
    for (const char *p = text; *p; p++) {
        if (*p == '\n')
            g_string_append_c(out, '\r');
        g_string_append_c(out, *p);
    }
    monitor_write(mon, out->str, out->len);
    g_string_free(out, TRUE);
    g_free(text);
}

static void show_prompt(mm_monitor *mon)
{
    mm_monitor_printf(mon, "(qemu) ");
}

static void greet(void *opaque)
{
    mm_monitor *mon = opaque;
    if (!mon->focused)
        return;
    if (!mon->banner_shown) {
        mon->banner_shown = true;
        mm_monitor_printf(mon, "QEMU %s monitor - type 'help' for more information\n",
                          MODEMU_VERSION_STRING);
    }
    show_prompt(mon);
}

static int monitor_can_receive(void *opaque)
{
    return MAX_LINE;
}

static void handle_input_byte(mm_monitor *mon, char c)
{
    if (c == '\r' || c == '\n') {
        mm_monitor_printf(mon, "\n");
        char *cmd = g_strdup(mon->line->str);
        g_string_truncate(mon->line, 0);
        mm_monitor_execute(mon, cmd);
        g_free(cmd);
        /* After quit the process ends: no new prompt, as in QEMU. */
        if (!mm_runstate_shutdown_pending())
            show_prompt(mon);
    } else if (c == 0x7f || c == 0x08) {
        if (mon->line->len > 0) {
            g_string_truncate(mon->line, mon->line->len - 1);
            monitor_write(mon, "\b \b", 3);
        }
    } else if ((unsigned char)c >= 0x20 && mon->line->len < MAX_LINE) {
        g_string_append_c(mon->line, c);
        monitor_write(mon, &c, 1);   /* echo, as a terminal line editor does */
    }
}

static void monitor_receive(void *opaque, const uint8_t *buf, int len)
{
    mm_monitor *mon = opaque;
    for (int i = 0; i < len; i++) {
        /* A CR LF pair from a terminal is one Enter. */
        if (buf[i] == '\n' && i > 0 && buf[i - 1] == '\r')
            continue;
        handle_input_byte(mon, (char)buf[i]);
    }
}

static void monitor_event(void *opaque, mm_chardev_event event)
{
    mm_monitor *mon = opaque;
    switch (event) {
    case MM_CHARDEV_MUX_IN:
        mon->focused = true;
        mm_bh_schedule(mon->greet_bh);
        break;
    case MM_CHARDEV_MUX_OUT:
        mon->focused = false;
        break;
    case MM_CHARDEV_OPENED:
        /* A new peer (socket monitor) gets the banner again. */
        mon->banner_shown = false;
        mm_bh_schedule(mon->greet_bh);
        break;
    default:
        break;
    }
}

static const mm_chardev_handlers monitor_handlers = {
    .can_receive = monitor_can_receive,
    .receive = monitor_receive,
    .event = monitor_event,
};

/* Every monitor, so a chardev gets at most one ("-monitor mon:stdio" asks
 * twice: once through the mon: prefix, once as -monitor). */
static GPtrArray *monitors;

static bool has_monitor(mm_chardev *chr)
{
    for (guint i = 0; monitors && i < monitors->len; i++) {
        if (((mm_monitor *)g_ptr_array_index(monitors, i))->chr == chr)
            return true;
    }
    return false;
}

bool mm_monitor_new(mm_chardev *chr, mm_error **errp)
{
    if (has_monitor(chr))
        return true;
    mm_monitor *mon = g_new0(mm_monitor, 1);
    mon->chr = chr;
    mon->line = g_string_new(NULL);
    mon->greet_bh = mm_bh_new(greet, mon);
    /* Without a mux the monitor owns the terminal from the start; with one,
     * the MUX_IN event that attaching sends gives it the focus. */
    mon->focused = true;
    if (!mm_chardev_attach(chr, &monitor_handlers, mon, errp)) {
        mm_bh_free(mon->greet_bh);
        g_string_free(mon->line, TRUE);
        g_free(mon);
        return false;
    }
    if (!monitors)
        monitors = g_ptr_array_new();
    g_ptr_array_add(monitors, mon);
    return true;
}
