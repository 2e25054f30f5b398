/*
 * PCI on the pc board through configuration mechanism #1: enumeration of
 * bus 0, ids and header fields, addr= and multifunction rules, BAR sizing
 * and remapping with command-register gating, bus-master DMA gating.
 */
#include <string.h>
#include <unistd.h>
#include <glib.h>

#include "libqtest.h"
#include "pci_cfg.h"

#define TESTDEV_SLOT 4
#define TESTDEV PCI_DEVFN(TESTDEV_SLOT, 0)
#define TESTDEV_ID 0x54534554u

static void test_enumerate_bus0(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -device pci-testdev,addr=4");
    GString *found = g_string_new(NULL);
    for (int devfn = 0; devfn < 256; devfn++) {
        uint32_t id = pci_cfg_readl(s, devfn, 0);
        if (id != 0xffffffff)
            g_string_append_printf(found, "%02x.%x=%08x ", devfn >> 3, devfn & 7, id);
    }
    g_assert_cmpstr(found->str, ==,
                    "00.0=12378086 01.0=70008086 01.3=71138086 04.0=00051b36 ");
    g_string_free(found, TRUE);
    /* Class codes and revisions, header type, QEMU's subsystem id. */
    g_assert_cmphex(pci_cfg_readl(s, 0, 8), ==, 0x06000002);
    g_assert_cmphex(pci_cfg_readl(s, PCI_DEVFN(1, 0), 8), ==, 0x06010000);
    g_assert_cmphex(pci_cfg_readl(s, PCI_DEVFN(1, 3), 8), ==, 0x06800003);
    g_assert_cmphex(pci_cfg_readb(s, PCI_DEVFN(1, 0), 0x0e), ==, 0x80);
    g_assert_cmphex(pci_cfg_readb(s, 0, 0x0e), ==, 0x00);
    g_assert_cmphex(pci_cfg_readl(s, 0, 0x2c), ==, 0x11001af4);
    /* Word and byte lanes of the data window. */
    g_assert_cmphex(pci_cfg_readw(s, 0, 2), ==, 0x1237);
    g_assert_cmphex(pci_cfg_readb(s, 0, 1), ==, 0x80);
    /* Another bus, or the enable bit clear: all ones. */
    qtest_outl(s, 0xcf8, 0x80010000);
    g_assert_cmphex(qtest_inl(s, 0xcfc), ==, 0xffffffff);
    qtest_outl(s, 0xcf8, 0x00000000);
    g_assert_cmphex(qtest_inl(s, 0xcfc), ==, 0xffffffff);
    /* The latch reads back; byte writes to 0xCF8 do not load it. */
    qtest_outl(s, 0xcf8, 0x80000804);
    qtest_outb(s, 0xcf8, 0x00);
    g_assert_cmphex(qtest_inl(s, 0xcf8), ==, 0x80000804);
    qtest_quit(s);
}

static void test_acpi_off_removes_pm(void)
{
    QTestState *s = qtest_start("-M pc,acpi=off -nodefaults");
    g_assert_cmphex(pci_cfg_readl(s, PCI_DEVFN(1, 3), 0), ==, 0xffffffff);
    qtest_quit(s);
    s = qtest_start("-M pc -no-acpi -nodefaults");
    g_assert_cmphex(pci_cfg_readl(s, PCI_DEVFN(1, 3), 0), ==, 0xffffffff);
    g_assert_cmphex(qtest_inb(s, 0xb2), ==, 0xff);   /* no APM ports either */
    qtest_quit(s);
    /* The empty machine has no PCI bus at all. */
    s = qtest_start("-M none");
    g_assert_cmphex(pci_cfg_readl(s, 0, 0), ==, 0xffffffff);
    qtest_quit(s);
}

static void test_slot_allocation(void)
{
    /* Without addr= the first free slot (2) is taken, then 3. */
    QTestState *s = qtest_start("-M pc -nodefaults -device pci-testdev -device pci-testdev");
    g_assert_cmphex(pci_cfg_readl(s, PCI_DEVFN(2, 0), 0), ==, 0x00051b36);
    g_assert_cmphex(pci_cfg_readl(s, PCI_DEVFN(3, 0), 0), ==, 0x00051b36);
    qtest_quit(s);
    /* Function 2 of a multifunction slot. */
    s = qtest_start("-M pc -nodefaults -device pci-testdev,addr=5.0,multifunction=on "
                    "-device pci-testdev,addr=5.2");
    g_assert_cmphex(pci_cfg_readl(s, PCI_DEVFN(5, 2), 0), ==, 0x00051b36);
    g_assert_cmphex(pci_cfg_readb(s, PCI_DEVFN(5, 0), 0x0e), ==, 0x80);
    qtest_quit(s);
}

