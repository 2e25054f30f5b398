/* Bus-master DMA and MSI message writes of PCI devices. */
#include <modemu/log.h>

#include "machine/pc/apic_bus.h"
#include "pci/pci_internal.h"

#define MSI_ADDR_WINDOW_MASK 0xfff00000ull
#define MSI_ADDR_WINDOW 0xfee00000ull

static bool pci_bus_master_enabled(const mm_pci_device *dev)
{
    return pci_get_word(dev->config + MM_PCI_COMMAND) & MM_PCI_COMMAND_MASTER;
}

MM_API bool mm_pci_dma_read(mm_pci_device *dev, uint64_t addr, void *buf, size_t len)
{
    if (!pci_bus_master_enabled(dev) || addr + len < addr)
        return false;
    return mm_as_read_buf(mm_machine_memory_space(), addr, buf, len) == MM_MEM_OK;
}

MM_API bool mm_pci_dma_write(mm_pci_device *dev, uint64_t addr, const void *buf, size_t len)
{
    if (!pci_bus_master_enabled(dev) || addr + len < addr)
        return false;
    return mm_as_write_buf(mm_machine_memory_space(), addr, buf, len) == MM_MEM_OK;
}

/* An MSI is a posted 32-bit write; writes into the 0xFEExxxxx window are
 * interrupt messages for the local APICs, not memory. */
void mm_pci_send_msi(mm_pci_device *dev, uint64_t addr, uint32_t data)
{
    if (!pci_bus_master_enabled(dev)) {
        mm_log(MM_LOG_GUEST_ERROR, "%s: MSI with bus mastering disabled dropped\n",
               mm_object_type_name(&dev->obj));
        return;
    }
    if ((addr & MSI_ADDR_WINDOW_MASK) == MSI_ADDR_WINDOW) {
        mm_apic_deliver_msi(addr, data);
        return;
    }
    mm_as_write(mm_machine_memory_space(), addr, 4, data);
}
