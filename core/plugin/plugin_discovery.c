/*
 * Discovery: the plugin files of the search path, with their manifests.
 * Nothing is loaded.  A file name that appeared in an earlier directory
 * shadows later ones (like PATH); a garbage or truncated .so, or one without
 * a manifest, is reported with a warning and everything else still works.
 */
#include <string.h>
#include <glib.h>
#include <modemu/error.h>
#include <modemu/log.h>

#include "plugin/elf_file.h"
#include "plugin/plugin_registry.h"
#include "plugin/plugin_set.h"

static GPtrArray *plugin_files;        /* mm_plugin_file *, search order */
static GHashTable *active_by_name;     /* stem -> mm_plugin_file * (not shadowed) */
static bool discovery_quiet;

void mm_plugin_discovery_set_quiet(bool quiet)
{
    discovery_quiet = quiet;
}

#define discovery_warn(...)                     \
    do {                                        \
        if (!discovery_quiet)                   \
            mm_warn_report(__VA_ARGS__);        \
    } while (0)

static void read_manifest(mm_plugin_file *pf)
{
    char *manifest_path = g_strconcat(pf->stem, ".manifest", NULL);
    char *dir = g_path_get_dirname(pf->path);
    char *full = g_build_filename(dir, manifest_path, NULL);
    g_free(dir);
    g_free(manifest_path);
    pf->has_manifest = g_file_test(full, G_FILE_TEST_EXISTS);
    if (!pf->has_manifest) {
        discovery_warn("plugin %s has no manifest (%s); it is not listed", pf->path, full);
    } else {
        mm_error *err = NULL;
        pf->manifest = mm_manifest_load(full, &err);
        if (!pf->manifest) {
            pf->problem = g_strdup(err->message);
            discovery_warn("%s; plugin %s skipped", err->message, pf->path);
            mm_error_free(err);
        }
    }
    g_free(full);
}

static void add_plugin_file(const char *dir, const char *file_name)
{
    mm_plugin_file *pf = g_new0(mm_plugin_file, 1);
    pf->path = g_build_filename(dir, file_name, NULL);
    pf->stem = g_strndup(file_name, strlen(file_name) - 3);
    g_ptr_array_add(plugin_files, pf);
    mm_plugin_file *earlier = g_hash_table_lookup(active_by_name, pf->stem);
    if (earlier) {
        pf->shadowed_by = g_strdup(earlier->path);
        mm_log(MM_LOG_PLUGIN, "plugin %s is shadowed by %s\n", pf->path, earlier->path);
        return;
    }
    g_hash_table_insert(active_by_name, pf->stem, pf);
    char *why = NULL;
    if (!mm_elf_plausible(pf->path, &why)) {
        pf->problem = why;
        discovery_warn("plugin file %s is not a usable shared object (%s); skipped", pf->path,
                       why);
        return;
    }
    read_manifest(pf);
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void scan_dir(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d)
        return;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)))
        if (g_str_has_suffix(name, ".so") && strlen(name) > 3)
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    g_ptr_array_sort(names, compare_names);
    for (guint i = 0; i < names->len; i++)
        add_plugin_file(dir, g_ptr_array_index(names, i));
    g_ptr_array_unref(names);
}

void mm_plugins_discover(void)
{
    if (plugin_files)
        return;
    plugin_files = g_ptr_array_new();
    active_by_name = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *dirs = mm_plugin_search_dirs();
    for (guint i = 0; i < dirs->len; i++)
        scan_dir(g_ptr_array_index(dirs, i));
}

GPtrArray *mm_plugin_files(void)
{
    mm_plugins_discover();
    return plugin_files;
}

mm_plugin_file *mm_plugin_file_by_name(const char *name)
{
    mm_plugins_discover();
    return g_hash_table_lookup(active_by_name, name);
}
