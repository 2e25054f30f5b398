/* The qtest protocol end to end through the real emulator and libqtest. */
#include <string.h>
#include <glib.h>

#include "libqtest.h"

static void test_ram_and_buffers(void)
{
    QTestState *s = qtest_start("-M none -m 64");
    qtest_writel(s, 0x1000, 0xcafef00d);
    g_assert_cmphex(qtest_readl(s, 0x1000), ==, 0xcafef00d);
    g_assert_cmphex(qtest_readb(s, 0x1001), ==, 0xf0);
    qtest_writeq(s, 0x2000, 0x0123456789abcdefULL);
    g_assert_cmphex(qtest_readq(s, 0x2000), ==, 0x0123456789abcdefULL);
    uint8_t out[64], in[64];
    for (size_t i = 0; i < sizeof(out); i++)
        out[i] = (uint8_t)(i * 7 + 1);
    qtest_memwrite(s, 0x3000, out, sizeof(out));
    qtest_memread(s, 0x3000, in, sizeof(in));
    g_assert_cmpmem(in, sizeof(in), out, sizeof(out));
    qtest_bufwrite(s, 0x4000, out, 33);
    qtest_bufread(s, 0x4000, in, 33);
    g_assert_cmpmem(in, 33, out, 33);
    qtest_memset(s, 0x5000, 0xa5, 16);
    g_assert_cmphex(qtest_readl(s, 0x500c), ==, 0xa5a5a5a5);
    qtest_quit(s);
}

static void test_replies_and_errors(void)
{
    QTestState *s = qtest_start("-M none");
    char *r = qtest_rsp_raw(s, "endianness");
    g_assert_cmpstr(r, ==, "OK little");
    g_free(r);
    r = qtest_rsp_raw(s, "bogus");
    g_assert_cmpstr(r, ==, "FAIL Unknown command 'bogus'");
    g_free(r);
    r = qtest_rsp_raw(s, "readl");
    g_assert_true(g_str_has_prefix(r, "ERR "));
    g_free(r);
    /* Unassigned port: all ones, at least four hex digits. */
    r = qtest_rsp_raw(s, "inb 0x6");
    g_assert_true(g_str_has_prefix(r, "OK 0x"));
    g_free(r);
    qtest_quit(s);
}

static void test_clock_moves_only_by_command(void)
{
    QTestState *s = qtest_start("-M none");
    int64_t t0 = qtest_clock_step(s, 0);
    g_usleep(50000);
    g_assert_cmpint(qtest_clock_step(s, 0), ==, t0);
    g_assert_cmpint(qtest_clock_step(s, 1000), ==, t0 + 1000);
    g_assert_cmpint(qtest_clock_set(s, t0 + 5000), ==, t0 + 5000);
    qtest_quit(s);
}

static void test_sigterm_exits_cleanly(void)
{
    QTestState *s = qtest_start("-M none");
    qtest_quit(s);   /* fails the test unless the exit status is 0 */
}

/* As observed on QEMU: set_irq_in on an intercepted IOAPIC input reports
 * "IRQ raise 4" before its OK. */
static void test_irq_intercept_on_pc(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults");
    char *r = qtest_rsp_raw(s, "irq_intercept_in nosuchdevice");
    g_assert_cmpstr(r, ==, "FAIL Unknown device");
    g_free(r);
    qtest_irq_intercept_in(s, "ioapic");
    g_assert_false(qtest_get_irq(s, 4));
    qtest_set_irq_in(s, "ioapic", "unnamed-gpio-in", 4, 1);
    g_assert_true(qtest_get_irq(s, 4));
    qtest_set_irq_in(s, "ioapic", "unnamed-gpio-in", 4, 0);
    g_assert_false(qtest_get_irq(s, 4));
    qtest_quit(s);
}

/* The emulator's stderr is available to the test. */
static void test_stderr_is_captured(void)
{
    QTestState *s = qtest_start("-M none -chardev pty,id=p0");
    char *err = NULL;
    for (int i = 0; i < 500; i++) {
        g_free(err);
        err = qtest_read_stderr(s);
        if (strstr(err, "(label p0)"))
            break;
        g_usleep(10000);
    }
    g_assert_nonnull(strstr(err, "char device redirected to /dev/pts/"));
    g_free(err);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qtest/ram-and-buffers", test_ram_and_buffers);
    g_test_add_func("/qtest/replies-and-errors", test_replies_and_errors);
    g_test_add_func("/qtest/clock", test_clock_moves_only_by_command);
    g_test_add_func("/qtest/sigterm", test_sigterm_exits_cleanly);
    g_test_add_func("/qtest/irq-intercept-pc", test_irq_intercept_on_pc);
    g_test_add_func("/qtest/stderr", test_stderr_is_captured);
    return g_test_run();
}
