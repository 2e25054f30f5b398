/*
 * The type registry: types keyed by (root kind, name), plus aliases.
 *
 * A type's root kind is found by walking its parents up to one of the root
 * kinds of <modemu/object.h>, which are registered here as abstract types.
 * Names are unique per kind only: "socket" is both a netdev and a chardev.
 */
#include <string.h>
#include <glib.h>
#include <modemu/object.h>

#include "object/core_types.h"
#include "object/type_registry.h"

struct mm_type {
    const mm_type_info *info;
    const mm_type *parent;   /* NULL for a root kind */
    const char *kind;        /* root kind name */
    char *plugin;            /* providing plugin, NULL for core types */
};

const char *const mm_root_kinds[] = {
    MM_KIND_MACHINE, MM_KIND_ACCEL, MM_KIND_DEVICE, MM_KIND_NETDEV, MM_KIND_CHARDEV,
    MM_KIND_DISPLAY, MM_KIND_BLOCK_FORMAT, MM_KIND_OBJECT, NULL,
};

static GHashTable *types_by_key;   /* "kind/name" -> mm_type* (names and aliases) */
static GPtrArray *types_in_order;  /* mm_type*, registration order, no roots */

bool mm_is_root_kind(const char *name)
{
    if (!name)
        return false;
    for (int i = 0; mm_root_kinds[i]; i++)
        if (!strcmp(mm_root_kinds[i], name))
            return true;
    return false;
}

static char *type_key(const char *kind, const char *name)
{
    return g_strconcat(kind, "/", name, NULL);
}

static void register_root_kinds(void)
{
    for (int i = 0; mm_root_kinds[i]; i++) {
        mm_type_info *info = g_new0(mm_type_info, 1);
        info->name = mm_root_kinds[i];
        info->description = "root kind";
        info->instance_size = sizeof(mm_object);
        info->abstract = true;
        mm_type *t = g_new0(mm_type, 1);
        t->info = info;
        t->kind = mm_root_kinds[i];
        g_hash_table_insert(types_by_key, type_key(t->kind, t->kind), t);
    }
}

/* Every registry entry point calls this first: roots, then core types. */
static void registry_ensure_init(void)
{
    if (types_by_key)
        return;
    types_by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    types_in_order = g_ptr_array_new();
    register_root_kinds();
    mm_core_types_init();
}

static const mm_type *lookup(const char *kind, const char *name)
{
    char *key = type_key(kind, name);
    const mm_type *t = g_hash_table_lookup(types_by_key, key);
    g_free(key);
    return t;
}

MM_API const mm_type *mm_type_find(const char *kind, const char *name)
{
    registry_ensure_init();
    if (!name)
        return NULL;
    if (kind)
        return lookup(kind, name);
    for (int i = 0; mm_root_kinds[i]; i++) {
        const mm_type *t = lookup(mm_root_kinds[i], name);
        if (t)
            return t;
    }
    return NULL;
}

/* The parent is a root kind or a type of any kind; a parent name that
 * exists under several kinds is ambiguous and refused. */
static const mm_type *resolve_parent(const char *parent, mm_error **errp)
{
    if (mm_is_root_kind(parent))
        return lookup(parent, parent);
    const mm_type *found = NULL;
    for (int i = 0; mm_root_kinds[i]; i++) {
        const mm_type *t = lookup(mm_root_kinds[i], parent);
        if (t && found) {
            mm_error_set(errp, "parent type '%s' is ambiguous (a %s and a %s)", parent,
                         found->kind, t->kind);
            return NULL;
        }
        if (t)
            found = t;
    }
    if (!found)
        mm_error_set(errp, "parent type '%s' is not registered", parent);
    return found;
}

static bool check_new_name(const char *kind, const char *name, mm_error **errp)
{
    const mm_type *old = lookup(kind, name);
    if (!old)
        return true;
    mm_error_set(errp, "%s type '%s' is already registered%s%s", kind, name,
                 old->plugin ? " by plugin " : " by the core",
                 old->plugin ? old->plugin : "");
    return false;
}

static bool check_info(const mm_type_info *info, const mm_type *parent, mm_error **errp)
{
    if (!info->name || !*info->name || strchr(info->name, '/') || strchr(info->name, ',')) {
        mm_error_set(errp, "invalid type name '%s'", info->name ? info->name : "(null)");
        return false;
    }
    if (info->instance_size < parent->info->instance_size) {
        mm_error_set(errp, "type '%s': instance size %zu is smaller than its parent '%s' (%zu)",
                     info->name, info->instance_size, parent->info->name,
                     parent->info->instance_size);
        return false;
    }
    return true;
}

