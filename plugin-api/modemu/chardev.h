/*
 * Character devices: backends (stdio, null, file, pipe, socket, pty, udp...)
 * are types of kind MM_KIND_CHARDEV provided by plugins; frontends (UARTs,
 * the monitor, virtio-console) attach to one by id (`chardev=ID`) or through
 * the -serial/-monitor/-parallel shorthands, which create anonymous backends.
 *
 * A backend instance struct embeds mm_chardev first and fills `ops` in its
 * realize hook.  Data from the outside world goes to the frontend with
 * mm_chardev_be_receive() only as far as mm_chardev_be_can_receive() allows;
 * when the frontend has room again the core calls ops->accept_input.
 *
 * One backend may serve several frontends through the core's multiplexer
 * ("mux=on", and what -nographic sets up for serial + monitor).
 */
#ifndef MODEMU_CHARDEV_H
#define MODEMU_CHARDEV_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/abi.h>
#include <modemu/object.h>

typedef struct mm_chardev mm_chardev;

typedef enum mm_chardev_event {
    MM_CHARDEV_OPENED = 1,   /* a peer connected (socket) / backend opened */
    MM_CHARDEV_CLOSED = 2,   /* peer went away */
    MM_CHARDEV_BREAK = 3,
    MM_CHARDEV_MUX_IN = 4,   /* this frontend now owns the mux */
    MM_CHARDEV_MUX_OUT = 5,
} mm_chardev_event;

typedef struct mm_chardev_ops {
    /* Writes up to len bytes; returns bytes taken (may be fewer), -1 on error. */
    int (*write)(mm_chardev *chr, const uint8_t *buf, int len);
    /* The frontend can take more input now; re-enable reading. */
    void (*accept_input)(mm_chardev *chr);
    /* Optional: backend-specific ioctls (serial line params, break) ignored if NULL. */
    void (*set_line_params)(mm_chardev *chr, int baud, int data_bits, char parity,
                            int stop_bits);
} mm_chardev_ops;

struct mm_chardev {
    mm_object obj;
    const mm_chardev_ops *ops;   /* set by the backend in realize */
    void *core_private;          /* frontend state, mux, logfile: owned by the core */
};

/* Frontend side. */
typedef struct mm_chardev_handlers {
    int (*can_receive)(void *opaque);  /* bytes the frontend can take now */
    void (*receive)(void *opaque, const uint8_t *buf, int len);
    void (*event)(void *opaque, mm_chardev_event event);  /* optional */
} mm_chardev_handlers;

MM_API bool mm_chardev_attach(mm_chardev *chr, const mm_chardev_handlers *handlers,
                              void *opaque, mm_error **errp);
MM_API void mm_chardev_detach(mm_chardev *chr, void *opaque);
/* Writes everything (retrying partial writes); returns len or -1. */
MM_API int mm_chardev_write_all(mm_chardev *chr, const uint8_t *buf, int len);
/* Tells the backend the frontend has room again. */
MM_API void mm_chardev_accept_input(mm_chardev *chr);
/* Passes the UART's line settings to a backend that drives a real line
 * (host serial port); ignored by the others.  parity: 'N', 'E', 'O'. */
MM_API void mm_chardev_set_line_params(mm_chardev *chr, int baud, int data_bits, char parity,
                                       int stop_bits);

/* Backend side. */
MM_API int mm_chardev_be_can_receive(mm_chardev *chr);
MM_API void mm_chardev_be_receive(mm_chardev *chr, const uint8_t *buf, int len);
MM_API void mm_chardev_be_event(mm_chardev *chr, mm_chardev_event event);

/* Finds a chardev by id (-chardev ...,id=ID). */
MM_API mm_chardev *mm_chardev_find(const char *id);

#endif
