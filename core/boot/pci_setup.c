/* Firmware-lite PCI setup (see pci_setup.h). */
#include "boot/pci_setup.h"

#include <inttypes.h>
#include <glib.h>
#include <modemu/pci.h>

#include "boot/pci_irq_swizzle.h"

#define PCI_VENDOR_INTEL 0x8086
#define PCI_ID(vendor, device) ((uint32_t)(device) << 16 | (vendor))
#define ID_I440FX     PCI_ID(PCI_VENDOR_INTEL, 0x1237)
#define ID_PIIX3_ISA  PCI_ID(PCI_VENDOR_INTEL, 0x7000)
#define ID_PIIX3_IDE  PCI_ID(PCI_VENDOR_INTEL, 0x7010)
#define ID_PIIX4_IDE  PCI_ID(PCI_VENDOR_INTEL, 0x7111)
#define ID_PIIX4_PM   PCI_ID(PCI_VENDOR_INTEL, 0x7113)

#define PCI_IO_BASE          0xc000u   /* SeaBIOS: 0xC000 when all I/O BARs fit 16 KiB */
#define PCI_IO_BASE_LARGE    0x1000u
#define PCI_IO_END           0x10000u
#define PCI_MEM_END          0xfec00000u
#define PCI_MEM_MIN_ALIGN    0x1000u   /* small MMIO BARs get a page each */
#define ELCR1_PORT 0x4d0
#define ELCR2_PORT 0x4d1
#define I440FX_PAM0 0x59
#define PIIX_PIRQ_ROUTE 0x60
#define PIIX4_PMBA 0x40
#define PIIX4_PMREGMISC 0x80
#define PIIX4_SMBBA 0x90
#define PIIX4_SMBHSTCFG 0xd2
#define PIIX_IDETIM_PRI 0x40
#define PIIX_IDETIM_SEC 0x42
#define PIIX_IDETIM_DECODE_ENABLE 0x8000

typedef struct bar_request {
    unsigned devfn, bar;
    bool io, is64;
    uint64_t size;
} bar_request;

static unsigned devfn_of(unsigned slot, unsigned fn)
{
    return slot << 3 | fn;
}

/* Sizes one BAR the standard way: write all ones, read the mask back. */
static uint64_t bar_size(const mm_boot_io *io, unsigned devfn, unsigned reg, bool *is_io,
                         bool *is64)
{
    uint32_t old = mm_pci_cfg_read(io, devfn, reg, 4);
    mm_pci_cfg_write(io, devfn, reg, 4, 0xffffffffu);
    uint32_t mask = mm_pci_cfg_read(io, devfn, reg, 4);
    mm_pci_cfg_write(io, devfn, reg, 4, old);
    *is_io = mask & MM_PCI_BAR_IO;
    *is64 = !*is_io && (mask & 0x6) == MM_PCI_BAR_MEM64;
    if (mask == 0 || mask == 0xffffffffu)
        return 0;   /* unimplemented BAR (or nothing answering) */
    if (*is_io)
        return (uint64_t)(uint16_t)(~(mask & ~3u) + 1);
    uint64_t full = 0xffffffff00000000ull | (mask & ~0xfu);
    if (*is64) {
        uint32_t old_high = mm_pci_cfg_read(io, devfn, reg + 4, 4);
        mm_pci_cfg_write(io, devfn, reg + 4, 4, 0xffffffffu);
        full = (uint64_t)mm_pci_cfg_read(io, devfn, reg + 4, 4) << 32 | (mask & ~0xfu);
        mm_pci_cfg_write(io, devfn, reg + 4, 4, old_high);
    }
    return ~full + 1;
}

static void probe_bars(const mm_boot_io *io, unsigned devfn, GArray *reqs)
{
    unsigned header = mm_pci_cfg_read(io, devfn, MM_PCI_HEADER_TYPE, 1) & 0x7f;
    unsigned nbars = header == 0 ? MM_PCI_NUM_BARS : header == 1 ? 2 : 0;
    for (unsigned bar = 0; bar < nbars; bar++) {
        bool is_io, is64;
        unsigned reg = MM_PCI_BASE_ADDRESS_0 + bar * 4;
        uint64_t size = bar_size(io, devfn, reg, &is_io, &is64);
        if (size) {
            bar_request r = { .devfn = devfn, .bar = bar, .io = is_io, .is64 = is64,
                              .size = size };
            g_array_append_val(reqs, r);
        }
        if (is64)
            bar++;   /* the next register is this BAR's high half */
    }
}

