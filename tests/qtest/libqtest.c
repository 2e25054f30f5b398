/* libqtest: the client side of the qtest protocol (see libqtest.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>

#include "libqtest.h"

#define CONNECT_TIMEOUT_MS 30000
#define REPLY_TIMEOUT_MS 60000
#define QUIT_TIMEOUT_MS 10000
#define MAX_IRQS 256

struct QTestState {
    pid_t pid;
    int fd;                 /* protocol connection */
    GString *rx;            /* received bytes not yet consumed as lines */
    char *socket_path;
    char *stderr_path, *stdout_path;
    bool irq_level[MAX_IRQS];
    bool exited;
    int wait_status;
};

const char *qtest_binary(void)
{
    const char *env = getenv("MODEMU_BINARY");
    return env && *env ? env : MODEMU_BINARY;
}

static char *read_file_or_empty(const char *path)
{
    char *text = NULL;
    if (!path || !g_file_get_contents(path, &text, NULL, NULL))
        return g_strdup("");
    return text;
}

char *qtest_read_stderr(QTestState *s)
{
    return read_file_or_empty(s->stderr_path);
}

char *qtest_read_stdout(QTestState *s)
{
    return read_file_or_empty(s->stdout_path);
}

pid_t qtest_pid(QTestState *s)
{
    return s->pid;
}

static void qtest_fail(QTestState *s, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));

static void qtest_fail(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "libqtest: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    if (s) {
        char *err = qtest_read_stderr(s);
        fprintf(stderr, "libqtest: emulator stderr:\n%s\n", err);
        g_free(err);
        if (!s->exited && s->pid > 0)
            kill(s->pid, SIGKILL);
    }
    abort();
}

static void reap_if_exited(QTestState *s, bool block)
{
    if (s->exited)
        return;
    int status;
    pid_t r = waitpid(s->pid, &status, block ? 0 : WNOHANG);
    if (r == s->pid) {
        s->exited = true;
        s->wait_status = status;
    }
}

int qtest_wait_exit(QTestState *s, int timeout_ms)
{
    for (int waited = 0; !s->exited && waited < timeout_ms; waited += 10) {
        reap_if_exited(s, false);
        if (!s->exited)
            g_usleep(10000);
    }
    return s->exited ? s->wait_status : -1;
}

static int listen_unix(const char *path)
{
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    g_assert(strlen(path) < sizeof(sun.sun_path));
    strcpy(sun.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    g_assert(fd >= 0);
    unlink(path);
    if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0 || listen(fd, 1) < 0)
        qtest_fail(NULL, "cannot listen on %s: %s", path, strerror(errno));
    return fd;
}

