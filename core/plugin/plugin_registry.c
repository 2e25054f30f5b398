/*
 * Names to types for the command line: require (load on demand), list and
 * describe, from the core registry and the discovered manifests.
 */
#include <string.h>
#include <glib.h>
#include <modemu/error.h>

#include "object/property.h"
#include "object/type_registry.h"
#include "plugin/catalog.h"
#include "plugin/plugin_registry.h"
#include "plugin/plugin_set.h"

/* Active plugin files whose manifest lists kind/name. */
static GPtrArray *providers_of(const char *kind, const char *name)
{
    GPtrArray *found = g_ptr_array_new();
    GPtrArray *files = mm_plugin_files();
    for (guint i = 0; i < files->len; i++) {
        mm_plugin_file *pf = g_ptr_array_index(files, i);
        if (!pf->shadowed_by && pf->manifest && mm_manifest_find_type(pf->manifest, kind, name))
            g_ptr_array_add(found, pf);
    }
    return found;
}

static void set_not_found(const char *kind, const char *name, mm_error **errp)
{
    const char *plugin = mm_catalog_plugin_for(kind, name);
    mm_plugin_file *pf = plugin ? mm_plugin_file_by_name(plugin) : NULL;
    if (plugin && !pf)
        mm_error_set(errp, "%s '%s' is provided by plugin %s, which is not installed",
                     mm_kind_label(kind), name, plugin);
    else if (pf && pf->problem)
        mm_error_set(errp, "%s '%s' is provided by plugin %s, but %s is unusable: %s",
                     mm_kind_label(kind), name, plugin, pf->path, pf->problem);
    else if (!strcmp(kind, MM_KIND_DEVICE))
        mm_error_set(errp, "'%s' is not a valid device model name", name);
    else
        mm_error_set(errp, "unknown %s '%s'", mm_kind_label(kind), name);
}

static const mm_type *load_provider(mm_plugin_file *pf, const char *kind, const char *name,
                                    mm_error **errp)
{
    if (!mm_plugin_file_load(pf, true, errp))
        return NULL;
    const mm_type *t = mm_type_find(kind, name);
    if (!t)
        mm_error_set(errp, "plugin %s did not register %s '%s' although its manifest lists it",
                     pf->path, mm_kind_label(kind), name);
    return t;
}

/* A catalog plugin present without a manifest can still be loaded by name. */
static const mm_type *load_unlisted_catalog_plugin(const char *kind, const char *name,
                                                   mm_error **errp)
{
    const char *plugin = mm_catalog_plugin_for(kind, name);
    mm_plugin_file *pf = plugin ? mm_plugin_file_by_name(plugin) : NULL;
    if (!pf || pf->has_manifest || pf->problem)
        return NULL;
    return load_provider(pf, kind, name, errp);
}

static void propagate_error(mm_error **errp, mm_error *err)
{
    if (errp && !*errp)
        *errp = err;
    else
        mm_error_free(err);
}

const mm_type *mm_plugins_require_type(const char *kind, const char *name, mm_error **errp)
{
    if (!kind || !mm_is_root_kind(kind) || !name) {
        mm_error_set(errp, "invalid type request '%s/%s'", kind ? kind : "(null)",
                     name ? name : "(null)");
        return NULL;
    }
    const mm_type *t = mm_type_find(kind, name);
    if (t)
        return t;
    GPtrArray *providers = providers_of(kind, name);
    if (providers->len > 1) {
        const mm_plugin_file *a = g_ptr_array_index(providers, 0);
        const mm_plugin_file *b = g_ptr_array_index(providers, 1);
        mm_error_set(errp, "%s '%s' is claimed by two plugins: %s and %s", mm_kind_label(kind),
                     name, a->path, b->path);
    } else if (providers->len == 1) {
        t = load_provider(g_ptr_array_index(providers, 0), kind, name, errp);
    } else {
        mm_error *err = NULL;
        t = load_unlisted_catalog_plugin(kind, name, &err);
        if (err)
            propagate_error(errp, err);
        else if (!t)
            set_not_found(kind, name, errp);
    }
    g_ptr_array_unref(providers);
    return t;
}

