/*
 * Plugin manifests (core-internal): the text file <name>.manifest beside each
 * plugin .so, written at build time by modemu-manifest from the plugin's own
 * descriptor and read at run time by discovery, so listing never loads code.
 *
 * Format: a GKeyFile (ini style).  Group [plugin] holds format, name,
 * description, abi-version, build-stamp, requires, needed (DT_NEEDED sonames),
 * runpath, types (list of "kind/name").  Each type has a group [kind/name]
 * with name, kind, parent, aliases, description, category, user-creatable,
 * abstract, properties (list of names, inheritance order) and one key
 * prop.<name> = <type label>;<default>;<description> per property.
 */
#ifndef MODEMU_PLUGIN_MANIFEST_H
#define MODEMU_PLUGIN_MANIFEST_H

#include <stdbool.h>
#include <glib.h>
#include <modemu/error.h>
#include <modemu/plugin.h>

#define MM_MANIFEST_FORMAT 1

typedef struct mm_manifest_type {
    char *kind;
    char *name;
    char *parent;
    char **aliases;          /* NULL-terminated, never NULL */
    char *description;
    char *category;          /* NULL if none */
    bool user_creatable;
    bool abstract;
    GPtrArray *props;        /* mm_prop_summary *, inheritance order */
} mm_manifest_type;

typedef struct mm_manifest {
    int format;
    char *name;
    char *description;
    unsigned abi_version;
    char *build_stamp;
    char **requires;         /* NULL-terminated, never NULL */
    char **needed;           /* NULL-terminated, never NULL */
    char *runpath;           /* NULL if none */
    GPtrArray *types;        /* mm_manifest_type * */
} mm_manifest;

mm_manifest *mm_manifest_load(const char *path, mm_error **errp);
bool mm_manifest_save(const mm_manifest *m, const char *path, mm_error **errp);
/* Builds a manifest from a descriptor whose types are already registered
 * (so inherited properties can be listed) and the .so file itself. */
mm_manifest *mm_manifest_from_descriptor(const mm_plugin_descriptor *d, const char *so_path,
                                         mm_error **errp);
void mm_manifest_free(mm_manifest *m);

/* The manifest type called kind/name or carrying it as an alias, or NULL. */
const mm_manifest_type *mm_manifest_find_type(const mm_manifest *m, const char *kind,
                                              const char *name);

#endif
