/*
 * The BIOS E820 memory map of the board's RAM layout (core-internal),
 * shared by fw_cfg's etc/e820 (what QEMU gives SeaBIOS) and the zero page of
 * direct Linux boot (what a BIOS would have reported).
 */
#ifndef MODEMU_MACHINE_PC_E820_H
#define MODEMU_MACHINE_PC_E820_H

#include <stddef.h>
#include <stdint.h>

#define MM_E820_RAM 1
#define MM_E820_RESERVED 2
#define MM_E820_ACPI 3
#define MM_E820_NVS 4

typedef struct mm_e820_entry {
    uint64_t addr, size;
    uint32_t type;
} mm_e820_entry;

typedef enum mm_e820_style {
    /* QEMU's etc/e820: one RAM entry 0..below-4G, one from 4 GiB; the
     * firmware carves out the legacy areas itself. */
    MM_E820_FOR_FIRMWARE,
    /* As the BIOS reports to a kernel: conventional memory up to the EBDA
     * (0x9FC00), the EBDA and the 0xF0000 BIOS segment reserved, then RAM
     * from 1 MiB. */
    MM_E820_FOR_KERNEL,
} mm_e820_style;

/* Fills up to max entries in address order; returns how many were written
 * (the map of a pc board has at most 5). */
size_t mm_e820_build(mm_e820_style style, mm_e820_entry *entries, size_t max);

/* Packs entries as etc/e820 does: {u64 addr, u64 size, u32 type}, little
 * endian, 20 bytes each.  out must hold 20 * count bytes. */
void mm_e820_pack(const mm_e820_entry *entries, size_t count, uint8_t *out);

#endif
