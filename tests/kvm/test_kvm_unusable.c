/*
 * When /dev/kvm cannot be used the refusal is one line that says why:
 * missing device, not a KVM device, and (as a non-root user) permission.
 * MODEMU_KVM_DEVICE points the accelerator at another node to provoke each
 * case; then the same through the emulator: -enable-kvm exits non-zero with
 * one line, and -accel kvm:tcg goes on to the next accelerator.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <modemu/error.h>

#include "accel/kvm/kvm.h"

static char *refusal_with_device(const char *path)
{
    g_setenv("MODEMU_KVM_DEVICE", path, TRUE);
    mm_error *err = NULL;
    g_assert_false(mm_kvm_available(&err));
    g_assert_nonnull(err);
    char *msg = g_strdup(err->message);
    mm_error_free(err);
    g_unsetenv("MODEMU_KVM_DEVICE");
    printf("%s -> %s\n", path, msg);
    g_assert_null(strchr(msg, '\n'));
    return msg;
}

static void check_api_refusals(void)
{
    char *msg = refusal_with_device("/nonexistent/kvm");
    g_assert_nonnull(strstr(msg, "no such device"));
    g_free(msg);
    msg = refusal_with_device("/dev/null");
    g_assert_nonnull(strstr(msg, "not a KVM device"));
    g_free(msg);
    if (geteuid() != 0) {
        char *path = g_build_filename(g_get_tmp_dir(), "modemu-kvm-noperm", NULL);
        g_file_set_contents(path, "", 0, NULL);
        g_chmod(path, 0);
        msg = refusal_with_device(path);
        g_assert_nonnull(strstr(msg, "permission denied"));
        g_free(msg);
        g_unlink(path);
        g_free(path);
    }
}

/* Runs the emulator with a missing KVM device; returns its exit status. */
static int run_emulator(const char *accel_args, char **err_out)
{
    /* A machine that starts keeps running (stopped, -S): timeout ends it with 124. */
    char *cmd = g_strdup_printf("env MODEMU_KVM_DEVICE=/nonexistent/kvm timeout 3 %s %s "
                                "-M none -display none -nodefaults -S", MODEMU_BINARY,
                                accel_args);
    char *out = NULL;
    int status = -1;
    GError *gerr = NULL;
    char *argv[] = { "/bin/sh", "-c", cmd, NULL };
    g_assert_true(g_spawn_sync(NULL, argv, NULL, 0, NULL, NULL, &out, err_out, &status, &gerr));
    g_free(out);
    g_free(cmd);
    return status;
}

static void check_command_line(void)
{
    char *err = NULL;
    int status = run_emulator("-enable-kvm", &err);
    printf("-enable-kvm: status %d, stderr: %s", status, err);
    g_assert_false(g_spawn_check_wait_status(status, NULL));
    g_assert_nonnull(strstr(err, "no such device"));
    char **lines = g_strsplit(g_strchomp(err), "\n", -1);
    g_assert_cmpuint(g_strv_length(lines), ==, 1);
    g_strfreev(lines);
    g_free(err);

    /* The fallback: kvm refused, tcg taken next: the machine runs (until the
     * timeout) or, while the software CPU is missing, tcg is what is reported. */
    status = run_emulator("-accel kvm:tcg", &err);
    printf("-accel kvm:tcg: status %d, stderr: %s\n", status, err);
    bool still_running = WIFEXITED(status) && WEXITSTATUS(status) == 124;
    g_assert_true(still_running || strstr(err, "tcg"));
    g_free(err);
}

int main(void)
{
    check_api_refusals();
    check_command_line();
    printf("ok\n");
    return 0;
}
