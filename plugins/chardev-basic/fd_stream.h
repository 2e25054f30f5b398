/*
 * A pair of file descriptors serving a chardev: input read from the main
 * loop only as far as the frontend has room (flow control), output written
 * with a bounded wait.  Shared by stdio, file, pipe, pty and socket.
 */
#ifndef CHARDEV_BASIC_FD_STREAM_H
#define CHARDEV_BASIC_FD_STREAM_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
#include <modemu/chardev.h>

typedef struct fd_stream fd_stream;
struct fd_stream {
    mm_chardev *chr;
    int in_fd, out_fd;        /* -1 when absent */
    guint in_watch;           /* main-loop watch on in_fd while reading */
    /* Called on EOF/error of in_fd (peer gone); NULL = stop reading and
     * report MM_CHARDEV_CLOSED, as end of input. */
    void (*on_hangup)(fd_stream *s);
    /* Output that cannot be written right now is dropped instead of waited
     * for (pty without a reader). */
    bool drop_when_full;
    /* Sockets: send() with MSG_NOSIGNAL, so a vanished peer is an error
     * return instead of SIGPIPE killing the emulator. */
    bool is_socket;
};

void fd_stream_init(fd_stream *s, mm_chardev *chr, int in_fd, int out_fd);
/* Starts (or resumes, after accept_input) reading in_fd. */
void fd_stream_resume(fd_stream *s);
void fd_stream_pause(fd_stream *s);
/* Writes; returns bytes taken (len when output is dropped), -1 on error. */
int fd_stream_write(fd_stream *s, const uint8_t *buf, int len);
/* Stops reading and closes both descriptors (once if they are the same). */
void fd_stream_close(fd_stream *s);

/* Backends that are just an fd_stream (stdio, file, pipe, pty) embed this
 * first and use fd_chardev_ops. */
typedef struct fd_chardev {
    mm_chardev chr;
    fd_stream io;
} fd_chardev;

extern const mm_chardev_ops fd_chardev_ops;
/* fd_chardev_ops' members, for backends that extend the table. */
int fd_chardev_write(mm_chardev *chr, const uint8_t *buf, int len);
void fd_chardev_accept_input(mm_chardev *chr);

/* Wires chr to in_fd/out_fd, starts reading and reports OPENED. */
void fd_chardev_open(fd_chardev *c, int in_fd, int out_fd);

#endif
