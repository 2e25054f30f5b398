/*
 * Interrupt routing of the pc board: PCI INTx through the swizzle and the
 * PIIX3 PIRQ registers onto ISA IRQs (seen at the IOAPIC inputs with
 * irq_intercept_in), the 8259 pair (initialisation, poll mode, EOI, ELCR
 * edge/level), the IOAPIC registers, and MSI / MSI-X messages written to
 * guest memory.
 */
#include <glib.h>

#include "libqtest.h"
#include "pci_cfg.h"

#define PIIX3 PCI_DEVFN(1, 0)
#define REG_INTX 0x08
#define REG_MSI 0x0c
#define REG_MSIX 0x10

/* Maps the test device's I/O BAR at `port` and enables I/O decoding. */
static void testdev_map_io(QTestState *s, int devfn, uint16_t port)
{
    pci_cfg_writel(s, devfn, 0x14, port);
    pci_cfg_writew(s, devfn, 4, pci_cfg_readw(s, devfn, 4) | 0x0001);
}

static void test_pirq_routing(void)
{
    /* Slot 4 INTA -> PIRQD (0x63), slot 5 INTA -> PIRQA (0x60). */
    QTestState *s = qtest_start("-M pc -nodefaults -device pci-testdev,addr=4 "
                                "-device pci-testdev,addr=5");
    qtest_irq_intercept_in(s, "ioapic");
    int dev4 = PCI_DEVFN(4, 0), dev5 = PCI_DEVFN(5, 0);
    testdev_map_io(s, dev4, 0xc000);
    testdev_map_io(s, dev5, 0xc100);
    g_assert_cmphex(pci_cfg_readl(s, PIIX3, 0x60), ==, 0x80808080);
    g_assert_cmpint(pci_cfg_readb(s, dev4, 0x3d), ==, 1);

    qtest_outl(s, 0xc000 + REG_INTX, 1);
    g_assert_false(qtest_get_irq(s, 11));              /* PIRQD still disabled */
    g_assert_cmphex(pci_cfg_readw(s, dev4, 6) & 0x08, ==, 0x08);   /* status.INTx */
    pci_cfg_writeb(s, PIIX3, 0x63, 11);
    g_assert_true(qtest_get_irq(s, 11));
    pci_cfg_writeb(s, PIIX3, 0x63, 10);                /* re-route while asserted */
    g_assert_false(qtest_get_irq(s, 11));
    g_assert_true(qtest_get_irq(s, 10));

    /* INTx disable in the command register masks the pin, not the status. */
    pci_cfg_writew(s, dev4, 4, 0x0401);
    g_assert_false(qtest_get_irq(s, 10));
    g_assert_cmphex(pci_cfg_readw(s, dev4, 6) & 0x08, ==, 0x08);
    pci_cfg_writew(s, dev4, 4, 0x0001);
    g_assert_true(qtest_get_irq(s, 10));

    /* Two devices sharing IRQ 10 through different PIRQs. */
    pci_cfg_writeb(s, PIIX3, 0x60, 10);
    qtest_outl(s, 0xc100 + REG_INTX, 1);
    qtest_outl(s, 0xc000 + REG_INTX, 0);
    g_assert_true(qtest_get_irq(s, 10));
    qtest_outl(s, 0xc100 + REG_INTX, 0);
    g_assert_false(qtest_get_irq(s, 10));
    g_assert_cmphex(pci_cfg_readw(s, dev4, 6) & 0x08, ==, 0);
    qtest_quit(s);
}

