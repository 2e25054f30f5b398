/*
 * "socket": a stream socket, unix (path=) or TCP (host=, port=).
 * server=on listens and serves one client at a time; with wait=on (the
 * default for servers, as in QEMU) start-up blocks until the first client
 * connects.  server=off connects at start-up; reconnect=SECONDS retries
 * after a failure or disconnection instead of giving up.
 */
#define _GNU_SOURCE   /* posix_openpt & co., accept4 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>
#include <glib-unix.h>
#include <modemu/chardev.h>
#include <modemu/event.h>

#include "backends.h"
#include "fd_stream.h"
#include "socket_address.h"

typedef struct socket_chardev {
    mm_chardev chr;
    char *path, *host, *port;
    bool server, wait, nodelay;
    int64_t reconnect;
    int listen_fd;
    guint listen_watch;
    bool connected;
    fd_stream conn;
    mm_timer *reconnect_timer;
} socket_chardev;

static socket_address address_of(const socket_chardev *s)
{
    return (socket_address){ .path = s->path, .host = s->host, .port = s->port };
}

static int socket_write(mm_chardev *chr, const uint8_t *buf, int len)
{
    socket_chardev *s = (socket_chardev *)chr;
    /* Like QEMU, output with no peer connected is discarded. */
    return s->connected ? fd_stream_write(&s->conn, buf, len) : len;
}

static void socket_accept_input(mm_chardev *chr)
{
    socket_chardev *s = (socket_chardev *)chr;
    if (s->connected)
        fd_stream_resume(&s->conn);
}

static const mm_chardev_ops socket_ops = {
    .write = socket_write,
    .accept_input = socket_accept_input,
};

static void start_listening(socket_chardev *s);

static void schedule_reconnect(socket_chardev *s)
{
    if (s->reconnect > 0)
        mm_timer_mod(s->reconnect_timer,
                     mm_clock_get_ns(MM_CLOCK_HOST) + s->reconnect * MM_NS_PER_SEC);
}

static void on_peer_gone(fd_stream *io)
{
    socket_chardev *s = (socket_chardev *)io->chr;
    fd_stream_close(&s->conn);
    s->connected = false;
    mm_chardev_be_event(&s->chr, MM_CHARDEV_CLOSED);
    if (s->server)
        start_listening(s);
    else
        schedule_reconnect(s);
}

