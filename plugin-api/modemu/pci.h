/*
 * PCI devices on the board's bus 0 (i440FX host bridge, config mechanism #1).
 *
 * A PCI device type derives from "pci-device" and embeds mm_pci_device first.
 * The base type owns the 256-byte configuration space, the standard header
 * (command/status, BARs, interrupt line/pin, expansion ROM), slot allocation
 * (`addr=SLOT[.FN]` property, otherwise the next free slot), BAR sizing and
 * mapping as the guest programs them, INTx, and the MSI/MSI-X capabilities.
 * Subclasses set their ids and register BARs in their realize hook.
 */
#ifndef MODEMU_PCI_H
#define MODEMU_PCI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <modemu/abi.h>
#include <modemu/error.h>
#include <modemu/memory.h>
#include <modemu/object.h>

#define MM_TYPE_PCI_DEVICE "pci-device"
#define MM_PCI_CONFIG_SIZE 256
#define MM_PCI_NUM_BARS 6
#define MM_PCI_ROM_BAR 6

/* Standard config-space offsets. */
#define MM_PCI_VENDOR_ID 0x00
#define MM_PCI_DEVICE_ID 0x02
#define MM_PCI_COMMAND 0x04
#define MM_PCI_STATUS 0x06
#define MM_PCI_REVISION_ID 0x08
#define MM_PCI_CLASS_PROG 0x09
#define MM_PCI_CLASS_DEVICE 0x0a
#define MM_PCI_HEADER_TYPE 0x0e
#define MM_PCI_BASE_ADDRESS_0 0x10
#define MM_PCI_SUBSYSTEM_VENDOR_ID 0x2c
#define MM_PCI_SUBSYSTEM_ID 0x2e
#define MM_PCI_ROM_ADDRESS 0x30
#define MM_PCI_CAPABILITY_LIST 0x34
#define MM_PCI_INTERRUPT_LINE 0x3c
#define MM_PCI_INTERRUPT_PIN 0x3d

#define MM_PCI_COMMAND_IO 0x1
#define MM_PCI_COMMAND_MEMORY 0x2
#define MM_PCI_COMMAND_MASTER 0x4
#define MM_PCI_COMMAND_INTX_DISABLE 0x400
#define MM_PCI_STATUS_INTERRUPT 0x08
#define MM_PCI_STATUS_CAP_LIST 0x10

#define MM_PCI_CAP_ID_MSI 0x05
#define MM_PCI_CAP_ID_VNDR 0x09
#define MM_PCI_CAP_ID_MSIX 0x11

/* BAR flags. */
#define MM_PCI_BAR_IO 0x01
#define MM_PCI_BAR_MEM32 0x00
#define MM_PCI_BAR_MEM64 0x04
#define MM_PCI_BAR_PREFETCH 0x08

typedef struct mm_pci_device mm_pci_device;

struct mm_pci_device {
    mm_object obj;
    uint8_t config[MM_PCI_CONFIG_SIZE];
    uint8_t wmask[MM_PCI_CONFIG_SIZE];    /* bits the guest may write */
    uint8_t w1cmask[MM_PCI_CONFIG_SIZE];  /* write-1-to-clear bits */
    /* Properties of the base type. */
    char *addr;            /* `addr=SLOT[.FN]` (hex, as QEMU), NULL = next free slot */
    bool multifunction;
    char *romfile;
    bool rombar;
    /* Optional overrides for device-specific config registers; the default
     * handlers are called by them for the standard part when needed. */
    uint32_t (*config_read)(mm_pci_device *dev, uint32_t offset, unsigned len);
    void (*config_write)(mm_pci_device *dev, uint32_t offset, uint32_t value, unsigned len);
    void *core_private;
};

/* The device's devfn (slot << 3 | function) once realized, else -1. */
MM_API int mm_pci_devfn(const mm_pci_device *dev);
/* Sets vendor/device/class (24-bit: base, sub, prog-if)/revision; subsystem
 * defaults to 1af4:1100 as on QEMU's pc board. */
MM_API void mm_pci_set_ids(mm_pci_device *dev, uint16_t vendor, uint16_t device,
                           uint32_t class_code, uint8_t revision);
MM_API void mm_pci_set_subsystem(mm_pci_device *dev, uint16_t vendor, uint16_t id);
/* Sets the interrupt pin (1 = INTA .. 4 = INTD, 0 = none). */
MM_API void mm_pci_set_interrupt_pin(mm_pci_device *dev, int pin);
/* Registers `region` as BAR `bar` (size must be a power of two). The core maps
 * it where and when the guest enables it.  flags: MM_PCI_BAR_*. */
MM_API void mm_pci_register_bar(mm_pci_device *dev, int bar, unsigned flags,
                                mm_memory_region *region);
/* Current guest address of a BAR, or UINT64_MAX if unmapped. */
MM_API uint64_t mm_pci_bar_address(const mm_pci_device *dev, int bar);
/* Default config-space accessors (for use by overrides). */
MM_API uint32_t mm_pci_default_config_read(mm_pci_device *dev, uint32_t offset, unsigned len);
MM_API void mm_pci_default_config_write(mm_pci_device *dev, uint32_t offset, uint32_t value,
                                        unsigned len);

/* INTx through the pin in config space, honouring INTX_DISABLE. */
MM_API void mm_pci_set_irq(mm_pci_device *dev, int level);

/* Capabilities: returns the offset (auto-placed when offset == 0) or 0 on error. */
MM_API uint8_t mm_pci_add_capability(mm_pci_device *dev, uint8_t cap_id, uint8_t offset,
                                     uint8_t size, mm_error **errp);
MM_API uint8_t mm_pci_find_capability(const mm_pci_device *dev, uint8_t cap_id);

/* MSI. */
MM_API bool mm_msi_init(mm_pci_device *dev, uint8_t offset, unsigned nr_vectors,
                        bool msi64bit, bool per_vector_mask, mm_error **errp);
MM_API bool mm_msi_enabled(const mm_pci_device *dev);
MM_API void mm_msi_notify(mm_pci_device *dev, unsigned vector);

/* MSI-X: the table and PBA live in (possibly the same) BARs that the device
 * registered BEFORE this call; those BAR regions must be containers
 * (mm_region_new_container) because the core adds the table and PBA MMIO to
 * them as subregions at the given offsets.  cap_offset 0 = auto-place. */
MM_API bool mm_msix_init(mm_pci_device *dev, unsigned nentries, int table_bar,
                         uint32_t table_offset, int pba_bar, uint32_t pba_offset,
                         uint8_t cap_offset, mm_error **errp);
MM_API bool mm_msix_enabled(const mm_pci_device *dev);
MM_API void mm_msix_notify(mm_pci_device *dev, unsigned vector);

/* Bus-master DMA through the memory space; fails (returns false) when bus
 * mastering is off or the range is unassigned. */
MM_API bool mm_pci_dma_read(mm_pci_device *dev, uint64_t addr, void *buf, size_t len);
MM_API bool mm_pci_dma_write(mm_pci_device *dev, uint64_t addr, const void *buf, size_t len);

#endif
