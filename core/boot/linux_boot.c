/* Direct Linux boot: placement and loading (see linux_boot.h). */
#include "boot/linux_boot.h"

#include <inttypes.h>
#include <string.h>
#include <glib.h>

#include "boot/boot_file.h"
#include "boot/boot_layout.h"
#include "boot/bzimage.h"
#include "boot/entry_state.h"
#include "boot/le_field.h"
#include "boot/zero_page.h"

#define PAGE_MASK (~UINT64_C(0xfff))

/* The end of the memory the kernel occupies while it decompresses itself:
 * it runs from max(load address, pref_address) for init_size bytes. */
static uint64_t kernel_footprint_end(const mm_bzimage *bz, uint64_t load, uint64_t size)
{
    uint64_t start = bz->pref_address > load ? bz->pref_address : load;
    uint64_t need = bz->init_size > size ? bz->init_size : size;
    return start + need;
}

/* Highest end address of RAM below 4 GiB in the map. */
static uint64_t ram_top_below_4g(const mm_e820_map *map)
{
    uint64_t top = 0;
    for (unsigned i = 0; i < map->count; i++) {
        const mm_e820_entry *e = &map->entry[i];
        uint64_t end = e->addr + e->size;
        if (e->type == MM_E820_RAM && end <= UINT64_C(0x100000000) && end > top)
            top = end;
    }
    return top;
}

static bool place_kernel(const mm_linux_boot_config *cfg, const mm_bzimage *bz,
                         uint64_t kernel_size, mm_linux_boot_layout *lay, mm_error **errp)
{
    lay->kernel_addr = MM_BOOT_HIGH_MEMORY;
    lay->kernel_size = kernel_size;
    /* A header asking for memory beyond 4 GiB is corrupt, not a bigger -m. */
    if (bz->pref_address >= UINT64_C(0x100000000)) {
        mm_error_set(errp, "corrupt Linux kernel header: preferred load address 0x%" PRIx64
                     " is above 4 GiB", bz->pref_address);
        return false;
    }
    uint64_t end = kernel_footprint_end(bz, lay->kernel_addr, kernel_size);
    if (!mm_e820_map_is_ram(cfg->e820, lay->kernel_addr, end - lay->kernel_addr)) {
        mm_error_set(errp, "not enough RAM for the kernel: it needs memory up to %" PRIu64
                     " MiB (try a larger -m)", (end + 0xfffff) >> 20);
        return false;
    }
    return true;
}

/* The initrd goes as high as the kernel allows (initrd_addr_max) and RAM
 * below 4 GiB reaches, page aligned, as QEMU and most loaders do. */
static bool place_initrd(const mm_linux_boot_config *cfg, const mm_bzimage *bz,
                         uint64_t size, mm_linux_boot_layout *lay, mm_error **errp)
{
    uint64_t top = ram_top_below_4g(cfg->e820);
    uint64_t limit = (uint64_t)bz->initrd_addr_max + 1;
    if (limit < top)
        top = limit;
    uint64_t low = kernel_footprint_end(bz, lay->kernel_addr, lay->kernel_size);
    if (size > top || ((top - size) & PAGE_MASK) < low) {
        mm_error_set(errp, "initrd of %" PRIu64 " KiB does not fit in RAM between the kernel "
                     "(up to 0x%" PRIx64 ") and 0x%" PRIx64 " (try a larger -m)",
                     size >> 10, low, top);
        return false;
    }
    lay->initrd_addr = (top - size) & PAGE_MASK;
    lay->initrd_size = size;
    if (!mm_e820_map_is_ram(cfg->e820, lay->initrd_addr, size)) {
        mm_error_set(errp, "no RAM for the initrd at 0x%" PRIx64, lay->initrd_addr);
        return false;
    }
    return true;
}

static bool check_cmdline(const char *cmdline, const mm_bzimage *bz, mm_error **errp)
{
    size_t len = strlen(cmdline);
    if (len > bz->cmdline_size || len >= MM_BOOT_CMDLINE_MAX) {
        mm_error_set(errp, "kernel command line too long (%zu characters, this kernel "
                     "accepts %u)", len, bz->cmdline_size);
        return false;
    }
    return true;
}

static bool write_or_fail(const mm_boot_memory *mem, uint64_t addr, const void *buf,
                          size_t len, const char *what, mm_error **errp)
{
    if (mem->write(mem->opaque, addr, buf, len))
        return true;
    mm_error_set(errp, "could not write the %s to guest RAM at 0x%" PRIx64, what, addr);
    return false;
}

