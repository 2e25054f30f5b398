/*
 * Unit tests of the firmware-lite PCI setup (core/boot/pci_setup.c) against
 * a fake bus 0 behind ports 0xCF8/0xCFC: BAR sizing and placement, command
 * enables, interrupt lines, PIIX3 PIRQ routing and ELCR, PIIX4 PM base,
 * IDE decode and the i440FX PAM registers.
 */
#include <string.h>
#include <glib.h>
#include <modemu/pci.h>

#include "boot/pci_setup.h"
#include "boot/port_io.h"
#include "boot/le_field.h"
#include "test_util.h"

typedef struct fake_function {
    bool present;
    uint8_t cfg[256];
    uint64_t bar_size[6];       /* 0 = unimplemented; 64-bit BARs use two slots */
} fake_function;

typedef struct fake_bus {
    fake_function fn[256];
    uint32_t address;
    uint8_t elcr[2];
} fake_bus;

static bool bar_is_high_half(const fake_function *f, unsigned bar)
{
    return bar > 0 && f->bar_size[bar - 1] && (f->cfg[0x10 + (bar - 1) * 4] & 0x7) == 0x4;
}

/* A write to a BAR keeps the read-only flag bits and the size's low bits. */
static void bar_write(fake_function *f, unsigned bar, uint32_t value)
{
    size_t off = 0x10 + bar * 4;
    if (bar_is_high_half(f, bar)) {
        uint64_t size = f->bar_size[bar - 1];
        put_le32(f->cfg, off, value & (uint32_t)(~(size - 1) >> 32));
        return;
    }
    uint64_t size = f->bar_size[bar];
    if (!size)
        return;
    uint32_t flags = le32_at(f->cfg, off) & ((f->cfg[off] & 1) ? 0x3 : 0xf);
    put_le32(f->cfg, off, (value & (uint32_t)~(size - 1) & ~0xfu) | flags);
}

static void cfg_write(fake_function *f, unsigned reg, unsigned size, uint32_t v)
{
    for (unsigned i = 0; i < size; i++) {
        unsigned r = reg + i;
        if (r >= 0x10 && r < 0x28) {
            if ((r & 3) == 0 && size == 4)
                bar_write(f, (r - 0x10) / 4, v);
            return;
        }
        if (r < 0x04 || (r >= 0x08 && r < 0x0f) || r == 0x3d)
            continue;   /* read-only ids, class, header type, pin */
        f->cfg[r] = (uint8_t)(v >> (8 * i));
    }
}

static uint32_t fake_in(void *opaque, uint16_t port, unsigned size)
{
    fake_bus *bus = opaque;
    if (port >= 0xcfc && port < 0xd00 && (bus->address & 0x80000000u)) {
        fake_function *f = &bus->fn[(bus->address >> 8) & 0xff];
        if (((bus->address >> 16) & 0xff) != 0 || !f->present)
            return 0xffffffffu;
        unsigned reg = (bus->address & 0xfc) + (port & 3);
        uint32_t v = 0;
        for (unsigned i = 0; i < size; i++)
            v |= (uint32_t)f->cfg[reg + i] << (8 * i);
        return v;
    }
    return 0xffffffffu;
}

static void fake_out(void *opaque, uint16_t port, unsigned size, uint32_t value)
{
    fake_bus *bus = opaque;
    if (port == 0xcf8 && size == 4)
        bus->address = value;
    else if (port >= 0xcfc && port < 0xd00 && (bus->address & 0x80000000u)) {
        fake_function *f = &bus->fn[(bus->address >> 8) & 0xff];
        if (f->present)
            cfg_write(f, (bus->address & 0xfc) + (port & 3), size, value);
    } else if (port == 0x4d0 || port == 0x4d1)
        bus->elcr[port - 0x4d0] = (uint8_t)value;
}

