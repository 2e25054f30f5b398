/*
 * Character devices end to end: the mux's C-a escapes with the monitor and
 * a serial port on one stdio, socket server/client (with and without
 * wait), file and logfile output, pty, udp, and bad legacy specs.
 * The machine runs under -accel qtest (no CPU) so only the chardev side
 * matters.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>

#include "emulator_process.h"

#define TIMEOUT_MS 10000
#define BANNER "monitor - type 'help' for more information"

static char *temp_path(const char *suffix)
{
    static int n;
    return g_strdup_printf("%s/modemu-chardev-%d-%d%s", g_get_tmp_dir(), getpid(), n++, suffix);
}

static void assert_clean_exit(emulator *e)
{
    int status = emulator_wait(e, TIMEOUT_MS);
    if (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        g_error("emulator did not exit cleanly (status %d); stderr:\n%s", status, e->err->str);
}

static void terminate(emulator *e)
{
    kill(e->pid, SIGTERM);
    assert_clean_exit(e);
}

#define EXPECT_OUT(e, text) \
    do { \
        if (!emulator_expect((e), (text), false, TIMEOUT_MS)) \
            g_error("stdout lacks '%s'; got:\n%s\nstderr:\n%s", (text), (e)->out->str, \
                    (e)->err->str); \
    } while (0)

static void test_mux_escapes(void)
{
    emulator *e = emulator_start("-M pc -nodefaults -accel qtest -display none "
                                 "-chardev stdio,id=c0,mux=on -mon chardev=c0 "
                                 "-device isa-serial,chardev=c0");
    emulator_send(e, "\001h", 2);
    EXPECT_OUT(e, "C-a x    exit emulator");
    EXPECT_OUT(e, "C-a c    switch between console and monitor");
    /* The serial port had the focus: no monitor banner so far. */
    g_assert_null(strstr(e->out->str, BANNER));
    emulator_send(e, "\001c", 2);
    EXPECT_OUT(e, BANNER);
    EXPECT_OUT(e, "(qemu) ");
    emulator_send(e, "info status\r", 12);
    EXPECT_OUT(e, "VM status: running");
    emulator_send(e, "stop\r", 5);
    emulator_send(e, "info status\r", 12);
    EXPECT_OUT(e, "VM status: paused");
    emulator_send(e, "nosuchcmd\r", 10);
    EXPECT_OUT(e, "unknown command: 'nosuchcmd'");
    emulator_send(e, "\001x", 2);
    EXPECT_OUT(e, "QEMU: Terminated");
    assert_clean_exit(e);
    emulator_free(e);
}

static int unix_connect(const char *path)
{
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    g_strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
    for (int i = 0; i < 500; i++) {
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0)
            return fd;
        close(fd);
        g_usleep(10000);
    }
    g_error("cannot connect to %s", path);
}

/* Reads from fd until `text` was seen (accumulating in acc). */
static void fd_expect(int fd, GString *acc, const char *text)
{
    gint64 deadline = g_get_monotonic_time() + TIMEOUT_MS * 1000LL;
    while (!strstr(acc->str, text)) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        if (g_get_monotonic_time() > deadline || poll(&p, 1, 100) < 0)
            g_error("never saw '%s'; got '%s'", text, acc->str);
        char buf[1024];
        ssize_t n = p.revents ? read(fd, buf, sizeof(buf)) : 0;
        if (n > 0)
            g_string_append_len(acc, buf, n);
        else if (p.revents && n == 0)
            g_error("peer closed before '%s'; got '%s'", text, acc->str);
    }
}

