/* Emulator processes for terminal-style tests (see emulator_process.h). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "emulator_process.h"

emulator *emulator_start(const char *args)
{
    emulator *e = g_new0(emulator, 1);
    char *cmd = g_strdup_printf("%s %s", MODEMU_BINARY, args);
    char **argv = g_strsplit(cmd, " ", -1);
    GError *err = NULL;
    gboolean ok = g_spawn_async_with_pipes(NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                           NULL, &e->pid, &e->in_fd, &e->out_fd, &e->err_fd,
                                           &err);
    if (!ok)
        g_error("spawning %s: %s", cmd, err->message);
    g_strfreev(argv);
    g_free(cmd);
    e->out = g_string_new(NULL);
    e->err = g_string_new(NULL);
    return e;
}

void emulator_send(emulator *e, const char *bytes, size_t len)
{
    g_assert_cmpint(write(e->in_fd, bytes, len), ==, (ssize_t)len);
}

/* Reads whatever is available within timeout_ms; false if nothing came. */
static bool read_some(emulator *e, int timeout_ms)
{
    struct pollfd p[2] = { { .fd = e->out_fd, .events = POLLIN },
                           { .fd = e->err_fd, .events = POLLIN } };
    if (poll(p, 2, timeout_ms) <= 0)
        return false;
    char buf[4096];
    bool got = false;
    for (int i = 0; i < 2; i++) {
        if (!(p[i].revents & (POLLIN | POLLHUP)))
            continue;
        ssize_t n = read(p[i].fd, buf, sizeof(buf));
        if (n > 0) {
            g_string_append_len(i == 0 ? e->out : e->err, buf, n);
            got = true;
        }
    }
    return got;
}

bool emulator_expect(emulator *e, const char *text, bool from_stderr, int timeout_ms)
{
    gint64 deadline = g_get_monotonic_time() + (gint64)timeout_ms * 1000;
    for (;;) {
        if (strstr((from_stderr ? e->err : e->out)->str, text))
            return true;
        gint64 left = (deadline - g_get_monotonic_time()) / 1000;
        if (left <= 0)
            return false;
        if (!read_some(e, (int)MIN(left, 100)) && emulator_wait(e, 0) >= 0 && !read_some(e, 0))
            return strstr((from_stderr ? e->err : e->out)->str, text) != NULL;
    }
}

int emulator_wait(emulator *e, int timeout_ms)
{
    for (int waited = 0; !e->exited; waited += 10) {
        int status;
        if (waitpid(e->pid, &status, WNOHANG) == e->pid) {
            e->exited = true;
            e->status = status;
            break;
        }
        if (waited >= timeout_ms)
            return -1;
        g_usleep(10000);
    }
    return e->status;
}

void emulator_free(emulator *e)
{
    if (!e->exited) {
        kill(e->pid, SIGKILL);
        waitpid(e->pid, &e->status, 0);
    }
    close(e->in_fd);
    close(e->out_fd);
    close(e->err_fd);
    g_string_free(e->out, TRUE);
    g_string_free(e->err, TRUE);
    g_spawn_close_pid(e->pid);
    g_free(e);
}
