/*
 * The qtest command interpreter, driven directly (no socket): exact reply
 * formats, error replies for malformed input, clock commands, IRQ
 * interception, and a random-input run that must never crash or desync.
 */
#include <string.h>
#include <glib.h>
#include <modemu/event.h>
#include <modemu/irq.h>
#include <modemu/memory.h>
#include <modemu/object.h>

#include "accel/qtest/qtest_session.h"
#include "event/clock.h"

static GString *replies;
static mm_qtest_session session;

static void capture(void *opaque, const char *text, size_t len)
{
    g_string_append_len(replies, text, (gssize)len);
}

/* Runs one line; returns everything it answered (g_free). */
static char *run(const char *line)
{
    g_string_truncate(replies, 0);
    mm_qtest_session_feed(&session, (const uint8_t *)line, strlen(line));
    mm_qtest_session_feed(&session, (const uint8_t *)"\n", 1);
    return g_strdup(replies->str);
}

#define assert_reply(line, expected) \
    do { \
        char *got_ = run(line); \
        g_assert_cmpstr(got_, ==, expected); \
        g_free(got_); \
    } while (0)

static uint8_t port_regs[8];

static uint64_t port_read(void *opaque, uint64_t offset, unsigned size)
{
    return port_regs[offset];
}

static void port_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    port_regs[offset] = (uint8_t)value;
}

