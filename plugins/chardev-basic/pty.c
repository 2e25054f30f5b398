/*
 * "pty": a pseudo-terminal whose slave side (/dev/pts/N) a user opens with a
 * terminal program.  The slave is also kept open here so the master never
 * sees a hang-up while nobody is connected; output nobody reads is dropped
 * once the terminal buffer is full instead of stalling the guest.
 */
#define _GNU_SOURCE   /* posix_openpt & co., accept4 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <modemu/chardev.h>

#include "backends.h"
#include "fd_stream.h"

typedef struct pty_chardev {
    fd_chardev base;
    int slave_fd;
} pty_chardev;

static int open_master(mm_error **errp, char **slave_name)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0) {
        mm_error_set(errp, "Failed to create PTY: %s", strerror(errno));
        if (master >= 0)
            close(master);
        return -1;
    }
    *slave_name = strdup(ptsname(master));
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    return master;
}

static bool pty_realize(mm_object *obj, mm_error **errp)
{
    pty_chardev *p = (pty_chardev *)obj;
    char *slave_name = NULL;
    int master = open_master(errp, &slave_name);
    if (master < 0)
        return false;
    p->slave_fd = open(slave_name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (p->slave_fd >= 0) {
        struct termios tio;
        if (tcgetattr(p->slave_fd, &tio) == 0) {
            cfmakeraw(&tio);
            tcsetattr(p->slave_fd, TCSANOW, &tio);
        }
    }
    fprintf(stderr, "char device redirected to %s (label %s)\n", slave_name,
            obj->id ? obj->id : "pty");
    free(slave_name);
    fd_chardev_open(&p->base, master, master);
    p->base.io.drop_when_full = true;
    return true;
}

static void pty_unrealize(mm_object *obj)
{
    pty_chardev *p = (pty_chardev *)obj;
    fd_stream_close(&p->base.io);
    if (p->slave_fd >= 0)
        close(p->slave_fd);
    p->slave_fd = -1;
}

const mm_type_info pty_chardev_type = {
    .name = "pty",
    .parent = MM_KIND_CHARDEV,
    .description = "a new pseudo-terminal (/dev/pts/N)",
    .instance_size = sizeof(pty_chardev),
    .user_creatable = true,
    .realize = pty_realize,
    .unrealize = pty_unrealize,
};
