/*
 * Timers of the pc board against the virtual clock (which moves only by
 * qtest clock_step): the 8254 PIT (mode 2 IRQ0 rate, counter latch,
 * read-back status, channel 2 via port 0x61), the MC146818 RTC (-rtc base=
 * read back in BCD/binary/12h, update-ended, periodic and alarm interrupts
 * on IRQ 8, register C clearing) and the ACPI PM timer frequency.
 */
#include <string.h>
#include <glib.h>

#include "cmos_io.h"
#include "libqtest.h"
#include "pci_cfg.h"

#define NS_PER_MS 1000000ll
#define NS_PER_SEC 1000000000ll
#define PIT_FREQ 1193182ll
#define PM_TMR_FREQ 3579545ll

/* Counts rising edges of an intercepted IRQ over `span_ns`, stepping the
 * clock one timer deadline at a time so no transition is missed. */
static int count_rising_edges(QTestState *s, int irq, int64_t span_ns)
{
    int64_t end = qtest_clock_step(s, 0) + span_ns;
    bool level = qtest_get_irq(s, irq);
    int edges = 0;
    while (qtest_clock_step(s, 0) < end) {
        int64_t now = qtest_clock_step(s, 0);
        int64_t next = qtest_clock_step_next(s);
        if (next > end || next == now)
            qtest_clock_set(s, end);
        bool l = qtest_get_irq(s, irq);
        if (l && !level)
            edges++;
        level = l;
    }
    return edges;
}

static void test_pit_mode2_rate(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults");
    qtest_irq_intercept_in(s, "ioapic");
    const int count = 1193;                      /* ~1000 Hz */
    qtest_outb(s, 0x43, 0x34);                   /* ch0, lo/hi, mode 2, binary */
    qtest_outb(s, 0x40, count & 0xff);
    qtest_outb(s, 0x40, count >> 8);
    int edges = count_rising_edges(s, 0, 100 * NS_PER_MS);
    int expected = (int)(100 * NS_PER_MS * PIT_FREQ / NS_PER_SEC / count);
    g_assert_cmpint(edges, >=, expected - 1);
    g_assert_cmpint(edges, <=, expected + 1);
    /* Reprogrammed 10x faster, the rate follows. */
    qtest_outb(s, 0x43, 0x34);
    qtest_outb(s, 0x40, 119);
    qtest_outb(s, 0x40, 0);
    edges = count_rising_edges(s, 0, 10 * NS_PER_MS);
    expected = (int)(10 * NS_PER_MS * PIT_FREQ / NS_PER_SEC / 119);
    g_assert_cmpint(edges, >=, expected - 1);
    g_assert_cmpint(edges, <=, expected + 1);
    qtest_quit(s);
}

static unsigned pit_read_counter(QTestState *s, uint16_t port)
{
    unsigned lo = qtest_inb(s, port);
    return lo | qtest_inb(s, port) << 8;
}

static void test_pit_latch_and_readback(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults");
    qtest_outb(s, 0x43, 0x34);
    qtest_outb(s, 0x40, 0x00);
    qtest_outb(s, 0x40, 0x10);                   /* 4096 */
    qtest_clock_step(s, 100000);                 /* 119 ticks */
    qtest_outb(s, 0x43, 0x00);                   /* latch channel 0 */
    qtest_clock_step(s, 1000000);                /* the latch holds still */
    unsigned latched = pit_read_counter(s, 0x40);
    g_assert_cmpuint(latched, ==, 4096 - 119);
    unsigned live = pit_read_counter(s, 0x40);   /* 1.1 ms = 1312 ticks in */
    g_assert_cmpuint(live, ==, 4096 - 1312);
    /* Read-back of status only: OUT high, lo/hi access, mode 2, binary. */
    qtest_outb(s, 0x43, 0xe2);
    g_assert_cmphex(qtest_inb(s, 0x40), ==, 0xb4);
    /* Read-back of count and status: status first, then the count. */
    qtest_outb(s, 0x43, 0xc2);
    g_assert_cmphex(qtest_inb(s, 0x40) & 0x3f, ==, 0x34);
    g_assert_cmpuint(pit_read_counter(s, 0x40), ==, 4096 - 1312);

    /* Channel 2, gated by port 0x61 bit 0, OUT on bit 5: mode 0. */
    qtest_outb(s, 0x61, 0x01);
    qtest_outb(s, 0x43, 0xb0);                   /* ch2, lo/hi, mode 0 */
    qtest_outb(s, 0x42, 100);
    qtest_outb(s, 0x42, 0);
    g_assert_cmphex(qtest_inb(s, 0x61) & 0x21, ==, 0x01);
    qtest_clock_step(s, 100000);                 /* 119 ticks > 100 */
    g_assert_cmphex(qtest_inb(s, 0x61) & 0x21, ==, 0x21);
    qtest_quit(s);
}

