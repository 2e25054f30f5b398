/* Unix and TCP stream sockets for the socket backend (see socket_address.h). */
#include <errno.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <glib.h>

#include "socket_address.h"

char *socket_address_describe(const socket_address *a)
{
    if (a->path)
        return g_strdup_printf("unix:%s", a->path);
    return g_strdup_printf("tcp:%s:%s", a->host, a->port);
}

static bool fill_unix_address(const char *path, struct sockaddr_un *sun, mm_error **errp)
{
    memset(sun, 0, sizeof(*sun));
    sun->sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(sun->sun_path)) {
        mm_error_set(errp, "UNIX socket path '%s' is too long", path);
        return false;
    }
    strcpy(sun->sun_path, path);
    return true;
}

static int unix_socket(const char *path, bool listening, mm_error **errp)
{
    struct sockaddr_un sun;
    if (!fill_unix_address(path, &sun, errp))
        return -1;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        mm_error_set(errp, "Failed to create socket: %s", strerror(errno));
        return -1;
    }
    int r;
    if (listening) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISSOCK(st.st_mode))
            unlink(path);
        r = bind(fd, (struct sockaddr *)&sun, sizeof(sun));
        if (r == 0)
            r = listen(fd, 1);
    } else {
        r = connect(fd, (struct sockaddr *)&sun, sizeof(sun));
    }
    if (r < 0) {
        mm_error_set(errp, "Failed to %s socket %s: %s", listening ? "bind" : "connect to",
                     path, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

/* Tries each resolved address in turn. */
static int tcp_socket(const char *host, const char *port, bool listening, mm_error **errp)
{
    struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = listening ? AI_PASSIVE : 0 };
    struct addrinfo *res = NULL;
    int gai = getaddrinfo(host && *host ? host : NULL, port, &hints, &res);
    if (gai != 0) {
        mm_error_set(errp, "address resolution failed for %s:%s: %s", host, port,
                     gai_strerror(gai));
        return -1;
    }
    int fd = -1, last_errno = 0;
    for (struct addrinfo *ai = res; ai && fd < 0; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0)
            continue;
        int one = 1, r;
        if (listening) {
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
            r = bind(fd, ai->ai_addr, ai->ai_addrlen);
            if (r == 0)
                r = listen(fd, 1);
        } else {
            r = connect(fd, ai->ai_addr, ai->ai_addrlen);
        }
        if (r < 0) {
            last_errno = errno;
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(res);
    if (fd < 0)
        mm_error_set(errp, "Failed to %s %s:%s: %s", listening ? "listen on" : "connect to",
                     host, port, strerror(last_errno));
    return fd;
}

int socket_address_listen(const socket_address *a, mm_error **errp)
{
    return a->path ? unix_socket(a->path, true, errp) : tcp_socket(a->host, a->port, true, errp);
}

int socket_address_connect(const socket_address *a, mm_error **errp)
{
    return a->path ? unix_socket(a->path, false, errp) : tcp_socket(a->host, a->port, false, errp);
}
