/*
 * Core-internal view of the type registry: what the plugin system, the
 * listings and the manifest writer need beyond <modemu/object.h>.
 */
#ifndef MODEMU_OBJECT_TYPE_REGISTRY_H
#define MODEMU_OBJECT_TYPE_REGISTRY_H

#include <stdbool.h>
#include <glib.h>
#include <modemu/object.h>

/* The root kinds, NULL-terminated, in the order listings show them. */
extern const char *const mm_root_kinds[];
bool mm_is_root_kind(const char *name);

/* Registers a type provided by plugin `plugin` (NULL: the core). */
const mm_type *mm_type_register_for(const mm_type_info *info, const char *plugin,
                                    mm_error **errp);

/* Removes every type plugin `plugin` registered (its registration or init
 * failed, so none of its objects exist).  Names and aliases become free. */
void mm_type_unregister_plugin(const char *plugin);

/* The root kind a type belongs to ("device", "netdev" ...). */
const char *mm_type_kind(const mm_type *type);
/* The plugin that registered the type, NULL for core types. */
const char *mm_type_plugin(const mm_type *type);
bool mm_type_is_root(const mm_type *type);

/* Every registered type (not the root kinds, not aliases), in registration order. */
void mm_type_foreach(void (*cb)(const mm_type *type, void *opaque), void *opaque);

/* The type's properties including inherited ones, root-most first; a
 * subclass property with the same name as an ancestor's replaces it in place.
 * Returns an array of const mm_property * the caller g_ptr_array_unref()s. */
GPtrArray *mm_type_collect_properties(const mm_type *type);

/* The ancestors of a type from the root kind down to the type itself. */
GPtrArray *mm_type_ancestry(const mm_type *type);

#endif
