/*
 * Object instances: two-phase create/realize, ids unique per root kind, and
 * path names for internal objects (see <modemu/object.h>).
 */
#include <string.h>
#include <glib.h>
#include <modemu/object.h>

#include "object/object_free_hooks.h"
#include "object/property.h"
#include "object/type_registry.h"
#include "plugin/plugin_registry.h"

typedef struct object_private {
    char *path;
} object_private;

static GHashTable *ids_by_kind;   /* kind -> (id -> mm_object*) */
static GHashTable *objects_by_path;

static GHashTable *id_table(const char *kind)
{
    if (!ids_by_kind)
        ids_by_kind = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)g_hash_table_unref);
    GHashTable *t = g_hash_table_lookup(ids_by_kind, kind);
    if (!t) {
        t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        g_hash_table_insert(ids_by_kind, g_strdup(kind), t);
    }
    return t;
}

/* QEMU's rule: a letter, then letters, digits, '-', '.', '_'. */
static bool id_is_wellformed(const char *id)
{
    if (!g_ascii_isalpha(id[0]))
        return false;
    for (const char *p = id; *p; p++)
        if (!g_ascii_isalnum(*p) && !strchr("-._", *p))
            return false;
    return true;
}

static bool check_id(const char *kind, const char *id, mm_error **errp)
{
    if (!id_is_wellformed(id)) {
        mm_error_set(errp, "Parameter 'id' expects an identifier, got '%s'", id);
        return false;
    }
    if (g_hash_table_contains(id_table(kind), id)) {
        mm_error_set(errp, "Duplicate ID '%s' for %s", id, kind);
        return false;
    }
    return true;
}

static const mm_type *find_creatable_type(const char *kind, const char *type_name,
                                          mm_error **errp)
{
    const mm_type *type = mm_type_find(kind, type_name);
    if (!type && kind)
        type = mm_plugins_require_type(kind, type_name, errp);
    else if (!type)
        mm_error_set(errp, "unknown type '%s'", type_name ? type_name : "(null)");
    if (!type)
        return NULL;
    if (mm_type_get_info(type)->abstract) {
        mm_error_set(errp, "%s type '%s' is abstract and cannot be created", mm_type_kind(type),
                     type_name);
        return NULL;
    }
    return type;
}

static void run_instance_inits(mm_object *obj)
{
    GPtrArray *chain = mm_type_ancestry(obj->type);
    for (guint i = 0; i < chain->len; i++) {
        const mm_type_info *info = mm_type_get_info(g_ptr_array_index(chain, i));
        if (info->instance_init)
            info->instance_init(obj);
    }
    g_ptr_array_unref(chain);
}

static bool apply_defaults(mm_object *obj, mm_error **errp)
{
    GPtrArray *props = mm_type_collect_properties(obj->type);
    bool ok = true;
    for (guint i = 0; ok && i < props->len; i++) {
        const mm_property *p = g_ptr_array_index(props, i);
        if (p->default_value && p->kind != MM_PROP_LINK)
            ok = mm_property_set(obj, p, p->default_value, errp);
    }
    g_ptr_array_unref(props);
    return ok;
}

MM_API mm_object *mm_object_new(const char *kind, const char *type_name, const char *id,
                                mm_error **errp)
{
    const mm_type *type = find_creatable_type(kind, type_name, errp);
    if (!type)
        return NULL;
    kind = mm_type_kind(type);
    if (id && !check_id(kind, id, errp))
        return NULL;
    mm_object *obj = g_malloc0(mm_type_get_info(type)->instance_size);
    obj->type = type;
    obj->core_private = g_new0(object_private, 1);
    run_instance_inits(obj);
    if (!apply_defaults(obj, errp)) {
        mm_object_free(obj);
        return NULL;
    }
    if (id) {
        obj->id = g_strdup(id);
        g_hash_table_insert(id_table(kind), g_strdup(id), obj);
    }
    return obj;
}

static char *valid_property_names(const mm_type *type)
{
    GPtrArray *props = mm_type_collect_properties(type);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < props->len; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "",
                               ((const mm_property *)g_ptr_array_index(props, i))->name);
    g_ptr_array_unref(props);
    return g_string_free(s, FALSE);
}

static const mm_property *find_property_or_fail(const mm_object *obj, const char *name,
                                                mm_error **errp)
{
    const mm_property *prop = mm_type_find_property(obj->type, name);
    if (prop)
        return prop;
    char *valid = valid_property_names(obj->type);
    if (*valid)
        mm_error_set(errp, "'%s' has no property '%s' (valid: %s)", mm_object_type_name(obj),
                     name, valid);
    else
        mm_error_set(errp, "'%s' has no property '%s' (it has no properties)",
                     mm_object_type_name(obj), name);
    g_free(valid);
    return NULL;
}

