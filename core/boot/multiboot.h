/*
 * Multiboot (version 1) kernels through -kernel (core-internal), as QEMU
 * loads them: the a.out-kludge or ELF32 image, modules from -initrd
 * ("file args,file args"), the multiboot information structure (memory
 * sizes, E820-style map, command line "kernel-path append", modules, loader
 * name), and the 32-bit protected-mode entry with EAX = 0x2BADB002 and
 * EBX = the information structure.
 */
#ifndef MODEMU_BOOT_MULTIBOOT_H
#define MODEMU_BOOT_MULTIBOOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <modemu/error.h>

#include "boot/boot_state.h"
#include "boot/e820_map.h"
#include "boot/guest_memory.h"

#define MB_HEADER_MAGIC 0x1badb002u
#define MB_BOOTLOADER_MAGIC 0x2badb002u
#define MB_INFO_ADDR 0x00010000u     /* the information structure and its tables */

/* Offset of a valid multiboot header in the first 8 KiB, or -1. */
long mm_multiboot_header_offset(const uint8_t *image, size_t len);

typedef struct mm_multiboot_config {
    const char *kernel_path;
    const char *modules;         /* -initrd: "path args,path args", NULL = none */
    const char *cmdline;         /* -append, NULL = empty */
    const mm_e820_map *e820;
} mm_multiboot_config;

bool mm_multiboot_load(const mm_multiboot_config *cfg, const uint8_t *image, size_t len,
                       const mm_boot_memory *mem, mm_boot_state *state, mm_error **errp);

#endif
