/*
 * The discovered plugin files and their loading (core-internal, shared by the
 * files of core/plugin/).  Discovery fills the set from the search path
 * reading manifests only; loading dlopens one file (and its declared
 * dependencies) when something it provides is required.
 */
#ifndef MODEMU_PLUGIN_PLUGIN_SET_H
#define MODEMU_PLUGIN_PLUGIN_SET_H

#include <stdbool.h>
#include <glib.h>
#include <modemu/error.h>
#include <modemu/plugin.h>

#include "plugin/manifest.h"

typedef struct mm_plugin_file {
    char *path;               /* the .so */
    char *stem;               /* file name without ".so": the plugin name */
    char *problem;            /* why the file is unusable (garbage ELF, bad manifest) */
    char *load_error;         /* why loading failed; not retried */
    bool has_manifest;
    mm_manifest *manifest;    /* NULL if missing or unreadable */
    char *shadowed_by;        /* set when an earlier directory has the same stem */
    void *handle;             /* lt_dlhandle once loaded */
    const mm_plugin_descriptor *descriptor;
    bool loaded;
    bool loading;             /* dependency-cycle guard */
} mm_plugin_file;

/* Discovery warnings (garbage files, missing manifests) go to stderr unless
 * quiet: the manifest tool scans build directories where manifests are
 * still being written. */
void mm_plugin_discovery_set_quiet(bool quiet);

/* The directories searched, in order (GPtrArray of char*; do not free). */
GPtrArray *mm_plugin_search_dirs(void);

/* All plugin files found, in search order, shadowed ones included. */
GPtrArray *mm_plugin_files(void);
/* The active (not shadowed) file for a plugin name, or NULL. */
mm_plugin_file *mm_plugin_file_by_name(const char *name);

/* Loads a plugin file: declared dependencies first, then dlopen, ABI and
 * stamp checks, type registration and (if run_init) the descriptor's init. */
bool mm_plugin_file_load(mm_plugin_file *pf, bool run_init, mm_error **errp);
/* Loads a file that is not part of the discovered set (the manifest tool). */
mm_plugin_file *mm_plugin_file_open(const char *path, mm_error **errp);

/* Would the file load?  NULL if yes, else a reason (g_free it).  Reads only
 * the manifest and the file system; loads nothing. */
char *mm_plugin_file_load_problem(const mm_plugin_file *pf);

/* Is a shared library (DT_NEEDED soname) findable the way the dynamic loader
 * would look for it from `origin_dir` with `runpath`? */
bool mm_shared_library_findable(const char *soname, const char *runpath, const char *origin_dir);

#endif
