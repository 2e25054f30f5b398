/* The MSI-X capability: table and pending-bit array MMIO (PCI 3.0, 6.8.2). */
#include <string.h>
#include <glib.h>
#include <modemu/log.h>

#include "pci/pci_internal.h"

#define MSIX_FLAGS 2
#define MSIX_TABLE 4
#define MSIX_PBA 8
#define MSIX_CAP_SIZE 12
#define MSIX_FLAGS_QSIZE 0x07ff
#define MSIX_FLAGS_MASKALL 0x4000
#define MSIX_FLAGS_ENABLE 0x8000
#define MSIX_ENTRY_SIZE 16
#define MSIX_ENTRY_DATA 8
#define MSIX_ENTRY_VECTOR_CTRL 12
#define MSIX_VECTOR_MASKED 0x1
#define MSIX_MAX_ENTRIES 2048

static uint16_t msix_control(const mm_pci_device *dev)
{
    return pci_get_word(dev->config + pci_state(dev)->msix.cap + MSIX_FLAGS);
}

MM_API bool mm_msix_enabled(const mm_pci_device *dev)
{
    return pci_state(dev)->msix.cap && (msix_control(dev) & MSIX_FLAGS_ENABLE);
}

static bool msix_vector_masked(const mm_pci_device *dev, unsigned vector)
{
    const pci_msix_state *mx = &pci_state(dev)->msix;
    return (msix_control(dev) & MSIX_FLAGS_MASKALL) ||
           (mx->table[vector * MSIX_ENTRY_SIZE + MSIX_ENTRY_VECTOR_CTRL] & MSIX_VECTOR_MASKED);
}

static bool msix_pending(const pci_msix_state *mx, unsigned vector)
{
    return mx->pba[vector / 8] & (1u << (vector % 8));
}

static void msix_set_pending(pci_msix_state *mx, unsigned vector, bool pending)
{
    if (pending)
        mx->pba[vector / 8] |= 1u << (vector % 8);
    else
        mx->pba[vector / 8] &= ~(1u << (vector % 8));
}

static void msix_send(mm_pci_device *dev, unsigned vector)
{
    const uint8_t *entry = pci_state(dev)->msix.table + vector * MSIX_ENTRY_SIZE;
    uint64_t addr = pci_get_long(entry) | (uint64_t)pci_get_long(entry + 4) << 32;
    mm_pci_send_msi(dev, addr, pci_get_long(entry + MSIX_ENTRY_DATA));
}

MM_API void mm_msix_notify(mm_pci_device *dev, unsigned vector)
{
    pci_msix_state *mx = &pci_state(dev)->msix;
    if (!mx->cap || vector >= mx->nentries || !mm_msix_enabled(dev))
        return;
    if (msix_vector_masked(dev, vector)) {
        msix_set_pending(mx, vector, true);
        return;
    }
    msix_send(dev, vector);
}

/* Delivers what became unmasked while pending. */
static void msix_deliver_unmasked_pending(mm_pci_device *dev, unsigned first, unsigned count)
{
    pci_msix_state *mx = &pci_state(dev)->msix;
    if (!mm_msix_enabled(dev))
        return;
    for (unsigned v = first; v < first + count && v < mx->nentries; v++) {
        if (msix_pending(mx, v) && !msix_vector_masked(dev, v)) {
            msix_set_pending(mx, v, false);
            msix_send(dev, v);
        }
    }
}

static uint64_t msix_table_read(void *opaque, uint64_t offset, unsigned size)
{
    mm_pci_device *dev = opaque;
    pci_msix_state *mx = &pci_state(dev)->msix;
    if (offset + size > mx->nentries * MSIX_ENTRY_SIZE)
        return UINT64_MAX;
    return pci_get_long(mx->table + offset);
}

static void msix_table_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    mm_pci_device *dev = opaque;
    pci_msix_state *mx = &pci_state(dev)->msix;
    if (offset + size > mx->nentries * MSIX_ENTRY_SIZE)
        return;
    pci_set_long(mx->table + offset, (uint32_t)value);
    if (offset % MSIX_ENTRY_SIZE == MSIX_ENTRY_VECTOR_CTRL)
        msix_deliver_unmasked_pending(dev, offset / MSIX_ENTRY_SIZE, 1);
}

static uint64_t msix_pba_read(void *opaque, uint64_t offset, unsigned size)
{
    pci_msix_state *mx = &pci_state((mm_pci_device *)opaque)->msix;
    if (offset + size > mx->pba_size)
        return UINT64_MAX;
    return pci_get_long(mx->pba + offset);
}

static void msix_pba_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    /* The pending bits are read-only. */
}

