/* File-descriptor streams for chardev backends (see fd_stream.h). */
#include <errno.h>
#include <poll.h>
#include <unistd.h>
#include <sys/socket.h>
#include <glib-unix.h>

#include "fd_stream.h"

#define READ_CHUNK 4096
/* A peer that does not drain its end for this long loses output: the guest
 * must not be stalled forever by a stuck reader. */
#define WRITE_WAIT_MS 1000

void fd_stream_init(fd_stream *s, mm_chardev *chr, int in_fd, int out_fd)
{
    s->chr = chr;
    s->in_fd = in_fd;
    s->out_fd = out_fd;
    s->in_watch = 0;
    s->on_hangup = NULL;
    s->drop_when_full = false;
    s->is_socket = false;
}

static gboolean on_readable(gint fd, GIOCondition cond, gpointer opaque)
{
    fd_stream *s = opaque;
    int room = mm_chardev_be_can_receive(s->chr);
    if (room <= 0) {
        /* Resumed by accept_input when the frontend has room again. */
        s->in_watch = 0;
        return G_SOURCE_REMOVE;
    }
    uint8_t buf[READ_CHUNK];
    ssize_t n = read(fd, buf, MIN((size_t)room, sizeof(buf)));
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return G_SOURCE_CONTINUE;
    if (n <= 0) {
        s->in_watch = 0;
        if (s->on_hangup)
            s->on_hangup(s);
        else
            mm_chardev_be_event(s->chr, MM_CHARDEV_CLOSED);
        return G_SOURCE_REMOVE;
    }
    mm_chardev_be_receive(s->chr, buf, (int)n);
    return G_SOURCE_CONTINUE;
}

void fd_stream_resume(fd_stream *s)
{
    if (s->in_fd < 0 || s->in_watch)
        return;
    s->in_watch = g_unix_fd_add(s->in_fd, G_IO_IN | G_IO_HUP | G_IO_ERR, on_readable, s);
}

void fd_stream_pause(fd_stream *s)
{
    if (s->in_watch)
        g_source_remove(s->in_watch);
    s->in_watch = 0;
}

static bool wait_writable(int fd)
{
    struct pollfd p = { .fd = fd, .events = POLLOUT };
    int r;
    do {
        r = poll(&p, 1, WRITE_WAIT_MS);
    } while (r < 0 && errno == EINTR);
    return r > 0 && !(p.revents & (POLLERR | POLLNVAL));
}

int fd_stream_write(fd_stream *s, const uint8_t *buf, int len)
{
    if (s->out_fd < 0)
        return len;   /* nothing attached (disconnected socket): dropped */
    int done = 0;
    while (done < len) {
        size_t chunk = (size_t)(len - done);
        ssize_t n = s->is_socket ? send(s->out_fd, buf + done, chunk, MSG_NOSIGNAL)
                                 : write(s->out_fd, buf + done, chunk);
        if (n > 0) {
            done += (int)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN && !s->drop_when_full && wait_writable(s->out_fd))
            continue;
        if (n < 0 && errno == EAGAIN)
            return len;
        return done > 0 ? done : -1;
    }
    return done;
}

void fd_stream_close(fd_stream *s)
{
    fd_stream_pause(s);
    if (s->in_fd >= 0)
        close(s->in_fd);
    if (s->out_fd >= 0 && s->out_fd != s->in_fd)
        close(s->out_fd);
    s->in_fd = s->out_fd = -1;
}

int fd_chardev_write(mm_chardev *chr, const uint8_t *buf, int len)
{
    return fd_stream_write(&((fd_chardev *)chr)->io, buf, len);
}

void fd_chardev_accept_input(mm_chardev *chr)
{
    fd_stream_resume(&((fd_chardev *)chr)->io);
}

const mm_chardev_ops fd_chardev_ops = {
    .write = fd_chardev_write,
    .accept_input = fd_chardev_accept_input,
};

void fd_chardev_open(fd_chardev *c, int in_fd, int out_fd)
{
    fd_stream_init(&c->io, &c->chr, in_fd, out_fd);
    c->chr.ops = &fd_chardev_ops;
    fd_stream_resume(&c->io);
    mm_chardev_be_event(&c->chr, MM_CHARDEV_OPENED);
}