static void test_bad_addresses_refused(void)
{
    qtest_expect_refusal("-M pc -nodefaults -device pci-testdev,addr=1", "in use by PIIX3");
    qtest_expect_refusal("-M pc -nodefaults -device pci-testdev,addr=0x20", "addr");
    qtest_expect_refusal("-M pc -nodefaults -device pci-testdev,addr=6 "
                         "-device pci-testdev,addr=6.1", "single-function");
}

static void test_bar_sizing(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -device pci-testdev,addr=4");
    /* BAR0: 4 KiB 32-bit memory. */
    g_assert_cmphex(pci_cfg_readl(s, TESTDEV, 0x10), ==, 0x00000000);
    pci_cfg_writel(s, TESTDEV, 0x10, 0xffffffff);
    g_assert_cmphex(pci_cfg_readl(s, TESTDEV, 0x10), ==, 0xfffff000);
    /* BAR1: 256 bytes of I/O. */
    g_assert_cmphex(pci_cfg_readl(s, TESTDEV, 0x14), ==, 0x00000001);
    pci_cfg_writel(s, TESTDEV, 0x14, 0xffffffff);
    g_assert_cmphex(pci_cfg_readl(s, TESTDEV, 0x14), ==, 0xffffff01);
    /* BAR2/3: 16 KiB 64-bit prefetchable. */
    g_assert_cmphex(pci_cfg_readl(s, TESTDEV, 0x18), ==, 0x0000000c);
    pci_cfg_writel(s, TESTDEV, 0x18, 0xffffffff);
    pci_cfg_writel(s, TESTDEV, 0x1c, 0xffffffff);
    g_assert_cmphex(pci_cfg_readl(s, TESTDEV, 0x18), ==, 0xffffc00c);
    g_assert_cmphex(pci_cfg_readl(s, TESTDEV, 0x1c), ==, 0xffffffff);
    /* Unimplemented BARs stay zero. */
    pci_cfg_writel(s, TESTDEV, 0x24, 0xffffffff);
    g_assert_cmphex(pci_cfg_readl(s, TESTDEV, 0x24), ==, 0);
    /* The status register advertises the capability list (MSI, MSI-X). */
    g_assert_cmphex(pci_cfg_readw(s, TESTDEV, 6) & 0x10, ==, 0x10);
    qtest_quit(s);
}

static void test_bar_remapping(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -device pci-testdev,addr=4");
    pci_cfg_writel(s, TESTDEV, 0x10, 0xe0000000);
    pci_cfg_writel(s, TESTDEV, 0x14, 0xc000);
    /* Decoding off: nothing answers yet. */
    g_assert_cmphex(qtest_readl(s, 0xe0000000), !=, TESTDEV_ID);
    g_assert_cmphex(qtest_inl(s, 0xc000), ==, 0xffffffff);
    pci_cfg_writew(s, TESTDEV, 4, 0x0003);
    g_assert_cmphex(qtest_readl(s, 0xe0000000), ==, TESTDEV_ID);
    g_assert_cmphex(qtest_inl(s, 0xc000), ==, TESTDEV_ID);
    qtest_writel(s, 0xe0000004, 0x12345678);
    g_assert_cmphex(qtest_inl(s, 0xc004), ==, 0x12345678);
    /* Move both BARs: the new addresses hit the device, the old ones not. */
    pci_cfg_writel(s, TESTDEV, 0x10, 0xe0100000);
    pci_cfg_writel(s, TESTDEV, 0x14, 0xc100);
    g_assert_cmphex(qtest_readl(s, 0xe0100000), ==, TESTDEV_ID);
    /* The old address is unassigned now: it reads like any hole does. */
    uint32_t hole = qtest_readl(s, 0xe8000000);
    g_assert_cmphex(qtest_readl(s, 0xe0000000), ==, hole);
    g_assert_cmphex(qtest_inl(s, 0xc100), ==, TESTDEV_ID);
    g_assert_cmphex(qtest_inl(s, 0xc000), ==, 0xffffffff);
    /* 64-bit BAR above 4 GiB: the MSI-X table answers there. */
    pci_cfg_writel(s, TESTDEV, 0x18, 0x00000000);
    pci_cfg_writel(s, TESTDEV, 0x1c, 0x00000010);
    g_assert_cmphex(qtest_readl(s, 0x100000000c), ==, 1);   /* entry 0 masked */
    /* Memory decoding off unmaps the memory BARs only. */
    pci_cfg_writew(s, TESTDEV, 4, 0x0001);
    g_assert_cmphex(qtest_readl(s, 0xe0100000), ==, hole);
    g_assert_cmphex(qtest_inl(s, 0xc100), ==, TESTDEV_ID);
    qtest_quit(s);
}

