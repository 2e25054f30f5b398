/*
 * BARs: registration, the size masks that make guest sizing work, and
 * mapping into the bus's memory or I/O container as the guest programs the
 * BAR registers and the command register.
 */
#include <glib.h>
#include <modemu/log.h>

#include "pci/pci_internal.h"

#define PCI_ROM_ADDRESS_ENABLE 0x1
#define PCI_IO_SPACE_LIMIT 0x10000ull
/* BARs are mapped above everything else in the PCI containers (a BAR moved
 * over the VGA window or the BIOS alias hides them, as on QEMU). */
#define PCI_BAR_PRIORITY 1

static bool is_power_of_2(uint64_t v)
{
    return v && !(v & (v - 1));
}

static uint32_t bar_config_offset(int bar)
{
    return bar == MM_PCI_ROM_BAR ? MM_PCI_ROM_ADDRESS : MM_PCI_BASE_ADDRESS_0 + 4 * bar;
}

MM_API void mm_pci_register_bar(mm_pci_device *dev, int bar, unsigned flags,
                                mm_memory_region *region)
{
    pci_device_state *st = pci_state(dev);
    uint64_t size = mm_region_size(region);
    bool is_64 = !(flags & MM_PCI_BAR_IO) && (flags & MM_PCI_BAR_MEM64);
    /* Contract violations by device code are programming errors of the
     * plugin; refuse them loudly without touching the config space. */
    if (bar < 0 || bar > MM_PCI_ROM_BAR || (is_64 && bar >= MM_PCI_NUM_BARS - 1) ||
        !is_power_of_2(size) || st->bars[bar].region) {
        mm_error_report("%s: invalid BAR %d registration (size 0x%" G_GINT64_MODIFIER "x)",
                        mm_object_type_name(&dev->obj), bar, size);
        return;
    }
    if (bar == MM_PCI_ROM_BAR)
        flags = MM_PCI_BAR_MEM32;
    /* The minimum decode is 16 bytes for memory and 4 for I/O. */
    if (flags & MM_PCI_BAR_IO)
        size = MAX(size, 4);
    else
        size = MAX(size, 16);
    st->bars[bar] = (pci_bar){ .region = region, .flags = flags, .size = size,
                               .mapped_at = PCI_BAR_UNMAPPED };
    uint32_t off = bar_config_offset(bar);
    uint64_t wmask = ~(size - 1);
    if (bar == MM_PCI_ROM_BAR) {
        pci_set_long(dev->config + off, 0);
        pci_set_long(dev->wmask + off, (uint32_t)wmask | PCI_ROM_ADDRESS_ENABLE);
        return;
    }
    uint32_t type_bits = flags & (MM_PCI_BAR_IO | MM_PCI_BAR_MEM64 | MM_PCI_BAR_PREFETCH);
    if (flags & MM_PCI_BAR_IO)
        type_bits = MM_PCI_BAR_IO;
    pci_set_long(dev->config + off, type_bits);
    pci_set_long(dev->wmask + off, (uint32_t)wmask & (flags & MM_PCI_BAR_IO ? ~3u : ~15u));
    if (is_64) {
        pci_set_long(dev->config + off + 4, 0);
        pci_set_long(dev->wmask + off + 4, (uint32_t)(wmask >> 32));
    }
}

