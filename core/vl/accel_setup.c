/*
 * Choosing the accelerator: -accel NAME (repeatable), -enable-kvm,
 * -machine accel=a:b.  Colon lists ("kvm:tcg") are tried in order, the first
 * usable one wins, as in QEMU; without any, tcg.
 */
#include <string.h>
#include <glib.h>

#include "vl/core_api.h"
#include "vl/vl.h"

#define VL_DEFAULT_ACCEL "tcg"

/* Accelerator names in the order the user gave them. */
static GPtrArray *accel_candidates(const mm_opts_db *db, mm_error **errp)
{
    const mm_opts *machine = mm_opts_db_first(db, "machine");
    if (mm_opts_db_first(db, "accel") && machine && mm_opts_get(machine, "accel")) {
        mm_error_set(errp, "The -accel and \"-machine accel=\" options are incompatible");
        return NULL;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (unsigned i = 0; i < mm_opts_db_count(db); i++) {
        const mm_opts *opts = mm_opts_db_at(db, i);
        const char *list = NULL;
        if (!strcmp(mm_opts_group(opts), "accel")) {
            list = mm_opts_get(opts, "accel");
            if (mm_opts_count(opts) > 1) {
                mm_error_set(errp, "-accel %s: accelerator properties are not implemented "
                             "yet in modemu", list);
                g_ptr_array_free(names, TRUE);
                return NULL;
            }
        } else if (!strcmp(mm_opts_group(opts), "machine")) {
            list = mm_opts_get(opts, "accel");
        }
        char **split = list ? g_strsplit(list, ":", -1) : NULL;
        for (char **n = split; n && *n; n++) {
            if (**n)
                g_ptr_array_add(names, g_strdup(*n));
        }
        g_strfreev(split);
    }
    /* -qtest without -accel means the qtest accelerator (libqtest relies on it). */
    if (names->len == 0)
        g_ptr_array_add(names, g_strdup(mm_opts_db_first(db, "qtest") ? "qtest"
                                                                   : VL_DEFAULT_ACCEL));
    return names;
}

/* QEMU's accelerators that modemu has not registered (yet). */
static bool accel_is_pending(const char *name)
{
    return !strcmp(name, "tcg") || !strcmp(name, "kvm");
}

bool vl_accel_choose(const mm_opts_db *db, vl_accel_choice *choice, mm_error **errp)
{
    GPtrArray *names = accel_candidates(db, errp);
    if (!names)
        return false;
    *choice = (vl_accel_choice){ NULL, NULL };
    GPtrArray *failures = g_ptr_array_new_with_free_func((GDestroyNotify)mm_error_free);
    for (guint i = 0; !choice->ops && i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        const mm_accel_ops *ops = mm_accel_find(name);
        mm_error *err = NULL;
        if (!ops && accel_is_pending(name))
            mm_error_set(&err, "accelerator '%s': not implemented yet", name);
        else if (!ops)
            mm_error_set(&err, "invalid accelerator %s", name);
        else if (ops->available && !ops->available(&err))
            mm_error_prepend(&err, "failed to initialize %s", name);
        else
            choice->ops = ops;
        if (err)
            g_ptr_array_add(failures, err);
        if (choice->ops || (i + 1 == names->len && !ops && accel_is_pending(name)))
            choice->name = g_strdup(name);
    }
    /* Fallbacks are worth a warning only when one of them worked; otherwise
     * the user gets one line. */
    for (guint i = 0; choice->ops && i < failures->len; i++)
        mm_warn_report("%s; using %s", ((mm_error *)g_ptr_array_index(failures, i))->message,
                       choice->name);
    bool ok = choice->name != NULL;
    if (!ok && names->len > 1) {
        mm_error_set(errp, "no accelerator found");
    } else if (!ok && errp && !*errp && failures->len) {
        *errp = g_ptr_array_steal_index(failures, failures->len - 1);
    }
    g_ptr_array_free(failures, TRUE);
    g_ptr_array_free(names, TRUE);
    return ok;
}