/* ---- listing ---- */

typedef struct listing {
    const char *kind;
    GHashTable *seen;           /* name -> summary */
    GPtrArray *summaries;       /* mm_type_summary * */
} listing;

static void add_summary(listing *l, const mm_type_summary *s)
{
    if (g_hash_table_contains(l->seen, s->name))
        return;
    mm_type_summary *copy = g_new(mm_type_summary, 1);
    *copy = *s;
    g_hash_table_insert(l->seen, (gpointer)s->name, copy);
    g_ptr_array_add(l->summaries, copy);
}

static void add_registered(const mm_type *type, void *opaque)
{
    listing *l = opaque;
    const mm_type_info *info = mm_type_get_info(type);
    if (strcmp(mm_type_kind(type), l->kind) || info->abstract)
        return;
    mm_type_summary s = {
        .kind = mm_type_kind(type), .name = info->name, .parent = info->parent,
        .description = info->description, .category = info->category,
        .plugin = mm_type_plugin(type), .user_creatable = info->user_creatable,
    };
    add_summary(l, &s);
}

static void add_from_manifests(listing *l)
{
    GPtrArray *files = mm_plugin_files();
    for (guint i = 0; i < files->len; i++) {
        const mm_plugin_file *pf = g_ptr_array_index(files, i);
        if (pf->shadowed_by || !pf->manifest)
            continue;
        for (guint j = 0; j < pf->manifest->types->len; j++) {
            const mm_manifest_type *t = g_ptr_array_index(pf->manifest->types, j);
            if (strcmp(t->kind, l->kind) || t->abstract)
                continue;
            mm_type_summary s = {
                .kind = t->kind, .name = t->name, .parent = t->parent,
                .description = t->description, .category = t->category,
                .plugin = pf->manifest->name, .user_creatable = t->user_creatable,
            };
            add_summary(l, &s);
        }
    }
}

static gint compare_summaries(gconstpointer a, gconstpointer b)
{
    const mm_type_summary *x = *(const mm_type_summary *const *)a;
    const mm_type_summary *y = *(const mm_type_summary *const *)b;
    return strcmp(x->name, y->name);
}

void mm_plugins_foreach_type(const char *kind,
                             void (*cb)(const mm_type_summary *type, void *opaque),
                             void *opaque)
{
    if (!kind)
        return;
    listing l = {
        .kind = kind,
        .seen = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free),
        .summaries = g_ptr_array_new(),
    };
    mm_type_foreach(add_registered, &l);
    add_from_manifests(&l);
    g_ptr_array_sort(l.summaries, compare_summaries);
    for (guint i = 0; i < l.summaries->len; i++)
        cb(g_ptr_array_index(l.summaries, i), opaque);
    g_ptr_array_unref(l.summaries);
    g_hash_table_unref(l.seen);
}

static void print_registered_help(const mm_type *type, FILE *out)
{
    GPtrArray *props = mm_type_collect_properties(type);
    GPtrArray *summaries = g_ptr_array_new_with_free_func((GDestroyNotify)mm_prop_summary_free);
    for (guint i = 0; i < props->len; i++)
        g_ptr_array_add(summaries, mm_prop_summary_from_property(g_ptr_array_index(props, i)));
    mm_print_properties_help(out, mm_type_name(type), summaries);
    g_ptr_array_unref(summaries);
    g_ptr_array_unref(props);
}

bool mm_plugins_print_type_help(const char *kind, const char *name, FILE *out, mm_error **errp)
{
    if (!kind || !name) {
        mm_error_set(errp, "invalid type request");
        return false;
    }
    const mm_type *type = mm_type_find(kind, name);
    if (type) {
        print_registered_help(type, out);
        return true;
    }
    GPtrArray *providers = providers_of(kind, name);
    const mm_plugin_file *pf = providers->len ? g_ptr_array_index(providers, 0) : NULL;
    g_ptr_array_unref(providers);
    if (!pf) {
        set_not_found(kind, name, errp);
        return false;
    }
    const mm_manifest_type *t = mm_manifest_find_type(pf->manifest, kind, name);
    mm_print_properties_help(out, t->name, t->props);
    return true;
}