static const mm_region_ops msix_table_ops = {
    .read = msix_table_read,
    .write = msix_table_write,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static const mm_region_ops msix_pba_ops = {
    .read = msix_pba_read,
    .write = msix_pba_write,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static bool msix_check_layout(mm_pci_device *dev, unsigned nentries, int table_bar,
                              uint32_t table_offset, int pba_bar, uint32_t pba_offset,
                              unsigned pba_size, mm_error **errp)
{
    const pci_device_state *st = pci_state(dev);
    const char *name = mm_object_type_name(&dev->obj);
    if (nentries < 1 || nentries > MSIX_MAX_ENTRIES) {
        mm_error_set(errp, "%s: MSI-X table size %u out of range 1..2048", name, nentries);
        return false;
    }
    if (table_bar < 0 || table_bar >= MM_PCI_NUM_BARS || pba_bar < 0 ||
        pba_bar >= MM_PCI_NUM_BARS || !st->bars[table_bar].region ||
        !st->bars[pba_bar].region) {
        mm_error_set(errp, "%s: MSI-X table/PBA BARs must be registered first", name);
        return false;
    }
    if ((table_offset | pba_offset) & 7 ||
        (uint64_t)table_offset + nentries * MSIX_ENTRY_SIZE > st->bars[table_bar].size ||
        (uint64_t)pba_offset + pba_size > st->bars[pba_bar].size) {
        mm_error_set(errp, "%s: MSI-X table or PBA does not fit its BAR", name);
        return false;
    }
    if (table_bar == pba_bar &&
        ranges_overlap(table_offset, nentries * MSIX_ENTRY_SIZE, pba_offset, pba_size)) {
        mm_error_set(errp, "%s: MSI-X table and PBA overlap", name);
        return false;
    }
    return true;
}

MM_API bool mm_msix_init(mm_pci_device *dev, unsigned nentries, int table_bar,
                         uint32_t table_offset, int pba_bar, uint32_t pba_offset,
                         uint8_t cap_offset, mm_error **errp)
{
    pci_device_state *st = pci_state(dev);
    unsigned pba_size = (nentries + 63) / 64 * 8;
    if (!msix_check_layout(dev, nentries, table_bar, table_offset, pba_bar, pba_offset,
                           pba_size, errp))
        return false;
    uint8_t cap = mm_pci_add_capability(dev, MM_PCI_CAP_ID_MSIX, cap_offset, MSIX_CAP_SIZE,
                                        errp);
    if (!cap)
        return false;
    pci_msix_state *mx = &st->msix;
    mx->cap = cap;
    mx->nentries = nentries;
    mx->pba_size = pba_size;
    mx->table = g_malloc0(nentries * MSIX_ENTRY_SIZE);
    mx->pba = g_malloc0(pba_size);
    pci_set_word(dev->config + cap + MSIX_FLAGS, nentries - 1);
    pci_set_word(dev->wmask + cap + MSIX_FLAGS, MSIX_FLAGS_ENABLE | MSIX_FLAGS_MASKALL);
    pci_set_long(dev->config + cap + MSIX_TABLE, table_offset | table_bar);
    pci_set_long(dev->config + cap + MSIX_PBA, pba_offset | pba_bar);
    mx->table_mr = mm_region_new_io(&dev->obj, "msix-table", nentries * MSIX_ENTRY_SIZE,
                                    &msix_table_ops, dev);
    mx->pba_mr = mm_region_new_io(&dev->obj, "msix-pba", pba_size, &msix_pba_ops, dev);
    mx->table_parent = st->bars[table_bar].region;
    mx->pba_parent = st->bars[pba_bar].region;
    mm_region_add_subregion(mx->table_parent, table_offset, mx->table_mr, 1);
    mm_region_add_subregion(mx->pba_parent, pba_offset, mx->pba_mr, 1);
    mm_msix_reset(dev);
    return true;
}

void mm_msix_reset(mm_pci_device *dev)
{
    pci_msix_state *mx = &pci_state(dev)->msix;
    if (!mx->cap)
        return;
    uint8_t *control = dev->config + mx->cap + MSIX_FLAGS;
    pci_set_word(control, pci_get_word(control) & MSIX_FLAGS_QSIZE);
    memset(mx->table, 0, mx->nentries * MSIX_ENTRY_SIZE);
    for (unsigned v = 0; v < mx->nentries; v++)
        mx->table[v * MSIX_ENTRY_SIZE + MSIX_ENTRY_VECTOR_CTRL] = MSIX_VECTOR_MASKED;
    memset(mx->pba, 0, mx->pba_size);
}

void mm_msix_config_written(mm_pci_device *dev, uint32_t offset, unsigned len,
                            uint16_t old_control)
{
    pci_msix_state *mx = &pci_state(dev)->msix;
    if (!ranges_overlap(offset, len, mx->cap + MSIX_FLAGS, 2))
        return;
    mm_pci_intx_update(dev);
    uint16_t control = msix_control(dev);
    bool was_live = (old_control & MSIX_FLAGS_ENABLE) && !(old_control & MSIX_FLAGS_MASKALL);
    bool live = (control & MSIX_FLAGS_ENABLE) && !(control & MSIX_FLAGS_MASKALL);
    if (live && !was_live)
        msix_deliver_unmasked_pending(dev, 0, mx->nentries);
}

void mm_msix_teardown(mm_pci_device *dev)
{
    pci_msix_state *mx = &pci_state(dev)->msix;
    if (!mx->cap)
        return;
    mm_region_del_subregion(mx->table_parent, mx->table_mr);
    mm_region_del_subregion(mx->pba_parent, mx->pba_mr);
    mm_region_free(mx->table_mr);
    mm_region_free(mx->pba_mr);
    g_free(mx->table);
    g_free(mx->pba);
    memset(mx, 0, sizeof(*mx));
}
