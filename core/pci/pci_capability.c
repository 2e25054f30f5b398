/* The capability list: placement, linking and lookup. */
#include <string.h>
#include "pci/pci_internal.h"

#define PCI_CAP_LIST_NEXT 1
#define PCI_CAP_ALIGN 4

static bool pci_cap_space_free(const pci_device_state *st, unsigned offset, unsigned size)
{
    if (offset + size > MM_PCI_CONFIG_SIZE)
        return false;
    for (unsigned i = 0; i < size; i++) {
        if (st->cap_used[offset + i])
            return false;
    }
    return true;
}

static uint8_t pci_cap_find_space(const pci_device_state *st, unsigned size)
{
    for (unsigned off = 0x40; off + size <= MM_PCI_CONFIG_SIZE; off += PCI_CAP_ALIGN) {
        if (pci_cap_space_free(st, off, size))
            return off;
    }
    return 0;
}

MM_API uint8_t mm_pci_add_capability(mm_pci_device *dev, uint8_t cap_id, uint8_t offset,
                                     uint8_t size, mm_error **errp)
{
    pci_device_state *st = pci_state(dev);
    if (size < 2) {
        mm_error_set(errp, "%s: capability 0x%x too small", mm_object_type_name(&dev->obj),
                     cap_id);
        return 0;
    }
    if (!offset)
        offset = pci_cap_find_space(st, size);
    if (!offset || (offset & 3) || !pci_cap_space_free(st, offset, size)) {
        mm_error_set(errp, "%s: no room for capability 0x%x (%u bytes) at 0x%x",
                     mm_object_type_name(&dev->obj), cap_id, size, offset);
        return 0;
    }
    dev->config[offset] = cap_id;
    dev->config[offset + PCI_CAP_LIST_NEXT] = dev->config[MM_PCI_CAPABILITY_LIST];
    dev->config[MM_PCI_CAPABILITY_LIST] = offset;
    dev->config[MM_PCI_STATUS] |= MM_PCI_STATUS_CAP_LIST;
    memset(st->cap_used + offset, 1, size);
    /* Capability bodies are read-only unless the capability's code opens them. */
    memset(dev->wmask + offset, 0, size);
    memset(dev->w1cmask + offset, 0, size);
    return offset;
}

MM_API uint8_t mm_pci_find_capability(const mm_pci_device *dev, uint8_t cap_id)
{
    if (!(dev->config[MM_PCI_STATUS] & MM_PCI_STATUS_CAP_LIST))
        return 0;
    uint8_t off = dev->config[MM_PCI_CAPABILITY_LIST];
    /* A guest cannot write the list, but bound the walk anyway. */
    for (int hops = 0; off >= 0x40 && hops < 48; hops++) {
        if (dev->config[off] == cap_id)
            return off;
        off = dev->config[off + PCI_CAP_LIST_NEXT];
    }
    return 0;
}
