/*
 * The plugin search path: MODEMU_PLUGIN_PATH (colon-separated), then the
 * install directory, then the build tree when the running program is part of
 * that build tree.
 *
 * The install directory is found relative to the libmodemu that is running
 * (<libdir>/libmodemu.so -> <libdir>/modemu/plugins) before the configured
 * one, so an installation moved with `cmake --install --prefix` still finds
 * its own plugins.
 *
 * A program running from the build tree has no installation of its own yet:
 * the configured install directory may hold plugins of an older build (with
 * another build stamp) that would shadow the fresh ones, so it is skipped.
 *
 * MODEMU_PLUGIN_PATH_ONLY=1 restricts the search to MODEMU_PLUGIN_PATH, so
 * tests see exactly the plugins they built, whatever else is installed.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "plugin/plugin_set.h"

static void add_dir(GPtrArray *dirs, const char *dir)
{
    if (!dir || !*dir)
        return;
    for (guint i = 0; i < dirs->len; i++)
        if (!strcmp(g_ptr_array_index(dirs, i), dir))
            return;
    g_ptr_array_add(dirs, g_strdup(dir));
}

static char *dir_of_libmodemu(void)
{
    Dl_info info;
    if (!dladdr((void *)mm_plugin_search_dirs, &info) || !info.dli_fname)
        return NULL;
    char *real = realpath(info.dli_fname, NULL);
    if (!real)
        return NULL;
    char *dir = g_path_get_dirname(real);
    free(real);
    return dir;
}

/* True when /proc/self/exe lies inside the build tree that holds the
 * build-tree plugin directory. */
static bool running_from_build_tree(void)
{
    char *exe = realpath("/proc/self/exe", NULL);
    char *build = g_path_get_dirname(MODEMU_PLUGIN_BUILD_DIR);
    char *build_real = realpath(build, NULL);
    bool inside = exe && build_real && g_str_has_prefix(exe, build_real)
                  && exe[strlen(build_real)] == '/';
    free(exe);
    free(build_real);
    g_free(build);
    return inside;
}

GPtrArray *mm_plugin_search_dirs(void)
{
    static GPtrArray *dirs;
    if (dirs)
        return dirs;
    dirs = g_ptr_array_new_with_free_func(g_free);
    const char *env = getenv("MODEMU_PLUGIN_PATH");
    if (env) {
        char **parts = g_strsplit(env, ":", -1);
        for (int i = 0; parts[i]; i++)
            add_dir(dirs, parts[i]);
        g_strfreev(parts);
    }
    const char *only = getenv("MODEMU_PLUGIN_PATH_ONLY");
    if (only && !strcmp(only, "1"))
        return dirs;
    char *libdir = dir_of_libmodemu();
    if (libdir) {
        char *installed = g_build_filename(libdir, "modemu", "plugins", NULL);
        add_dir(dirs, installed);
        g_free(installed);
        g_free(libdir);
    }
    if (running_from_build_tree())
        add_dir(dirs, MODEMU_PLUGIN_BUILD_DIR);
    else
        add_dir(dirs, MODEMU_PLUGIN_INSTALL_DIR);
    return dirs;
}
