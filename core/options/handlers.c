/* Options that need more than "put the argument in a group" (options/table.h). */
#include <string.h>
#include <glib.h>

#include "options/config_file.h"
#include "options/help.h"
#include "options/keyval.h"
#include "options/log_items.h"
#include "options/table.h"

bool mm_option_usage(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp)
{
    mm_help_print_usage(c->out);
    c->exit_now = true;
    return true;
}

bool mm_option_version(const mm_option_def *def, const char *arg, mm_cmdline *c,
                       mm_error **errp)
{
    mm_help_print_version(c->out);
    c->exit_now = true;
    return true;
}

static bool add_instance(mm_cmdline *c, mm_opts *opts, mm_error **errp)
{
    return mm_opts_db_add(c->db, opts, errp);
}

/* "-cpu model,+feat,-feat,feat=on": the model, then the feature list kept as
 * text for the CPU to interpret (it knows which features exist). */
bool mm_option_cpu(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp)
{
    if (mm_keyval_is_help(arg)) {
        mm_cmdline_request_help(c, "cpu", NULL);
        return true;
    }
    const char *comma = strchr(arg, ',');
    char *model = comma ? g_strndup(arg, (gsize)(comma - arg)) : g_strdup(arg);
    bool ok = *model != '\0';
    if (!ok)
        mm_error_set(errp, "CPU model name is missing");
    char **features = comma ? g_strsplit(comma + 1, ",", -1) : NULL;
    for (char **f = features; ok && f && *f; f++) {
        const char *name = (**f == '+' || **f == '-') ? *f + 1 : *f;
        size_t len = strcspn(name, "=");
        if (len == 0 || (name != *f && name[len] == '=')) {
            mm_error_set(errp, "CPU feature '%s' is not +name, -name or name=value", *f);
            ok = false;
        }
    }
    g_strfreev(features);
    if (ok) {
        mm_opts *opts = mm_opts_db_merged(c->db, "cpu");
        mm_opts_set(opts, "model", model);
        if (comma)
            mm_opts_set(opts, "features", comma + 1);
        else
            mm_opts_unset(opts, "features");
    }
    g_free(model);
    return ok;
}

/* -hda..-hdd, -cdrom, -fda, -fdb: shorthands for -drive, as QEMU's drive_add. */
bool mm_option_disk(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp)
{
    static const struct {
        const char *option, *interface, *index, *media;
    } disks[] = {
        { "hda", NULL, "0", "disk" },  { "hdb", NULL, "1", "disk" },
        { "hdc", NULL, "2", "disk" },  { "hdd", NULL, "3", "disk" },
        { "cdrom", NULL, "2", "cdrom" },
        { "fda", "floppy", "0", NULL }, { "fdb", "floppy", "1", NULL },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(disks); i++) {
        if (strcmp(disks[i].option, def->name))
            continue;
        mm_opts *opts = mm_opts_new("drive", NULL);
        mm_opts_set(opts, "file", arg);
        if (disks[i].interface)
            mm_opts_set(opts, "if", disks[i].interface);
        mm_opts_set(opts, "index", disks[i].index);
        if (disks[i].media)
            mm_opts_set(opts, "media", disks[i].media);
        return add_instance(c, opts, errp);
    }
    mm_error_set(errp, "no drive shorthand for -%s", def->name);
    return false;
}

static bool add_device(mm_cmdline *c, const char *driver, const char *extra_key,
                       const char *extra_value, mm_error **errp)
{
    mm_opts *opts = mm_opts_new("device", NULL);
    mm_opts_set(opts, "driver", driver);
    if (extra_key)
        mm_opts_set(opts, extra_key, extra_value);
    return add_instance(c, opts, errp);
}

/* -balloon none | virtio[,addr=str]: the old spelling of -device virtio-balloon-pci. */
bool mm_option_balloon(const mm_option_def *def, const char *arg, mm_cmdline *c,
                       mm_error **errp)
{
    if (!strcmp(arg, "none"))
        return true;
    mm_opts *opts = mm_keyval_parse("device", arg, "driver", errp);
    if (!opts)
        return false;
    if (strcmp(mm_opts_get(opts, "driver"), "virtio")) {
        mm_error_set(errp, "Unknown -balloon argument %s", mm_opts_get(opts, "driver"));
        mm_opts_free(opts);
        return false;
    }
    mm_opts_set(opts, "driver", "virtio-balloon-pci");
    return add_instance(c, opts, errp);
}

