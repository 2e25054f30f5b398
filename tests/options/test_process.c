/* -pidfile locking and -daemonize's parent/child hand-shake, through vl's C API. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>

#include "vl/vl.h"

static char *temp_path(const char *name)
{
    char *dir = g_dir_make_tmp("modemu-process-XXXXXX", NULL);
    g_assert_nonnull(dir);
    char *path = g_build_filename(dir, name, NULL);
    g_free(dir);
    return path;
}

static pid_t read_pid(const char *path)
{
    char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, NULL))
        return -1;
    pid_t pid = (pid_t)atoi(text);
    g_free(text);
    return pid;
}

static void wait_until_gone(const char *path)
{
    for (int i = 0; i < 500 && g_file_test(path, G_FILE_TEST_EXISTS); i++)
        g_usleep(10 * 1000);
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
}

/* A second instance with the same (locked) pid file is refused. */
static void test_pidfile_lock(void)
{
    char *path = temp_path("vm.pid");
    int ready[2], quit[2];
    g_assert_cmpint(pipe(ready), ==, 0);
    g_assert_cmpint(pipe(quit), ==, 0);
    pid_t holder = fork();
    if (holder == 0) {
        char c = vl_pidfile_create(path, NULL) ? 'y' : 'n';
        (void)!write(ready[1], &c, 1);
        (void)!read(quit[0], &c, 1);
        vl_pidfile_remove();
        _exit(0);
    }
    char c = 0;
    g_assert_cmpint(read(ready[0], &c, 1), ==, 1);
    g_assert_cmpint(c, ==, 'y');
    g_assert_cmpint(read_pid(path), ==, holder);

    mm_error *err = NULL;
    g_assert_false(vl_pidfile_create(path, &err));
    g_assert_true(g_str_has_prefix(err->message, "cannot create PID file: Cannot lock pid file"));
    mm_error_free(err);
    /* The refused instance must not have touched the holder's file. */
    g_assert_cmpint(read_pid(path), ==, holder);

    (void)!write(quit[1], "q", 1);
    int status;
    g_assert_cmpint(waitpid(holder, &status, 0), ==, holder);
    g_assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    wait_until_gone(path);

    /* Free again: this process can take it now, and removes it. */
    g_assert_true(vl_pidfile_create(path, NULL));
    g_assert_cmpint(read_pid(path), ==, getpid());
    vl_pidfile_remove();
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    g_free(path);
}

/* Runs the -daemonize sequence in a child: the returned pid is the parent
 * that waits; `fail_status` 0 means the daemon gets ready after writing the
 * pid file slowly, otherwise it dies with that status before being ready. */
static pid_t start_daemon(const char *pidfile, int fail_status)
{
    pid_t launcher = fork();
    if (launcher != 0)
        return launcher;
    if (!vl_daemonize_start(NULL))
        _exit(99);
    /* The daemon: the launcher is waiting on the pipe now. */
    g_usleep(200 * 1000);
    if (fail_status)
        _exit(fail_status);
    if (!vl_pidfile_create(pidfile, NULL))
        _exit(98);
    vl_daemonize_ready();
    g_usleep(300 * 1000);
    exit(0);
}

static void test_daemonize(void)
{
    char *path = temp_path("daemon.pid");
    pid_t launcher = start_daemon(path, 0);
    int status;
    g_assert_cmpint(waitpid(launcher, &status, 0), ==, launcher);
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    /* The parent exited only after the daemon had written its pid file. */
    pid_t daemon_pid = read_pid(path);
    g_assert_cmpint(daemon_pid, >, 0);
    g_assert_cmpint(daemon_pid, !=, launcher);
    g_assert_cmpint(kill(daemon_pid, 0), ==, 0);
    /* And the daemon removes it when it exits. */
    wait_until_gone(path);

    launcher = start_daemon(path, 7);
    g_assert_cmpint(waitpid(launcher, &status, 0), ==, launcher);
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 7);
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    g_free(path);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/process/pidfile-lock", test_pidfile_lock);
    g_test_add_func("/process/daemonize", test_daemonize);
    return g_test_run();
}
