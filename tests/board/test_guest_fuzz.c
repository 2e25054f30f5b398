/*
 * Guest-controlled input must never crash the host: a seeded random mix of
 * port, MMIO and PCI config accesses to every board device (PIC, PIT,
 * speaker port, RTC, port 0x92, i8042, fw_cfg and its DMA with random
 * descriptors, PCI config of every function, PIIX4 PM/APM/GPE, IOAPIC,
 * HPET, the test device's BARs and MSI-X table) interleaved with clock
 * steps.  System resets (0xCF9, port 0x92, i8042) happen and are part of
 * the mix; only ACPI S5, which legitimately ends the process, is filtered.
 * The emulator must still answer at the end and exit cleanly.
 */
#include <glib.h>

#include "libqtest.h"
#include "pci_cfg.h"

#define ROUNDS 20000
#define DEFAULT_SEED 20261126u

static const uint16_t ports[] = {
    0x20, 0x21, 0xa0, 0xa1, 0x4d0, 0x4d1, 0x40, 0x41, 0x42, 0x43, 0x61, 0x70, 0x71,
    0x92, 0x60, 0x64, 0x80, 0x510, 0x511, 0xb2, 0xb3, 0x600, 0x602, 0x604, 0x608,
    0xafe0, 0xafe2, 0xc000, 0xc004, 0xc008, 0xc00c, 0xc010, 0xc014,
};

static const uint64_t mmio[] = {
    0xfec00000, 0xfec00010, 0xfec00040, 0xfed00000, 0xfed00010, 0xfed00020, 0xfed000f0,
    0xfed00100, 0xfed00108, 0xfed00120, 0xfed00128, 0xfed00140, 0xfed00148,
    0xe0000000, 0xe0000008, 0xe0000010, 0xe0200000, 0xe020000c, 0xe0202000,
};

static void random_port_access(QTestState *s, GRand *r)
{
    uint16_t port = ports[g_rand_int_range(r, 0, G_N_ELEMENTS(ports))];
    uint32_t value = g_rand_int(r);
    if (port == 0x604)
        value &= ~0x2000u;   /* no SLP_EN: S5 would end the run */
    switch (g_rand_int_range(r, 0, 6)) {
    case 0: qtest_outb(s, port, value); break;
    case 1: qtest_outw(s, port, value); break;
    case 2: qtest_outl(s, port, value); break;
    case 3: qtest_inb(s, port); break;
    case 4: qtest_inw(s, port); break;
    default: qtest_inl(s, port); break;
    }
}

static void random_mmio_access(QTestState *s, GRand *r)
{
    uint64_t addr = mmio[g_rand_int_range(r, 0, G_N_ELEMENTS(mmio))] +
                    4 * g_rand_int_range(r, 0, 4);
    uint64_t value = (uint64_t)g_rand_int(r) << 32 | g_rand_int(r);
    switch (g_rand_int_range(r, 0, 5)) {
    case 0: qtest_writel(s, addr, value); break;
    case 1: qtest_writeq(s, addr & ~7ull, value); break;
    case 2: qtest_writeb(s, addr, value); break;
    case 3: qtest_readq(s, addr & ~7ull); break;
    default: qtest_readl(s, addr); break;
    }
}

static void random_config_access(QTestState *s, GRand *r)
{
    static const int devfns[] = { 0x00, 0x08, 0x0b, 0x20, 0x21 };
    int devfn = devfns[g_rand_int_range(r, 0, G_N_ELEMENTS(devfns))];
    int offset = g_rand_int_range(r, 0, 256);
    uint32_t value = g_rand_int(r);
    if (devfn == 0 && offset >= 0x58 && offset <= 0x5f)
        value &= 0x33333333;   /* PAM: any mode is fine */
    if (g_rand_boolean(r))
        pci_cfg_writel(s, devfn, offset & ~3, value);
    else if (g_rand_boolean(r))
        pci_cfg_writeb(s, devfn, offset, value);
    else
        pci_cfg_readl(s, devfn, offset & ~3);
}

static void random_fw_cfg_dma(QTestState *s, GRand *r)
{
    uint32_t desc[4];
    for (int i = 0; i < 4; i++)
        desc[i] = g_rand_int(r);
    /* Mostly plausible targets in RAM, sometimes anything at all. */
    if (g_rand_boolean(r)) {
        desc[1] = GUINT32_TO_BE(g_rand_int_range(r, 0, 0x10000));
        desc[2] = 0;
        desc[3] = GUINT32_TO_BE(g_rand_int_range(r, 0x10000, 0x400000));
    }
    qtest_memwrite(s, 0x1000, desc, sizeof(desc));
    qtest_outl(s, 0x514, 0);
    qtest_outl(s, 0x518, GUINT32_SWAP_LE_BE(0x1000));
}

static void test_random_guest_accesses(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -m 64 -device pci-testdev,addr=4");
    /* Map the test device so its registers and MSI-X table are in play. */
    pci_cfg_writel(s, PCI_DEVFN(4, 0), 0x10, 0xe0000000);
    pci_cfg_writel(s, PCI_DEVFN(4, 0), 0x14, 0xc000);
    pci_cfg_writel(s, PCI_DEVFN(4, 0), 0x18, 0xe0200000);
    pci_cfg_writew(s, PCI_DEVFN(4, 0), 4, 0x0007);
    pci_cfg_writel(s, PCI_DEVFN(1, 3), 0x40, 0x601);
    pci_cfg_writeb(s, PCI_DEVFN(1, 3), 0x80, 1);
    /* MODEMU_FUZZ_SEED=N replays or explores another sequence. */
    const char *seed_env = g_getenv("MODEMU_FUZZ_SEED");
    guint32 seed = seed_env ? (guint32)g_ascii_strtoull(seed_env, NULL, 0) : DEFAULT_SEED;
    g_test_message("seed %u", seed);
    GRand *r = g_rand_new_with_seed(seed);
    for (int i = 0; i < ROUNDS; i++) {
        switch (g_rand_int_range(r, 0, 10)) {
        case 0: case 1: case 2: random_port_access(s, r); break;
        case 3: case 4: random_mmio_access(s, r); break;
        case 5: case 6: random_config_access(s, r); break;
        case 7: random_fw_cfg_dma(s, r); break;
        default: qtest_clock_step(s, g_rand_int_range(r, 1, 5000000)); break;
        }
    }
    g_rand_free(r);
    /* Still alive and answering. */
    g_assert_cmphex(pci_cfg_readl(s, 0, 0), ==, 0x12378086);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/board/guest-fuzz/random-accesses", test_random_guest_accesses);
    return g_test_run();
}
