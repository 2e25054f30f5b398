/*
 * The character-device multiplexer: several frontends (a serial port and
 * the monitor, typically) share one backend.  Output from every frontend goes
 * out; input goes to the focused one, except QEMU's escape sequences
 * (Ctrl-A then a key), which the mux interprets itself.
 */
#include <stdio.h>
#include <string.h>
#include <modemu/event.h>
#include <modemu/machine.h>

#include "chardev/chardev_core.h"

#define ESCAPE_CHAR 0x01   /* Ctrl-A */

static void mux_print_help(mm_chardev *chr)
{
    static const char *const lines[] = {
        "C-a h    print this help\n\r",
        "C-a x    exit emulator\n\r",
        "C-a s    save disk data back to file (if -snapshot)\n\r",
        "C-a t    toggle console timestamps\n\r",
        "C-a b    send break (magic sysrq)\n\r",
        "C-a c    switch between console and monitor\n\r",
        "C-a C-a  sends C-a\n\r",
    };
    mm_chardev_backend_write_all(chr, (const uint8_t *)"\n\r", 2);
    for (size_t i = 0; i < G_N_ELEMENTS(lines); i++)
        mm_chardev_backend_write_all(chr, (const uint8_t *)lines[i], (int)strlen(lines[i]));
}

void mm_chardev_mux_set_focus(mm_chardev *chr, int index)
{
    chardev_core *core = chardev_core_of(chr);
    if (index < 0 || index >= core->frontend_count)
        return;
    if (core->focus != index)
        mm_chardev_frontend_event(mm_chardev_focused(core), MM_CHARDEV_MUX_OUT);
    core->focus = index;
    mm_chardev_frontend_event(mm_chardev_focused(core), MM_CHARDEV_MUX_IN);
}

static void mux_terminate(mm_chardev *chr)
{
    static const char message[] = "QEMU: Terminated\n\r";
    mm_chardev_backend_write_all(chr, (const uint8_t *)message, (int)strlen(message));
    mm_machine_request_shutdown(MM_SHUTDOWN_HOST_QUIT);
}

/* Interprets the byte after C-a; returns true if it is data to deliver. */
static bool mux_escape_command(mm_chardev *chr, uint8_t key)
{
    chardev_core *core = chardev_core_of(chr);
    switch (key) {
    case ESCAPE_CHAR:
        return true;
    case 'h':
    case '?':
        mux_print_help(chr);
        break;
    case 'x':
        mux_terminate(chr);
        break;
    case 's':
        /* Nothing to commit: no -snapshot overlays exist in this build. */
        break;
    case 'b':
        mm_chardev_frontend_event(mm_chardev_focused(core), MM_CHARDEV_BREAK);
        break;
    case 'c':
        if (core->frontend_count > 0)
            mm_chardev_mux_set_focus(chr, (core->focus + 1) % core->frontend_count);
        break;
    case 't':
        core->timestamps = !core->timestamps;
        core->timestamp_base_ns = -1;
        break;
    default:
        break;
    }
    return false;
}

int mm_chardev_mux_can_receive(mm_chardev *chr)
{
    chardev_core *core = chardev_core_of(chr);
    /* Always room for a few bytes, so escapes work while the guest does not
     * read its UART; the queue is drained as the frontend takes input. */
    return MM_CHARDEV_MUX_QUEUE_BYTES - (int)core->input_queue->len;
}

void mm_chardev_mux_flush_input(mm_chardev *chr)
{
    chardev_core *core = chardev_core_of(chr);
    chardev_frontend *fe = mm_chardev_focused(core);
    while (fe && core->input_queue->len > 0 && fe->handlers->can_receive) {
        int room = fe->handlers->can_receive(fe->opaque);
        if (room <= 0)
            return;
        int n = MIN(room, (int)core->input_queue->len);
        /* Copy first: the receive handler may re-enter the chardev. */
        uint8_t chunk[MM_CHARDEV_MUX_QUEUE_BYTES];
        memcpy(chunk, core->input_queue->data, (size_t)n);
        g_byte_array_remove_range(core->input_queue, 0, (guint)n);
        fe->handlers->receive(fe->opaque, chunk, n);
        fe = mm_chardev_focused(core);
    }
}

void mm_chardev_mux_receive(mm_chardev *chr, const uint8_t *buf, int len)
{
    chardev_core *core = chardev_core_of(chr);
    for (int i = 0; i < len; i++) {
        uint8_t byte = buf[i];
        bool deliver;
        if (core->escape_pending) {
            core->escape_pending = false;
            deliver = mux_escape_command(chr, byte);
        } else if (byte == ESCAPE_CHAR) {
            core->escape_pending = true;
            deliver = false;
        } else {
            deliver = true;
        }
        if (deliver && core->input_queue->len < MM_CHARDEV_MUX_QUEUE_BYTES)
            g_byte_array_append(core->input_queue, &byte, 1);
    }
    mm_chardev_mux_flush_input(chr);
}

static void write_timestamp(mm_chardev *chr, chardev_core *core)
{
    int64_t now = mm_clock_get_ns(MM_CLOCK_HOST);
    if (core->timestamp_base_ns < 0)
        core->timestamp_base_ns = now;
    int64_t ms = (now - core->timestamp_base_ns) / 1000000;
    char stamp[48];
    int n = snprintf(stamp, sizeof(stamp), "[%02d:%02d:%02d.%03d] ",
                     (int)(ms / 3600000), (int)(ms / 60000 % 60), (int)(ms / 1000 % 60),
                     (int)(ms % 1000));
    mm_chardev_backend_write_all(chr, (const uint8_t *)stamp, n);
}

int mm_chardev_mux_write(mm_chardev *chr, const uint8_t *buf, int len)
{
    chardev_core *core = chardev_core_of(chr);
    if (!core->timestamps)
        return mm_chardev_backend_write_all(chr, buf, len);
    int start = 0;
    for (int i = 0; i < len; i++) {
        if (core->at_line_start) {
            if (i > start && mm_chardev_backend_write_all(chr, buf + start, i - start) < 0)
                return -1;
            start = i;
            write_timestamp(chr, core);
            core->at_line_start = false;
        }
        if (buf[i] == '\n')
            core->at_line_start = true;
    }
    if (len > start && mm_chardev_backend_write_all(chr, buf + start, len - start) < 0)
        return -1;
    return len;
}