const mm_type *mm_type_register_for(const mm_type_info *info, const char *plugin,
                                    mm_error **errp)
{
    registry_ensure_init();
    if (!info->parent) {
        mm_error_set(errp, "type '%s' has no parent", info->name ? info->name : "(null)");
        return NULL;
    }
    const mm_type *parent = resolve_parent(info->parent, errp);
    if (!parent || !check_info(info, parent, errp))
        return NULL;
    if (!check_new_name(parent->kind, info->name, errp))
        return NULL;
    for (int i = 0; info->aliases && info->aliases[i]; i++)
        if (!check_new_name(parent->kind, info->aliases[i], errp))
            return NULL;

    mm_type *t = g_new0(mm_type, 1);
    t->info = info;
    t->parent = parent;
    t->kind = parent->kind;
    t->plugin = g_strdup(plugin);
    g_hash_table_insert(types_by_key, type_key(t->kind, info->name), t);
    for (int i = 0; info->aliases && info->aliases[i]; i++)
        g_hash_table_insert(types_by_key, type_key(t->kind, info->aliases[i]), t);
    g_ptr_array_add(types_in_order, t);
    return t;
}

static gboolean registered_by(gpointer key, gpointer value, gpointer plugin)
{
    const mm_type *t = value;
    return t->plugin && !strcmp(t->plugin, plugin);
}

void mm_type_unregister_plugin(const char *plugin)
{
    registry_ensure_init();
    g_hash_table_foreach_remove(types_by_key, registered_by, (gpointer)plugin);
    for (guint i = types_in_order->len; i-- > 0;) {
        mm_type *t = g_ptr_array_index(types_in_order, i);
        if (registered_by(NULL, t, (gpointer)plugin)) {
            g_ptr_array_remove_index(types_in_order, i);
            g_free(t->plugin);
            g_free(t);
        }
    }
}

MM_API const mm_type *mm_type_register(const mm_type_info *info, mm_error **errp)
{
    return mm_type_register_for(info, NULL, errp);
}

MM_API const mm_type_info *mm_type_get_info(const mm_type *type)
{
    return type ? type->info : NULL;
}

MM_API const char *mm_type_name(const mm_type *type)
{
    return type ? type->info->name : NULL;
}

MM_API const mm_type *mm_type_parent(const mm_type *type)
{
    return type ? type->parent : NULL;
}

const char *mm_type_kind(const mm_type *type)
{
    return type->kind;
}

const char *mm_type_plugin(const mm_type *type)
{
    return type->plugin;
}

bool mm_type_is_root(const mm_type *type)
{
    return type->parent == NULL;
}

MM_API bool mm_type_is_a(const mm_type *type, const char *name)
{
    for (const mm_type *t = type; t; t = t->parent) {
        if (!strcmp(t->info->name, name))
            return true;
        for (int i = 0; t->info->aliases && t->info->aliases[i]; i++)
            if (!strcmp(t->info->aliases[i], name))
                return true;
    }
    return false;
}

MM_API const mm_property *mm_type_find_property(const mm_type *type, const char *name)
{
    for (const mm_type *t = type; t; t = t->parent)
        for (const mm_property *p = t->info->properties; p && p->name; p++)
            if (!strcmp(p->name, name))
                return p;
    return NULL;
}

void mm_type_foreach(void (*cb)(const mm_type *type, void *opaque), void *opaque)
{
    registry_ensure_init();
    for (guint i = 0; i < types_in_order->len; i++)
        cb(g_ptr_array_index(types_in_order, i), opaque);
}

GPtrArray *mm_type_ancestry(const mm_type *type)
{
    GPtrArray *chain = g_ptr_array_new();
    for (const mm_type *t = type; t; t = t->parent)
        g_ptr_array_insert(chain, 0, (gpointer)t);
    return chain;
}

GPtrArray *mm_type_collect_properties(const mm_type *type)
{
    GPtrArray *chain = mm_type_ancestry(type);
    GPtrArray *props = g_ptr_array_new();
    for (guint i = 0; i < chain->len; i++) {
        const mm_type *t = g_ptr_array_index(chain, i);
        for (const mm_property *p = t->info->properties; p && p->name; p++) {
            guint j;
            for (j = 0; j < props->len; j++)
                if (!strcmp(((const mm_property *)g_ptr_array_index(props, j))->name, p->name))
                    break;
            if (j < props->len)
                props->pdata[j] = (gpointer)p;
            else
                g_ptr_array_add(props, (gpointer)p);
        }
    }
    g_ptr_array_unref(chain);
    return props;
}