static gint larger_first(gconstpointer a, gconstpointer b)
{
    const bar_request *x = a, *y = b;
    return x->size < y->size ? 1 : x->size > y->size ? -1 : 0;
}

static uint64_t align_up(uint64_t v, uint64_t align)
{
    return (v + align - 1) & ~(align - 1);
}

/* Places r in [*next, end); false if it does not fit. */
static bool place(uint64_t *next, uint64_t end, uint64_t size, uint64_t *addr)
{
    uint64_t a = align_up(*next, size);
    if (a < *next || a > end || size > end - a)
        return false;
    *addr = a;
    *next = a + size;
    return true;
}

static void write_bar(const mm_boot_io *io, const bar_request *r, uint64_t addr)
{
    unsigned reg = MM_PCI_BASE_ADDRESS_0 + r->bar * 4;
    mm_pci_cfg_write(io, r->devfn, reg, 4, (uint32_t)addr);
    if (r->is64)
        mm_pci_cfg_write(io, r->devfn, reg + 4, 4, (uint32_t)(addr >> 32));
    uint16_t enable = r->io ? MM_PCI_COMMAND_IO : MM_PCI_COMMAND_MEMORY;
    uint16_t cmd = (uint16_t)mm_pci_cfg_read(io, r->devfn, MM_PCI_COMMAND, 2);
    mm_pci_cfg_write(io, r->devfn, MM_PCI_COMMAND, 2, cmd | enable);
}

static bool assign_bars(const mm_boot_io *io, const mm_pci_setup_config *cfg, GArray *reqs,
                        mm_error **errp)
{
    g_array_sort(reqs, larger_first);
    uint64_t io_total = 0;
    for (guint i = 0; i < reqs->len; i++)
        if (g_array_index(reqs, bar_request, i).io)
            io_total += g_array_index(reqs, bar_request, i).size;
    uint64_t io_next = io_total <= PCI_IO_END - PCI_IO_BASE ? PCI_IO_BASE : PCI_IO_BASE_LARGE;
    uint64_t mem_next = cfg->mem_start, mem64_next = cfg->mem64_start;

    for (guint i = 0; i < reqs->len; i++) {
        const bar_request *r = &g_array_index(reqs, bar_request, i);
        uint64_t addr, size = r->size;
        bool ok;
        if (r->io) {
            ok = place(&io_next, PCI_IO_END, size, &addr);
        } else {
            size = size < PCI_MEM_MIN_ALIGN ? PCI_MEM_MIN_ALIGN : size;
            ok = place(&mem_next, PCI_MEM_END, size, &addr) ||
                 (r->is64 && cfg->mem64_start && place(&mem64_next, cfg->mem64_end, size, &addr));
        }
        if (!ok) {
            mm_error_set(errp, "PCI device %02x.%u BAR%u (%" PRIu64 " bytes of %s) does not "
                         "fit the PCI %s window", r->devfn >> 3, r->devfn & 7, r->bar, r->size,
                         r->io ? "I/O" : "memory", r->io ? "I/O" : "MMIO");
            return false;
        }
        write_bar(io, r, addr);
    }
    return true;
}

/* PIRQ routing and ELCR as SeaBIOS programs them. */
static void setup_piix3(const mm_boot_io *io, unsigned devfn, const mm_pci_setup_config *cfg)
{
    uint8_t elcr[2] = { 0, 0 };
    for (unsigned i = 0; i < 4; i++) {
        unsigned irq = cfg->pirq_irq[i] & 15;
        mm_pci_cfg_write(io, devfn, PIIX_PIRQ_ROUTE + i, 1, irq);
        elcr[irq >> 3] |= (uint8_t)(1u << (irq & 7));   /* PCI interrupts are level */
    }
    io->out(io->opaque, ELCR1_PORT, 1, elcr[0]);
    io->out(io->opaque, ELCR2_PORT, 1, elcr[1]);
}

static void setup_piix4_pm(const mm_boot_io *io, unsigned devfn, const mm_pci_setup_config *cfg)
{
    mm_pci_cfg_write(io, devfn, PIIX4_PMBA, 4, cfg->pm_base | 1u);
    mm_pci_cfg_write(io, devfn, PIIX4_PMREGMISC, 1, 1);          /* PM I/O enable */
    mm_pci_cfg_write(io, devfn, PIIX4_SMBBA, 4, (cfg->pm_base + 0x100u) | 1u);
    mm_pci_cfg_write(io, devfn, PIIX4_SMBHSTCFG, 1, 0x09);       /* SMBus enable, IRQ 9 */
    mm_pci_cfg_write(io, devfn, MM_PCI_INTERRUPT_LINE, 1, cfg->sci_irq);
}

