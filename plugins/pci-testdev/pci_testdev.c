/*
 * pci-testdev (1b36:0005, class "other"): a device that exists to exercise
 * the PCI core from tests.  The same small register file answers in BAR0
 * (32-bit memory, 4 KiB) and BAR1 (I/O, 256 bytes); BAR2 (64-bit
 * prefetchable memory, 16 KiB) holds the MSI-X table (4 vectors at 0) and
 * PBA (at 0x2000).  An MSI capability with 4 maskable vectors is present too.
 *
 * Registers (32-bit, little-endian):
 *   0x00 ID       reads 0x54534554 ("TEST")
 *   0x04 SCRATCH  read/write
 *   0x08 INTX     write: level of INTA; read: the level driven
 *   0x0C MSI      write N: signal MSI vector N
 *   0x10 MSIX     write N: signal MSI-X vector N
 *   0x14 DMA      write ADDR: bus-master write of SCRATCH to ADDR (32-bit)
 *   0x18 DMA_OK   1 if the last DMA succeeded, else 0
 */
#include <modemu/error.h>
#include <modemu/pci.h>
#include <modemu/plugin.h>

#define TESTDEV_ID_VALUE 0x54534554u
#define REG_ID 0x00
#define REG_SCRATCH 0x04
#define REG_INTX 0x08
#define REG_MSI 0x0c
#define REG_MSIX 0x10
#define REG_DMA 0x14
#define REG_DMA_OK 0x18
#define MSIX_VECTORS 4
#define MSIX_PBA_OFFSET 0x2000

typedef struct pci_testdev {
    mm_pci_device parent;
    mm_memory_region *mmio, *pio, *msix_bar;
    uint32_t scratch, intx, dma_ok;
} pci_testdev;

static uint64_t testdev_read(void *opaque, uint64_t offset, unsigned size)
{
    pci_testdev *d = opaque;
    switch (offset) {
    case REG_ID: return TESTDEV_ID_VALUE;
    case REG_SCRATCH: return d->scratch;
    case REG_INTX: return d->intx;
    case REG_DMA_OK: return d->dma_ok;
    default: return 0;
    }
}

static void testdev_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    pci_testdev *d = opaque;
    switch (offset) {
    case REG_SCRATCH:
        d->scratch = value;
        break;
    case REG_INTX:
        d->intx = value != 0;
        mm_pci_set_irq(&d->parent, d->intx);
        break;
    case REG_MSI:
        mm_msi_notify(&d->parent, value);
        break;
    case REG_MSIX:
        mm_msix_notify(&d->parent, value);
        break;
    case REG_DMA: {
        uint8_t bytes[4] = { d->scratch, d->scratch >> 8, d->scratch >> 16, d->scratch >> 24 };
        d->dma_ok = mm_pci_dma_write(&d->parent, (uint32_t)value, bytes, sizeof(bytes));
        break;
    }
    default:
        break;
    }
}

static const mm_region_ops testdev_ops = {
    .read = testdev_read,
    .write = testdev_write,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
};

static bool testdev_realize(mm_object *obj, mm_error **errp)
{
    pci_testdev *d = (pci_testdev *)obj;
    mm_pci_device *dev = &d->parent;
    mm_pci_set_ids(dev, 0x1b36, 0x0005, 0x00ff00, 0x00);
    mm_pci_set_interrupt_pin(dev, 1);
    d->mmio = mm_region_new_io(obj, "pci-testdev-mmio", 0x1000, &testdev_ops, d);
    d->pio = mm_region_new_io(obj, "pci-testdev-pio", 0x100, &testdev_ops, d);
    d->msix_bar = mm_region_new_container(obj, "pci-testdev-msix", 0x4000);
    mm_pci_register_bar(dev, 0, MM_PCI_BAR_MEM32, d->mmio);
    mm_pci_register_bar(dev, 1, MM_PCI_BAR_IO, d->pio);
    mm_pci_register_bar(dev, 2, MM_PCI_BAR_MEM64 | MM_PCI_BAR_PREFETCH, d->msix_bar);
    if (!mm_msix_init(dev, MSIX_VECTORS, 2, 0, 2, MSIX_PBA_OFFSET, 0, errp))
        return false;
    return mm_msi_init(dev, 0, 4, true, true, errp);
}

static const mm_type_info pci_testdev_type = {
    .name = "pci-testdev",
    .parent = MM_TYPE_PCI_DEVICE,
    .description = "PCI test device (BARs, INTx, MSI, MSI-X, DMA) for the board's tests",
    .category = "misc",
    .instance_size = sizeof(pci_testdev),
    .user_creatable = true,
    .realize = testdev_realize,
};

static const mm_type_info *const pci_testdev_types[] = { &pci_testdev_type, NULL };

MM_PLUGIN_DEFINE(
    .name = "pci-testdev",
    .description = "PCI test device for the board's tests",
    .types = pci_testdev_types,
);
