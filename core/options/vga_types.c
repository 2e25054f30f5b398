/* -vga names (see options/vga_types.h). */
#include <string.h>
#include <glib.h>

#include "options/vga_types.h"

static const mm_vga_type vga_types[] = {
    { "none",   NULL,          "no graphic card" },
    { "std",    "VGA",         "standard VGA (default)" },
    { "cirrus", "cirrus-vga",  "Cirrus VGA" },
    { "vmware", "vmware-svga", "VMWare SVGA" },
    { "qxl",    "qxl-vga",     "QXL VGA" },
    { "virtio", "virtio-vga",  "Virtio VGA" },
};

const mm_vga_type *mm_vga_type_find(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(vga_types); i++) {
        if (!strcmp(vga_types[i].name, name))
            return &vga_types[i];
    }
    return NULL;
}

void mm_vga_types_print(FILE *out)
{
    for (size_t i = 0; i < G_N_ELEMENTS(vga_types); i++)
        fprintf(out, "%-20s %s\n", vga_types[i].name, vga_types[i].description);
}
