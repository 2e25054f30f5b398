/*
 * Would the dynamic loader find a shared library?  Used to say "would not
 * load: libSDL2-2.0.so.0 missing" without loading the plugin, and to name the
 * missing library when a load fails.  It mirrors ld.so's order closely
 * enough for that purpose: libraries already in the process, DT_RUNPATH
 * ($ORIGIN expanded), LD_LIBRARY_PATH, the ld.so.conf directories, then the
 * default directories.
 */
#define _GNU_SOURCE
#include <glob.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "plugin/plugin_set.h"

static int match_loaded(struct dl_phdr_info *info, size_t size, void *data)
{
    const char *soname = data;
    const char *name = info->dlpi_name;
    if (!name || !*name)
        return 0;
    const char *base = strrchr(name, '/');
    return !strcmp(base ? base + 1 : name, soname);
}

static bool in_dir(const char *dir, const char *soname)
{
    char *p = g_build_filename(dir, soname, NULL);
    bool found = g_file_test(p, G_FILE_TEST_EXISTS);
    g_free(p);
    return found;
}

static bool in_path_list(const char *list, const char *soname, const char *origin_dir)
{
    if (!list)
        return false;
    char **dirs = g_strsplit(list, ":", -1);
    bool found = false;
    for (int i = 0; dirs[i] && !found; i++) {
        /* $ORIGIN is the directory of the object that has the RUNPATH. */
        char **pieces = g_strsplit(dirs[i], "$ORIGIN", -1);
        char *d = g_strjoinv(origin_dir ? origin_dir : ".", pieces);
        g_strfreev(pieces);
        found = *d && in_dir(d, soname);
        g_free(d);
    }
    g_strfreev(dirs);
    return found;
}

static void read_ld_conf(const char *path, GPtrArray *dirs, int depth);

static void read_ld_conf_include(const char *pattern, GPtrArray *dirs, int depth)
{
    glob_t g;
    if (glob(pattern, 0, NULL, &g) != 0)
        return;
    for (size_t i = 0; i < g.gl_pathc; i++)
        read_ld_conf(g.gl_pathv[i], dirs, depth + 1);
    globfree(&g);
}

static void read_ld_conf(const char *path, GPtrArray *dirs, int depth)
{
    gchar *text = NULL;
    if (depth > 8 || !g_file_get_contents(path, &text, NULL, NULL))
        return;
    char **lines = g_strsplit(text, "\n", -1);
    for (int i = 0; lines[i]; i++) {
        char *line = g_strstrip(lines[i]);
        if (!*line || *line == '#')
            continue;
        if (g_str_has_prefix(line, "include "))
            read_ld_conf_include(g_strstrip(line + 8), dirs, depth);
        else
            g_ptr_array_add(dirs, g_strdup(line));
    }
    g_strfreev(lines);
    g_free(text);
}

static GPtrArray *system_library_dirs(void)
{
    static GPtrArray *dirs;
    if (dirs)
        return dirs;
    dirs = g_ptr_array_new_with_free_func(g_free);
    read_ld_conf("/etc/ld.so.conf", dirs, 0);
    static const char *const defaults[] = {
        "/lib", "/usr/lib", "/lib64", "/usr/lib64",
#ifdef __x86_64__
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
#endif
    };
    for (size_t i = 0; i < G_N_ELEMENTS(defaults); i++)
        g_ptr_array_add(dirs, g_strdup(defaults[i]));
    return dirs;
}

bool mm_shared_library_findable(const char *soname, const char *runpath, const char *origin_dir)
{
    if (strchr(soname, '/'))
        return g_file_test(soname, G_FILE_TEST_EXISTS);
    if (dl_iterate_phdr(match_loaded, (void *)soname))
        return true;
    if (in_path_list(runpath, soname, origin_dir))
        return true;
    if (in_path_list(getenv("LD_LIBRARY_PATH"), soname, NULL))
        return true;
    GPtrArray *dirs = system_library_dirs();
    for (guint i = 0; i < dirs->len; i++)
        if (in_dir(g_ptr_array_index(dirs, i), soname))
            return true;
    return false;
}
