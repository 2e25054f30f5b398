/*
 * Core-private state of PCI devices and of bus 0 (core-internal).
 *
 * The bus is a single global (the pc board has one root bus): 256 devfns,
 * the memory and I/O containers that BARs map into, and the host's INTx
 * router, which the board installs (the i440FX/PIIX3 swizzle onto PIRQs).
 */
#ifndef MODEMU_PCI_PCI_INTERNAL_H
#define MODEMU_PCI_PCI_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/pci.h>

#define PCI_NUM_PINS 4
#define PCI_DEVFN_MAX 256
#define PCI_BAR_UNMAPPED UINT64_MAX

typedef struct pci_bar {
    mm_memory_region *region;   /* NULL: BAR not implemented */
    unsigned flags;             /* MM_PCI_BAR_* */
    uint64_t size;
    uint64_t mapped_at;         /* PCI_BAR_UNMAPPED when not in the address space */
} pci_bar;

typedef struct pci_msi_state {
    uint8_t cap;                /* 0: no MSI capability */
    unsigned nr_vectors;
    bool is_64bit, per_vector_mask;
} pci_msi_state;

typedef struct pci_msix_state {
    uint8_t cap;                /* 0: no MSI-X capability */
    unsigned nentries;
    uint8_t *table;             /* 16 bytes per entry */
    uint8_t *pba;               /* 1 bit per entry, 64-bit words */
    unsigned pba_size;
    mm_memory_region *table_mr, *pba_mr;
    mm_memory_region *table_parent, *pba_parent;
} pci_msix_state;

typedef struct pci_device_state {
    int devfn;                  /* -1 until attached */
    pci_bar bars[MM_PCI_NUM_BARS + 1];
    uint8_t cap_used[MM_PCI_CONFIG_SIZE];  /* bytes owned by capabilities */
    int intx_level;             /* what the device drives on its pin */
    int intx_routed;            /* what this device currently contributes to the PIRQ */
    pci_msi_state msi;
    pci_msix_state msix;
    mm_memory_region *rom;      /* romfile= image, owned */
} pci_device_state;

static inline pci_device_state *pci_state(const mm_pci_device *dev)
{
    return dev->core_private;
}

/* Board hooks: maps a device pin (0 = INTA) to a PIRQ index and drives it. */
typedef int (*mm_pci_map_irq_fn)(int devfn, int pin);
typedef void (*mm_pci_set_irq_fn)(void *opaque, int pirq, int level);

/* Bus 0 (core/pci/pci_bus.c). */
void mm_pci_bus_init(mm_memory_region *mem_space, mm_memory_region *io_space,
                     mm_pci_map_irq_fn map_irq, mm_pci_set_irq_fn set_irq, void *opaque);
void mm_pci_bus_teardown(void);
bool mm_pci_bus_present(void);
mm_memory_region *mm_pci_bus_mem_space(void);
mm_memory_region *mm_pci_bus_io_space(void);
bool mm_pci_bus_attach(mm_pci_device *dev, mm_error **errp);
void mm_pci_bus_detach(mm_pci_device *dev);
mm_pci_device *mm_pci_bus_find(int devfn);
/* Accumulates INTx levels of devices sharing a PIRQ. */
void mm_pci_bus_intx_change(int devfn, int pin, int delta);
/* Config cycles from the host bridge (bus 0 only; absent devfn reads ~0). */
uint32_t mm_pci_bus_config_read(int devfn, uint32_t offset, unsigned len);
void mm_pci_bus_config_write(int devfn, uint32_t offset, uint32_t value, unsigned len);

/* BARs (core/pci/pci_bar.c). */
void mm_pci_update_mappings(mm_pci_device *dev);
void mm_pci_unmap_all_bars(mm_pci_device *dev);
void mm_pci_bars_reset(mm_pci_device *dev);

/* INTx (core/pci/pci_intx.c): re-evaluates after a command register change. */
void mm_pci_intx_update(mm_pci_device *dev);

/* MSI / MSI-X config-space side effects (pci_msi.c / pci_msix.c). */
void mm_msi_config_written(mm_pci_device *dev, uint32_t offset, unsigned len);
void mm_msix_config_written(mm_pci_device *dev, uint32_t offset, unsigned len,
                            uint16_t old_control);
void mm_msi_reset(mm_pci_device *dev);
void mm_msix_reset(mm_pci_device *dev);
void mm_msix_teardown(mm_pci_device *dev);
/* Sends one MSI message as the device (bus master write). */
void mm_pci_send_msi(mm_pci_device *dev, uint64_t addr, uint32_t data);

/* Option ROM from romfile= (pci_rom.c): BAR 6, or fw_cfg with rombar=off. */
bool mm_pci_rom_load(mm_pci_device *dev, mm_error **errp);
void mm_pci_rom_free(mm_pci_device *dev);

/* Power-on state of the standard header (pci_device.c). */
void mm_pci_device_reset(mm_pci_device *dev);

/* Little-endian config helpers. */
static inline uint16_t pci_get_word(const uint8_t *p) { return p[0] | (p[1] << 8); }
static inline uint32_t pci_get_long(const uint8_t *p)
{
    return p[0] | (p[1] << 8) | (p[2] << 16) | ((uint32_t)p[3] << 24);
}
static inline void pci_set_word(uint8_t *p, uint16_t v) { p[0] = v; p[1] = v >> 8; }
static inline void pci_set_long(uint8_t *p, uint32_t v)
{
    p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24;
}
static inline bool ranges_overlap(uint32_t a, unsigned alen, uint32_t b, unsigned blen)
{
    return a < b + blen && b < a + alen;
}

#endif
