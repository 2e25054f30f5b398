/* `modemu-manifest PLUGIN.so OUT`: writes the manifest of a plugin from its
 * own descriptor, so manifest and code cannot disagree. */
#include <stdio.h>
#include <glib.h>
#include <modemu/embed.h>
#include <modemu/error.h>

#include "plugin/manifest.h"
#include "plugin/plugin_set.h"
#include "util/progname.h"

static bool write_manifest(const char *so_path, const char *out_path, mm_error **errp)
{
    mm_plugin_file *pf = mm_plugin_file_open(so_path, errp);
    /* Types are registered (with their dependencies) so inherited properties
     * are listed; init is not run: it is for a running machine. */
    if (!pf || !mm_plugin_file_load(pf, false, errp))
        return false;
    mm_manifest *m = mm_manifest_from_descriptor(pf->descriptor, so_path, errp);
    bool ok = m && mm_manifest_save(m, out_path, errp);
    mm_manifest_free(m);
    return ok;
}

MM_API int modemu_manifest_main(int argc, char **argv)
{
    mm_set_progname(argv[0]);
    if (argc != 3) {
        fprintf(stderr, "usage: %s PLUGIN.so OUT.manifest\n", mm_progname());
        return 2;
    }
    /* Dependencies named by the descriptor are found next to the plugin
     * first (the build tree), then on the normal search path. */
    char *dir = g_path_get_dirname(argv[1]);
    const char *old = g_getenv("MODEMU_PLUGIN_PATH");
    char *path = old && *old ? g_strconcat(dir, ":", old, NULL) : g_strdup(dir);
    g_setenv("MODEMU_PLUGIN_PATH", path, TRUE);
    g_free(path);
    g_free(dir);
    mm_plugin_discovery_set_quiet(true);
    mm_error *err = NULL;
    if (!write_manifest(argv[1], argv[2], &err)) {
        mm_error_report_and_free(err);
        return 1;
    }
    return 0;
}
