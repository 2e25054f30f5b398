/* i440FX PAM: RAM or PCI in 0xC0000-0xFFFFF (see pam.h). */
#include <modemu/memory.h>

#include "machine/pc/pam.h"

#define PAM_RE 0x1
#define PAM_WE 0x2
#define PAM_PRIORITY 1

/* Segment 0 is the 64 KiB BIOS area (PAM0 high nibble); 1..12 are the
 * 16 KiB pieces from 0xC0000 (PAM1 low nibble .. PAM6 high nibble). */
static uint64_t pam_seg_start(int i)
{
    return i == 0 ? 0xf0000 : 0xc0000 + (uint64_t)(i - 1) * 0x4000;
}

static uint64_t pam_seg_size(int i)
{
    return i == 0 ? 0x10000 : 0x4000;
}

static uint8_t pam_seg_mode(int i, const uint8_t *config)
{
    if (i == 0)
        return config[MM_PAM_FIRST_REG] >> 4;
    uint8_t reg = config[MM_PAM_FIRST_REG + 1 + (i - 1) / 2];
    return (i - 1) & 1 ? reg >> 4 : reg & 0xf;
}

void mm_pam_init(mm_pam_segment segs[MM_PAM_NUM_SEGMENTS], mm_object *owner,
                 mm_memory_region *system, mm_memory_region *ram, mm_memory_region *pci_mem)
{
    mm_memory_transaction_begin();
    for (int i = 0; i < MM_PAM_NUM_SEGMENTS; i++) {
        uint64_t start = pam_seg_start(i), size = pam_seg_size(i);
        segs[i].mode = 0;
        segs[i].pci_alias = mm_region_new_alias(owner, "pam-pci", pci_mem, start, size);
        mm_region_add_subregion(system, start, segs[i].pci_alias, PAM_PRIORITY);
        /* Without RAM behind the segment (tiny -m) RAM modes show nothing. */
        segs[i].ram_alias = NULL;
        if (ram && mm_region_size(ram) >= start + size) {
            segs[i].ram_alias = mm_region_new_alias(owner, "pam-ram", ram, start, size);
            mm_region_set_enabled(segs[i].ram_alias, false);
            mm_region_add_subregion(system, start, segs[i].ram_alias, PAM_PRIORITY);
        }
    }
    mm_memory_transaction_commit();
}

static void pam_apply(mm_pam_segment *seg, uint8_t mode)
{
    seg->mode = mode;
    bool use_ram = (mode & (PAM_RE | PAM_WE)) != 0;
    mm_region_set_enabled(seg->pci_alias, !use_ram);
    if (!seg->ram_alias)
        return;
    /* Mode 1 (read only): RAM reads, writes dropped.  Mode 2 (write only)
     * is mapped as read/write RAM, as QEMU does. */
    mm_region_set_readonly(seg->ram_alias, mode == PAM_RE);
    mm_region_set_enabled(seg->ram_alias, use_ram);
}

void mm_pam_update(mm_pam_segment segs[MM_PAM_NUM_SEGMENTS], const uint8_t *config)
{
    mm_memory_transaction_begin();
    for (int i = 0; i < MM_PAM_NUM_SEGMENTS; i++) {
        uint8_t mode = pam_seg_mode(i, config) & (PAM_RE | PAM_WE);
        if (mode != segs[i].mode)
            pam_apply(&segs[i], mode);
    }
    mm_memory_transaction_commit();
}