static void test_rtc_base_and_formats(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -rtc base=2020-01-02T03:04:05,clock=vm");
    /* BCD, 24 h by default.  2020-01-02 was a Thursday (day 5). */
    g_assert_cmphex(cmos_read(s, 0x00), ==, 0x05);
    g_assert_cmphex(cmos_read(s, 0x02), ==, 0x04);
    g_assert_cmphex(cmos_read(s, 0x04), ==, 0x03);
    g_assert_cmphex(cmos_read(s, 0x06), ==, 0x05);
    g_assert_cmphex(cmos_read(s, 0x07), ==, 0x02);
    g_assert_cmphex(cmos_read(s, 0x08), ==, 0x01);
    g_assert_cmphex(cmos_read(s, 0x09), ==, 0x20);
    g_assert_cmphex(cmos_read(s, 0x32), ==, 0x20);
    g_assert_cmphex(cmos_read(s, 0x0a), ==, 0x26);
    g_assert_cmphex(cmos_read(s, 0x0b), ==, 0x02);
    g_assert_cmphex(cmos_read(s, 0x0d), ==, 0x80);
    /* The index's NMI bit is ignored. */
    qtest_outb(s, 0x70, 0x80 | 0x02);
    g_assert_cmphex(qtest_inb(s, 0x71), ==, 0x04);
    /* Time runs with the virtual clock. */
    qtest_clock_step(s, 2 * NS_PER_SEC);
    g_assert_cmphex(cmos_read(s, 0x00), ==, 0x07);
    /* Binary mode. */
    cmos_write(s, 0x0b, 0x06);
    g_assert_cmpuint(cmos_read(s, 0x00), ==, 7);
    g_assert_cmpuint(cmos_read(s, 0x09), ==, 20);
    /* Setting the time under SET, then 12-hour mode: 15:59:58 -> 3 PM. */
    cmos_write(s, 0x0b, 0x86);
    cmos_write(s, 0x04, 15);
    cmos_write(s, 0x02, 59);
    cmos_write(s, 0x00, 58);
    qtest_clock_step(s, 5 * NS_PER_SEC);          /* frozen while SET */
    g_assert_cmpuint(cmos_read(s, 0x00), ==, 58);
    cmos_write(s, 0x0b, 0x06);
    qtest_clock_step(s, 3 * NS_PER_SEC);          /* 16:00:01 */
    g_assert_cmpuint(cmos_read(s, 0x04), ==, 16);
    g_assert_cmpuint(cmos_read(s, 0x00), ==, 1);
    cmos_write(s, 0x0b, 0x04);
    g_assert_cmphex(cmos_read(s, 0x04), ==, 0x84);
    qtest_quit(s);
}

static void test_rtc_interrupts(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -rtc base=2020-01-02T03:04:05,clock=vm");
    qtest_irq_intercept_in(s, "ioapic");
    cmos_read(s, 0x0c);
    /* Update-ended interrupt once per second. */
    cmos_write(s, 0x0b, 0x12);
    g_assert_false(qtest_get_irq(s, 8));
    qtest_clock_step(s, NS_PER_SEC);
    g_assert_true(qtest_get_irq(s, 8));
    g_assert_cmphex(cmos_read(s, 0x0c), ==, 0x90);
    g_assert_false(qtest_get_irq(s, 8));           /* reading C lowers IRQ 8 */
    g_assert_cmphex(cmos_read(s, 0x0c), ==, 0x00);

    /* Periodic interrupt at rate 6 (1024 Hz): count flags over 250 ms. */
    cmos_write(s, 0x0b, 0x42);
    int ticks = 0;
    int64_t end = qtest_clock_step(s, 0) + 250 * NS_PER_MS;
    while (qtest_clock_step(s, 0) < end) {
        int64_t next = qtest_clock_step_next(s);
        if (next > end)
            qtest_clock_set(s, end);
        if (qtest_get_irq(s, 8) && (cmos_read(s, 0x0c) & 0xc0) == 0xc0)
            ticks++;
    }
    g_assert_cmpint(ticks, >=, 255);
    g_assert_cmpint(ticks, <=, 257);

    /* Alarm two seconds ahead (binary mode, 24 h). */
    cmos_write(s, 0x0b, 0x06);
    unsigned sec = cmos_read(s, 0x00);
    cmos_write(s, 0x01, (sec + 2) % 60);
    cmos_write(s, 0x03, 0xff);                    /* don't care */
    cmos_write(s, 0x05, 0xff);
    cmos_read(s, 0x0c);
    cmos_write(s, 0x0b, 0x26);                    /* AIE */
    qtest_clock_step(s, NS_PER_SEC);
    g_assert_false(qtest_get_irq(s, 8));
    qtest_clock_step(s, NS_PER_SEC);
    g_assert_true(qtest_get_irq(s, 8));
    g_assert_cmphex(cmos_read(s, 0x0c) & 0xa0, ==, 0xa0);
    qtest_quit(s);
}

