/*
 * Direct Linux boot (-kernel/-initrd/-append) per the x86 boot protocol
 * (core-internal): loads a bzImage, its command line and initrd into guest
 * RAM, builds the zero page, and produces the entry CPU state.
 */
#ifndef MODEMU_BOOT_LINUX_BOOT_H
#define MODEMU_BOOT_LINUX_BOOT_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/error.h>

#include "boot/boot_state.h"
#include "boot/e820_map.h"
#include "boot/guest_memory.h"

typedef struct mm_linux_boot_config {
    const char *kernel_path;
    const char *initrd_path;     /* NULL: none */
    const char *cmdline;         /* NULL: empty */
    const mm_e820_map *e820;     /* the board's memory map */
    uint64_t acpi_rsdp_addr;     /* 0: no ACPI tables */
} mm_linux_boot_config;

/* Where things went (for tests and -d logging). */
typedef struct mm_linux_boot_layout {
    uint64_t kernel_addr, kernel_size;
    uint64_t initrd_addr, initrd_size;
    uint64_t cmdline_addr;
    uint64_t zero_page_addr;
    uint64_t entry;
    bool long_mode_entry;
} mm_linux_boot_layout;

/* Loads the kernel described by cfg into mem and fills *state with the entry
 * CPU state; layout may be NULL.  Fails with one clear message (unreadable
 * file, not a bzImage, command line too long, not enough RAM ...). */
bool mm_linux_boot_load(const mm_linux_boot_config *cfg, const mm_boot_memory *mem,
                        mm_boot_state *state, mm_linux_boot_layout *layout, mm_error **errp);
/* The same with the kernel image already in memory (cfg->kernel_path names
 * it in messages). */
bool mm_linux_boot_load_image(const mm_linux_boot_config *cfg, const uint8_t *image,
                              size_t len, const mm_boot_memory *mem, mm_boot_state *state,
                              mm_linux_boot_layout *layout, mm_error **errp);

/* Whether the image carries a Linux boot sector and setup header. */
bool mm_linux_boot_is_bzimage(const uint8_t *image, size_t len);

#endif