static void spawn_emulator(QTestState *s, const char *extra_args)
{
    const char *log = getenv("QTEST_LOG") ? "/dev/fd/2" : "/dev/null";
    char *cmd = g_strdup_printf("exec %s -qtest unix:%s -qtest-log %s -display none "
                                "-accel qtest %s",
                                qtest_binary(), s->socket_path, log, extra_args ? extra_args : "");
    s->pid = fork();
    g_assert(s->pid >= 0);
    if (s->pid == 0) {
        /* No orphaned emulators if the test process dies. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        int out = open(s->stdout_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = open(s->stderr_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int in = open("/dev/null", O_RDONLY);
        if (out < 0 || err < 0 || in < 0)
            _exit(127);
        dup2(in, 0);
        dup2(out, 1);
        if (!getenv("QTEST_LOG"))
            dup2(err, 2);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    g_free(cmd);
}

static void accept_connection(QTestState *s, int listen_fd)
{
    for (int waited = 0; waited < CONNECT_TIMEOUT_MS; waited += 50) {
        struct pollfd p = { .fd = listen_fd, .events = POLLIN };
        if (poll(&p, 1, 50) > 0) {
            s->fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
            if (s->fd >= 0)
                return;
        }
        reap_if_exited(s, false);
        if (s->exited)
            qtest_fail(s, "emulator exited before connecting (wait status 0x%x)", s->wait_status);
    }
    qtest_fail(s, "emulator did not connect within %d ms", CONNECT_TIMEOUT_MS);
}

QTestState *qtest_start(const char *extra_args)
{
    static int counter;
    QTestState *s = g_new0(QTestState, 1);
    s->rx = g_string_new(NULL);
    const char *tmp = g_get_tmp_dir();
    int n = counter++;
    s->socket_path = g_strdup_printf("%s/modemu-qtest-%d-%d.sock", tmp, getpid(), n);
    s->stderr_path = g_strdup_printf("%s/modemu-qtest-%d-%d.stderr", tmp, getpid(), n);
    s->stdout_path = g_strdup_printf("%s/modemu-qtest-%d-%d.stdout", tmp, getpid(), n);
    int listen_fd = listen_unix(s->socket_path);
    spawn_emulator(s, extra_args);
    accept_connection(s, listen_fd);
    close(listen_fd);
    unlink(s->socket_path);
    return s;
}

QTestState *qtest_startf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *args = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    QTestState *s = qtest_start(args);
    g_free(args);
    return s;
}

static void free_state(QTestState *s)
{
    if (s->fd >= 0)
        close(s->fd);
    unlink(s->stderr_path);
    unlink(s->stdout_path);
    g_free(s->socket_path);
    g_free(s->stderr_path);
    g_free(s->stdout_path);
    g_string_free(s->rx, TRUE);
    g_free(s);
}

bool qtest_sanitizer_error(int wait_status, const char *stderr_text)
{
#ifdef MODEMU_SANITIZER_EXIT_CODE
    if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == MODEMU_SANITIZER_EXIT_CODE)
        return true;
#endif
    /* The reports themselves, should a runtime be set to carry on. */
    return stderr_text && (strstr(stderr_text, ": runtime error: ") ||
                           strstr(stderr_text, "ERROR: AddressSanitizer") ||
                           strstr(stderr_text, "ERROR: LeakSanitizer"));
}

void qtest_assert_refused(int wait_status, const char *stderr_text)
{
    if (qtest_sanitizer_error(wait_status, stderr_text))
        g_error("emulator died of a sanitizer error (wait status 0x%x):\n%s", wait_status,
                stderr_text);
    if (!WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 1)
        g_error("emulator should have refused with exit status 1 (wait status 0x%x):\n%s",
                wait_status, stderr_text ? stderr_text : "");
}

void qtest_expect_refusal(const char *extra_args, const char *message_part)
{
    /* timeout: a machine that starts anyway must not hang the test. */
    char *cmd = g_strdup_printf("timeout 20 %s -qtest stdio -accel qtest -display none %s",
                                qtest_binary(), extra_args);
    char **argv = NULL;
    g_assert_true(g_shell_parse_argv(cmd, NULL, &argv, NULL));
    char *err = NULL;
    int status = 0;
    g_assert_true(g_spawn_sync(NULL, argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDIN_FROM_DEV_NULL |
                               G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, NULL));
    qtest_assert_refused(status, err);
    if (!strstr(err, message_part) || strchr(err, '\n') != err + strlen(err) - 1)
        g_error("%s: expected one line containing '%s', got:\n%s", cmd, message_part, err);
    g_strfreev(argv);
    g_free(err);
    g_free(cmd);
}

void qtest_quit(QTestState *s)
{
    if (!s->exited)
        kill(s->pid, SIGTERM);
    if (qtest_wait_exit(s, QUIT_TIMEOUT_MS) < 0) {
        kill(s->pid, SIGKILL);
        reap_if_exited(s, true);
        qtest_fail(s, "emulator ignored SIGTERM for %d ms", QUIT_TIMEOUT_MS);
    }
    char *err = qtest_read_stderr(s);
    bool sanitizer = qtest_sanitizer_error(s->wait_status, err);
    g_free(err);
    if (sanitizer)
        qtest_fail(s, "emulator died of a sanitizer error (wait status 0x%x)", s->wait_status);
    if (!WIFEXITED(s->wait_status) || WEXITSTATUS(s->wait_status) != 0)
        qtest_fail(s, "emulator ended badly (wait status 0x%x)", s->wait_status);
    free_state(s);
}

static void send_line(QTestState *s, const char *line)
{
    GString *msg = g_string_new(line);
    g_string_append_c(msg, '\n');
    size_t done = 0;
    while (done < msg->len) {
        ssize_t n = send(s->fd, msg->str + done, msg->len - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            qtest_fail(s, "sending '%s': %s", line, strerror(errno));
        done += (size_t)n;
    }
    g_string_free(msg, TRUE);
}

/* Returns the next received line (newline stripped); g_free it. */
static char *receive_line(QTestState *s)
{
    for (;;) {
        char *nl = memchr(s->rx->str, '\n', s->rx->len);
        if (nl) {
            size_t len = (size_t)(nl - s->rx->str);
            char *line = g_strndup(s->rx->str, len);
            g_string_erase(s->rx, 0, (gssize)len + 1);
            return line;
        }
        struct pollfd p = { .fd = s->fd, .events = POLLIN };
        int r = poll(&p, 1, REPLY_TIMEOUT_MS);
        if (r == 0)
            qtest_fail(s, "no reply within %d ms", REPLY_TIMEOUT_MS);
        char buf[4096];
        ssize_t n = r > 0 ? recv(s->fd, buf, sizeof(buf), 0) : -1;
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            qtest_fail(s, "connection to the emulator lost");
        g_string_append_len(s->rx, buf, n);
    }
}

/* Consumes "IRQ raise N" / "IRQ lower N"; returns whether line was one. */
static bool track_irq_line(QTestState *s, const char *line)
{
    int n;
    char what[8];
    if (sscanf(line, "IRQ %7s %d", what, &n) != 2 || n < 0 || n >= MAX_IRQS)
        return false;
    if (!strcmp(what, "raise"))
        s->irq_level[n] = true;
    else if (!strcmp(what, "lower"))
        s->irq_level[n] = false;
    else
        return false;
    return true;
}

char *qtest_rsp_raw(QTestState *s, const char *line)
{
    send_line(s, line);
    for (;;) {
        char *reply = receive_line(s);
        if (!track_irq_line(s, reply))
            return reply;
        g_free(reply);
    }
}

/* Sends a command; the reply must start with "OK".  Returns what follows
 * "OK " (possibly empty); g_free it. */
static char *command_ok(QTestState *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static char *command_ok(QTestState *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    char *reply = qtest_rsp_raw(s, line);
    if (strncmp(reply, "OK", 2) != 0 || (reply[2] && reply[2] != ' '))
        qtest_fail(s, "'%s' answered '%s'", line, reply);
    char *value = g_strdup(reply[2] ? reply + 3 : "");
    g_free(reply);
    g_free(line);
    return value;
}

static uint64_t command_value(QTestState *s, const char *cmd, uint64_t addr)
{
    char *value = command_ok(s, "%s 0x%" PRIx64, cmd, addr);
    char *end;
    uint64_t v = strtoull(value, &end, 0);
    if (!*value || *end)
        qtest_fail(s, "'%s' gave a malformed value '%s'", cmd, value);
    g_free(value);
    return v;
}

static void command_no_value(QTestState *s, const char *cmd, uint64_t addr, uint64_t value)
{
    g_free(command_ok(s, "%s 0x%" PRIx64 " 0x%" PRIx64, cmd, addr, value));
}

void qtest_outb(QTestState *s, uint16_t port, uint8_t v) { command_no_value(s, "outb", port, v); }
void qtest_outw(QTestState *s, uint16_t port, uint16_t v) { command_no_value(s, "outw", port, v); }
void qtest_outl(QTestState *s, uint16_t port, uint32_t v) { command_no_value(s, "outl", port, v); }
uint8_t qtest_inb(QTestState *s, uint16_t port) { return (uint8_t)command_value(s, "inb", port); }
uint16_t qtest_inw(QTestState *s, uint16_t port) { return (uint16_t)command_value(s, "inw", port); }
uint32_t qtest_inl(QTestState *s, uint16_t port) { return (uint32_t)command_value(s, "inl", port); }

void qtest_writeb(QTestState *s, uint64_t a, uint8_t v) { command_no_value(s, "writeb", a, v); }
void qtest_writew(QTestState *s, uint64_t a, uint16_t v) { command_no_value(s, "writew", a, v); }
void qtest_writel(QTestState *s, uint64_t a, uint32_t v) { command_no_value(s, "writel", a, v); }
void qtest_writeq(QTestState *s, uint64_t a, uint64_t v) { command_no_value(s, "writeq", a, v); }
uint8_t qtest_readb(QTestState *s, uint64_t a) { return (uint8_t)command_value(s, "readb", a); }
uint16_t qtest_readw(QTestState *s, uint64_t a) { return (uint16_t)command_value(s, "readw", a); }
uint32_t qtest_readl(QTestState *s, uint64_t a) { return (uint32_t)command_value(s, "readl", a); }
uint64_t qtest_readq(QTestState *s, uint64_t a) { return command_value(s, "readq", a); }

void qtest_memread(QTestState *s, uint64_t addr, void *buf, size_t size)
{
    char *hex = command_ok(s, "read 0x%" PRIx64 " 0x%zx", addr, size);
    if (strncmp(hex, "0x", 2) != 0 || strlen(hex) != 2 + 2 * size)
        qtest_fail(s, "read: malformed data '%s'", hex);
    uint8_t *out = buf;
    for (size_t i = 0; i < size; i++) {
        int hi = g_ascii_xdigit_value(hex[2 + 2 * i]), lo = g_ascii_xdigit_value(hex[3 + 2 * i]);
        if (hi < 0 || lo < 0)
            qtest_fail(s, "read: bad hex digit in '%s'", hex);
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    g_free(hex);
}

void qtest_memwrite(QTestState *s, uint64_t addr, const void *buf, size_t size)
{
    GString *hex = g_string_new("0x");
    const uint8_t *in = buf;
    for (size_t i = 0; i < size; i++)
        g_string_append_printf(hex, "%02x", in[i]);
    if (size == 0)
        g_string_append(hex, "00");
    g_free(command_ok(s, "write 0x%" PRIx64 " 0x%zx %s", addr, size, hex->str));
    g_string_free(hex, TRUE);
}

void qtest_bufread(QTestState *s, uint64_t addr, void *buf, size_t size)
{
    char *b64 = command_ok(s, "b64read 0x%" PRIx64 " 0x%zx", addr, size);
    gsize len = 0;
    guchar *data = g_base64_decode(b64, &len);
    if (len != size)
        qtest_fail(s, "b64read: %zu bytes instead of %zu", (size_t)len, size);
    memcpy(buf, data, size);
    g_free(data);
    g_free(b64);
}

void qtest_bufwrite(QTestState *s, uint64_t addr, const void *buf, size_t size)
{
    char *b64 = g_base64_encode(buf, size);
    g_free(command_ok(s, "b64write 0x%" PRIx64 " 0x%zx %s", addr, size, b64));
    g_free(b64);
}

void qtest_memset(QTestState *s, uint64_t addr, uint8_t value, size_t size)
{
    g_free(command_ok(s, "memset 0x%" PRIx64 " 0x%zx 0x%02x", addr, size, value));
}

static int64_t clock_reply(QTestState *s, char *value)
{
    char *end;
    int64_t ns = strtoll(value, &end, 10);
    if (!*value || *end)
        qtest_fail(s, "clock: malformed value '%s'", value);
    g_free(value);
    return ns;
}

int64_t qtest_clock_step(QTestState *s, int64_t step_ns)
{
    return clock_reply(s, command_ok(s, "clock_step %" PRIi64, step_ns));
}

int64_t qtest_clock_step_next(QTestState *s)
{
    return clock_reply(s, command_ok(s, "clock_step"));
}

int64_t qtest_clock_set(QTestState *s, int64_t value_ns)
{
    return clock_reply(s, command_ok(s, "clock_set %" PRIi64, value_ns));
}

void qtest_irq_intercept_in(QTestState *s, const char *path)
{
    g_free(command_ok(s, "irq_intercept_in %s", path));
}

bool qtest_get_irq(QTestState *s, int n)
{
    g_assert(n >= 0 && n < MAX_IRQS);
    /* A round trip collects any IRQ lines the emulator sent meanwhile. */
    g_free(command_ok(s, "endianness"));
    return s->irq_level[n];
}

void qtest_set_irq_in(QTestState *s, const char *path, const char *name, int n, int level)
{
    g_free(command_ok(s, "set_irq_in %s %s %d %d", path, name, n, level));
}
