/*
 * Choosing the accelerator: -accel NAME (repeatable), -enable-kvm,
 * -machine accel=a:b.  Colon lists ("kvm:tcg") are tried in order, the first
 * usable one wins, as in QEMU; without any, tcg.
 */
#include <string.h>
#include <glib.h>

#include "vl/pending.h"
#include "vl/vl.h"

#define VL_DEFAULT_ACCEL "tcg"

/* Accelerator names in the order the user gave them. */
static GPtrArray *accel_candidates(const mm_opts_db *db, mm_error **errp)
{
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

const mm_accel_ops *vl_accel_choose(const mm_opts_db *db, mm_error **errp)
{
    GPtrArray *names = accel_candidates(db, errp);
    if (!names)
        return NULL;
    const mm_accel_ops *chosen = NULL;
    mm_error *last_err = NULL;
    for (guint i = 0; !chosen && i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        const mm_accel_ops *ops = mm_accel_find(name);
        mm_error *err = NULL;
        /* QEMU's accelerators that modemu has not registered (yet). */
        if (!ops && (!strcmp(name, "tcg") || !strcmp(name, "kvm")))
            mm_error_set(&err, "accelerator '%s': not implemented yet", name);
        else if (!ops)
            mm_error_set(&err, "invalid accelerator %s", name);
        else if (ops->available && !ops->available(&err))
            mm_error_prepend(&err, "failed to initialize %s", name);
        else
            chosen = ops;
        if (last_err)
            mm_warn_report("%s; trying %s", last_err->message, name);
        mm_error_free(last_err);
        last_err = err;
    }
    if (!chosen && names->len > 1) {
        mm_error_free(last_err);
        mm_error_set(errp, "no accelerator found");
    } else if (!chosen && errp && !*errp) {
        *errp = last_err;
    } else {
        mm_error_free(last_err);
    }
    g_ptr_array_free(names, TRUE);
    return chosen;
}