static bool write_entry_structures(const mm_boot_memory *mem, bool long_mode, mm_error **errp)
{
    if (!mm_boot_write_gdt(mem, long_mode) ||
        (long_mode && !mm_boot_write_identity_page_tables(mem))) {
        mm_error_set(errp, "could not write the boot GDT and page tables to guest RAM");
        return false;
    }
    return true;
}

static bool load_initrd(const mm_linux_boot_config *cfg, const mm_boot_memory *mem,
                        const mm_bzimage *bz, mm_linux_boot_layout *lay, mm_error **errp)
{
    if (!cfg->initrd_path)
        return true;
    uint8_t *initrd;
    size_t initrd_len;
    if (!mm_boot_read_file("initrd", cfg->initrd_path, &initrd, &initrd_len, errp))
        return false;
    bool ok = place_initrd(cfg, bz, initrd_len, lay, errp) &&
              write_or_fail(mem, lay->initrd_addr, initrd, initrd_len, "initrd", errp);
    g_free(initrd);
    return ok;
}

static bool load_parsed(const mm_linux_boot_config *cfg, const mm_boot_memory *mem,
                        const uint8_t *image, size_t image_len, const mm_bzimage *bz,
                        mm_boot_state *state, mm_linux_boot_layout *lay, mm_error **errp)
{
    const char *cmdline = cfg->cmdline ? cfg->cmdline : "";
    if (!check_cmdline(cmdline, bz, errp) ||
        !place_kernel(cfg, bz, image_len - bz->setup_size, lay, errp) ||
        !load_initrd(cfg, mem, bz, lay, errp))
        return false;
    lay->cmdline_addr = MM_BOOT_CMDLINE_ADDR;
    lay->zero_page_addr = MM_BOOT_ZERO_PAGE_ADDR;
    lay->long_mode_entry = mm_bzimage_has_64bit_entry(bz);
    /* The 64-bit entry point is 0x200 past the 32-bit one. */
    lay->entry = lay->kernel_addr + (lay->long_mode_entry ? 0x200 : 0);

    uint8_t zp[ZP_SIZE];
    mm_zero_page_info info = {
        .cmdline_addr = lay->cmdline_addr, .initrd_addr = lay->initrd_addr,
        .initrd_size = lay->initrd_size, .acpi_rsdp_addr = cfg->acpi_rsdp_addr,
        .e820 = cfg->e820,
    };
    mm_zero_page_build(zp, image, bz, &info);
    if (!write_or_fail(mem, lay->kernel_addr, image + bz->setup_size, lay->kernel_size,
                       "kernel", errp) ||
        !write_or_fail(mem, lay->cmdline_addr, cmdline, strlen(cmdline) + 1,
                       "kernel command line", errp) ||
        !write_or_fail(mem, lay->zero_page_addr, zp, sizeof(zp), "zero page", errp) ||
        !write_entry_structures(mem, lay->long_mode_entry, errp))
        return false;

    if (lay->long_mode_entry)
        mm_boot_state_long_mode(state, lay->entry, lay->zero_page_addr);
    else
        mm_boot_state_protected_mode(state, lay->entry, lay->zero_page_addr);
    return true;
}

bool mm_linux_boot_is_bzimage(const uint8_t *image, size_t len)
{
    return len >= BZ_HEADER_MAGIC + 4 && le16_at(image, BZ_BOOT_FLAG) == 0xaa55 &&
           le32_at(image, BZ_HEADER_MAGIC) == BZ_MAGIC_HDRS;
}

bool mm_linux_boot_load_image(const mm_linux_boot_config *cfg, const uint8_t *image,
                              size_t len, const mm_boot_memory *mem, mm_boot_state *state,
                              mm_linux_boot_layout *layout, mm_error **errp)
{
    mm_bzimage bz;
    mm_linux_boot_layout lay = { 0 };
    if (!mm_bzimage_parse(image, len, &bz, errp)) {
        mm_error_prepend(errp, "%s", cfg->kernel_path);
        return false;
    }
    if (!load_parsed(cfg, mem, image, len, &bz, state, &lay, errp))
        return false;
    if (layout)
        *layout = lay;
    return true;
}

bool mm_linux_boot_load(const mm_linux_boot_config *cfg, const mm_boot_memory *mem,
                        mm_boot_state *state, mm_linux_boot_layout *layout, mm_error **errp)
{
    uint8_t *image;
    size_t image_len;
    if (!mm_boot_read_file("kernel", cfg->kernel_path, &image, &image_len, errp))
        return false;
    bool ok = mm_linux_boot_load_image(cfg, image, image_len, mem, state, layout, errp);
    g_free(image);
    return ok;
}
