/* -pidfile: created and locked like QEMU's qemu_write_pidfile, removed at exit. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib.h>

#include "vl/vl.h"

static char *pidfile_path;  /* absolute: -daemonize changes directory to / */
static int pidfile_fd = -1;

/* The lock must be on the file that is at `path` now: another instance may
 * have unlinked and recreated it between our open and our lock. */
static bool same_file(int fd, const char *path)
{
    struct stat a, b;
    return fstat(fd, &a) == 0 && stat(path, &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

bool vl_pidfile_create(const char *path, mm_error **errp)
{
    char *abs_path = g_canonicalize_filename(path, NULL);
    int fd;
    for (;;) {
        fd = open(abs_path, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
        if (fd < 0) {
            mm_error_set(errp, "cannot create PID file: Cannot open pid file: %s",
                         g_strerror(errno));
            g_free(abs_path);
            return false;
        }
        if (lockf(fd, F_TLOCK, 0) < 0) {
            mm_error_set(errp, "cannot create PID file: Cannot lock pid file: %s",
                         g_strerror(errno));
            close(fd);
            g_free(abs_path);
            return false;
        }
        if (same_file(fd, abs_path))
            break;
        close(fd);
    }
    char text[32];
    int len = snprintf(text, sizeof(text), "%d\n", (int)getpid());
    if (ftruncate(fd, 0) < 0 || write(fd, text, (size_t)len) != len) {
        mm_error_set(errp, "cannot create PID file: Failed to write pid file: %s",
                     g_strerror(errno));
        unlink(abs_path);
        close(fd);
        g_free(abs_path);
        return false;
    }
    pidfile_path = abs_path;
    pidfile_fd = fd;
    atexit(vl_pidfile_remove);
    return true;
}

void vl_pidfile_remove(void)
{
    if (!pidfile_path)
        return;
    /* Only remove the file if it is still ours. */
    if (same_file(pidfile_fd, pidfile_path))
        unlink(pidfile_path);
    close(pidfile_fd);
    pidfile_fd = -1;
    g_free(pidfile_path);
    pidfile_path = NULL;
}