/* Where the guest currently decodes the BAR, or PCI_BAR_UNMAPPED. */
static uint64_t pci_bar_decoded_address(const mm_pci_device *dev, int bar)
{
    const pci_bar *b = &pci_state(dev)->bars[bar];
    uint16_t cmd = pci_get_word(dev->config + MM_PCI_COMMAND);
    uint32_t off = bar_config_offset(bar);
    uint64_t addr;
    if (b->flags & MM_PCI_BAR_IO) {
        if (!(cmd & MM_PCI_COMMAND_IO))
            return PCI_BAR_UNMAPPED;
        addr = pci_get_long(dev->config + off) & ~(b->size - 1) & ~3u;
        if (!addr || addr + b->size > PCI_IO_SPACE_LIMIT)
            return PCI_BAR_UNMAPPED;
        return addr;
    }
    if (!(cmd & MM_PCI_COMMAND_MEMORY))
        return PCI_BAR_UNMAPPED;
    if (bar == MM_PCI_ROM_BAR) {
        uint32_t rom = pci_get_long(dev->config + off);
        if (!(rom & PCI_ROM_ADDRESS_ENABLE))
            return PCI_BAR_UNMAPPED;
        addr = rom & ~(b->size - 1) & ~(uint64_t)PCI_ROM_ADDRESS_ENABLE;
    } else {
        addr = pci_get_long(dev->config + off) & ~15u;
        if (b->flags & MM_PCI_BAR_MEM64)
            addr |= (uint64_t)pci_get_long(dev->config + off + 4) << 32;
        addr &= ~(b->size - 1);
    }
    /* Like QEMU, address 0 and ranges that wrap or leave the 32-bit space
     * of a 32-bit BAR (e.g. while the guest sizes it) are not mapped. */
    uint64_t last = addr + b->size - 1;
    if (!addr || last < addr)
        return PCI_BAR_UNMAPPED;
    if (!(b->flags & MM_PCI_BAR_MEM64) && last > UINT32_MAX)
        return PCI_BAR_UNMAPPED;
    return addr;
}

static mm_memory_region *pci_bar_container(const pci_bar *b)
{
    return b->flags & MM_PCI_BAR_IO ? mm_pci_bus_io_space() : mm_pci_bus_mem_space();
}

static void pci_bar_move(pci_bar *b, uint64_t new_addr)
{
    mm_memory_region *container = pci_bar_container(b);
    if (b->mapped_at == new_addr || !container)
        return;
    if (b->mapped_at != PCI_BAR_UNMAPPED)
        mm_region_del_subregion(container, b->region);
    if (new_addr != PCI_BAR_UNMAPPED)
        mm_region_add_subregion(container, new_addr, b->region, PCI_BAR_PRIORITY);
    b->mapped_at = new_addr;
}

void mm_pci_update_mappings(mm_pci_device *dev)
{
    pci_device_state *st = pci_state(dev);
    mm_memory_transaction_begin();
    for (int bar = 0; bar <= MM_PCI_ROM_BAR; bar++) {
        pci_bar *b = &st->bars[bar];
        if (b->region)
            pci_bar_move(b, pci_bar_decoded_address(dev, bar));
    }
    mm_memory_transaction_commit();
}

void mm_pci_unmap_all_bars(mm_pci_device *dev)
{
    pci_device_state *st = pci_state(dev);
    mm_memory_transaction_begin();
    for (int bar = 0; bar <= MM_PCI_ROM_BAR; bar++) {
        if (st->bars[bar].region)
            pci_bar_move(&st->bars[bar], PCI_BAR_UNMAPPED);
    }
    mm_memory_transaction_commit();
}

/* Power-on: address bits zero, type bits kept. */
void mm_pci_bars_reset(mm_pci_device *dev)
{
    pci_device_state *st = pci_state(dev);
    for (int bar = 0; bar <= MM_PCI_ROM_BAR; bar++) {
        pci_bar *b = &st->bars[bar];
        if (!b->region)
            continue;
        uint32_t off = bar_config_offset(bar);
        uint32_t keep = ~pci_get_long(dev->wmask + off);
        if (bar == MM_PCI_ROM_BAR)
            keep = 0;
        pci_set_long(dev->config + off, pci_get_long(dev->config + off) & keep);
        if (!(b->flags & MM_PCI_BAR_IO) && (b->flags & MM_PCI_BAR_MEM64))
            pci_set_long(dev->config + off + 4, 0);
    }
}

MM_API uint64_t mm_pci_bar_address(const mm_pci_device *dev, int bar)
{
    if (bar < 0 || bar > MM_PCI_ROM_BAR || !pci_state(dev))
        return UINT64_MAX;
    return pci_state(dev)->bars[bar].mapped_at;
}
