/* -drive, -device and the NICs of -net/-nic, after the machine is built. */
#include <string.h>
#include <glib.h>

#include "options/drive_opts.h"
#include "vl/core_api.h"
#include "vl/vl.h"

/* Drives need a block layer; until one exists the format's plugin is still
 * required first, so a missing block-qcow2 plugin is named as such. */
static bool drive_create(const mm_opts *opts, mm_error **errp)
{
    const char *format = mm_opts_get(opts, "format");
    if (format && !vl_require_type(MM_KIND_BLOCK_FORMAT, format, errp))
        return false;
    mm_error_set(errp, "-drive: block devices are not implemented yet in modemu");
    return false;
}

bool vl_drives_check(const mm_opts_db *db, mm_error **errp)
{
    for (unsigned i = 0; i < mm_opts_db_count(db); i++) {
        const mm_opts *opts = mm_opts_db_at(db, i);
        if (!strcmp(mm_opts_group(opts), "drive") && !mm_drive_opts_check(opts, errp)) {
            char *text = mm_opts_to_string(opts);
            mm_error_prepend(errp, "-drive %s", text);
            g_free(text);
            return false;
        }
    }
    return true;
}

/* -fsdev and -virtfs share their files through virtio-9p-pci: its plugin
 * must be there; the 9p backends themselves are not written yet. */
static bool fs_export_create(const mm_opts *opts, mm_error **errp)
{
    const char *option = mm_opts_group(opts);
    if (!vl_require_type(MM_KIND_DEVICE, "virtio-9p-pci", errp)) {
        mm_error_prepend(errp, "-%s", option);
        return false;
    }
    mm_error_set(errp, "-%s: 9p file system backends are not implemented yet in modemu",
                 option);
    return false;
}

bool vl_devices_create(const mm_opts_db *db, mm_error **errp)
{
    for (unsigned i = 0; i < mm_opts_db_count(db); i++) {
        const mm_opts *opts = mm_opts_db_at(db, i);
        const char *group = mm_opts_group(opts);
        if (!strcmp(group, "drive") && !drive_create(opts, errp))
            return false;
        if ((!strcmp(group, "fsdev") || !strcmp(group, "virtfs")) &&
            !fs_export_create(opts, errp))
            return false;
    }
    if (!vl_net_nics_create(db, errp))
        return false;
    for (unsigned i = 0; i < mm_opts_db_count(db); i++) {
        const mm_opts *opts = mm_opts_db_at(db, i);
        if (strcmp(mm_opts_group(opts), "device"))
            continue;
        if (!vl_object_from_opts(MM_KIND_DEVICE, opts, "driver", errp)) {
            char *text = mm_opts_to_cmdline(opts, "driver");
            mm_error_prepend(errp, "-device %s", text);
            g_free(text);
            return false;
        }
    }
    return true;
}
