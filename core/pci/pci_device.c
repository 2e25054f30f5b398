/*
 * The "pci-device" base type: configuration space, standard header, ids,
 * and the default config accessors that apply the write masks and trigger
 * BAR/INTx/MSI side effects.
 */
#include <string.h>
#include <glib.h>
#include <modemu/machine.h>

#include "object/core_types.h"
#include "pci/pci_internal.h"

#define PCI_CACHE_LINE_SIZE 0x0c
#define PCI_LATENCY_TIMER 0x0d
#define PCI_HEADER_TYPE_MULTI_FUNCTION 0x80
#define PCI_COMMAND_PARITY 0x40
#define PCI_COMMAND_SERR 0x100
/* Error bits of the status register, write-1-to-clear (QEMU's set). */
#define PCI_STATUS_W1C_ERRORS 0xf900
#define PCI_DEFAULT_SUBSYSTEM_VENDOR 0x1af4
#define PCI_DEFAULT_SUBSYSTEM_ID 0x1100

MM_API int mm_pci_devfn(const mm_pci_device *dev)
{
    return pci_state(dev) ? pci_state(dev)->devfn : -1;
}

MM_API void mm_pci_set_ids(mm_pci_device *dev, uint16_t vendor, uint16_t device,
                           uint32_t class_code, uint8_t revision)
{
    pci_set_word(dev->config + MM_PCI_VENDOR_ID, vendor);
    pci_set_word(dev->config + MM_PCI_DEVICE_ID, device);
    dev->config[MM_PCI_REVISION_ID] = revision;
    dev->config[MM_PCI_CLASS_PROG] = class_code & 0xff;
    pci_set_word(dev->config + MM_PCI_CLASS_DEVICE, class_code >> 8);
}

MM_API void mm_pci_set_subsystem(mm_pci_device *dev, uint16_t vendor, uint16_t id)
{
    pci_set_word(dev->config + MM_PCI_SUBSYSTEM_VENDOR_ID, vendor);
    pci_set_word(dev->config + MM_PCI_SUBSYSTEM_ID, id);
}

MM_API void mm_pci_set_interrupt_pin(mm_pci_device *dev, int pin)
{
    if (pin < 0 || pin > PCI_NUM_PINS)
        pin = 0;
    dev->config[MM_PCI_INTERRUPT_PIN] = pin;
}

MM_API uint32_t mm_pci_default_config_read(mm_pci_device *dev, uint32_t offset, unsigned len)
{
    uint32_t value = 0;
    if (offset >= MM_PCI_CONFIG_SIZE || len > 4 || offset + len > MM_PCI_CONFIG_SIZE)
        return UINT32_MAX;
    for (unsigned i = 0; i < len; i++)
        value |= (uint32_t)dev->config[offset + i] << (8 * i);
    return value;
}

static void pci_apply_write_masks(mm_pci_device *dev, uint32_t offset, uint32_t value,
                                  unsigned len)
{
    for (unsigned i = 0; i < len; i++) {
        uint8_t byte = value >> (8 * i);
        uint8_t wmask = dev->wmask[offset + i];
        uint8_t w1c = dev->w1cmask[offset + i];
        uint8_t *reg = &dev->config[offset + i];
        *reg = (*reg & ~wmask) | (byte & wmask);
        *reg &= ~(byte & w1c);
    }
}

MM_API void mm_pci_default_config_write(mm_pci_device *dev, uint32_t offset, uint32_t value,
                                        unsigned len)
{
    if (offset >= MM_PCI_CONFIG_SIZE || len > 4 || offset + len > MM_PCI_CONFIG_SIZE)
        return;
    pci_device_state *st = pci_state(dev);
    uint16_t old_msix_control = 0;
    if (st->msix.cap)
        old_msix_control = pci_get_word(dev->config + st->msix.cap + 2);

    pci_apply_write_masks(dev, offset, value, len);

    if (ranges_overlap(offset, len, MM_PCI_COMMAND, 2) ||
        ranges_overlap(offset, len, MM_PCI_BASE_ADDRESS_0, 4 * MM_PCI_NUM_BARS) ||
        ranges_overlap(offset, len, MM_PCI_ROM_ADDRESS, 4))
        mm_pci_update_mappings(dev);
    if (ranges_overlap(offset, len, MM_PCI_COMMAND, 2))
        mm_pci_intx_update(dev);
    if (st->msi.cap)
        mm_msi_config_written(dev, offset, len);
    if (st->msix.cap)
        mm_msix_config_written(dev, offset, len, old_msix_control);
}

