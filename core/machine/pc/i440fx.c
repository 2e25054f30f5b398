/*
 * The i440FX host bridge (PCI 00:00.0, 8086:1237 rev 2): PAM registers,
 * SMRAM control and the RAM-size byte.  Configuration mechanism #1 itself
 * is in core/pci/pci_host_conf1.c.  As on QEMU, PAM and SMRAM have no reset
 * handler: they survive a system reset.
 */
#include <modemu/memory.h>
#include <modemu/pci.h>

#include "machine/pc/pam.h"
#include "memory/guest_ram.h"
#include "object/core_types.h"
#include "pci/pci_internal.h"

#define I440FX_RAM_SIZE_REG 0x57   /* 8 MiB units, capped at 255 */
#define I440FX_SMRAM 0x72
#define SMRAM_D_OPEN 0x40
#define SMRAM_D_CLS 0x20
#define SMRAM_D_LCK 0x10
#define SMRAM_G_SMRAME 0x08
#define SMRAM_C_BASE_SEG 0x02     /* fixed: SMRAM at 0xA0000 */
#define SMRAM_WRITABLE (SMRAM_D_OPEN | SMRAM_D_CLS | SMRAM_D_LCK | SMRAM_G_SMRAME)
#define VGA_WINDOW_BASE 0xa0000
#define VGA_WINDOW_SIZE 0x20000

typedef struct mm_i440fx {
    mm_pci_device parent;
    mm_pam_segment pam[MM_PAM_NUM_SEGMENTS];
    mm_memory_region *smram_pci;   /* PCI side of 0xA0000 while D_OPEN is clear */
} mm_i440fx;

static void i440fx_update_smram(mm_i440fx *s)
{
    uint8_t *smram = &s->parent.config[I440FX_SMRAM];
    /* D_LCK makes D_OPEN read as 0 and freezes the register until power-on. */
    if (*smram & SMRAM_D_LCK) {
        *smram &= ~SMRAM_D_OPEN;
        s->parent.wmask[I440FX_SMRAM] = SMRAM_D_CLS;
    }
    /* No SMM is emulated, so only D_OPEN matters: it shows the RAM under the
     * VGA window to ordinary accesses. */
    mm_region_set_enabled(s->smram_pci, !(*smram & SMRAM_D_OPEN));
}

static void i440fx_config_write(mm_pci_device *dev, uint32_t offset, uint32_t value,
                                unsigned len)
{
    mm_i440fx *s = (mm_i440fx *)dev;
    mm_pci_default_config_write(dev, offset, value, len);
    if (ranges_overlap(offset, len, MM_PAM_FIRST_REG, MM_PAM_LAST_REG - MM_PAM_FIRST_REG + 1))
        mm_pam_update(s->pam, dev->config);
    if (ranges_overlap(offset, len, I440FX_SMRAM, 1))
        i440fx_update_smram(s);
}

static bool i440fx_realize(mm_object *obj, mm_error **errp)
{
    mm_i440fx *s = (mm_i440fx *)obj;
    mm_pci_device *dev = &s->parent;
    mm_pci_set_ids(dev, 0x8086, 0x1237, 0x060000, 0x02);
    dev->config_write = i440fx_config_write;

    uint64_t ram_units = mm_machine_ram_size() / (8 << 20);
    dev->config[I440FX_RAM_SIZE_REG] = ram_units > 255 ? 255 : ram_units;
    dev->wmask[I440FX_RAM_SIZE_REG] = 0;
    dev->config[I440FX_SMRAM] = SMRAM_C_BASE_SEG;
    dev->wmask[I440FX_SMRAM] = SMRAM_WRITABLE;

    mm_memory_region *system = mm_address_space_root(mm_machine_memory_space());
    mm_pam_init(s->pam, obj, system, mm_guest_ram_region(), mm_pci_bus_mem_space());
    s->smram_pci = mm_region_new_alias(obj, "smram-region", mm_pci_bus_mem_space(),
                                       VGA_WINDOW_BASE, VGA_WINDOW_SIZE);
    mm_region_add_subregion(system, VGA_WINDOW_BASE, s->smram_pci, 1);
    mm_pam_update(s->pam, dev->config);
    i440fx_update_smram(s);
    return true;
}

static const mm_type_info i440fx_info = {
    .name = "i440FX",
    .parent = MM_TYPE_PCI_DEVICE,
    .description = "Intel 82441FX PCI host bridge (PAM, SMRAM)",
    .category = "bridge",
    .instance_size = sizeof(mm_i440fx),
    .realize = i440fx_realize,
};
MM_CORE_TYPE_REGISTER(i440fx_info);