static void use_connection(socket_chardev *s, int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    if (s->nodelay && !s->path) {
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    fd_stream_init(&s->conn, &s->chr, fd, fd);
    s->conn.is_socket = true;
    s->conn.on_hangup = on_peer_gone;
    s->connected = true;
    fd_stream_resume(&s->conn);
    mm_chardev_be_event(&s->chr, MM_CHARDEV_OPENED);
}

static bool accept_client(socket_chardev *s)
{
    int fd;
    do {
        fd = accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return false;
    use_connection(s, fd);
    return true;
}

static gboolean on_listen_ready(gint fd, GIOCondition cond, gpointer opaque)
{
    socket_chardev *s = opaque;
    if (!accept_client(s))
        return G_SOURCE_CONTINUE;
    /* One client at a time: stop accepting until it goes away. */
    s->listen_watch = 0;
    return G_SOURCE_REMOVE;
}

static void start_listening(socket_chardev *s)
{
    if (!s->listen_watch)
        s->listen_watch = g_unix_fd_add(s->listen_fd, G_IO_IN, on_listen_ready, s);
}

static void try_connect(void *opaque)
{
    socket_chardev *s = opaque;
    socket_address a = address_of(s);
    int fd = socket_address_connect(&a, NULL);
    if (fd >= 0)
        use_connection(s, fd);
    else
        schedule_reconnect(s);
}

/* Runs the main context (not a bare poll) so that a SIGINT/SIGTERM while
 * waiting is handled by the core and ends the process. */
static void wait_for_first_client(socket_chardev *s)
{
    socket_address a = address_of(s);
    char *where = socket_address_describe(&a);
    fprintf(stderr, "QEMU waiting for connection on: disconnected:%s,server=on\n", where);
    g_free(where);
    start_listening(s);
    while (!s->connected)
        g_main_context_iteration(NULL, TRUE);
}

static bool check_address(socket_chardev *s, mm_error **errp)
{
    if (s->path && (s->host || s->port)) {
        mm_error_set(errp, "chardev: socket: give either path= or host=/port=, not both");
        return false;
    }
    if (!s->path && !s->port) {
        mm_error_set(errp, "chardev: socket: path= or port= is required");
        return false;
    }
    if (!s->path && !s->host)
        s->host = g_strdup("localhost");
    return true;
}

static bool realize_server(socket_chardev *s, mm_error **errp)
{
    socket_address a = address_of(s);
    s->listen_fd = socket_address_listen(&a, errp);
    if (s->listen_fd < 0)
        return false;
    if (s->wait)
        wait_for_first_client(s);
    else
        start_listening(s);
    return true;
}

static bool realize_client(socket_chardev *s, mm_error **errp)
{
    socket_address a = address_of(s);
    mm_error *err = NULL;
    int fd = socket_address_connect(&a, &err);
    if (fd >= 0) {
        use_connection(s, fd);
        return true;
    }
    if (s->reconnect > 0) {
        /* QEMU keeps trying in the background when reconnect= is set. */
        mm_error_free(err);
        schedule_reconnect(s);
        return true;
    }
    if (errp)
        *errp = err;
    else
        mm_error_free(err);
    return false;
}

static bool socket_realize(mm_object *obj, mm_error **errp)
{
    socket_chardev *s = (socket_chardev *)obj;
    s->listen_fd = -1;
    s->chr.ops = &socket_ops;
    if (!check_address(s, errp))
        return false;
    s->reconnect_timer = mm_timer_new(MM_CLOCK_HOST, try_connect, s);
    return s->server ? realize_server(s, errp) : realize_client(s, errp);
}

static void socket_unrealize(mm_object *obj)
{
    socket_chardev *s = (socket_chardev *)obj;
    if (s->connected)
        fd_stream_close(&s->conn);
    s->connected = false;
    if (s->listen_watch)
        g_source_remove(s->listen_watch);
    s->listen_watch = 0;
    if (s->listen_fd >= 0)
        close(s->listen_fd);
    s->listen_fd = -1;
    mm_timer_free(s->reconnect_timer);
    s->reconnect_timer = NULL;
}

static const mm_property socket_properties[] = {
    MM_PROP_DEFINE_STRING("path", socket_chardev, path, NULL, "unix socket path"),
    MM_PROP_DEFINE_STRING("host", socket_chardev, host, NULL, "TCP host (default localhost)"),
    MM_PROP_DEFINE_STRING("port", socket_chardev, port, NULL, "TCP port"),
    MM_PROP_DEFINE_BOOL("server", socket_chardev, server, "off", "listen instead of connecting"),
    MM_PROP_DEFINE_BOOL("wait", socket_chardev, wait, "on",
                        "server: wait for a client before the machine starts"),
    MM_PROP_DEFINE_BOOL("nodelay", socket_chardev, nodelay, "off", "TCP_NODELAY"),
    MM_PROP_DEFINE_INT("reconnect", socket_chardev, reconnect, "0", 0, 86400,
                       "client: seconds between reconnection attempts (0 = never)"),
    MM_PROP_END,
};

const mm_type_info socket_chardev_type = {
    .name = "socket",
    .parent = MM_KIND_CHARDEV,
    .description = "unix or TCP stream socket, client or server",
    .instance_size = sizeof(socket_chardev),
    .user_creatable = true,
    .properties = socket_properties,
    .realize = socket_realize,
    .unrealize = socket_unrealize,
};
