/*
 * The Linux zero page (struct boot_params, Documentation/arch/x86/zero-page.rst)
 * a direct boot hands to the kernel in RSI (core-internal).
 */
#ifndef MODEMU_BOOT_ZERO_PAGE_H
#define MODEMU_BOOT_ZERO_PAGE_H

#include <stdint.h>

#include "boot/bzimage.h"
#include "boot/e820_map.h"

#define ZP_SIZE               4096
#define ZP_ACPI_RSDP_ADDR     0x070
#define ZP_EXT_RAMDISK_IMAGE  0x0c0
#define ZP_EXT_RAMDISK_SIZE   0x0c4
#define ZP_EXT_CMD_LINE_PTR   0x0c8
#define ZP_ALT_MEM_K          0x1e0
#define ZP_E820_ENTRIES       0x1e8
#define ZP_SENTINEL           0x1ef
#define ZP_VID_MODE           0x1fa
#define ZP_E820_TABLE         0x2d0
#define ZP_E820_ENTRY_SIZE    20

typedef struct mm_zero_page_info {
    uint64_t cmdline_addr;
    uint64_t initrd_addr, initrd_size;   /* size 0: no initrd */
    uint64_t acpi_rsdp_addr;             /* 0: none (the kernel scans the BIOS area) */
    const mm_e820_map *e820;
} mm_zero_page_info;

/* Fills zp[ZP_SIZE]: the image's setup header, then what the boot loader
 * writes (type_of_loader, command line, initrd, E820 map, RSDP address). */
void mm_zero_page_build(uint8_t *zp, const uint8_t *image, const mm_bzimage *bz,
                        const mm_zero_page_info *info);

#endif
