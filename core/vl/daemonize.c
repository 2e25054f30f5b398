/*
 * -daemonize as QEMU does it: the parent stays until the child has built the
 * machine, so a script that runs `modemu-system-x86_64 -daemonize ...` and
 * gets exit status 0 knows the VM is up and its pid file written; a failing
 * child reports its one-line error on the still-shared stderr and the parent
 * exits with the child's status.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>

#include "vl/vl.h"

static int ready_fd = -1;   /* child: write end of the pipe to the parent */

static int parent_wait_for_child(int read_fd, pid_t child)
{
    char status;
    ssize_t n;
    do {
        n = read(read_fd, &status, 1);
    } while (n < 0 && errno == EINTR);
    if (n == 1)
        return 0;
    /* EOF: the child died before it was ready. */
    int wstatus;
    if (waitpid(child, &wstatus, 0) == child && WIFEXITED(wstatus) && WEXITSTATUS(wstatus))
        return WEXITSTATUS(wstatus);
    return 1;
}

/* A daemon has no terminal: what would use it is refused before the fork,
 * with QEMU's messages. */
static bool uses_stdio(const mm_opts *opts)
{
    const char *group = mm_opts_group(opts);
    const char *value = NULL;
    if (!strcmp(group, "chardev"))
        value = mm_opts_get(opts, "backend");
    else if (!strcmp(group, "serial") || !strcmp(group, "monitor") ||
             !strcmp(group, "parallel") || !strcmp(group, "qmp"))
        value = mm_opts_get(opts, "spec");
    else if (!strcmp(group, "qtest"))
        value = mm_opts_get(opts, "chardev");
    return value && (!strcmp(value, "stdio") || !strcmp(value, "mon:stdio"));
}

bool vl_daemonize_check(const mm_opts_db *db, mm_error **errp)
{
    const mm_opts *machine = mm_opts_db_first(db, "machine");
    const char *graphics = machine ? mm_opts_get(machine, "graphics") : NULL;
    if (graphics && !strcmp(graphics, "off")) {
        mm_error_set(errp, "-nographic cannot be used with -daemonize");
        return false;
    }
    for (unsigned i = 0; i < mm_opts_db_count(db); i++) {
        if (uses_stdio(mm_opts_db_at(db, i))) {
            mm_error_set(errp, "cannot use stdio with -daemonize");
            return false;
        }
    }
    return true;
}

bool vl_daemonize_start(mm_error **errp)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
        mm_error_set(errp, "-daemonize: cannot create pipe: %s", g_strerror(errno));
        return false;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        mm_error_set(errp, "-daemonize: cannot fork: %s", g_strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid > 0) {
        close(fds[1]);
        _exit(parent_wait_for_child(fds[0], pid));
    }
    close(fds[0]);
    ready_fd = fds[1];
    if (setsid() < 0) {
        mm_error_set(errp, "-daemonize: setsid failed: %s", g_strerror(errno));
        return false;
    }
    umask(027);
    return true;
}

void vl_daemonize_ready(void)
{
    if (ready_fd < 0)
        return;
    int null_fd = open("/dev/null", O_RDWR);
    if (null_fd >= 0) {
        fflush(stdout);
        fflush(stderr);
        dup2(null_fd, STDIN_FILENO);
        dup2(null_fd, STDOUT_FILENO);
        dup2(null_fd, STDERR_FILENO);
        if (null_fd > STDERR_FILENO)
            close(null_fd);
    }
    if (chdir("/") < 0) {
        /* Not fatal: the pid file path is absolute. */
    }
    char ok = 0;
    ssize_t n;
    do {
        n = write(ready_fd, &ok, 1);
    } while (n < 0 && errno == EINTR);
    close(ready_fd);
    ready_fd = -1;
}