static void test_socket_server_reaccepts(void)
{
    char *path = temp_path(".sock");
    char *args = g_strdup_printf("-M none -accel qtest -display none "
                                 "-chardev socket,id=m0,path=%s,server=on,wait=off "
                                 "-mon chardev=m0", path);
    emulator *e = emulator_start(args);
    for (int round = 0; round < 2; round++) {
        int fd = unix_connect(path);
        GString *acc = g_string_new(NULL);
        fd_expect(fd, acc, BANNER);   /* every new client gets the banner */
        g_assert_cmpint(write(fd, "info status\n", 12), ==, 12);
        fd_expect(fd, acc, "VM status: running");
        close(fd);
        g_string_free(acc, TRUE);
    }
    int fd = unix_connect(path);
    GString *acc = g_string_new(NULL);
    fd_expect(fd, acc, "(qemu) ");
    g_assert_cmpint(write(fd, "quit\n", 5), ==, 5);
    assert_clean_exit(e);
    close(fd);
    g_string_free(acc, TRUE);
    emulator_free(e);
    g_free(args);
    g_free(path);
}

static void test_socket_server_waits_for_client(void)
{
    char *path = temp_path(".sock");
    char *args = g_strdup_printf("-M none -accel qtest -display none "
                                 "-chardev socket,id=m0,path=%s,server=on -mon chardev=m0", path);
    emulator *e = emulator_start(args);
    char *waiting = g_strdup_printf("QEMU waiting for connection on: disconnected:unix:%s,server=on",
                                    path);
    g_assert_true(emulator_expect(e, waiting, true, TIMEOUT_MS));
    g_assert_cmpint(emulator_wait(e, 200), ==, -1);   /* still waiting, not failed */
    int fd = unix_connect(path);
    GString *acc = g_string_new(NULL);
    fd_expect(fd, acc, BANNER);
    close(fd);
    terminate(e);
    g_string_free(acc, TRUE);
    emulator_free(e);
    /* SIGTERM while still waiting ends the process cleanly too. */
    e = emulator_start(args);
    g_assert_true(emulator_expect(e, waiting, true, TIMEOUT_MS));
    terminate(e);
    emulator_free(e);
    g_free(waiting);
    g_free(args);
    g_free(path);
}

static void test_socket_client(void)
{
    char *path = temp_path(".sock");
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    g_strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
    int listen_fd = socket(AF_UNIX, SOCK_STREAM, 0);
    g_assert_cmpint(bind(listen_fd, (struct sockaddr *)&sun, sizeof(sun)), ==, 0);
    g_assert_cmpint(listen(listen_fd, 1), ==, 0);
    char *log = temp_path(".log");
    char *args = g_strdup_printf("-M none -accel qtest -display none "
                                 "-chardev socket,id=m0,path=%s,logfile=%s -mon chardev=m0",
                                 path, log);
    emulator *e = emulator_start(args);
    int fd = accept(listen_fd, NULL, NULL);
    GString *acc = g_string_new(NULL);
    fd_expect(fd, acc, "(qemu) ");
    g_assert_cmpint(write(fd, "info chardev\n", 13), ==, 13);
    fd_expect(fd, acc, "m0: filename=socket");
    terminate(e);
    /* logfile= recorded everything the monitor wrote. */
    char *logged = NULL;
    g_assert_true(g_file_get_contents(log, &logged, NULL, NULL));
    g_assert_nonnull(strstr(logged, BANNER));
    g_assert_nonnull(strstr(logged, "m0: filename=socket"));
    g_free(logged);
    close(fd);
    close(listen_fd);
    unlink(path);
    unlink(log);
    g_string_free(acc, TRUE);
    emulator_free(e);
    g_free(args);
    g_free(log);
    g_free(path);
}

