/*
 * INTx: a device drives its pin; the core reflects it in the status register,
 * honours the command register's INTx-disable bit and MSI/MSI-X (which turn
 * INTx off), and adds the result to the PIRQ the board's swizzle selects.
 */
#include "pci/pci_internal.h"

static bool pci_intx_blocked(const mm_pci_device *dev)
{
    const pci_device_state *st = pci_state(dev);
    if (pci_get_word(dev->config + MM_PCI_COMMAND) & MM_PCI_COMMAND_INTX_DISABLE)
        return true;
    return (st->msi.cap && mm_msi_enabled(dev)) || (st->msix.cap && mm_msix_enabled(dev));
}

void mm_pci_intx_update(mm_pci_device *dev)
{
    pci_device_state *st = pci_state(dev);
    int pin = dev->config[MM_PCI_INTERRUPT_PIN];
    int routed = st->intx_level && !pci_intx_blocked(dev) && pin ? 1 : 0;
    if (routed == st->intx_routed || st->devfn < 0)
        return;
    st->intx_routed = routed;
    mm_pci_bus_intx_change(st->devfn, pin - 1, routed ? 1 : -1);
}

MM_API void mm_pci_set_irq(mm_pci_device *dev, int level)
{
    pci_device_state *st = pci_state(dev);
    if (!st)
        return;
    st->intx_level = level ? 1 : 0;
    uint16_t status = pci_get_word(dev->config + MM_PCI_STATUS);
    if (st->intx_level)
        status |= MM_PCI_STATUS_INTERRUPT;
    else
        status &= ~MM_PCI_STATUS_INTERRUPT;
    pci_set_word(dev->config + MM_PCI_STATUS, status);
    mm_pci_intx_update(dev);
}
