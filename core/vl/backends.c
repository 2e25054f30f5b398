/*
 * Backends, created before the machine so the board finds them when it is
 * realized (COM1 attaches to "serial0"): -chardev, -serial/-parallel/
 * -monitor/-mon specs, -nographic's stdio, -netdev, -net, -nic.
 */
#include <string.h>
#include <glib.h>

#include "vl/core_api.h"
#include "vl/vl.h"

/* -chardev TYPE,id=ID,key=value... */
static bool chardev_from_opts(const mm_opts *opts, mm_error **errp)
{
    const char *backend = mm_opts_get(opts, "backend");
    if (!mm_opts_id(opts)) {
        mm_error_set(errp, "-chardev %s: Parameter 'id' is missing", backend);
        return false;
    }
    GPtrArray *kv = g_ptr_array_new();
    for (unsigned i = 0; i < mm_opts_count(opts); i++) {
        if (strcmp(mm_opts_key_at(opts, i), "backend")) {
            g_ptr_array_add(kv, (gpointer)mm_opts_key_at(opts, i));
            g_ptr_array_add(kv, (gpointer)mm_opts_value_at(opts, i));
        }
    }
    g_ptr_array_add(kv, NULL);
    bool ok = mm_chardev_new(backend, mm_opts_id(opts), (const char *const *)kv->pdata,
                             errp) != NULL;
    g_ptr_array_free(kv, TRUE);
    if (!ok)
        mm_error_prepend(errp, "-chardev %s,id=%s", backend, mm_opts_id(opts));
    return ok;
}

/* -serial/-parallel/-monitor SPEC: an anonymous backend named like QEMU's. */
static bool legacy_chardev(const char *option, const char *spec, const char *id,
                           bool with_monitor, mm_error **errp)
{
    mm_error *err = NULL;
    mm_chardev *chr = mm_chardev_new_legacy(spec, id, &err);
    if (err) {
        mm_error_prepend(&err, "-%s %s", option, spec);
        *errp = err;
        return false;
    }
    if (chr && with_monitor)
        return mm_monitor_new(chr, errp);
    return true;
}

/* -mon chardev=ID[,mode=readline] */
static bool monitor_from_opts(const mm_opts *opts, mm_error **errp)
{
    const char *id = mm_opts_get(opts, "chardev");
    const char *mode = mm_opts_get(opts, "mode");
    if (mode && strcmp(mode, "readline")) {
        mm_error_set(errp, "-mon mode=%s: not implemented yet in modemu", mode);
        return false;
    }
    mm_chardev *chr = mm_chardev_find(id);
    if (!chr) {
        mm_error_set(errp, "-mon chardev=%s: chardev \"%s\" not found", id, id);
        return false;
    }
    return mm_monitor_new(chr, errp);
}

typedef struct serial_defaults {
    bool serial_given, monitor_given;
} serial_defaults;

static bool spec_backends(const mm_opts_db *db, serial_defaults *seen, mm_error **errp)
{
    unsigned serials = 0, parallels = 0, monitors = 0;
    for (unsigned i = 0; i < mm_opts_db_count(db); i++) {
        const mm_opts *opts = mm_opts_db_at(db, i);
        const char *group = mm_opts_group(opts);
        const char *spec = mm_opts_get(opts, "spec");
        bool ok = true;
        if (!strcmp(group, "serial")) {
            /* As in QEMU, "none" takes no COM index: -serial none -serial
             * stdio puts stdio on COM1. */
            if (strcmp(spec, "none")) {
                char *id = g_strdup_printf("serial%u", serials++);
                ok = legacy_chardev("serial", spec, id, false, errp);
                g_free(id);
            }
            seen->serial_given = true;
            /* A "mon:" serial carries the monitor too, as in QEMU's vl.c. */
            if (!strncmp(spec, "mon:", 4))
                seen->monitor_given = true;
        } else if (!strcmp(group, "parallel")) {
            char *id = g_strdup_printf("parallel%u", parallels++);
            ok = legacy_chardev("parallel", spec, id, false, errp);
            g_free(id);
            if (ok && strcmp(spec, "none") && strcmp(spec, "null")) {
                mm_error_set(errp, "-parallel %s: parallel ports are not implemented yet in "
                             "modemu", spec);
                ok = false;
            }
        } else if (!strcmp(group, "monitor")) {
            char *id = g_strdup_printf("compat_monitor%u", monitors++);
            ok = legacy_chardev("monitor", spec, id, strcmp(spec, "none") != 0, errp);
            g_free(id);
            seen->monitor_given = true;
        } else if (!strcmp(group, "mon")) {
            ok = monitor_from_opts(opts, errp);
            seen->monitor_given = true;
        } else if (!strcmp(group, "qmp")) {
            mm_error_set(errp, "-qmp: not implemented yet in modemu");
            ok = false;
        }
        if (!ok)
            return false;
    }
    return true;
}

/* QEMU's -nographic defaults: serial and monitor share stdio (mon:stdio)
 * unless the user placed one of them; -nodefaults places neither. */
static bool nographic_defaults(const serial_defaults *seen, mm_error **errp)
{
    if (!seen->serial_given && !seen->monitor_given) {
        return mm_chardev_new_nographic_stdio(errp) != NULL;
    }
    if (!seen->serial_given)
        return legacy_chardev("serial", "stdio", "serial0", false, errp);
    if (!seen->monitor_given)
        return legacy_chardev("monitor", "stdio", "compat_monitor0", true, errp);
    return true;
}

/* -object TYPE,id=ID,...: backends other objects refer to by id. */
static bool object_from_opts(const mm_opts *opts, mm_error **errp)
{
    if (!mm_opts_id(opts)) {
        mm_error_set(errp, "-object %s: Parameter 'id' is missing", mm_opts_get(opts, "qom-type"));
        return false;
    }
    if (vl_object_from_opts(MM_KIND_OBJECT, opts, "qom-type", errp))
        return true;
    char *text = mm_opts_to_cmdline(opts, "qom-type");
    mm_error_prepend(errp, "-object %s", text);
    g_free(text);
    return false;
}

bool vl_backends_create(const mm_opts_db *db, const mm_machine_state *cfg, mm_error **errp)
{
    for (unsigned i = 0; i < mm_opts_db_count(db); i++) {
        const mm_opts *opts = mm_opts_db_at(db, i);
        const char *group = mm_opts_group(opts);
        bool ok = true;
        if (!strcmp(group, "chardev"))
            ok = chardev_from_opts(opts, errp);
        else if (!strcmp(group, "object"))
            ok = object_from_opts(opts, errp);
        else if (!strcmp(group, "audiodev")) {
            mm_error_set(errp, "-audiodev: not implemented yet in modemu");
            ok = false;
        }
        if (!ok)
            return false;
    }
    serial_defaults seen = { false, false };
    if (!spec_backends(db, &seen, errp))
        return false;
    if (cfg->nographic && cfg->defaults && !nographic_defaults(&seen, errp))
        return false;
    return vl_net_backends_create(db, errp);
}