/* reconnect=1: a client whose server is not up yet keeps trying. */
static void test_socket_client_reconnects(void)
{
    char *path = temp_path(".sock");
    char *args = g_strdup_printf("-M none -accel qtest -display none "
                                 "-chardev socket,id=m0,path=%s,reconnect=1 -mon chardev=m0",
                                 path);
    emulator *e = emulator_start(args);
    g_usleep(300000);
    g_assert_cmpint(emulator_wait(e, 0), ==, -1);   /* still running without a server */
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    g_strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
    int listen_fd = socket(AF_UNIX, SOCK_STREAM, 0);
    g_assert_cmpint(bind(listen_fd, (struct sockaddr *)&sun, sizeof(sun)), ==, 0);
    g_assert_cmpint(listen(listen_fd, 1), ==, 0);
    struct pollfd p = { .fd = listen_fd, .events = POLLIN };
    g_assert_cmpint(poll(&p, 1, TIMEOUT_MS), ==, 1);
    int fd = accept(listen_fd, NULL, NULL);
    GString *acc = g_string_new(NULL);
    fd_expect(fd, acc, BANNER);
    close(fd);
    terminate(e);
    close(listen_fd);
    unlink(path);
    g_string_free(acc, TRUE);
    emulator_free(e);
    g_free(args);
    g_free(path);
}

static void test_file_backend(void)
{
    char *out = temp_path(".out");
    g_assert_true(g_file_set_contents(out, "old contents\n", -1, NULL));
    char *args = g_strdup_printf("-M none -accel qtest -display none "
                                 "-chardev file,id=f0,path=%s -mon chardev=f0", out);
    emulator *e = emulator_start(args);
    char *contents = NULL;
    for (int i = 0; i < 500; i++) {
        g_free(contents);
        contents = NULL;
        g_file_get_contents(out, &contents, NULL, NULL);
        if (contents && strstr(contents, "(qemu) "))
            break;
        g_usleep(10000);
    }
    g_assert_nonnull(contents);
    g_assert_nonnull(strstr(contents, BANNER));
    g_assert_null(strstr(contents, "old contents"));   /* truncated, not appended */
    terminate(e);
    g_free(contents);
    unlink(out);
    emulator_free(e);
    g_free(args);
    g_free(out);
}

static void test_pty_backend(void)
{
    emulator *e = emulator_start("-M none -accel qtest -display none "
                                 "-chardev pty,id=p0 -mon chardev=p0");
    g_assert_true(emulator_expect(e, "(label p0)", true, TIMEOUT_MS));
    char *line = strstr(e->err->str, "char device redirected to ");
    g_assert_nonnull(line);
    char pts[64] = { 0 };
    g_assert_cmpint(sscanf(line, "char device redirected to %63s (label p0)", pts), ==, 1);
    g_assert_true(g_str_has_prefix(pts, "/dev/pts/"));
    int fd = open(pts, O_RDWR | O_NOCTTY);
    g_assert_cmpint(fd, >=, 0);
    GString *acc = g_string_new(NULL);
    g_assert_cmpint(write(fd, "info version\r", 13), ==, 13);
    fd_expect(fd, acc, "(qemu) ");
    close(fd);
    terminate(e);
    g_string_free(acc, TRUE);
    emulator_free(e);
}

static void test_udp_backend(void)
{
    int peer = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    g_assert_cmpint(bind(peer, (struct sockaddr *)&addr, sizeof(addr)), ==, 0);
    socklen_t len = sizeof(addr);
    getsockname(peer, (struct sockaddr *)&addr, &len);
    char *args = g_strdup_printf("-M none -accel qtest -display none "
                                 "-chardev udp,id=u0,host=127.0.0.1,port=%d -mon chardev=u0",
                                 ntohs(addr.sin_port));
    emulator *e = emulator_start(args);
    GString *acc = g_string_new(NULL);
    fd_expect(peer, acc, "(qemu) ");
    g_assert_nonnull(strstr(acc->str, BANNER));
    terminate(e);
    g_string_free(acc, TRUE);
    close(peer);
    emulator_free(e);
    g_free(args);
}

static int free_tcp_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof(addr);
    g_assert_cmpint(bind(fd, (struct sockaddr *)&addr, sizeof(addr)), ==, 0);
    getsockname(fd, (struct sockaddr *)&addr, &len);
    close(fd);
    return ntohs(addr.sin_port);
}

