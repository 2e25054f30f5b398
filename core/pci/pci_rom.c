/*
 * Option ROMs of PCI devices (`romfile=`, `rombar=`): the image is searched
 * in the firmware path and served through the expansion-ROM BAR, as QEMU's
 * pc does for VGA and NIC ROMs.  With rombar=off the image goes to fw_cfg
 * as genroms/<file> for the firmware to run instead.
 */
#include <string.h>
#include <glib.h>
#include <modemu/machine.h>

#include "machine/firmware_path.h"
#include "pci/pci_internal.h"

#define PCI_ROM_MAX_SIZE (16u << 20)

static uint64_t pow2_ceil(uint64_t v)
{
    uint64_t p = 1;
    while (p < v)
        p <<= 1;
    return p;
}

static bool pci_rom_read(mm_pci_device *dev, char **data, gsize *len, mm_error **errp)
{
    char *path = mm_firmware_find(dev->romfile);
    if (!path) {
        mm_error_set(errp, "%s: failed to find romfile \"%s\"",
                     mm_object_type_name(&dev->obj), dev->romfile);
        return false;
    }
    GError *gerr = NULL;
    bool ok = g_file_get_contents(path, data, len, &gerr);
    if (!ok) {
        mm_error_set(errp, "%s: failed to read romfile \"%s\": %s",
                     mm_object_type_name(&dev->obj), path, gerr->message);
        g_error_free(gerr);
    } else if (*len == 0 || *len > PCI_ROM_MAX_SIZE) {
        mm_error_set(errp, "%s: romfile \"%s\" is empty or larger than 16 MiB",
                     mm_object_type_name(&dev->obj), path);
        g_free(*data);
        ok = false;
    }
    g_free(path);
    return ok;
}

bool mm_pci_rom_load(mm_pci_device *dev, mm_error **errp)
{
    if (!dev->romfile || !*dev->romfile)
        return true;
    char *data;
    gsize len;
    if (!pci_rom_read(dev, &data, &len, errp))
        return false;
    bool ok = true;
    if (!dev->rombar) {
        char *base = g_path_get_basename(dev->romfile);
        char *name = g_strdup_printf("genroms/%s", base);
        ok = mm_fw_cfg_add_file(name, data, len);
        if (!ok)
            mm_error_set(errp, "%s: cannot pass romfile \"%s\" to the firmware (no fw_cfg "
                         "or a duplicate name)", mm_object_type_name(&dev->obj), name);
        g_free(name);
        g_free(base);
        g_free(data);
        return ok;
    }
    char *region_name = g_strdup_printf("%s.rom", mm_object_type_name(&dev->obj));
    mm_memory_region *rom = mm_region_new_rom(&dev->obj, region_name, pow2_ceil(len), errp);
    g_free(region_name);
    if (rom) {
        memcpy(mm_region_host_ptr(rom), data, len);
        pci_state(dev)->rom = rom;
        mm_pci_register_bar(dev, MM_PCI_ROM_BAR, MM_PCI_BAR_MEM32, rom);
    } else {
        ok = false;
    }
    g_free(data);
    return ok;
}

void mm_pci_rom_free(mm_pci_device *dev)
{
    pci_device_state *st = pci_state(dev);
    if (st->rom) {
        mm_region_free(st->rom);
        st->rom = NULL;
    }
}
