/* Unix and TCP stream sockets for the socket backend. */
#ifndef CHARDEV_BASIC_SOCKET_ADDRESS_H
#define CHARDEV_BASIC_SOCKET_ADDRESS_H

#include <stdbool.h>
#include <modemu/error.h>

typedef struct socket_address {
    const char *path;   /* unix socket, or NULL for TCP */
    const char *host;
    const char *port;
} socket_address;

/* Listening socket (a stale unix socket file is replaced). */
int socket_address_listen(const socket_address *a, mm_error **errp);
int socket_address_connect(const socket_address *a, mm_error **errp);
/* "unix:PATH" or "tcp:HOST:PORT", for messages; g_free it. */
char *socket_address_describe(const socket_address *a);

#endif
