/* Help texts and listings (see options/help.h). */
#include <string.h>
#include <glib.h>

#include "options/help.h"
#include "options/log_items.h"
#include "options/vga_types.h"
#include "options/table.h"
#include "vl/core_api.h"

void mm_help_print_version(FILE *out)
{
    fprintf(out, "modemu emulator version %s (QEMU-compatible command line)\n",
            MODEMU_VERSION_STRING);
}

void mm_help_print_usage(FILE *out)
{
    mm_help_print_version(out);
    fprintf(out, "usage: modemu-system-x86_64 [options] [disk_image]\n\n"
                 "'disk_image' is a raw hard disk image for IDE hard disk 0\n\n");
    for (unsigned i = 0; mm_option_at(i); i++) {
        const mm_option_def *def = mm_option_at(i);
        char *head = g_strdup_printf("-%s%s%s", def->name, def->arg_syntax ? " " : "",
                                     def->arg_syntax ? def->arg_syntax : "");
        const char *note = def->kind == MM_OPTION_UNIMPLEMENTED ? " (not implemented yet)" : "";
        if (strlen(head) < 30)
            fprintf(out, "%-30s %s%s\n", head, def->help, note);
        else
            fprintf(out, "%s\n%-30s %s%s\n", head, "", def->help, note);
        g_free(head);
    }
}

/* --- listings ----------------------------------------------------------- */

static void print_name_line(const mm_type_summary *type, void *opaque)
{
    fprintf(opaque, "%s\n", type->name);
}

/* QEMU lists each accepted name: aliases as "(alias of X)", and marks the
 * type that the default machine name resolves to. */
static void print_machine_line(const mm_type_summary *type, void *opaque)
{
    const char *desc = type->description ? type->description : "";
    const mm_type *registered = mm_type_find(MM_KIND_MACHINE, type->name);
    const mm_type_info *info = registered ? mm_type_get_info(registered) : NULL;
    for (const char *const *alias = info ? info->aliases : NULL; alias && *alias; alias++)
        fprintf(opaque, "%-20s %s (alias of %s)\n", *alias, desc, type->name);
    const mm_type *def = mm_type_find(MM_KIND_MACHINE, MM_DEFAULT_MACHINE_NAME);
    fprintf(opaque, "%-20s %s%s\n", type->name, desc,
            def && def == registered ? " (default)" : "");
}

static void print_described_line(const mm_type_summary *type, void *opaque)
{
    fprintf(opaque, "%-16s %s\n", type->name, type->description ? type->description : "");
}

/* QEMU's -device help sections, in its order. */
static const struct {
    const char *category, *title;
} device_sections[] = {
    { "bridge", "Controller/Bridge/Hub devices" }, { "usb", "USB devices" },
    { "storage", "Storage devices" }, { "network", "Network devices" },
    { "input", "Input devices" }, { "display", "Display devices" },
    { "sound", "Sound devices" }, { "misc", "Misc devices" }, { "cpu", "CPU devices" },
    { "watchdog", "Watchdog devices" }, { NULL, "Uncategorized devices" },
};

static bool category_is_known(const char *category)
{
    for (size_t i = 0; category && device_sections[i].category; i++) {
        if (!strcmp(device_sections[i].category, category))
            return true;
    }
    return false;
}

static const char *device_bus_name(const mm_type_summary *type)
{
    const char *parent = type->parent ? type->parent : "";
    if (strstr(parent, "pci"))
        return "PCI";
    if (strstr(parent, "isa"))
        return "ISA";
    if (strstr(parent, "usb"))
        return "usb-bus";
    return "System";
}

typedef struct device_section_walk {
    FILE *out;
    const char *category;   /* NULL: the uncategorized section */
    GString *lines;
} device_section_walk;