MM_API bool mm_object_set_property(mm_object *obj, const char *name, const char *value,
                                   mm_error **errp)
{
    const mm_property *prop = find_property_or_fail(obj, name, errp);
    if (!prop)
        return false;
    if (obj->realized) {
        mm_error_set(errp, "cannot set property '%s' of '%s' after it was realized", name,
                     mm_object_type_name(obj));
        return false;
    }
    return mm_property_set(obj, prop, value, errp);
}

MM_API char *mm_object_get_property(mm_object *obj, const char *name, mm_error **errp)
{
    const mm_property *prop = find_property_or_fail(obj, name, errp);
    return prop ? mm_property_get(obj, prop) : NULL;
}

/* Runs unrealize hooks of chain[0..count) in reverse (the concrete type first). */
static void unrealize_levels(mm_object *obj, GPtrArray *chain, guint count)
{
    while (count-- > 0) {
        const mm_type_info *info = mm_type_get_info(g_ptr_array_index(chain, count));
        if (info->unrealize)
            info->unrealize(obj);
    }
}

MM_API bool mm_object_realize(mm_object *obj, mm_error **errp)
{
    if (obj->realized)
        return true;
    GPtrArray *chain = mm_type_ancestry(obj->type);
    for (guint i = 0; i < chain->len; i++) {
        const mm_type_info *info = mm_type_get_info(g_ptr_array_index(chain, i));
        if (info->realize && !info->realize(obj, errp)) {
            /* The levels above this one did come to life: undo them. */
            unrealize_levels(obj, chain, i);
            g_ptr_array_unref(chain);
            if (errp && !*errp)
                mm_error_set(errp, "'%s' failed to realize", mm_object_type_name(obj));
            return false;
        }
    }
    g_ptr_array_unref(chain);
    obj->realized = true;
    return true;
}

MM_API void mm_object_unrealize(mm_object *obj)
{
    if (!obj || !obj->realized)
        return;
    GPtrArray *chain = mm_type_ancestry(obj->type);
    unrealize_levels(obj, chain, chain->len);
    g_ptr_array_unref(chain);
    obj->realized = false;
}

static void release_properties(mm_object *obj)
{
    GPtrArray *props = mm_type_collect_properties(obj->type);
    for (guint i = 0; i < props->len; i++)
        mm_property_release(obj, g_ptr_array_index(props, i));
    g_ptr_array_unref(props);
}

static void run_finalizers(mm_object *obj)
{
    GPtrArray *chain = mm_type_ancestry(obj->type);
    for (guint i = chain->len; i-- > 0;) {
        const mm_type_info *info = mm_type_get_info(g_ptr_array_index(chain, i));
        if (info->instance_finalize)
            info->instance_finalize(obj);
    }
    g_ptr_array_unref(chain);
}

MM_API void mm_object_free(mm_object *obj)
{
    if (!obj)
        return;
    mm_object_unrealize(obj);
    run_finalizers(obj);
    mm_object_run_free_hooks(obj);
    release_properties(obj);
    object_private *priv = obj->core_private;
    if (obj->id && ids_by_kind) {
        GHashTable *t = id_table(mm_type_kind(obj->type));
        if (g_hash_table_lookup(t, obj->id) == obj)
            g_hash_table_remove(t, obj->id);
    }
    if (priv->path && objects_by_path && g_hash_table_lookup(objects_by_path, priv->path) == obj)
        g_hash_table_remove(objects_by_path, priv->path);
    g_free(priv->path);
    g_free(priv);
    g_free(obj->id);
    g_free(obj);
}

MM_API bool mm_object_is_a(const mm_object *obj, const char *type_name)
{
    return obj && mm_type_is_a(obj->type, type_name);
}

MM_API const char *mm_object_type_name(const mm_object *obj)
{
    return mm_type_name(obj->type);
}

MM_API mm_object *mm_object_find_by_id(const char *type_or_kind, const char *id)
{
    if (!ids_by_kind || !id)
        return NULL;
    if (mm_is_root_kind(type_or_kind))
        return g_hash_table_lookup(id_table(type_or_kind), id);
    GHashTableIter it;
    gpointer table;
    g_hash_table_iter_init(&it, ids_by_kind);
    while (g_hash_table_iter_next(&it, NULL, &table)) {
        mm_object *obj = g_hash_table_lookup(table, id);
        if (obj && mm_object_is_a(obj, type_or_kind))
            return obj;
    }
    return NULL;
}

MM_API void mm_object_set_path_name(mm_object *obj, const char *path)
{
    if (!objects_by_path)
        objects_by_path = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    object_private *priv = obj->core_private;
    if (priv->path)
        g_hash_table_remove(objects_by_path, priv->path);
    g_free(priv->path);
    priv->path = g_strdup(path);
    g_hash_table_insert(objects_by_path, g_strdup(path), obj);
}

MM_API mm_object *mm_object_find_by_path(const char *path)
{
    return objects_by_path && path ? g_hash_table_lookup(objects_by_path, path) : NULL;
}
