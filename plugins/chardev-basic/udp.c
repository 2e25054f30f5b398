/*
 * "udp": datagrams to host:port, received on localaddr:localport.  A
 * received datagram is handed to the frontend as far as it has room; the rest
 * waits for accept_input (one datagram buffered at most, as in QEMU).
 */
#include <errno.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <glib-unix.h>
#include <modemu/chardev.h>

#include "backends.h"

#define MAX_DATAGRAM 65536

typedef struct udp_chardev {
    mm_chardev chr;
    char *host, *port, *localaddr, *localport;
    int fd;
    guint watch;
    uint8_t *pending;
    int pending_len, pending_pos;
} udp_chardev;

static int udp_write(mm_chardev *chr, const uint8_t *buf, int len)
{
    udp_chardev *u = (udp_chardev *)chr;
    /* Datagrams are best effort: a refused or full send drops the data. */
    send(u->fd, buf, (size_t)len, MSG_NOSIGNAL | MSG_DONTWAIT);
    return len;
}

/* Delivers buffered bytes; returns true when the buffer is empty. */
static bool deliver_pending(udp_chardev *u)
{
    while (u->pending_pos < u->pending_len) {
        int room = mm_chardev_be_can_receive(&u->chr);
        if (room <= 0)
            return false;
        int n = MIN(room, u->pending_len - u->pending_pos);
        mm_chardev_be_receive(&u->chr, u->pending + u->pending_pos, n);
        u->pending_pos += n;
    }
    return true;
}

static gboolean on_datagram(gint fd, GIOCondition cond, gpointer opaque)
{
    udp_chardev *u = opaque;
    if (!deliver_pending(u)) {
        u->watch = 0;
        return G_SOURCE_REMOVE;
    }
    ssize_t n = recv(fd, u->pending, MAX_DATAGRAM, MSG_DONTWAIT);
    if (n <= 0)
        return G_SOURCE_CONTINUE;
    u->pending_len = (int)n;
    u->pending_pos = 0;
    if (deliver_pending(u))
        return G_SOURCE_CONTINUE;
    u->watch = 0;   /* resumed by accept_input */
    return G_SOURCE_REMOVE;
}

static void udp_accept_input(mm_chardev *chr)
{
    udp_chardev *u = (udp_chardev *)chr;
    if (!u->watch && u->fd >= 0 && deliver_pending(u))
        u->watch = g_unix_fd_add(u->fd, G_IO_IN, on_datagram, u);
}

static const mm_chardev_ops udp_ops = {
    .write = udp_write,
    .accept_input = udp_accept_input,
};

static struct addrinfo *resolve(const char *host, const char *port, bool passive,
                                mm_error **errp)
{
    struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_DGRAM,
                              .ai_flags = passive ? AI_PASSIVE : 0 };
    struct addrinfo *res = NULL;
    int gai = getaddrinfo(host, port, &hints, &res);
    if (gai != 0) {
        mm_error_set(errp, "address resolution failed for %s:%s: %s", host ? host : "",
                     port, gai_strerror(gai));
        return NULL;
    }
    return res;
}

static bool udp_open(udp_chardev *u, mm_error **errp)
{
    struct addrinfo *remote = resolve(u->host ? u->host : "localhost", u->port, false, errp);
    if (!remote)
        return false;
    struct addrinfo *local = resolve(u->localaddr, u->localport ? u->localport : "0", true, errp);
    bool ok = false;
    if (local) {
        u->fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        ok = u->fd >= 0 && bind(u->fd, local->ai_addr, local->ai_addrlen) == 0 &&
             connect(u->fd, remote->ai_addr, remote->ai_addrlen) == 0;
        if (!ok)
            mm_error_set(errp, "chardev: udp: %s", strerror(errno));
        freeaddrinfo(local);
    }
    freeaddrinfo(remote);
    return ok;
}

static bool udp_realize(mm_object *obj, mm_error **errp)
{
    udp_chardev *u = (udp_chardev *)obj;
    u->fd = -1;
    u->chr.ops = &udp_ops;
    if (!u->port) {
        mm_error_set(errp, "chardev: udp: remote port not specified");
        return false;
    }
    if (!udp_open(u, errp))
        return false;
    u->pending = g_malloc(MAX_DATAGRAM);
    u->watch = g_unix_fd_add(u->fd, G_IO_IN, on_datagram, u);
    mm_chardev_be_event(&u->chr, MM_CHARDEV_OPENED);
    return true;
}

static void udp_unrealize(mm_object *obj)
{
    udp_chardev *u = (udp_chardev *)obj;
    if (u->watch)
        g_source_remove(u->watch);
    u->watch = 0;
    if (u->fd >= 0)
        close(u->fd);
    u->fd = -1;
    g_free(u->pending);
    u->pending = NULL;
}

static const mm_property udp_properties[] = {
    MM_PROP_DEFINE_STRING("host", udp_chardev, host, NULL, "remote host (default localhost)"),
    MM_PROP_DEFINE_STRING("port", udp_chardev, port, NULL, "remote port"),
    MM_PROP_DEFINE_STRING("localaddr", udp_chardev, localaddr, NULL, "local address to bind"),
    MM_PROP_DEFINE_STRING("localport", udp_chardev, localport, NULL, "local port to bind"),
    MM_PROP_END,
};

const mm_type_info udp_chardev_type = {
    .name = "udp",
    .parent = MM_KIND_CHARDEV,
    .description = "UDP datagrams",
    .instance_size = sizeof(udp_chardev),
    .user_creatable = true,
    .properties = udp_properties,
    .realize = udp_realize,
    .unrealize = udp_unrealize,
};