static void pci_init_header_masks(mm_pci_device *dev)
{
    pci_set_word(dev->wmask + MM_PCI_COMMAND,
                 MM_PCI_COMMAND_IO | MM_PCI_COMMAND_MEMORY | MM_PCI_COMMAND_MASTER |
                 PCI_COMMAND_PARITY | PCI_COMMAND_SERR | MM_PCI_COMMAND_INTX_DISABLE);
    pci_set_word(dev->w1cmask + MM_PCI_STATUS, PCI_STATUS_W1C_ERRORS);
    dev->wmask[PCI_CACHE_LINE_SIZE] = 0xff;
    dev->wmask[PCI_LATENCY_TIMER] = 0xff;
    dev->wmask[MM_PCI_INTERRUPT_LINE] = 0xff;
    /* As on QEMU, the device-specific area is writable unless a capability
     * or the device narrows it (chipset registers rely on this). */
    memset(dev->wmask + 0x40, 0xff, MM_PCI_CONFIG_SIZE - 0x40);
    /* The header is never capability space. */
    memset(pci_state(dev)->cap_used, 1, 0x40);
}

void mm_pci_device_reset(mm_pci_device *dev)
{
    pci_device_state *st = pci_state(dev);
    if (st->intx_level)
        mm_pci_set_irq(dev, 0);
    pci_set_word(dev->config + MM_PCI_COMMAND, 0);
    uint16_t status = pci_get_word(dev->config + MM_PCI_STATUS);
    status &= ~(PCI_STATUS_W1C_ERRORS | MM_PCI_STATUS_INTERRUPT);
    pci_set_word(dev->config + MM_PCI_STATUS, status);
    dev->config[PCI_CACHE_LINE_SIZE] = 0;
    dev->config[PCI_LATENCY_TIMER] = 0;
    dev->config[MM_PCI_INTERRUPT_LINE] = 0;
    mm_pci_bars_reset(dev);
    mm_msi_reset(dev);
    mm_msix_reset(dev);
    mm_pci_update_mappings(dev);
}

static void pci_device_reset_handler(void *opaque)
{
    mm_pci_device_reset(opaque);
}

static void pci_device_instance_init(mm_object *obj)
{
    mm_pci_device *dev = (mm_pci_device *)obj;
    pci_device_state *st = g_new0(pci_device_state, 1);
    st->devfn = -1;
    for (int i = 0; i <= MM_PCI_NUM_BARS; i++)
        st->bars[i].mapped_at = PCI_BAR_UNMAPPED;
    dev->core_private = st;
}

static bool pci_device_realize(mm_object *obj, mm_error **errp)
{
    mm_pci_device *dev = (mm_pci_device *)obj;
    if (!mm_pci_bus_attach(dev, errp))
        return false;
    pci_init_header_masks(dev);
    if (dev->multifunction)
        dev->config[MM_PCI_HEADER_TYPE] |= PCI_HEADER_TYPE_MULTI_FUNCTION;
    mm_pci_set_subsystem(dev, PCI_DEFAULT_SUBSYSTEM_VENDOR, PCI_DEFAULT_SUBSYSTEM_ID);
    if (!mm_pci_rom_load(dev, errp)) {
        mm_pci_bus_detach(dev);
        return false;
    }
    mm_machine_register_reset(pci_device_reset_handler, dev);
    return true;
}

static void pci_device_unrealize(mm_object *obj)
{
    mm_pci_device *dev = (mm_pci_device *)obj;
    mm_machine_unregister_reset(pci_device_reset_handler, dev);
    if (pci_state(dev)->intx_level)
        mm_pci_set_irq(dev, 0);
    mm_pci_unmap_all_bars(dev);
    mm_msix_teardown(dev);
    mm_pci_rom_free(dev);
    mm_pci_bus_detach(dev);
}

static void pci_device_instance_finalize(mm_object *obj)
{
    mm_pci_device *dev = (mm_pci_device *)obj;
    g_free(dev->core_private);
    dev->core_private = NULL;
}

static const mm_property pci_device_properties[] = {
    MM_PROP_DEFINE_STRING("addr", mm_pci_device, addr, NULL,
                          "Slot and function on bus 0, SLOT[.FN] in hex (default: next free slot)"),
    MM_PROP_DEFINE_BOOL("multifunction", mm_pci_device, multifunction, "off",
                        "Set the multi-function bit of function 0's header type"),
    MM_PROP_DEFINE_STRING("romfile", mm_pci_device, romfile, NULL,
                          "Option ROM image served through the expansion-ROM BAR"),
    MM_PROP_DEFINE_BOOL("rombar", mm_pci_device, rombar, "on",
                        "Expose the option ROM through the expansion-ROM BAR"),
    MM_PROP_END,
};

static const mm_type_info pci_device_info = {
    .name = MM_TYPE_PCI_DEVICE,
    .parent = MM_KIND_DEVICE,
    .description = "PCI device on the board's bus 0",
    .instance_size = sizeof(mm_pci_device),
    .abstract = true,
    .properties = pci_device_properties,
    .instance_init = pci_device_instance_init,
    .realize = pci_device_realize,
    .unrealize = pci_device_unrealize,
    .instance_finalize = pci_device_instance_finalize,
};
MM_CORE_TYPE_REGISTER(pci_device_info);