static void test_swizzle(void)
{
    /* Slots 2, 3 INTA -> PIRQB, PIRQC. */
    QTestState *s = qtest_start("-M pc -nodefaults -device pci-testdev,addr=2 "
                                "-device pci-testdev,addr=3");
    qtest_irq_intercept_in(s, "ioapic");
    testdev_map_io(s, PCI_DEVFN(2, 0), 0xc000);
    testdev_map_io(s, PCI_DEVFN(3, 0), 0xc100);
    pci_cfg_writel(s, PIIX3, 0x60, 0x80050b80);   /* A off, B -> 11, C -> 5, D off */
    qtest_outl(s, 0xc000 + REG_INTX, 1);
    g_assert_true(qtest_get_irq(s, 11));
    g_assert_false(qtest_get_irq(s, 5));
    qtest_outl(s, 0xc100 + REG_INTX, 1);
    g_assert_true(qtest_get_irq(s, 5));
    qtest_quit(s);
}

static void pic_init(QTestState *s)
{
    qtest_outb(s, 0x20, 0x11);   /* ICW1: edge, cascade, ICW4 */
    qtest_outb(s, 0x21, 0x20);   /* ICW2: vector base 0x20 */
    qtest_outb(s, 0x21, 0x04);   /* ICW3: slave on IRQ2 */
    qtest_outb(s, 0x21, 0x01);   /* ICW4: 8086 mode */
    qtest_outb(s, 0xa0, 0x11);
    qtest_outb(s, 0xa1, 0x28);
    qtest_outb(s, 0xa1, 0x02);
    qtest_outb(s, 0xa1, 0x01);
    qtest_outb(s, 0x21, 0x00);   /* unmask all */
    qtest_outb(s, 0xa1, 0x00);
}

static uint8_t pic_poll(QTestState *s, uint16_t port)
{
    qtest_outb(s, port, 0x0c);   /* OCW3: poll */
    return qtest_inb(s, port);
}

static void test_pic(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults");
    pic_init(s);
    g_assert_cmphex(qtest_inb(s, 0x21), ==, 0x00);
    qtest_outb(s, 0x21, 0xb8);
    g_assert_cmphex(qtest_inb(s, 0x21), ==, 0xb8);   /* IMR reads back */
    qtest_outb(s, 0x21, 0x00);

    /* An edge on IRQ3: IRR, then poll acknowledges it into ISR. */
    qtest_set_irq_in(s, "pic", "unnamed-gpio-in", 3, 1);
    qtest_outb(s, 0x20, 0x0a);   /* OCW3: read IRR */
    g_assert_cmphex(qtest_inb(s, 0x20) & 0x08, ==, 0x08);
    g_assert_cmphex(pic_poll(s, 0x20), ==, 0x83);
    qtest_outb(s, 0x20, 0x0b);   /* OCW3: read ISR */
    g_assert_cmphex(qtest_inb(s, 0x20), ==, 0x08);
    qtest_outb(s, 0x20, 0x20);   /* non-specific EOI */
    g_assert_cmphex(qtest_inb(s, 0x20), ==, 0x00);
    /* Edge-triggered: a line that stays high does not request again. */
    g_assert_cmphex(pic_poll(s, 0x20), ==, 0x00);
    qtest_set_irq_in(s, "pic", "unnamed-gpio-in", 3, 0);

    /* Level-triggered through the ELCR: requests while the line is high. */
    qtest_outb(s, 0x4d0, 0xff);
    g_assert_cmphex(qtest_inb(s, 0x4d0), ==, 0xf8);
    qtest_outb(s, 0x4d1, 0xff);
    g_assert_cmphex(qtest_inb(s, 0x4d1), ==, 0xde);
    qtest_set_irq_in(s, "pic", "unnamed-gpio-in", 3, 1);
    g_assert_cmphex(pic_poll(s, 0x20), ==, 0x83);
    qtest_outb(s, 0x20, 0x63);   /* specific EOI for IRQ3 */
    g_assert_cmphex(pic_poll(s, 0x20), ==, 0x83);
    qtest_outb(s, 0x20, 0x63);
    qtest_set_irq_in(s, "pic", "unnamed-gpio-in", 3, 0);
    g_assert_cmphex(pic_poll(s, 0x20), ==, 0x00);

    /* Slave IRQ 12 (edge) arrives on the master's cascade input. */
    qtest_outb(s, 0x4d1, 0x00);
    qtest_set_irq_in(s, "pic", "unnamed-gpio-in", 12, 1);
    g_assert_cmphex(pic_poll(s, 0x20), ==, 0x82);
    g_assert_cmphex(pic_poll(s, 0xa0), ==, 0x84);
    /* Masked on the slave: nothing new reaches the master. */
    qtest_outb(s, 0xa0, 0x20);
    qtest_outb(s, 0x20, 0x20);
    qtest_outb(s, 0xa1, 0x10);
    qtest_set_irq_in(s, "pic", "unnamed-gpio-in", 12, 0);
    qtest_set_irq_in(s, "pic", "unnamed-gpio-in", 12, 1);
    g_assert_cmphex(pic_poll(s, 0x20), ==, 0x00);
    qtest_quit(s);
}