static int tcp_connect(int port)
{
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port),
                                .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    for (int i = 0; i < 500; i++) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0)
            return fd;
        close(fd);
        g_usleep(10000);
    }
    g_error("cannot connect to port %d", port);
}

/* The legacy shorthand: -monitor tcp:HOST:PORT,server,nowait. */
static void test_legacy_tcp_server(void)
{
    int port = free_tcp_port();
    char *args = g_strdup_printf("-M none -accel qtest -display none "
                                 "-monitor tcp:127.0.0.1:%d,server,nowait", port);
    emulator *e = emulator_start(args);
    int fd = tcp_connect(port);
    GString *acc = g_string_new(NULL);
    fd_expect(fd, acc, BANNER);
    g_assert_cmpint(write(fd, "info chardev\n", 13), ==, 13);
    fd_expect(fd, acc, "compat_monitor0: filename=socket");
    g_assert_cmpint(write(fd, "q\n", 2), ==, 2);
    assert_clean_exit(e);
    close(fd);
    g_string_free(acc, TRUE);
    emulator_free(e);
    g_free(args);
}

/* stdio on a terminal: raw while running, restored after SIGTERM/SIGINT. */
static void check_terminal_restored_after(int signal_number)
{
    int master, slave;
    g_assert_cmpint(openpty(&master, &slave, NULL, NULL, NULL), ==, 0);
    struct termios before;
    tcgetattr(slave, &before);
    g_assert_true(before.c_lflag & ECHO);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(slave, 0);
        dup2(slave, 1);
        execl(MODEMU_BINARY, MODEMU_BINARY, "-M", "none", "-accel", "qtest", "-display", "none",
              "-serial", "stdio", (char *)NULL);
        _exit(127);
    }
    struct termios now;
    bool raw = false;
    for (int i = 0; i < 500 && !raw; i++) {
        g_usleep(10000);
        tcgetattr(slave, &now);
        raw = !(now.c_lflag & (ECHO | ICANON));
    }
    g_assert_true(raw);
    kill(pid, signal_number);
    int status;
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    tcgetattr(slave, &now);
    g_assert_cmphex(now.c_lflag, ==, before.c_lflag);
    g_assert_cmphex(now.c_iflag, ==, before.c_iflag);
    close(master);
    close(slave);
}

static void test_stdio_terminal_restored(void)
{
    check_terminal_restored_after(SIGTERM);
    check_terminal_restored_after(SIGINT);
}

static void test_bad_legacy_spec(void)
{
    emulator *e = emulator_start("-M none -accel qtest -display none -serial bogus");
    int status = emulator_wait(e, TIMEOUT_MS);
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 1);
    g_assert_true(emulator_expect(e, "'bogus' is not a valid char driver", true, TIMEOUT_MS));
    /* Exactly one line. */
    g_assert_cmpint(strchr(e->err->str, '\n') - e->err->str + 1, ==, (long)e->err->len);
    emulator_free(e);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    signal(SIGPIPE, SIG_IGN);
    g_test_add_func("/chardev/mux-escapes", test_mux_escapes);
    g_test_add_func("/chardev/socket-server-reaccepts", test_socket_server_reaccepts);
    g_test_add_func("/chardev/socket-server-wait", test_socket_server_waits_for_client);
    g_test_add_func("/chardev/socket-client-logfile", test_socket_client);
    g_test_add_func("/chardev/socket-client-reconnect", test_socket_client_reconnects);
    g_test_add_func("/chardev/file", test_file_backend);
    g_test_add_func("/chardev/pty", test_pty_backend);
    g_test_add_func("/chardev/udp", test_udp_backend);
    g_test_add_func("/chardev/legacy-tcp-server", test_legacy_tcp_server);
    g_test_add_func("/chardev/stdio-terminal-restored", test_stdio_terminal_restored);
    g_test_add_func("/chardev/bad-legacy-spec", test_bad_legacy_spec);
    return g_test_run();
}
