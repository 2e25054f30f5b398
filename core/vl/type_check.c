/*
 * Before anything is built, every type the command line names must be
 * available: this is where "display 'vnc' is provided by plugin ui-vnc, which
 * is not installed" comes from, before -daemonize detaches and before any
 * backend is opened.  Requiring a type loads its plugin, which is what
 * selecting it on the command line means.
 */
#include <string.h>

#include "vl/core_api.h"
#include "vl/vl.h"

typedef struct named_type {
    const char *group, *key, *kind;
} named_type;

static const named_type named_types[] = {
    { "device", "driver", MM_KIND_DEVICE },
    { "netdev", "type", MM_KIND_NETDEV },
    { "chardev", "backend", MM_KIND_CHARDEV },
    { "display", "type", MM_KIND_DISPLAY },
    { "drive", "format", MM_KIND_BLOCK_FORMAT },
    { "object", "qom-type", MM_KIND_OBJECT },
};

static bool legacy_net_type_is_builtin(const mm_opts *opts)
{
    const char *type = mm_opts_get(opts, "type");
    return !strcmp(type, "nic") || !strcmp(type, "none");
}

/* The type named by one option instance, or NULL. */
static const char *opts_type(const mm_opts *opts, const char **kind)
{
    const char *group = mm_opts_group(opts);
    if (!strcmp(group, "vnc") && mm_opts_get(opts, "vnc") &&
        !strcmp(mm_opts_get(opts, "vnc"), "none"))
        return NULL;
    if (!strcmp(group, "vnc") || !strcmp(group, "spice")) {
        *kind = MM_KIND_DISPLAY;
        return group;
    }
    if ((!strcmp(group, "net") || !strcmp(group, "nic")) && !legacy_net_type_is_builtin(opts)) {
        *kind = MM_KIND_NETDEV;
        return mm_opts_get(opts, "type");
    }
    for (size_t i = 0; i < sizeof(named_types) / sizeof(named_types[0]); i++) {
        if (!strcmp(group, named_types[i].group)) {
            *kind = named_types[i].kind;
            return mm_opts_get(opts, named_types[i].key);
        }
    }
    return NULL;
}

bool vl_types_check(const mm_opts_db *db, mm_error **errp)
{
    for (unsigned i = 0; i < mm_opts_db_count(db); i++) {
        const char *kind = NULL;
        const char *type = opts_type(mm_opts_db_at(db, i), &kind);
        if (!type || (!strcmp(kind, MM_KIND_DISPLAY) && !strcmp(type, "none")))
            continue;
        if (!mm_plugins_require_type(kind, type, errp))
            return false;
    }
    return true;
}