static uint32_t ioapic_read(QTestState *s, uint8_t index)
{
    qtest_writel(s, 0xfec00000, index);
    return qtest_readl(s, 0xfec00010);
}

static void ioapic_write(QTestState *s, uint8_t index, uint32_t value)
{
    qtest_writel(s, 0xfec00000, index);
    qtest_writel(s, 0xfec00010, value);
}

static void test_ioapic_registers(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults");
    g_assert_cmphex(ioapic_read(s, 0x00), ==, 0x00000000);   /* ID 0 */
    g_assert_cmphex(ioapic_read(s, 0x01), ==, 0x00170020);   /* 24 pins, version 0x20 */
    for (int pin = 0; pin < 24; pin++)
        g_assert_cmphex(ioapic_read(s, 0x10 + 2 * pin), ==, 0x00010000);   /* masked */
    ioapic_write(s, 0x10 + 2 * 9, 0x0000a031);   /* level, vector 0x31, unmasked */
    ioapic_write(s, 0x11 + 2 * 9, 0x01000000);
    g_assert_cmphex(ioapic_read(s, 0x10 + 2 * 9), ==, 0x0000a031);
    g_assert_cmphex(ioapic_read(s, 0x11 + 2 * 9), ==, 0x01000000);
    /* Remote IRR and delivery status are read-only. */
    ioapic_write(s, 0x10 + 2 * 10, 0x00017031);
    g_assert_cmphex(ioapic_read(s, 0x10 + 2 * 10), ==, 0x00012031);
    ioapic_write(s, 0x00, 0x05000000);
    g_assert_cmphex(ioapic_read(s, 0x00), ==, 0x05000000);
    qtest_quit(s);
}

static uint8_t find_cap(QTestState *s, int devfn, uint8_t id)
{
    uint8_t off = pci_cfg_readb(s, devfn, 0x34);
    while (off) {
        if (pci_cfg_readb(s, devfn, off) == id)
            return off;
        off = pci_cfg_readb(s, devfn, off + 1);
    }
    return 0;
}

static void test_msi(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -device pci-testdev,addr=4");
    qtest_irq_intercept_in(s, "ioapic");
    int dev = PCI_DEVFN(4, 0);
    testdev_map_io(s, dev, 0xc000);
    pci_cfg_writew(s, dev, 4, 0x0005);   /* I/O + bus master */
    pci_cfg_writeb(s, PIIX3, 0x63, 11);
    uint8_t cap = find_cap(s, dev, 0x05);
    g_assert_cmpint(cap, !=, 0);
    /* 64-bit, per-vector mask, 4 vectors capable. */
    g_assert_cmphex(pci_cfg_readw(s, dev, cap + 2), ==, 0x0184);
    pci_cfg_writel(s, dev, cap + 4, 0x9000);
    pci_cfg_writel(s, dev, cap + 8, 0);
    pci_cfg_writew(s, dev, cap + 12, 0x1230);
    pci_cfg_writew(s, dev, cap + 2, 0x0021);   /* enable, 4 vectors */
    qtest_outl(s, 0xc000 + REG_MSI, 3);
    g_assert_cmphex(qtest_readl(s, 0x9000), ==, 0x1233);
    /* Masked vector: pending, delivered when unmasked. */
    qtest_writel(s, 0x9000, 0);
    pci_cfg_writel(s, dev, cap + 16, 0x2);
    qtest_outl(s, 0xc000 + REG_MSI, 1);
    g_assert_cmphex(qtest_readl(s, 0x9000), ==, 0);
    g_assert_cmphex(pci_cfg_readl(s, dev, cap + 20), ==, 0x2);
    pci_cfg_writel(s, dev, cap + 16, 0);
    g_assert_cmphex(qtest_readl(s, 0x9000), ==, 0x1231);
    g_assert_cmphex(pci_cfg_readl(s, dev, cap + 20), ==, 0);
    /* MSI enabled: INTx does not reach the PIRQ. */
    qtest_outl(s, 0xc000 + REG_INTX, 1);
    g_assert_false(qtest_get_irq(s, 11));
    pci_cfg_writew(s, dev, cap + 2, 0x0000);
    g_assert_true(qtest_get_irq(s, 11));
    qtest_quit(s);
}

