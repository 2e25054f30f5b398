/* Parsing the bzImage setup header (see bzimage.h). */
#include "boot/bzimage.h"

#include <string.h>

#include "boot/le_field.h"

/* Defaults for fields that older protocol versions do not have. */
static uint32_t initrd_addr_max_of(const uint8_t *image, uint16_t version)
{
    /* Before 2.03 the field is absent and the limit is 0x37FFFFFF. */
    return version >= 0x0203 ? le32_at(image, BZ_INITRD_ADDR_MAX) : 0x37ffffffu;
}

static uint32_t cmdline_size_of(const uint8_t *image, uint16_t version)
{
    /* Before 2.06 the limit is 255 characters. */
    return version >= 0x0206 ? le32_at(image, BZ_CMDLINE_SIZE) : 255u;
}

/* Multiboot v1 header: magic 0x1BADB002, 4-byte aligned in the first 8 KiB. */
static bool has_multiboot_header(const uint8_t *image, size_t len)
{
    for (size_t off = 0; off + 12 <= len && off < 8192; off += 4)
        if (le32_at(image, off) == 0x1badb002u &&
            (uint32_t)(le32_at(image, off) + le32_at(image, off + 4) + le32_at(image, off + 8)) == 0)
            return true;
    return false;
}

/* Names the formats people pass by mistake, so the refusal says what to do. */
static void refuse_other_format(const uint8_t *image, size_t len, mm_error **errp)
{
    if (has_multiboot_header(image, len))
        mm_error_set(errp, "a multiboot kernel image, not a Linux bzImage");
    else if (len >= 4 && !memcmp(image, "\177ELF", 4))
        mm_error_set(errp, "ELF kernel images (vmlinux) are not supported by the direct boot; "
                     "use the bzImage (vmlinuz)");
    else
        mm_error_set(errp, "not a Linux kernel image (no boot sector signature 0xAA55)");
}

static bool header_is_present(const uint8_t *image, size_t len, mm_error **errp)
{
    if (len < 0x264 || le16_at(image, BZ_BOOT_FLAG) != 0xaa55) {
        refuse_other_format(image, len, errp);
        return false;
    }
    if (le32_at(image, BZ_HEADER_MAGIC) != BZ_MAGIC_HDRS) {
        mm_error_set(errp, "Linux kernel image without a setup header (boot protocol "
                     "older than 2.00) is not supported");
        return false;
    }
    return true;
}

static bool protocol_is_supported(const mm_bzimage *bz, mm_error **errp)
{
    if (bz->version < BZ_MIN_VERSION) {
        mm_error_set(errp, "Linux boot protocol %u.%02u is too old (need 2.02 or later)",
                     bz->version >> 8, bz->version & 0xff);
        return false;
    }
    if (!(bz->loadflags & BZ_LOADED_HIGH)) {
        mm_error_set(errp, "zImage kernels (not loaded high) are not supported; use a bzImage");
        return false;
    }
    return true;
}

bool mm_bzimage_parse(const uint8_t *image, size_t len, mm_bzimage *out, mm_error **errp)
{
    if (!header_is_present(image, len, errp))
        return false;
    mm_bzimage bz = { 0 };
    bz.version = le16_at(image, BZ_VERSION);
    bz.loadflags = image[BZ_LOADFLAGS];
    unsigned setup_sects = image[BZ_SETUP_SECTS] ? image[BZ_SETUP_SECTS] : 4;
    bz.setup_size = (size_t)(setup_sects + 1) * 512;
    bz.header_end = 0x202 + image[BZ_JUMP + 1];
    if (!protocol_is_supported(&bz, errp))
        return false;
    if (bz.setup_size >= len) {
        mm_error_set(errp, "truncated Linux kernel image (%zu bytes, setup alone is %zu)",
                     len, bz.setup_size);
        return false;
    }
    if (bz.header_end > 0x1000 || bz.header_end > len) {
        mm_error_set(errp, "corrupt Linux kernel image (setup header ends at 0x%zx)",
                     bz.header_end);
        return false;
    }
    bz.code32_start = le32_at(image, BZ_CODE32_START);
    bz.initrd_addr_max = initrd_addr_max_of(image, bz.version);
    bz.cmdline_size = cmdline_size_of(image, bz.version);
    if (bz.version >= 0x0205) {
        bz.kernel_alignment = le32_at(image, BZ_KERNEL_ALIGNMENT);
        bz.relocatable = image[BZ_RELOCATABLE] != 0;
    }
    if (bz.version >= 0x020a) {
        bz.pref_address = le64_at(image, BZ_PREF_ADDRESS);
        bz.init_size = le32_at(image, BZ_INIT_SIZE);
    }
    if (bz.version >= 0x020c)
        bz.xloadflags = le16_at(image, BZ_XLOADFLAGS);
    *out = bz;
    return true;
}