static fake_function *add_function(fake_bus *bus, unsigned slot, unsigned fn, uint16_t vendor,
                                   uint16_t device, uint8_t header, uint8_t pin)
{
    fake_function *f = &bus->fn[slot << 3 | fn];
    f->present = true;
    put_le16(f->cfg, 0, vendor);
    put_le16(f->cfg, 2, device);
    f->cfg[0x0e] = header;
    f->cfg[0x3d] = pin;
    return f;
}

static void add_bar(fake_function *f, unsigned bar, uint64_t size, uint8_t flags)
{
    f->bar_size[bar] = size;
    f->cfg[0x10 + bar * 4] = flags;
}

static void build_pc_bus(fake_bus *bus)
{
    memset(bus, 0, sizeof(*bus));
    add_function(bus, 0, 0, 0x8086, 0x1237, 0x00, 0);
    add_function(bus, 1, 0, 0x8086, 0x7000, 0x80, 0);              /* multifunction */
    fake_function *ide = add_function(bus, 1, 1, 0x8086, 0x7010, 0x00, 0);
    add_bar(ide, 4, 16, MM_PCI_BAR_IO);
    add_function(bus, 1, 3, 0x8086, 0x7113, 0x00, 1);
    fake_function *vga = add_function(bus, 2, 0, 0x1234, 0x1111, 0x00, 0);
    add_bar(vga, 0, 16u << 20, MM_PCI_BAR_PREFETCH);
    add_bar(vga, 2, 4096, 0);
    fake_function *nic = add_function(bus, 3, 0, 0x8086, 0x100e, 0x00, 1);
    add_bar(nic, 0, 128u << 10, 0);
    add_bar(nic, 1, 64, MM_PCI_BAR_IO);
    fake_function *virtio = add_function(bus, 4, 0, 0x1af4, 0x1001, 0x00, 1);
    add_bar(virtio, 0, 128, MM_PCI_BAR_IO);
    add_bar(virtio, 1, 4096, 0);
    add_bar(virtio, 4, 16384, MM_PCI_BAR_MEM64 | MM_PCI_BAR_PREFETCH);
    add_function(bus, 5, 0, 0x1af4, 0x1002, 0x00, 1);              /* pin only */
}

static uint64_t bar_address(const fake_function *f, unsigned bar)
{
    uint32_t low = le32_at(f->cfg, 0x10 + bar * 4);
    if (low & 1)
        return low & ~3u;
    uint64_t a = low & ~0xfu;
    if ((low & 6) == 4)
        a |= (uint64_t)le32_at(f->cfg, 0x14 + bar * 4) << 32;
    return a;
}

static void check_no_overlap(const fake_bus *bus)
{
    GArray *ranges = g_array_new(FALSE, FALSE, sizeof(uint64_t) * 3);
    for (unsigned d = 0; d < 256; d++) {
        const fake_function *f = &bus->fn[d];
        for (unsigned b = 0; b < 6; b++) {
            if (!f->present || !f->bar_size[b])
                continue;
            uint64_t r[3] = { bar_address(f, b), f->bar_size[b], f->cfg[0x10 + b * 4] & 1 };
            CHECK_EQ(r[0] % r[1], 0);                        /* naturally aligned */
            for (guint i = 0; i < ranges->len; i++) {
                const uint64_t *o = &g_array_index(ranges, uint64_t, i * 3);
                if (o[2] == r[2])
                    CHECK(r[0] + r[1] <= o[0] || o[0] + o[1] <= r[0]);
            }
            g_array_append_vals(ranges, r, 1);
        }
    }
    g_array_free(ranges, TRUE);
}