static void test_rtc_bad_base_refused(void)
{
    qtest_expect_refusal("-M pc -rtc base=2020-02-30X", "datetime");
    /* Far dates overflowed nanosecond arithmetic before they were refused. */
    qtest_expect_refusal("-M pc -rtc base=9999-12-31T23:59:59", "date out of range");
}

static void test_pm_timer(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults");
    int pm = PCI_DEVFN(1, 3);
    g_assert_cmphex(pci_cfg_readl(s, pm, 0x40), ==, 0x00000001);
    g_assert_cmphex(pci_cfg_readb(s, pm, 0x5b), ==, 0x02);
    pci_cfg_writel(s, pm, 0x40, 0x601);
    pci_cfg_writeb(s, pm, 0x80, 0x01);
    g_assert_cmphex(pci_cfg_readl(s, pm, 0x40), ==, 0x00000601);
    uint32_t t0 = qtest_inl(s, 0x608);
    qtest_clock_step(s, NS_PER_SEC);
    uint32_t t1 = qtest_inl(s, 0x608);
    g_assert_cmpuint((t1 - t0) & 0xffffff, >=, PM_TMR_FREQ - 1);
    g_assert_cmpuint((t1 - t0) & 0xffffff, <=, PM_TMR_FREQ + 1);
    g_assert_cmpuint(t1 >> 24, ==, 0);            /* 24-bit counter */
    /* SCI_EN is set at reset (no SMM); APM 0xF0/0xF1 toggle it. */
    g_assert_cmphex(qtest_inw(s, 0x604) & 1, ==, 1);
    qtest_outb(s, 0xb2, 0xf0);
    g_assert_cmphex(qtest_inw(s, 0x604) & 1, ==, 0);
    qtest_outb(s, 0xb2, 0xf1);
    g_assert_cmphex(qtest_inw(s, 0x604) & 1, ==, 1);
    /* TMR_STS after the counter's bit 23 toggled (2.34 s), SCI with TMR_EN. */
    qtest_irq_intercept_in(s, "ioapic");
    qtest_outw(s, 0x600, 0xffff);
    qtest_outw(s, 0x602, 0x0001);
    qtest_clock_step(s, 3 * NS_PER_SEC);
    g_assert_cmphex(qtest_inw(s, 0x600) & 1, ==, 1);
    g_assert_true(qtest_get_irq(s, 9));
    qtest_outw(s, 0x600, 0x0001);
    g_assert_false(qtest_get_irq(s, 9));
    /* Disabling the I/O space unmaps the block. */
    pci_cfg_writeb(s, pm, 0x80, 0x00);
    g_assert_cmphex(qtest_inl(s, 0x608), ==, 0xffffffff);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/board/timers/pit-mode2-rate", test_pit_mode2_rate);
    g_test_add_func("/board/timers/pit-latch-readback", test_pit_latch_and_readback);
    g_test_add_func("/board/timers/rtc-base-formats", test_rtc_base_and_formats);
    g_test_add_func("/board/timers/rtc-interrupts", test_rtc_interrupts);
    g_test_add_func("/board/timers/rtc-bad-base", test_rtc_bad_base_refused);
    g_test_add_func("/board/timers/pm-timer", test_pm_timer);
    return g_test_run();
}