static void setup_piix_ide(const mm_boot_io *io, unsigned devfn)
{
    /* Linux's ata_piix skips channels whose IDETIM decode bit is clear. */
    mm_pci_cfg_write(io, devfn, PIIX_IDETIM_PRI, 2, PIIX_IDETIM_DECODE_ENABLE);
    mm_pci_cfg_write(io, devfn, PIIX_IDETIM_SEC, 2, PIIX_IDETIM_DECODE_ENABLE);
}

static void setup_interrupt_line(const mm_boot_io *io, unsigned devfn,
                                 const mm_pci_setup_config *cfg)
{
    unsigned pin = mm_pci_cfg_read(io, devfn, MM_PCI_INTERRUPT_PIN, 1);
    if (pin >= 1 && pin <= 4)
        mm_pci_cfg_write(io, devfn, MM_PCI_INTERRUPT_LINE, 1,
                         cfg->pirq_irq[mm_pci_slot_pirq(devfn >> 3, pin - 1)]);
}

static void setup_function(const mm_boot_io *io, unsigned devfn, uint32_t id,
                           const mm_pci_setup_config *cfg, mm_pci_setup_result *res)
{
    setup_interrupt_line(io, devfn, cfg);
    switch (id) {
    case ID_I440FX: res->i440fx = true; break;
    case ID_PIIX3_ISA: setup_piix3(io, devfn, cfg); res->piix3 = true; break;
    case ID_PIIX4_PM: setup_piix4_pm(io, devfn, cfg); res->piix4_pm = true; break;
    case ID_PIIX3_IDE: case ID_PIIX4_IDE: setup_piix_ide(io, devfn); break;
    default: break;
    }
}

bool mm_pci_setup(const mm_boot_io *io, const mm_pci_setup_config *cfg,
                  mm_pci_setup_result *result, mm_error **errp)
{
    mm_pci_setup_result res = { 0 };
    GArray *reqs = g_array_new(FALSE, FALSE, sizeof(bar_request));
    for (unsigned slot = 0; slot < 32; slot++) {
        unsigned header = mm_pci_cfg_read(io, devfn_of(slot, 0), MM_PCI_HEADER_TYPE, 1);
        unsigned fns = (header != 0xff && (header & 0x80)) ? 8 : 1;
        for (unsigned fn = 0; fn < fns; fn++) {
            unsigned devfn = devfn_of(slot, fn);
            uint32_t id = mm_pci_cfg_read(io, devfn, MM_PCI_VENDOR_ID, 4);
            if ((id & 0xffff) == 0xffff || (id & 0xffff) == 0)
                continue;
            res.functions++;
            setup_function(io, devfn, id, cfg, &res);
            probe_bars(io, devfn, reqs);
        }
    }
    res.bars = reqs->len;
    bool ok = assign_bars(io, cfg, reqs, errp);
    g_array_free(reqs, TRUE);
    if (result)
        *result = res;
    return ok;
}

static bool has_i440fx(const mm_boot_io *io)
{
    return mm_pci_cfg_read(io, 0, MM_PCI_VENDOR_ID, 4) == ID_I440FX;
}

void mm_pam_unlock(const mm_boot_io *io)
{
    if (!has_i440fx(io))
        return;
    mm_pci_cfg_write(io, 0, I440FX_PAM0, 1, 0x30);           /* 0xF0000: RAM r/w */
    for (unsigned reg = I440FX_PAM0 + 1; reg <= I440FX_PAM0 + 6; reg++)
        mm_pci_cfg_write(io, 0, reg, 1, 0x33);
}

void mm_pam_lock(const mm_boot_io *io)
{
    /* SeaBIOS's final setting: BIOS and option-ROM areas read-only RAM, the
     * last 32 KiB below 0xF0000 left writable. */
    static const uint8_t pam[7] = { 0x10, 0x11, 0x11, 0x11, 0x11, 0x11, 0x33 };
    if (!has_i440fx(io))
        return;
    for (unsigned i = 0; i < 7; i++)
        mm_pci_cfg_write(io, 0, I440FX_PAM0 + i, 1, pam[i]);
}
