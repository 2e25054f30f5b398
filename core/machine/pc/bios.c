/* Loading and mapping the system firmware (see bios.h). */
#include <string.h>
#include <glib.h>

#include "machine/firmware_path.h"
#include "machine/pc/bios.h"

#define FOUR_GIB 0x100000000ull
#define ISA_BIOS_MAX 0x20000ull       /* 128 KiB visible below 1 MiB */
#define BIOS_MAX_SIZE (16ull << 20)   /* the flash window QEMU allows */
#define BIOS_SIZE_ALIGN 0x10000ull
#define PC_ROM_BASE 0xc0000ull
#define PC_ROM_SIZE 0x20000ull

static bool bios_read_file(const char *name, char **data, gsize *size, mm_error **errp)
{
    char *path = mm_firmware_find(name);
    if (!path && strchr(name, '/')) {
        mm_error_set(errp, "could not load PC BIOS '%s': no such file", name);
        return false;
    }
    if (!path) {
        char *dirs = mm_firmware_search_dirs_text();
        mm_error_set(errp, "could not find firmware '%s' (searched %s; use -bios FILE "
                     "or -L DIR)", name, dirs);
        g_free(dirs);
        return false;
    }
    GError *gerr = NULL;
    bool ok = g_file_get_contents(path, data, size, &gerr);
    if (!ok) {
        mm_error_set(errp, "could not read firmware '%s': %s", path, gerr->message);
        g_error_free(gerr);
    } else if (*size == 0 || *size > BIOS_MAX_SIZE || *size % BIOS_SIZE_ALIGN) {
        mm_error_set(errp, "firmware '%s' has an invalid size of %zu bytes (must be a "
                     "non-zero multiple of 64 KiB, at most 16 MiB)", path, (size_t)*size);
        g_free(*data);
        ok = false;
    }
    g_free(path);
    return ok;
}

bool mm_pc_bios_load(const char *name, mm_memory_region *pci_mem, mm_error **errp)
{
    char *data;
    gsize size;
    if (!bios_read_file(name ? name : MM_PC_DEFAULT_BIOS, &data, &size, errp))
        return false;
    mm_memory_region *bios = mm_region_new_rom(NULL, "pc.bios", size, errp);
    if (!bios) {
        g_free(data);
        return false;
    }
    memcpy(mm_region_host_ptr(bios), data, size);
    g_free(data);

    mm_memory_region *pc_rom = mm_region_new_rom(NULL, "pc.rom", PC_ROM_SIZE, errp);
    if (!pc_rom)
        return false;
    uint64_t isa_size = MIN((uint64_t)size, ISA_BIOS_MAX);
    mm_memory_region *isa_bios = mm_region_new_alias(NULL, "isa-bios", bios, size - isa_size,
                                                     isa_size);
    mm_memory_transaction_begin();
    mm_region_add_subregion(pci_mem, FOUR_GIB - size, bios, 0);
    mm_region_add_subregion(pci_mem, 0x100000 - isa_size, isa_bios, 1);
    mm_region_add_subregion(pci_mem, PC_ROM_BASE, pc_rom, 1);
    mm_memory_transaction_commit();
    return true;
}