static void test_msix(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -device pci-testdev,addr=4");
    int dev = PCI_DEVFN(4, 0);
    testdev_map_io(s, dev, 0xc000);
    pci_cfg_writel(s, dev, 0x18, 0xe0200000);
    pci_cfg_writel(s, dev, 0x1c, 0);
    pci_cfg_writew(s, dev, 4, 0x0007);
    uint8_t cap = find_cap(s, dev, 0x11);
    g_assert_cmpint(cap, !=, 0);
    g_assert_cmphex(pci_cfg_readw(s, dev, cap + 2), ==, 3);          /* 4 entries */
    g_assert_cmphex(pci_cfg_readl(s, dev, cap + 4), ==, 0x2);        /* table: BAR2+0 */
    g_assert_cmphex(pci_cfg_readl(s, dev, cap + 8), ==, 0x2002);     /* PBA: BAR2+0x2000 */
    const uint64_t table = 0xe0200000, pba = 0xe0202000;
    qtest_writel(s, table + 16 * 2 + 0, 0xa000);
    qtest_writel(s, table + 16 * 2 + 4, 0);
    qtest_writel(s, table + 16 * 2 + 8, 0x77);
    pci_cfg_writew(s, dev, cap + 2, 0x8000);   /* enable */
    qtest_outl(s, 0xc000 + REG_MSIX, 2);       /* entry still masked */
    g_assert_cmphex(qtest_readl(s, 0xa000), ==, 0);
    g_assert_cmphex(qtest_readl(s, pba), ==, 0x4);
    qtest_writel(s, table + 16 * 2 + 12, 0);   /* unmask: pending message goes out */
    g_assert_cmphex(qtest_readl(s, 0xa000), ==, 0x77);
    g_assert_cmphex(qtest_readl(s, pba), ==, 0);
    /* Function mask holds messages too. */
    qtest_writel(s, 0xa000, 0);
    pci_cfg_writew(s, dev, cap + 2, 0xc000);
    qtest_outl(s, 0xc000 + REG_MSIX, 2);
    g_assert_cmphex(qtest_readl(s, 0xa000), ==, 0);
    pci_cfg_writew(s, dev, cap + 2, 0x8000);
    g_assert_cmphex(qtest_readl(s, 0xa000), ==, 0x77);
    /* Accesses past the table are harmless and read like a hole. */
    qtest_writel(s, table + 16 * 4, 0xdead);
    g_assert_cmphex(qtest_readl(s, table + 16 * 4), ==, qtest_readl(s, 0xe8000000));
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/board/irq/pirq-routing", test_pirq_routing);
    g_test_add_func("/board/irq/swizzle", test_swizzle);
    g_test_add_func("/board/irq/pic", test_pic);
    g_test_add_func("/board/irq/ioapic-registers", test_ioapic_registers);
    g_test_add_func("/board/irq/msi", test_msi);
    g_test_add_func("/board/irq/msix", test_msix);
    return g_test_run();
}
