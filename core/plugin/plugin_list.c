/* `-plugins help`: every discovered plugin file, what it provides and
 * whether it would load, from manifests and the file system only. */
#include <string.h>
#include <glib.h>

#include "plugin/plugin_registry.h"
#include "plugin/plugin_set.h"

static char *missing_library(const mm_plugin_file *pf)
{
    char *origin = g_path_get_dirname(pf->path);
    char *missing = NULL;
    for (int i = 0; pf->manifest->needed[i] && !missing; i++)
        if (!mm_shared_library_findable(pf->manifest->needed[i], pf->manifest->runpath, origin))
            missing = g_strdup(pf->manifest->needed[i]);
    g_free(origin);
    return missing;
}

static char *missing_requirement(const mm_plugin_file *pf)
{
    for (int i = 0; pf->manifest->requires[i]; i++) {
        const mm_plugin_file *dep = mm_plugin_file_by_name(pf->manifest->requires[i]);
        if (!dep)
            return g_strdup_printf("requires plugin %s, which is not installed",
                                   pf->manifest->requires[i]);
        if (dep != pf && dep->manifest) {
            char *why = mm_plugin_file_load_problem(dep);
            if (why) {
                char *msg = g_strdup_printf("requires plugin %s, which would not load", dep->stem);
                g_free(why);
                return msg;
            }
        }
    }
    return NULL;
}

char *mm_plugin_file_load_problem(const mm_plugin_file *pf)
{
    if (pf->problem)
        return g_strdup(pf->problem);
    if (pf->load_error)
        return g_strdup(pf->load_error);
    if (!pf->manifest)
        return g_strdup("no manifest (not listed; loaded only for names the built-in catalog gives it)");
    if (pf->manifest->abi_version != MODEMU_PLUGIN_ABI_VERSION)
        return g_strdup_printf("ABI version mismatch: expected %u, found %u",
                               MODEMU_PLUGIN_ABI_VERSION, pf->manifest->abi_version);
    const char *stamp = pf->manifest->build_stamp ? pf->manifest->build_stamp : "(none)";
    if (strcmp(stamp, MODEMU_BUILD_STAMP))
        return g_strdup_printf("build stamp mismatch: expected %s, found %s", MODEMU_BUILD_STAMP,
                               stamp);
    char *lib = missing_library(pf);
    if (lib) {
        char *msg = g_strdup_printf("shared library %s is missing", lib);
        g_free(lib);
        return msg;
    }
    return missing_requirement(pf);
}

static void print_provides(FILE *out, const mm_manifest *m)
{
    fprintf(out, "    provides:");
    if (m->types->len == 0)
        fprintf(out, " nothing");
    for (guint i = 0; i < m->types->len; i++) {
        const mm_manifest_type *t = g_ptr_array_index(m->types, i);
        fprintf(out, "%s %s %s", i ? "," : "", t->kind, t->name);
    }
    fputc('\n', out);
}

static void print_plugin_file(FILE *out, const mm_plugin_file *pf)
{
    fprintf(out, "  %s\n", pf->path);
    if (pf->shadowed_by) {
        fprintf(out, "    status: shadowed by %s\n", pf->shadowed_by);
        return;
    }
    if (pf->manifest) {
        if (pf->manifest->description && *pf->manifest->description)
            fprintf(out, "    plugin: %s - %s\n", pf->manifest->name, pf->manifest->description);
        print_provides(out, pf->manifest);
    }
    char *why = mm_plugin_file_load_problem(pf);
    if (pf->loaded)
        fprintf(out, "    status: loaded\n");
    else if (why)
        fprintf(out, "    status: would not load: %s\n", why);
    else
        fprintf(out, "    status: would load\n");
    g_free(why);
}

void mm_plugins_print_list(FILE *out)
{
    GPtrArray *dirs = mm_plugin_search_dirs();
    fprintf(out, "Plugin search path:\n");
    for (guint i = 0; i < dirs->len; i++)
        fprintf(out, "  %s\n", (const char *)g_ptr_array_index(dirs, i));
    GPtrArray *files = mm_plugin_files();
    fprintf(out, "Plugins (%u files):\n", files->len);
    for (guint i = 0; i < files->len; i++)
        print_plugin_file(out, g_ptr_array_index(files, i));
}