static void collect_device_line(const mm_type_summary *type, void *opaque)
{
    device_section_walk *walk = opaque;
    if (!type->user_creatable)
        return;
    bool match = walk->category ? (type->category && !strcmp(type->category, walk->category))
                                : !category_is_known(type->category);
    if (!match)
        return;
    g_string_append_printf(walk->lines, "name \"%s\", bus %s", type->name,
                           device_bus_name(type));
    const mm_type *registered = mm_type_find(MM_KIND_DEVICE, type->name);
    const mm_type_info *info = registered ? mm_type_get_info(registered) : NULL;
    for (const char *const *alias = info ? info->aliases : NULL; alias && *alias; alias++)
        g_string_append_printf(walk->lines, ", alias \"%s\"", *alias);
    if (type->description)
        g_string_append_printf(walk->lines, ", desc \"%s\"", type->description);
    g_string_append_c(walk->lines, '\n');
}

static void print_device_list(FILE *out)
{
    bool first = true;
    for (size_t i = 0; i < G_N_ELEMENTS(device_sections); i++) {
        device_section_walk walk = { out, device_sections[i].category, g_string_new(NULL) };
        mm_plugins_foreach_type(MM_KIND_DEVICE, collect_device_line, &walk);
        if (walk.lines->len) {
            fprintf(out, "%s%s:\n%s", first ? "" : "\n", device_sections[i].title,
                    walk.lines->str);
            first = false;
        }
        g_string_free(walk.lines, TRUE);
    }
}

static void print_nic_model(const mm_type_summary *type, void *opaque)
{
    if (type->user_creatable && type->category && !strcmp(type->category, "network"))
        fprintf(opaque, "%s\n", type->name);
}

static void print_accel_op(const mm_accel_ops *ops, void *opaque)
{
    fprintf(opaque, "%s\n", ops->name);
}

static void print_accel_type(const mm_type_summary *type, void *opaque)
{
    /* Accelerators registered in the core were printed already. */
    if (!mm_accel_find(type->name))
        fprintf(opaque, "%s\n", type->name);
}

static bool print_type_list(const char *kind, FILE *out, mm_error **errp)
{
    if (!strcmp(kind, "vga")) {
        mm_vga_types_print(out);
        return true;
    }
    if (!strcmp(kind, "log")) {
        mm_log_items_print(out);
        return true;
    }
    if (!strcmp(kind, "plugins")) {
        mm_plugins_print_list(out);
        return true;
    }
    if (!strcmp(kind, "accel")) {
        fprintf(out, "Accelerators supported in modemu binary:\n");
        mm_accel_foreach(print_accel_op, out);
        mm_plugins_foreach_type(MM_KIND_ACCEL, print_accel_type, out);
        return true;
    }
    if (!strcmp(kind, "cpu")) {
        /* The CPU model table prints only models the CPU really runs. */
        fflush(out);
        mm_cpuid_print_help();
        return true;
    }
    if (!strcmp(kind, "machine")) {
        fprintf(out, "Supported machines are:\n");
        mm_plugins_foreach_type(MM_KIND_MACHINE, print_machine_line, out);
    } else if (!strcmp(kind, "device")) {
        print_device_list(out);
    } else if (!strcmp(kind, "display")) {
        fprintf(out, "Available display backend types:\nnone\n");
        mm_plugins_foreach_type(MM_KIND_DISPLAY, print_name_line, out);
    } else if (!strcmp(kind, "nic-model")) {
        fprintf(out, "Available NIC models:\n");
        mm_plugins_foreach_type(MM_KIND_DEVICE, print_nic_model, out);
    } else if (!strcmp(kind, "netdev")) {
        fprintf(out, "Available netdev backend types:\n");
        mm_plugins_foreach_type(MM_KIND_NETDEV, print_name_line, out);
    } else if (!strcmp(kind, "chardev")) {
        fprintf(out, "Available chardev backend types:\n");
        mm_plugins_foreach_type(MM_KIND_CHARDEV, print_described_line, out);
    } else if (!strcmp(kind, "object")) {
        fprintf(out, "List of user creatable objects:\n");
        mm_plugins_foreach_type(MM_KIND_OBJECT, print_name_line, out);
    } else {
        mm_error_set(errp, "no listing for '%s'", kind);
        return false;
    }
    return true;
}

bool mm_help_print_listing(const char *kind, const char *name, FILE *out, mm_error **errp)
{
    if (!name)
        return print_type_list(kind, out, errp);
    return mm_plugins_print_type_help(kind, name, out, errp);
}
