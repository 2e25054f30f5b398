/*
 * Unit tests of board pieces through the core's C API: the E820 builder
 * over a RAM layout with memory above 4 GiB, and GPIO input arrays with
 * qtest-style interception.
 */
#include <glib.h>
#include <modemu/irq.h>
#include <modemu/memory.h>

#include "irq/irq_intercept.h"
#include "machine/pc/e820.h"
#include "memory/guest_ram.h"

#define MIB (1024ull * 1024)
#define GIB (1024 * MIB)

static void test_e820(void)
{
    /* 4.5 GiB: 3 GiB below 4 GiB, 1.5 GiB from 4 GiB (QEMU's split). */
    g_assert_true(mm_guest_ram_init(4 * GIB + 512 * MIB, 0, NULL));
    mm_e820_entry e[8];
    size_t n = mm_e820_build(MM_E820_FOR_FIRMWARE, e, 8);
    g_assert_cmpuint(n, ==, 2);
    g_assert_cmphex(e[0].addr, ==, 0);
    g_assert_cmphex(e[0].size, ==, 3 * GIB);
    g_assert_cmphex(e[1].addr, ==, 4 * GIB);
    g_assert_cmphex(e[1].size, ==, 1536 * MIB);
    g_assert_cmpuint(e[1].type, ==, MM_E820_RAM);

    n = mm_e820_build(MM_E820_FOR_KERNEL, e, 8);
    g_assert_cmpuint(n, ==, 5);
    g_assert_cmphex(e[0].size, ==, 0x9fc00);
    g_assert_cmpuint(e[1].type, ==, MM_E820_RESERVED);
    g_assert_cmphex(e[1].addr, ==, 0x9fc00);
    g_assert_cmphex(e[2].addr, ==, 0xf0000);
    g_assert_cmphex(e[3].addr, ==, 1 * MIB);
    g_assert_cmphex(e[3].addr + e[3].size, ==, 3 * GIB);
    /* A short table is filled as far as it goes. */
    g_assert_cmpuint(mm_e820_build(MM_E820_FOR_KERNEL, e, 2), ==, 2);

    uint8_t packed[40];
    mm_e820_pack(e, 2, packed);
    g_assert_cmphex(packed[20 + 1], ==, 0xfc);   /* addr 0x9fc00, little-endian */
    g_assert_cmphex(packed[20 + 2], ==, 0x09);
    g_assert_cmphex(packed[20 + 16], ==, MM_E820_RESERVED);
}

typedef struct seen { int n, level, calls; } seen;

static void line_handler(void *opaque, int n, int level)
{
    seen *s = opaque;
    s->n = n;
    s->level = level;
    s->calls++;
}

static void intercept_handler(void *opaque, int n, int level)
{
    line_handler(opaque, n + 100, level);
}

static void test_gpio_and_intercept(void)
{
    mm_object owner = { 0 };
    seen dev = { 0 }, qtest = { 0 };
    g_assert_false(mm_gpio_has_inputs(&owner));
    mm_gpio_in_init(&owner, NULL, line_handler, &dev, 4);
    mm_gpio_in_init(&owner, "extra", line_handler, &dev, 2);
    g_assert_true(mm_gpio_has_inputs(&owner));
    g_assert_null(mm_gpio_in_get(&owner, NULL, 4));
    g_assert_null(mm_gpio_in_get(&owner, "nope", 0));
    mm_irq_set(mm_gpio_in_get(&owner, NULL, 3), 1);
    g_assert_cmpint(dev.n, ==, 3);
    g_assert_cmpint(dev.level, ==, 1);
    mm_irq_set(NULL, 1);                       /* unconnected output: ignored */
    /* Intercepted: the device no longer sees its inputs, qtest does. */
    g_assert_true(mm_gpio_intercept_in(&owner, intercept_handler, &qtest));
    mm_irq_pulse(mm_gpio_in_get(&owner, MM_GPIO_UNNAMED_IN, 2));
    g_assert_cmpint(dev.calls, ==, 1);
    g_assert_cmpint(qtest.calls, ==, 2);
    g_assert_cmpint(qtest.n, ==, 102);
    g_assert_cmpint(qtest.level, ==, 0);
    mm_gpio_in_free_all(&owner);
    g_assert_false(mm_gpio_has_inputs(&owner));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/board/units/e820", test_e820);
    g_test_add_func("/board/units/gpio-intercept", test_gpio_and_intercept);
    return g_test_run();
}
