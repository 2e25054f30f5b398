/*
 * Core-internal interface of the plugin system, used by the command line and
 * the machine builder.  Discovery reads manifests only; loading happens when
 * something is required by name.
 */
#ifndef MODEMU_PLUGIN_REGISTRY_H
#define MODEMU_PLUGIN_REGISTRY_H

#include <stdbool.h>
#include <stdio.h>
#include <modemu/error.h>
#include <modemu/object.h>

/* A type as listings see it: from a core registration or a plugin manifest. */
typedef struct mm_type_summary {
    const char *kind;          /* MM_KIND_* */
    const char *name;
    const char *parent;
    const char *description;
    const char *category;      /* devices only, may be NULL */
    const char *plugin;        /* providing plugin name, NULL for core types */
    bool user_creatable;
} mm_type_summary;

/* Scans MODEMU_PLUGIN_PATH (colon-separated), then the install directory,
 * then the build tree when running from it.  Warns (does not fail) about
 * garbage/truncated .so files and .so files without a manifest. */
void mm_plugins_discover(void);

/* Makes sure type kind/name is registered, loading its plugin (and declared
 * dependencies) when needed.  Errors are one line: unknown name, provided by a
 * plugin that is not installed, ABI/stamp mismatch, missing shared library,
 * two plugins claiming the name. */
const mm_type *mm_plugins_require_type(const char *kind, const char *name, mm_error **errp);

/* Calls cb for every user-visible type of `kind` (core and manifests), sorted
 * by name.  Loads nothing. */
void mm_plugins_foreach_type(const char *kind,
                             void (*cb)(const mm_type_summary *type, void *opaque),
                             void *opaque);

/* Prints the properties of kind/name (`-device TYPE,help`) with types,
 * defaults and descriptions, from the core registry or the manifest.
 * Returns false with an error if the type is unknown. */
bool mm_plugins_print_type_help(const char *kind, const char *name, FILE *out,
                                mm_error **errp);

/* Prints every discovered plugin: file, what it provides, and whether it would
 * load (ABI/stamp/missing libraries), for `-plugins help`-style listing. */
void mm_plugins_print_list(FILE *out);

/* Unloads everything in reverse load order (calls each descriptor's fini). */
void mm_plugins_shutdown(void);

#endif
