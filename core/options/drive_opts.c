/* -drive checking (see options/drive_opts.h). */
#include <string.h>
#include <glib.h>

#include "options/drive_opts.h"

typedef struct drive_key {
    const char *name;
    const char *const *choices;  /* NULL: free text */
    bool number;                 /* non-negative integer */
    bool boolean;
} drive_key;

static const char *const if_choices[] = {
    "none", "ide", "scsi", "floppy", "pflash", "mtd", "sd", "virtio", "xen", NULL };
static const char *const media_choices[] = { "disk", "cdrom", NULL };
static const char *const cache_choices[] = {
    "none", "writeback", "writethrough", "directsync", "unsafe", NULL };
static const char *const aio_choices[] = { "threads", "native", "io_uring", NULL };
static const char *const discard_choices[] = { "ignore", "off", "unmap", "on", NULL };
static const char *const werror_choices[] = { "ignore", "stop", "report", "enospc", NULL };
static const char *const rerror_choices[] = { "ignore", "stop", "report", NULL };
static const char *const trans_choices[] = { "none", "lba", "auto", "large", "rechs", NULL };

static const drive_key drive_keys[] = {
    { "file" }, { "format" }, { "serial" }, { "addr" }, { "node-name" },
    { "if", if_choices }, { "media", media_choices }, { "cache", cache_choices },
    { "aio", aio_choices }, { "discard", discard_choices }, { "werror", werror_choices },
    { "rerror", rerror_choices }, { "trans", trans_choices }, { "detect-zeroes" },
    { "index", NULL, true }, { "bus", NULL, true }, { "unit", NULL, true },
    { "cyls", NULL, true }, { "heads", NULL, true }, { "secs", NULL, true },
    { "readonly", NULL, false, true }, { "snapshot", NULL, false, true },
    { "copy-on-read", NULL, false, true }, { "boot", NULL, false, true },
    { "cache.direct", NULL, false, true }, { "cache.no-flush", NULL, false, true },
};

static const drive_key *drive_key_find(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(drive_keys); i++) {
        if (!strcmp(drive_keys[i].name, name))
            return &drive_keys[i];
    }
    return NULL;
}

static bool drive_value_check(const mm_opts *opts, const drive_key *key, mm_error **errp)
{
    const char *value = mm_opts_get(opts, key->name);
    if (key->choices && !g_strv_contains(key->choices, value)) {
        char *valid = g_strjoinv(", ", (char **)key->choices);
        mm_error_set(errp, "invalid %s value '%s' (valid: %s)", key->name, value, valid);
        g_free(valid);
        return false;
    }
    uint64_t n;
    bool b;
    if (key->number)
        return mm_opts_get_uint(opts, key->name, 0, &n, errp);
    if (key->boolean)
        return mm_opts_get_bool(opts, key->name, false, &b, errp);
    return true;
}

bool mm_drive_opts_check(const mm_opts *opts, mm_error **errp)
{
    for (unsigned i = 0; i < mm_opts_count(opts); i++) {
        const drive_key *key = drive_key_find(mm_opts_key_at(opts, i));
        if (!key) {
            mm_error_set(errp, "Invalid parameter '%s'", mm_opts_key_at(opts, i));
            return false;
        }
        if (!drive_value_check(opts, key, errp))
            return false;
    }
    const char *cyls = mm_opts_get(opts, "cyls");
    const char *heads = mm_opts_get(opts, "heads");
    const char *secs = mm_opts_get(opts, "secs");
    if ((cyls || heads || secs) && !(cyls && heads && secs)) {
        mm_error_set(errp, "cyls, heads and secs must be given together");
        return false;
    }
    const char *index = mm_opts_get(opts, "index");
    if (index && (mm_opts_get(opts, "bus") || mm_opts_get(opts, "unit"))) {
        mm_error_set(errp, "index cannot be used with bus and unit");
        return false;
    }
    return true;
}
