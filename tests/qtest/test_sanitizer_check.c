/*
 * libqtest tells a sanitizer death from a clean refusal: an emulator that
 * prints an ASan/UBSan report fails qtest_expect_refusal() even when it exits
 * with status 1, and the sanitizer exit status of a MODEMU_SANITIZE build is
 * never taken for a refusal.  Fake emulators (shell scripts, chosen through
 * MODEMU_BINARY) stand in for the real one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib.h>

#include "libqtest.h"

static char *fake_dir;

/* Writes an executable script that prints `message` on stderr and exits
 * with `status`, and makes it the emulator libqtest runs. */
static void use_fake_emulator(const char *message, int status)
{
    char *path = g_build_filename(fake_dir, "fake-emulator", NULL);
    char *script = g_strdup_printf("#!/bin/sh\necho '%s' >&2\nexit %d\n", message, status);
    g_assert_true(g_file_set_contents(path, script, -1, NULL));
    g_assert_cmpint(chmod(path, 0755), ==, 0);
    g_setenv("MODEMU_BINARY", path, TRUE);
    g_free(script);
    g_free(path);
}

static void test_clean_refusal_passes(void)
{
    use_fake_emulator("modemu-system-x86_64: -foo: invalid option", 1);
    qtest_expect_refusal("-foo", "invalid option");
}

/* qtest_expect_refusal("-foo", expected) against a fake emulator printing
 * `output` and exiting with `status` must fail, saying `why` (run in a
 * subprocess, since the failure aborts the test). */
static void expect_refusal_check_fails(const char *output, int status, const char *expected,
                                       const char *why)
{
    if (g_test_subprocess()) {
        use_fake_emulator(output, status);
        qtest_expect_refusal("-foo", expected);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr(why);
}

static void test_report_fails_refusal(void)
{
    expect_refusal_check_fails("x.c:1:2: runtime error: signed integer overflow", 1,
                               "runtime error", "*died of a sanitizer error*");
}

static void test_crash_status_fails_refusal(void)
{
    expect_refusal_check_fails("modemu-system-x86_64: -foo: invalid option", 2,
                               "invalid option", "*should have refused with exit status 1*");
}

static void test_status_classification(void)
{
    g_assert_false(qtest_sanitizer_error(0, ""));
    g_assert_false(qtest_sanitizer_error(1 << 8, "modemu-system-x86_64: bad\n"));
    g_assert_true(qtest_sanitizer_error(0, "==1==ERROR: AddressSanitizer: heap-use-after-free"));
#ifdef MODEMU_SANITIZER_EXIT_CODE
    g_assert_true(qtest_sanitizer_error(MODEMU_SANITIZER_EXIT_CODE << 8, ""));
#endif
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    fake_dir = g_dir_make_tmp("modemu-fake-XXXXXX", NULL);
    g_assert_nonnull(fake_dir);
    g_test_add_func("/qtest/sanitizer/clean-refusal", test_clean_refusal_passes);
    g_test_add_func("/qtest/sanitizer/report-fails-refusal", test_report_fails_refusal);
    g_test_add_func("/qtest/sanitizer/crash-status-fails-refusal", test_crash_status_fails_refusal);
    g_test_add_func("/qtest/sanitizer/status-classification", test_status_classification);
    int status = g_test_run();
    char *cmd = g_strdup_printf("rm -rf '%s'", fake_dir);
    if (system(cmd) != 0)
        status = 1;
    g_free(cmd);
    return status;
}
