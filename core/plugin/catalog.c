/* The built-in catalog of well-known names and their plugins (see catalog.h). */
#include <string.h>
#include <glib.h>
#include <modemu/object.h>

#include "plugin/catalog.h"

typedef struct catalog_entry {
    const char *kind;
    const char *name;    /* trailing '*' matches a prefix */
    const char *plugin;
} catalog_entry;

static const catalog_entry catalog[] = {
    {MM_KIND_DISPLAY, "vnc", "ui-vnc"},
    {MM_KIND_DISPLAY, "gtk", "ui-gtk"},
    {MM_KIND_DISPLAY, "sdl", "ui-sdl"},
    {MM_KIND_DISPLAY, "spice-app", "ui-spice"},
    {MM_KIND_DISPLAY, "spice", "ui-spice"},
    {MM_KIND_DISPLAY, "curses", "ui-curses"},
    {MM_KIND_NETDEV, "user", "net-user"},
    {MM_KIND_NETDEV, "tap", "net-tap"},
    {MM_KIND_NETDEV, "bridge", "net-tap"},
    {MM_KIND_NETDEV, "socket", "net-socket"},
    {MM_KIND_DEVICE, "e1000", "e1000"},
    {MM_KIND_DEVICE, "rtl8139", "rtl8139"},
    {MM_KIND_DEVICE, "virtio-net-pci", "net-virtio"},
    {MM_KIND_DEVICE, "virtio-blk-pci", "blk-virtio"},
    {MM_KIND_DEVICE, "virtio-balloon-pci", "balloon-virtio"},
    {MM_KIND_DEVICE, "virtio-9p-pci", "fs-9p"},
    {MM_KIND_DEVICE, "ide-hd", "ide"},
    {MM_KIND_DEVICE, "ide-cd", "ide"},
    {MM_KIND_DEVICE, "VGA", "vga-std"},
    {MM_KIND_DEVICE, "cirrus-vga", "vga-cirrus"},
    {MM_KIND_DEVICE, "usb-*", "usb"},
    {MM_KIND_DEVICE, "vfio-pci", "vfio"},
    {MM_KIND_DEVICE, "pci-assign", "vfio"},
    {MM_KIND_DEVICE, "isa-serial", "serial"},
    {MM_KIND_BLOCK_FORMAT, "qcow2", "block-qcow2"},
    {MM_KIND_BLOCK_FORMAT, "raw", "block-raw"},
    {MM_KIND_CHARDEV, "socket", "chardev-basic"},
    {MM_KIND_CHARDEV, "stdio", "chardev-basic"},
    {MM_KIND_CHARDEV, "file", "chardev-basic"},
    {MM_KIND_CHARDEV, "null", "chardev-basic"},
    {MM_KIND_CHARDEV, "pipe", "chardev-basic"},
    {MM_KIND_CHARDEV, "pty", "chardev-basic"},
    {MM_KIND_CHARDEV, "udp", "chardev-basic"},
    {MM_KIND_CHARDEV, "spicevmc", "ui-spice"},
};

static bool catalog_name_matches(const char *pattern, const char *name)
{
    size_t n = strlen(pattern);
    if (n > 0 && pattern[n - 1] == '*')
        return strncmp(pattern, name, n - 1) == 0;
    return strcmp(pattern, name) == 0;
}

const char *mm_catalog_plugin_for(const char *kind, const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(catalog); i++)
        if (!strcmp(catalog[i].kind, kind) && catalog_name_matches(catalog[i].name, name))
            return catalog[i].plugin;
    return NULL;
}

const char *mm_kind_label(const char *kind)
{
    if (!strcmp(kind, MM_KIND_BLOCK_FORMAT))
        return "block format";
    if (!strcmp(kind, MM_KIND_ACCEL))
        return "accelerator";
    return kind;
}
