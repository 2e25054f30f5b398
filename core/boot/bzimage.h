/*
 * The Linux bzImage setup header (Documentation/arch/x86/boot.rst), parsed
 * from the first part of a kernel image file (core-internal).
 */
#ifndef MODEMU_BOOT_BZIMAGE_H
#define MODEMU_BOOT_BZIMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <modemu/error.h>

/* Setup header offsets in the image (= in the zero page). */
#define BZ_SETUP_SECTS      0x1f1
#define BZ_BOOT_FLAG        0x1fe
#define BZ_JUMP             0x200
#define BZ_HEADER_MAGIC     0x202
#define BZ_VERSION          0x206
#define BZ_TYPE_OF_LOADER   0x210
#define BZ_LOADFLAGS        0x211
#define BZ_CODE32_START     0x214
#define BZ_RAMDISK_IMAGE    0x218
#define BZ_RAMDISK_SIZE     0x21c
#define BZ_HEAP_END_PTR     0x224
#define BZ_CMD_LINE_PTR     0x228
#define BZ_INITRD_ADDR_MAX  0x22c
#define BZ_KERNEL_ALIGNMENT 0x230
#define BZ_RELOCATABLE      0x234
#define BZ_XLOADFLAGS       0x236
#define BZ_CMDLINE_SIZE     0x238
#define BZ_PREF_ADDRESS     0x258
#define BZ_INIT_SIZE        0x260

#define BZ_MAGIC_HDRS       0x53726448u   /* "HdrS" */
#define BZ_LOADED_HIGH      0x01          /* loadflags */
#define BZ_CAN_USE_HEAP     0x80
#define BZ_XLF_KERNEL_64    0x0001        /* xloadflags: 64-bit entry at +0x200 */
#define BZ_XLF_CAN_BE_LOADED_ABOVE_4G 0x0002
#define BZ_LOADER_QEMU      0xb0          /* type_of_loader QEMU uses */

/* Oldest protocol we load: 2.02 brought LOADED_HIGH kernels with a command
 * line pointer; older images need the real-mode setup and a BIOS. */
#define BZ_MIN_VERSION      0x0202

typedef struct mm_bzimage {
    uint16_t version;
    uint8_t loadflags;
    uint16_t xloadflags;          /* 0 before 2.12 */
    size_t setup_size;            /* (setup_sects + 1) * 512: the real-mode part */
    size_t header_end;            /* 0x202 + byte at 0x201: end of the setup header */
    uint32_t code32_start;
    uint32_t initrd_addr_max;     /* highest byte the initrd may use */
    uint32_t cmdline_size;        /* maximum command line length without the NUL */
    uint32_t kernel_alignment;
    bool relocatable;
    uint64_t pref_address;        /* 0 before 2.10 */
    uint32_t init_size;           /* 0 before 2.10 */
} mm_bzimage;

/* Parses and validates the header of `image` (the whole file, `len` bytes).
 * Refuses, with one clear message, anything that is not a bzImage of boot
 * protocol 2.02 or later with a protected-mode part inside the file. */
bool mm_bzimage_parse(const uint8_t *image, size_t len, mm_bzimage *out, mm_error **errp);

/* Whether the image can be entered through its 64-bit entry point. */
static inline bool mm_bzimage_has_64bit_entry(const mm_bzimage *bz)
{
    return bz->version >= 0x020c && (bz->xloadflags & BZ_XLF_KERNEL_64);
}

#endif