static const mm_region_ops port_ops = {
    .read = port_read,
    .write = port_write,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

static void setup_machine(void)
{
    mm_memory_region *ram = mm_region_new_ram(NULL, "test-ram", 0x10000, NULL);
    g_assert_nonnull(ram);
    mm_region_add_subregion(mm_address_space_root(mm_machine_memory_space()), 0, ram, 0);
    mm_memory_region *ports = mm_region_new_io(NULL, "test-ports", 8, &port_ops, NULL);
    mm_region_add_subregion(mm_address_space_root(mm_machine_io_space()), 0x3f8, ports, 0);
}

static void test_memory_commands(void)
{
    assert_reply("writeb 0x10 0x5a", "OK\n");
    assert_reply("readb 0x10", "OK 0x000000000000005a\n");
    assert_reply("writel 0x20 0x12345678", "OK\n");
    assert_reply("readq 0x20", "OK 0x0000000012345678\n");
    assert_reply("writeq 0x28 0x1122334455667788", "OK\n");
    assert_reply("readw 0x2e", "OK 0x0000000000001122\n");
    assert_reply("write 0x100 4 0xdeadbeef", "OK\n");
    assert_reply("read 0x100 4", "OK 0xdeadbeef\n");
    assert_reply("write 0x100 4 0xab", "OK\n");          /* short data: zero-filled */
    assert_reply("read 0x100 4", "OK 0xab000000\n");
    assert_reply("write 0x100 4 0x", "ERR invalid argument size\n");
    assert_reply("write 0x100 2 0xzz11", "ERR invalid hex data\n");
    assert_reply("b64write 0x200 3 AQID", "OK\n");
    assert_reply("b64read 0x200 3", "OK AQID\n");
    assert_reply("memset 0x300 4 0xab", "OK\n");
    assert_reply("read 0x300 4", "OK 0xabababab\n");
    assert_reply("memset 0x300 0 1", "OK\n");
    assert_reply("read 0x300 0", "OK 0x\n");
    /* Unassigned memory reads whatever the memory API defines for it. */
    uint64_t unassigned = 0;
    mm_as_read(mm_machine_memory_space(), 0x20000, 4, &unassigned);
    char *expected = g_strdup_printf("OK 0x%016" G_GINT64_MODIFIER "x\n", unassigned);
    assert_reply("readl 0x20000", expected);
    g_free(expected);
    assert_reply("endianness", "OK little\n");
}

static void test_port_commands(void)
{
    assert_reply("outb 0x3f8 0x41", "OK\n");
    g_assert_cmpint(port_regs[0], ==, 0x41);
    port_regs[5] = 0x60;
    assert_reply("inb 0x3fd", "OK 0x0060\n");
    assert_reply("inw 0x80", "OK 0xffff\n");
    assert_reply("inl 0x80", "OK 0xffffffff\n");
    assert_reply("outb 0x10000 1", "ERR port address out of range\n");
}

static void test_malformed_input(void)
{
    assert_reply("frobnicate 1 2", "FAIL Unknown command 'frobnicate'\n");
    assert_reply("readb", "ERR wrong number of arguments for readb\n");
    assert_reply("readb 0x10 0x20", "ERR wrong number of arguments for readb\n");
    assert_reply("readb zz", "ERR invalid number 'zz'\n");
    assert_reply("outb 0x80 ", "ERR invalid number ''\n");
    assert_reply("read 0 99999999999", "ERR size too large\n");
    assert_reply("", "");   /* an empty line is not a command */
    /* A NUL in the line ends the command. */
    g_string_truncate(replies, 0);
    mm_qtest_session_feed(&session, (const uint8_t *)"endianness\0junk\n", 16);
    g_assert_cmpstr(replies->str, ==, "OK little\n");
    /* A command split across reads is executed once complete. */
    g_string_truncate(replies, 0);
    mm_qtest_session_feed(&session, (const uint8_t *)"endi", 4);
    g_assert_cmpstr(replies->str, ==, "");
    mm_qtest_session_feed(&session, (const uint8_t *)"anness\n", 7);
    g_assert_cmpstr(replies->str, ==, "OK little\n");
}

static int timer_fired_at = -1;

static void note_fire(void *opaque)
{
    timer_fired_at = (int)mm_clock_get_ns(MM_CLOCK_VIRTUAL);
}

static void test_clock_commands(void)
{
    mm_virtual_clock_use_counter(false);
    assert_reply("clock_step 10", "FAIL the virtual clock is only movable with -accel qtest\n");
    mm_virtual_clock_use_counter(true);
    mm_virtual_clock_set_counter(0);
    assert_reply("clock_step 100", "OK 100\n");
    assert_reply("clock_set 50", "OK 100\n");   /* never backwards */
    assert_reply("clock_step -5", "ERR invalid clock step\n");
    mm_timer *t = mm_timer_new(MM_CLOCK_VIRTUAL, note_fire, NULL);
    mm_timer_mod(t, 500);
    assert_reply("clock_step", "OK 500\n");
    g_assert_cmpint(timer_fired_at, ==, 500);
    assert_reply("clock_step", "OK 500\n");     /* no timer: stays */
    mm_timer_mod(t, 700);
    assert_reply("clock_set 1000", "OK 1000\n");
    g_assert_cmpint(timer_fired_at, ==, 700);
    mm_timer_free(t);
}

static int delivered_level[8];

static void device_input(void *opaque, int n, int level)
{
    delivered_level[n] = level;
}

static void test_irq_interception(void)
{
    static const mm_type_info dev_info = {
        .name = "qtest-test-irq-device", .parent = MM_KIND_DEVICE,
        .instance_size = sizeof(mm_object), .user_creatable = false,
    };
    g_assert_nonnull(mm_type_register(&dev_info, NULL));
    mm_object *dev = mm_object_new(MM_KIND_DEVICE, dev_info.name, NULL, NULL);
    g_assert_nonnull(dev);
    mm_object_set_path_name(dev, "testpic");
    mm_gpio_in_init(dev, NULL, device_input, NULL, 8);

    assert_reply("set_irq_in testpic unnamed-gpio-in 3 1", "OK\n");
    g_assert_cmpint(delivered_level[3], ==, 1);   /* not intercepted yet */
    assert_reply("irq_intercept_in nosuchdevice", "FAIL Unknown device\n");
    assert_reply("irq_intercept_in testpic", "OK\n");
    assert_reply("irq_intercept_in /machine/unattached/testpic", "OK\n");
    assert_reply("set_irq_in testpic unnamed-gpio-in 4 1", "IRQ raise 4\nOK\n");
    assert_reply("set_irq_in testpic unnamed-gpio-in 4 1", "OK\n");   /* no change */
    assert_reply("set_irq_in testpic unnamed-gpio-in 4 0", "IRQ lower 4\nOK\n");
    g_assert_cmpint(delivered_level[4], ==, 0);   /* the device no longer sees it */
    assert_reply("set_irq_in testpic unnamed-gpio-in 99 1", "FAIL Unknown IRQ line\n");
    assert_reply("set_irq_in testpic other-name 0 1", "FAIL Unknown IRQ line\n");
}

/* Random lines built from the command vocabulary and hostile arguments:
 * every line must get exactly one final reply and nothing may crash. */
static void test_random_input_never_crashes(void)
{
    static const char *const words[] = {
        "outb", "outw", "outl", "inb", "inw", "inl", "writeb", "writeq", "readb", "readq",
        "read", "write", "b64read", "b64write", "memset", "endianness", "clock_step",
        "clock_set", "irq_intercept_in", "irq_intercept_out", "set_irq_in", "module_load",
        "0", "0x3f8", "0xffffffffffffffff", "-1", "18446744073709551616", "0x", "0xzz",
        "====", "testpic", "unnamed-gpio-in", "", "4", "0x100", "99999999", "AQID",
    };
    GRand *rng = g_rand_new_with_seed(12345);
    for (int i = 0; i < 20000; i++) {
        GString *line = g_string_new(words[g_rand_int_range(rng, 0, 22)]);
        int nargs = g_rand_int_range(rng, 0, 6);
        for (int a = 0; a < nargs; a++) {
            g_string_append_c(line, ' ');
            g_string_append(line, words[g_rand_int_range(rng, 0, G_N_ELEMENTS(words))]);
        }
        char *reply = run(line->str);
        /* Drop asynchronous IRQ lines; exactly one final line must remain. */
        char **lines = g_strsplit(reply, "\n", -1);
        int finals = 0;
        for (int l = 0; lines[l]; l++) {
            if (*lines[l] && !g_str_has_prefix(lines[l], "IRQ "))
                finals++;
        }
        if (finals != 1)
            g_error("'%s' gave %d replies: '%s'", line->str, finals, reply);
        g_strfreev(lines);
        g_free(reply);
        g_string_free(line, TRUE);
    }
    g_rand_free(rng);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    replies = g_string_new(NULL);
    mm_qtest_session_init(&session, NULL, capture, NULL);
    setup_machine();
    g_test_add_func("/qtest-session/memory", test_memory_commands);
    g_test_add_func("/qtest-session/ports", test_port_commands);
    g_test_add_func("/qtest-session/malformed", test_malformed_input);
    g_test_add_func("/qtest-session/clock", test_clock_commands);
    g_test_add_func("/qtest-session/irq", test_irq_interception);
    g_test_add_func("/qtest-session/random", test_random_input_never_crashes);
    return g_test_run();
}
