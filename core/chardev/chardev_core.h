/*
 * The core's per-chardev state (mm_chardev.core_private): frontends, the
 * multiplexer, the output log (core-internal).
 */
#ifndef MODEMU_CHARDEV_CHARDEV_CORE_H
#define MODEMU_CHARDEV_CHARDEV_CORE_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
#include <modemu/chardev.h>

#define MM_CHARDEV_MAX_FRONTENDS 4
/* Input the mux holds for a frontend that cannot take it yet. */
#define MM_CHARDEV_MUX_QUEUE_BYTES 64

typedef struct chardev_frontend {
    const mm_chardev_handlers *handlers;
    void *opaque;
} chardev_frontend;

typedef struct chardev_core {
    chardev_frontend frontends[MM_CHARDEV_MAX_FRONTENDS];
    int frontend_count;
    int focus;                  /* frontend receiving input */
    bool mux;                   /* mux=on: several frontends, C-a escapes */
    bool backend_open;          /* last event was OPENED (replayed on attach) */
    bool escape_pending;        /* mux: C-a seen, next byte is a command */
    bool timestamps;            /* mux: C-a t, prefix output lines with time */
    bool at_line_start;
    int64_t timestamp_base_ns;
    GByteArray *input_queue;    /* mux: bytes waiting for the focused frontend */
    int log_fd;                 /* logfile=, or -1 */
} chardev_core;

static inline chardev_core *chardev_core_of(mm_chardev *chr)
{
    return chr ? (chardev_core *)chr->core_private : NULL;
}

chardev_core *mm_chardev_core_new(bool mux, int log_fd);
void mm_chardev_core_free(chardev_core *core);

/* The focused frontend, or NULL when none is attached. */
chardev_frontend *mm_chardev_focused(chardev_core *core);
void mm_chardev_frontend_event(chardev_frontend *fe, mm_chardev_event event);

/* Mux input path: escapes, queueing (chardev_mux.c). */
int mm_chardev_mux_can_receive(mm_chardev *chr);
void mm_chardev_mux_receive(mm_chardev *chr, const uint8_t *buf, int len);
/* Delivers queued input to the focused frontend as far as it has room. */
void mm_chardev_mux_flush_input(mm_chardev *chr);
/* Moves the input focus to frontend `index`, with MUX_OUT/MUX_IN events. */
void mm_chardev_mux_set_focus(mm_chardev *chr, int index);
/* Writes frontend output, with C-a t timestamps when enabled. */
int mm_chardev_mux_write(mm_chardev *chr, const uint8_t *buf, int len);

/* Raw backend write of everything (retrying partial writes) plus logfile. */
int mm_chardev_backend_write_all(mm_chardev *chr, const uint8_t *buf, int len);

#endif
