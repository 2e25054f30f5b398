/*
 * i440FX Programmable Attribute Map (core-internal): the thirteen segments of
 * 0xC0000-0xFFFFF that show either guest RAM (read-only or read/write) or
 * the PCI side (option-ROM area, BIOS alias), per PAM register nibbles.
 */
#ifndef MODEMU_MACHINE_PC_PAM_H
#define MODEMU_MACHINE_PC_PAM_H

#include <stdint.h>
#include <modemu/memory.h>

#define MM_PAM_NUM_SEGMENTS 13
#define MM_PAM_FIRST_REG 0x59
#define MM_PAM_LAST_REG 0x5f

typedef struct mm_pam_segment {
    mm_memory_region *ram_alias, *pci_alias;
    uint8_t mode;   /* bit0 read enable, bit1 write enable */
} mm_pam_segment;

/* Creates the aliases (PCI side shown) in `system` above RAM. */
void mm_pam_init(mm_pam_segment segs[MM_PAM_NUM_SEGMENTS], mm_object *owner,
                 mm_memory_region *system, mm_memory_region *ram, mm_memory_region *pci_mem);
/* Applies the PAM registers 0x59..0x5F of `config`. */
void mm_pam_update(mm_pam_segment segs[MM_PAM_NUM_SEGMENTS], const uint8_t *config);

#endif