static void test_pc_bus(void)
{
    static fake_bus bus;
    build_pc_bus(&bus);
    mm_boot_io io = { .in = fake_in, .out = fake_out, .opaque = &bus };
    mm_pci_setup_config cfg = { .pm_base = 0x600, .sci_irq = 9, .pirq_irq = { 10, 10, 11, 11 },
                                .mem_start = 0x80000000u };
    mm_pci_setup_result res;
    mm_error *err = NULL;
    CHECK(mm_pci_setup(&io, &cfg, &res, &err));
    CHECK_EQ(res.functions, 8);
    CHECK_EQ(res.bars, 8);
    CHECK(res.i440fx && res.piix3 && res.piix4_pm);

    const fake_function *nic = &bus.fn[3 << 3], *virtio = &bus.fn[4 << 3];
    const fake_function *vga = &bus.fn[2 << 3], *ide = &bus.fn[1 << 3 | 1];
    CHECK(bar_address(nic, 0) >= 0x80000000u && bar_address(nic, 0) < 0xfec00000u);
    CHECK(bar_address(nic, 1) >= 0xc000 && bar_address(nic, 1) < 0x10000);
    CHECK(bar_address(virtio, 4) >= 0x80000000u && bar_address(virtio, 4) < 0xfec00000u);
    CHECK(bar_address(vga, 0) == 0x80000000u);               /* largest first */
    CHECK(bar_address(ide, 4) >= 0xc000);
    check_no_overlap(&bus);
    /* Decode enabled where BARs were assigned. */
    CHECK_EQ(le16_at(nic->cfg, 4) & 3, 3);
    CHECK_EQ(le16_at(vga->cfg, 4) & 3, MM_PCI_COMMAND_MEMORY);
    CHECK_EQ(le16_at(ide->cfg, 4) & 3, MM_PCI_COMMAND_IO);
    /* Interrupt lines: slot 3 INTA -> PIRQC -> 11, slot 4 -> PIRQD -> 11,
     * slot 5 -> PIRQA -> 10; the PM function gets the SCI. */
    CHECK_EQ(nic->cfg[0x3c], 11);
    CHECK_EQ(virtio->cfg[0x3c], 11);
    CHECK_EQ(bus.fn[5 << 3].cfg[0x3c], 10);
    CHECK_EQ(bus.fn[1 << 3 | 3].cfg[0x3c], 9);
    /* PIIX3 routing and ELCR, PIIX4 PM, IDE decode. */
    CHECK_EQ(le32_at(bus.fn[1 << 3].cfg, 0x60), 0x0b0b0a0a);
    CHECK_EQ(bus.elcr[0], 0x00);
    CHECK_EQ(bus.elcr[1], 0x0c);
    CHECK_EQ(le32_at(bus.fn[1 << 3 | 3].cfg, 0x40), 0x601);
    CHECK_EQ(bus.fn[1 << 3 | 3].cfg[0x80], 1);
    CHECK_EQ(le16_at(ide->cfg, 0x40), 0x8000);
    CHECK_EQ(le16_at(ide->cfg, 0x42), 0x8000);

    mm_pam_unlock(&io);
    CHECK_EQ(bus.fn[0].cfg[0x59], 0x30);
    CHECK_EQ(bus.fn[0].cfg[0x5f], 0x33);
    mm_pam_lock(&io);
    CHECK_EQ(bus.fn[0].cfg[0x59], 0x10);
    CHECK_EQ(bus.fn[0].cfg[0x5e], 0x11);
}

static void test_window_overflow(void)
{
    static fake_bus bus;
    memset(&bus, 0, sizeof(bus));
    fake_function *big = add_function(&bus, 3, 0, 0x1234, 0x5678, 0x00, 0);
    add_bar(big, 0, UINT64_C(1) << 31, 0);                  /* 2 GiB, 32-bit */
    mm_boot_io io = { .in = fake_in, .out = fake_out, .opaque = &bus };
    mm_pci_setup_config cfg = { .pm_base = 0x600, .sci_irq = 9, .pirq_irq = { 10, 10, 11, 11 },
                                .mem_start = 0xc0000000u };
    mm_error *err = NULL;
    CHECK(!mm_pci_setup(&io, &cfg, NULL, &err));
    CHECK(err && strstr(err->message, "03.0 BAR0") && strstr(err->message, "does not fit"));
    mm_error_free(err);
}

int main(void)
{
    test_pc_bus();
    test_window_overflow();
    if (test_failures) {
        fprintf(stderr, "%d checks failed\n", test_failures);
        return 1;
    }
    printf("PCI setup tests passed\n");
    return 0;
}
