/* Building the zero page of a direct Linux boot (see zero_page.h). */
#include "boot/zero_page.h"

#include <string.h>

#include "boot/boot_layout.h"
#include "boot/le_field.h"

static void write_e820(uint8_t *zp, const mm_e820_map *map)
{
    unsigned n = map->count < MM_E820_MAX_ENTRIES ? map->count : MM_E820_MAX_ENTRIES;
    for (unsigned i = 0; i < n; i++) {
        size_t off = ZP_E820_TABLE + (size_t)i * ZP_E820_ENTRY_SIZE;
        put_le64(zp, off, map->entry[i].addr);
        put_le64(zp, off + 8, map->entry[i].size);
        put_le32(zp, off + 16, map->entry[i].type);
    }
    zp[ZP_E820_ENTRIES] = (uint8_t)n;
}

/* Legacy "KiB above 1 MiB" the kernel only uses when E820 is missing. */
static uint32_t alt_mem_k(const mm_e820_map *map)
{
    for (unsigned i = 0; i < map->count; i++) {
        const mm_e820_entry *e = &map->entry[i];
        if (e->type == MM_E820_RAM && e->addr == MM_BOOT_HIGH_MEMORY)
            return (uint32_t)(e->size >> 10);
    }
    return 0;
}

void mm_zero_page_build(uint8_t *zp, const uint8_t *image, const mm_bzimage *bz,
                        const mm_zero_page_info *info)
{
    memset(zp, 0, ZP_SIZE);
    /* The setup header is copied as is: the kernel reads its own fields
     * (version, init_size, ...) back from here. */
    memcpy(zp + BZ_SETUP_SECTS, image + BZ_SETUP_SECTS, bz->header_end - BZ_SETUP_SECTS);
    zp[ZP_SENTINEL] = 0;
    zp[BZ_TYPE_OF_LOADER] = BZ_LOADER_QEMU;
    put_le16(zp, ZP_VID_MODE, 0xffff);            /* "normal", as QEMU without vga= */
    /* As QEMU: a heap up to just below the command line (only the real-mode
     * setup uses it, but the fields must be consistent). */
    zp[BZ_LOADFLAGS] |= BZ_CAN_USE_HEAP;
    put_le16(zp, BZ_HEAP_END_PTR, 0xfe00);
    put_le32(zp, BZ_CMD_LINE_PTR, (uint32_t)info->cmdline_addr);
    put_le32(zp, ZP_EXT_CMD_LINE_PTR, (uint32_t)(info->cmdline_addr >> 32));
    put_le32(zp, BZ_RAMDISK_IMAGE, (uint32_t)info->initrd_addr);
    put_le32(zp, BZ_RAMDISK_SIZE, (uint32_t)info->initrd_size);
    put_le32(zp, ZP_EXT_RAMDISK_IMAGE, (uint32_t)(info->initrd_addr >> 32));
    put_le32(zp, ZP_EXT_RAMDISK_SIZE, (uint32_t)(info->initrd_size >> 32));
    put_le64(zp, ZP_ACPI_RSDP_ADDR, info->acpi_rsdp_addr);
    put_le32(zp, ZP_ALT_MEM_K, alt_mem_k(info->e820));
    write_e820(zp, info->e820);
}