/* -usbdevice NAME: USB devices by their legacy names; enables USB. */
bool mm_option_usbdevice(const mm_option_def *def, const char *arg, mm_cmdline *c,
                         mm_error **errp)
{
    static const struct { const char *legacy, *driver; } simple[] = {
        { "tablet", "usb-tablet" }, { "mouse", "usb-mouse" }, { "keyboard", "usb-kbd" },
        { "wacom-tablet", "usb-wacom-tablet" }, { "braille", "usb-braille" },
    };
    mm_opts_set(mm_opts_db_merged(c->db, "machine"), "usb", "on");
    for (size_t i = 0; i < G_N_ELEMENTS(simple); i++) {
        if (!strcmp(arg, simple[i].legacy))
            return add_device(c, simple[i].driver, NULL, NULL, errp);
    }
    if (g_str_has_prefix(arg, "disk:") && arg[5]) {
        char *id = g_strdup_printf("usbdisk%u", c->usb_disk_count++);
        mm_opts *drive = mm_opts_new("drive", id);
        mm_opts_set(drive, "if", "none");
        mm_opts_set(drive, "file", arg + 5);
        bool ok = add_instance(c, drive, errp) &&
                  add_device(c, "usb-storage", "drive", id, errp);
        g_free(id);
        return ok;
    }
    mm_error_set(errp, "could not add USB device '%s'", arg);
    return false;
}

/* -global driver.prop=value, or driver=d,property=p,value=v. */
bool mm_option_global(const mm_option_def *def, const char *arg, mm_cmdline *c,
                      mm_error **errp)
{
    const char *dot = strchr(arg, '.');
    const char *eq = strchr(arg, '=');
    mm_opts *opts;
    if (dot && eq && dot < eq && dot > arg && eq > dot + 1) {
        opts = mm_opts_new("global", NULL);
        char *driver = g_strndup(arg, (gsize)(dot - arg));
        char *property = g_strndup(dot + 1, (gsize)(eq - dot - 1));
        mm_opts_set(opts, "driver", driver);
        mm_opts_set(opts, "property", property);
        mm_opts_set(opts, "value", eq + 1);
        g_free(driver);
        g_free(property);
    } else {
        opts = mm_keyval_parse("global", arg, NULL, errp);
        if (!opts)
            return false;
        if (!mm_opts_get(opts, "driver") || !mm_opts_get(opts, "property") ||
            !mm_opts_get(opts, "value")) {
            mm_error_set(errp, "Invalid -global: expected driver.property=value");
            mm_opts_free(opts);
            return false;
        }
    }
    return add_instance(c, opts, errp);
}

bool mm_option_readconfig(const mm_option_def *def, const char *arg, mm_cmdline *c,
                          mm_error **errp)
{
    return mm_config_read_file(c->db, arg, errp);
}

bool mm_option_plugins(const mm_option_def *def, const char *arg, mm_cmdline *c,
                       mm_error **errp)
{
    if (!mm_keyval_is_help(arg)) {
        mm_error_set(errp, "only 'help' is supported (lists the discovered plugins)");
        return false;
    }
    mm_cmdline_request_help(c, "plugins", NULL);
    return true;
}

/* -display vnc=DISPLAY[,opts] is QEMU's other spelling of -vnc DISPLAY[,opts]. */
bool mm_option_display(const mm_option_def *def, const char *arg, mm_cmdline *c,
                       mm_error **errp)
{
    if (g_str_has_prefix(arg, "vnc="))
        return mm_cmdline_apply_keyval(c, mm_option_find("vnc"), arg + 4, errp);
    return mm_cmdline_apply_keyval(c, def, arg, errp);
}

bool mm_option_log_items(const mm_option_def *def, const char *arg, mm_cmdline *c,
                         mm_error **errp)
{
    if (mm_keyval_is_help(arg)) {
        mm_cmdline_request_help(c, "log", NULL);
        return true;
    }
    uint32_t mask;
    if (!mm_log_items_parse(arg, &mask, errp))
        return false;
    mm_opts_set(mm_opts_db_merged(c->db, "log"), "items", arg);
    return true;
}