static void test_bus_master_dma(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -device pci-testdev,addr=4");
    pci_cfg_writel(s, TESTDEV, 0x14, 0xc000);
    pci_cfg_writew(s, TESTDEV, 4, 0x0001);
    qtest_outl(s, 0xc004, 0xfeedc0de);
    qtest_outl(s, 0xc014, 0x8000);
    g_assert_cmphex(qtest_inl(s, 0xc018), ==, 0);          /* master disabled */
    g_assert_cmphex(qtest_readl(s, 0x8000), ==, 0);
    pci_cfg_writew(s, TESTDEV, 4, 0x0005);
    qtest_outl(s, 0xc014, 0x8000);
    g_assert_cmphex(qtest_inl(s, 0xc018), ==, 1);
    g_assert_cmphex(qtest_readl(s, 0x8000), ==, 0xfeedc0de);
    qtest_quit(s);
}

static char *write_rom(size_t size)
{
    char *path = g_strdup_printf("%s/modemu-board-rom-%d.rom", g_get_tmp_dir(), getpid());
    uint8_t *rom = g_malloc0(size);
    rom[0] = 0x55;
    rom[1] = 0xaa;
    rom[size - 1] = 0x77;
    g_assert_true(g_file_set_contents(path, (char *)rom, size, NULL));
    g_free(rom);
    return path;
}

static void test_expansion_rom(void)
{
    char *rom = write_rom(5000);   /* served in an 8 KiB BAR */
    char *args = g_strdup_printf("-M pc -nodefaults -device pci-testdev,addr=4,romfile=%s", rom);
    QTestState *s = qtest_start(args);
    g_free(args);
    pci_cfg_writel(s, TESTDEV, 0x30, 0xfffffffe);
    g_assert_cmphex(pci_cfg_readl(s, TESTDEV, 0x30), ==, 0xffffe000);
    pci_cfg_writel(s, TESTDEV, 0x30, 0xe0300000);   /* enable bit clear */
    pci_cfg_writew(s, TESTDEV, 4, 0x0002);
    uint32_t hole = qtest_readl(s, 0xe8000000);
    g_assert_cmphex(qtest_readw(s, 0xe0300000), ==, (uint16_t)hole);
    pci_cfg_writel(s, TESTDEV, 0x30, 0xe0300001);
    g_assert_cmphex(qtest_readw(s, 0xe0300000), ==, 0xaa55);
    g_assert_cmphex(qtest_readb(s, 0xe0300000 + 4999), ==, 0x77);
    qtest_writeb(s, 0xe0300000, 0);                  /* read-only */
    g_assert_cmphex(qtest_readb(s, 0xe0300000), ==, 0x55);
    qtest_quit(s);
    /* rombar=off: no BAR, the image goes to fw_cfg as genroms/<file>. */
    args = g_strdup_printf("-M pc -nodefaults -device pci-testdev,addr=4,rombar=off,"
                           "romfile=%s", rom);
    s = qtest_start(args);
    g_free(args);
    pci_cfg_writel(s, TESTDEV, 0x30, 0xfffffffe);
    g_assert_cmphex(pci_cfg_readl(s, TESTDEV, 0x30), ==, 0);
    qtest_outw(s, 0x510, 0x19);
    uint32_t count = 0;
    for (int i = 0; i < 4; i++)
        count = count << 8 | qtest_inb(s, 0x511);
    char *want = g_strdup_printf("genroms/modemu-board-rom-%d.rom", getpid());
    bool found = false;
    for (uint32_t i = 0; i < count; i++) {
        char entry[64];
        for (int k = 0; k < 64; k++)
            entry[k] = qtest_inb(s, 0x511);
        found |= !strcmp(entry + 8, want);
    }
    g_assert_true(found);
    g_free(want);
    qtest_quit(s);
    unlink(rom);
    g_free(rom);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/board/pci/enumerate", test_enumerate_bus0);
    g_test_add_func("/board/pci/acpi-off", test_acpi_off_removes_pm);
    g_test_add_func("/board/pci/slot-allocation", test_slot_allocation);
    g_test_add_func("/board/pci/bad-addresses", test_bad_addresses_refused);
    g_test_add_func("/board/pci/bar-sizing", test_bar_sizing);
    g_test_add_func("/board/pci/bar-remapping", test_bar_remapping);
    g_test_add_func("/board/pci/bus-master-dma", test_bus_master_dma);
    g_test_add_func("/board/pci/expansion-rom", test_expansion_rom);
    return g_test_run();
}
