/*
 * The HPET at 0xFED00000: capabilities, the 100 MHz main counter against
 * the virtual clock, one-shot and periodic comparators with level
 * interrupts, legacy replacement routing (timer 0 on IRQ0, timer 1 on IRQ8,
 * PIT and RTC interrupts silenced), and the fw_cfg HPET item.
 */
#include <glib.h>

#include "libqtest.h"

#define HPET 0xfed00000ull
#define CAP 0x000
#define CFG 0x010
#define ISR 0x020
#define COUNTER 0x0f0
#define TN_CFG(n) (0x100 + 0x20 * (n))
#define TN_CMP(n) (0x108 + 0x20 * (n))
#define TN_LEVEL 0x002
#define TN_ENABLE 0x004
#define TN_PERIODIC 0x008
#define TN_SETVAL 0x040
#define ROUTE(irq) ((irq) << 9)

static void test_capabilities_and_counter(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults");
    g_assert_cmphex(qtest_readl(s, HPET + CAP), ==, 0x8086a201);
    g_assert_cmphex(qtest_readl(s, HPET + CAP + 4), ==, 10000000);   /* fs per tick */
    /* Timers: periodic and 64-bit capable, routable to IRQ 2. */
    g_assert_cmphex(qtest_readq(s, HPET + TN_CFG(0)), ==, 0x0000000400000030ull);
    g_assert_cmphex(qtest_readq(s, HPET + TN_CMP(2)), ==, UINT64_MAX);
    /* Stopped counter is writable and holds still. */
    qtest_writel(s, HPET + COUNTER, 1000);
    qtest_clock_step(s, 1000000);
    g_assert_cmpuint(qtest_readq(s, HPET + COUNTER), ==, 1000);
    qtest_writel(s, HPET + CFG, 1);
    qtest_clock_step(s, 1000000);                   /* 1 ms = 100000 ticks */
    g_assert_cmpuint(qtest_readq(s, HPET + COUNTER), ==, 101000);
    qtest_writel(s, HPET + CFG, 0);
    qtest_clock_step(s, 1000000);
    g_assert_cmpuint(qtest_readl(s, HPET + COUNTER), ==, 101000);
    qtest_quit(s);
}

static void test_oneshot_level(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults");
    qtest_irq_intercept_in(s, "ioapic");
    qtest_writeq(s, HPET + TN_CFG(0), ROUTE(2) | TN_LEVEL | TN_ENABLE);
    qtest_writeq(s, HPET + TN_CMP(0), 5000);        /* 50 us after enabling */
    qtest_writel(s, HPET + CFG, 1);
    qtest_clock_step(s, 49000);
    g_assert_false(qtest_get_irq(s, 2));
    qtest_clock_step(s, 1000);
    g_assert_true(qtest_get_irq(s, 2));
    g_assert_cmphex(qtest_readl(s, HPET + ISR), ==, 1);
    qtest_writel(s, HPET + ISR, 1);                 /* write 1 to clear */
    g_assert_false(qtest_get_irq(s, 2));
    qtest_clock_step(s, 1000000);                   /* one-shot: no repeat */
    g_assert_false(qtest_get_irq(s, 2));
    qtest_quit(s);
}

static void test_legacy_periodic(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -rtc clock=vm");
    qtest_irq_intercept_in(s, "ioapic");
    /* A fast PIT whose IRQ0 the HPET's legacy routing must silence. */
    qtest_outb(s, 0x43, 0x34);
    qtest_outb(s, 0x40, 100);
    qtest_outb(s, 0x40, 0);
    qtest_writel(s, HPET + CFG, 0x3);               /* enable + legacy */
    qtest_writeq(s, HPET + TN_CFG(0), TN_LEVEL | TN_ENABLE | TN_PERIODIC | TN_SETVAL);
    uint64_t now = qtest_readq(s, HPET + COUNTER);
    qtest_writeq(s, HPET + TN_CMP(0), now + 100000);   /* comparator */
    qtest_writeq(s, HPET + TN_CMP(0), 100000);         /* period: 1 ms */
    int ticks = 0;
    int64_t end = qtest_clock_step(s, 0) + 10000000;  /* 10 ms */
    while (qtest_clock_step(s, 0) < end) {
        if (qtest_clock_step_next(s) > end)
            qtest_clock_set(s, end);
        if (qtest_get_irq(s, 0)) {
            ticks++;
            qtest_writel(s, HPET + ISR, 1);
            g_assert_false(qtest_get_irq(s, 0));
        }
    }
    g_assert_cmpint(ticks, ==, 10);
    /* Timer 1 owns IRQ 8: the RTC's update interrupt does not get through. */
    qtest_outb(s, 0x70, 0x0b);
    qtest_outb(s, 0x71, 0x12);
    qtest_clock_step(s, 1100000000);
    g_assert_false(qtest_get_irq(s, 8));
    /* Leaving legacy mode gives IRQ 8 back to the RTC (its flag is pending). */
    qtest_writel(s, HPET + CFG, 0x1);
    g_assert_true(qtest_get_irq(s, 8));
    qtest_quit(s);
}

static void test_fw_cfg_item(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults");
    qtest_outw(s, 0x510, 0x8004);
    uint8_t item[16];
    for (size_t i = 0; i < sizeof(item); i++)
        item[i] = qtest_inb(s, 0x511);
    g_assert_cmpuint(item[0], ==, 1);
    g_assert_cmphex(item[1] | item[2] << 8 | item[3] << 16 | (uint32_t)item[4] << 24, ==,
                    0x8086a201);
    g_assert_cmphex(item[5] | item[6] << 8 | item[7] << 16 | (uint32_t)item[8] << 24, ==,
                    0xfed00000);
    qtest_quit(s);
}

static void test_hpet_off(void)
{
    QTestState *s = qtest_start("-M pc,hpet=off -nodefaults");
    g_assert_cmphex(qtest_readl(s, HPET + CAP), ==, qtest_readl(s, 0xe8000000));
    qtest_outw(s, 0x510, 0x8004);
    g_assert_cmphex(qtest_inb(s, 0x511), ==, 0);   /* no fw_cfg HPET item */
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/board/hpet/capabilities-counter", test_capabilities_and_counter);
    g_test_add_func("/board/hpet/oneshot-level", test_oneshot_level);
    g_test_add_func("/board/hpet/legacy-periodic", test_legacy_periodic);
    g_test_add_func("/board/hpet/fw-cfg-item", test_fw_cfg_item);
    g_test_add_func("/board/hpet/off", test_hpet_off);
    return g_test_run();
}
