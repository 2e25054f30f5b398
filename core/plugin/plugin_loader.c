/*
 * Loading one plugin with libltdl, only when something it provides is
 * required.  Each refusal is one line naming the file and what is wrong:
 * ABI or stamp mismatch (expected, found), a missing shared library, a
 * missing declared dependency.
 */
#include <string.h>
#include <ltdl.h>
#include <glib.h>
#include <modemu/error.h>
#include <modemu/log.h>

#include "object/type_registry.h"
#include "plugin/elf_file.h"
#include "plugin/plugin_set.h"

static GPtrArray *load_order;   /* mm_plugin_file *, for fini in reverse */

static bool ltdl_ready(mm_error **errp)
{
    static bool ready;
    if (!ready && lt_dlinit() != 0) {
        mm_error_set(errp, "cannot initialise libltdl: %s", lt_dlerror());
        return false;
    }
    ready = true;
    return true;
}

/* After a failed dlopen: name the first DT_NEEDED library the loader would
 * not find, which is what the user has to install. */
static char *find_missing_library(const char *path)
{
    char *runpath = NULL, *why = NULL;
    GPtrArray *needed = mm_elf_needed(path, &runpath, &why);
    char *missing = NULL;
    char *origin = g_path_get_dirname(path);
    for (guint i = 0; needed && i < needed->len && !missing; i++)
        if (!mm_shared_library_findable(g_ptr_array_index(needed, i), runpath, origin))
            missing = g_strdup(g_ptr_array_index(needed, i));
    g_free(origin);
    g_free(runpath);
    g_free(why);
    if (needed)
        g_ptr_array_unref(needed);
    return missing;
}

static lt_dlhandle open_local(const char *path, mm_error **errp)
{
    lt_dladvise advise;
    if (lt_dladvise_init(&advise) || lt_dladvise_local(&advise)) {
        mm_error_set(errp, "libltdl: %s", lt_dlerror());
        return NULL;
    }
    lt_dlhandle h = lt_dlopenadvise(path, advise);
    const char *ltdl_error = h ? NULL : lt_dlerror();
    lt_dladvise_destroy(&advise);
    if (h)
        return h;
    char *missing = find_missing_library(path);
    if (missing)
        mm_error_set(errp, "plugin %s cannot be loaded: shared library %s is missing", path,
                     missing);
    else
        mm_error_set(errp, "plugin %s cannot be loaded: %s", path,
                     ltdl_error ? ltdl_error : "unknown error");
    g_free(missing);
    return NULL;
}

static bool check_descriptor(const char *path, const char *stem, const mm_plugin_descriptor *d,
                             mm_error **errp)
{
    /* abi_version is the first member in every ABI, so it is safe to read
     * before anything else. */
    if (d->abi_version != MODEMU_PLUGIN_ABI_VERSION) {
        mm_error_set(errp, "plugin %s: ABI version mismatch: expected %u, found %u", path,
                     MODEMU_PLUGIN_ABI_VERSION, d->abi_version);
        return false;
    }
    if (!d->build_stamp || strcmp(d->build_stamp, MODEMU_BUILD_STAMP)) {
        mm_error_set(errp, "plugin %s: build stamp mismatch: expected %s, found %s", path,
                     MODEMU_BUILD_STAMP, d->build_stamp ? d->build_stamp : "(none)");
        return false;
    }
    if (!d->name || strcmp(d->name, stem)) {
        mm_error_set(errp, "plugin %s: descriptor names plugin '%s', expected '%s'", path,
                     d->name ? d->name : "(none)", stem);
        return false;
    }
    return true;
}

static bool load_requirements(mm_plugin_file *pf, bool run_init, mm_error **errp)
{
    /* The descriptor is authoritative; the manifest copy only serves listing.
     * Dependencies must be in before our types (whose parents they may
     * provide) are registered. */
    const char *const *reqs = pf->descriptor->requires;
    for (int i = 0; reqs && reqs[i]; i++) {
        mm_plugin_file *dep = mm_plugin_file_by_name(reqs[i]);
        if (!dep) {
            mm_error_set(errp, "plugin %s requires plugin %s, which is not installed", pf->path,
                         reqs[i]);
            return false;
        }
        if (!mm_plugin_file_load(dep, run_init, errp))
            return false;
    }
    return true;
}

static bool register_types(mm_plugin_file *pf, mm_error **errp)
{
    const mm_plugin_descriptor *d = pf->descriptor;
    for (int i = 0; d->types && d->types[i]; i++)
        if (!mm_type_register_for(d->types[i], d->name, errp)) {
            mm_error_prepend(errp, "plugin %s", pf->path);
            return false;
        }
    return true;
}

static bool open_and_check(mm_plugin_file *pf, mm_error **errp)
{
    if (!ltdl_ready(errp))
        return false;
    lt_dlhandle h = open_local(pf->path, errp);
    if (!h)
        return false;
    const mm_plugin_descriptor *d = lt_dlsym(h, MODEMU_PLUGIN_DESCRIPTOR_SYMBOL);
    if (!d) {
        mm_error_set(errp, "%s is not a modemu plugin (no %s symbol)", pf->path,
                     MODEMU_PLUGIN_DESCRIPTOR_SYMBOL);
        lt_dlclose(h);
        return false;
    }
    if (!check_descriptor(pf->path, pf->stem, d, errp)) {
        lt_dlclose(h);
        return false;
    }
    pf->handle = h;
    pf->descriptor = d;
    return true;
}

/* A plugin that failed after registering types takes them back out and is
 * not tried again: the same error answers later attempts. */
static void undo_failed_load(mm_plugin_file *pf, const mm_error *err)
{
    if (pf->descriptor)
        mm_type_unregister_plugin(pf->descriptor->name);
    if (pf->handle)
        lt_dlclose(pf->handle);
    pf->handle = NULL;
    pf->descriptor = NULL;
    pf->load_error = g_strdup(err ? err->message : "failed to load");
}

bool mm_plugin_file_load(mm_plugin_file *pf, bool run_init, mm_error **errp)
{
    if (pf->loaded)
        return true;
    if (pf->problem) {
        mm_error_set(errp, "plugin %s is unusable: %s", pf->path, pf->problem);
        return false;
    }
    if (pf->load_error) {
        mm_error_set(errp, "%s", pf->load_error);
        return false;
    }
    if (pf->loading) {
        mm_error_set(errp, "plugin %s: circular plugin dependency", pf->path);
        return false;
    }
    pf->loading = true;
    mm_error *err = NULL;
    bool ok = (pf->descriptor || open_and_check(pf, &err)) && load_requirements(pf, run_init, &err)
              && register_types(pf, &err);
    if (ok && run_init && pf->descriptor->init && !pf->descriptor->init(&err)) {
        if (!err)
            mm_error_set(&err, "initialisation failed");
        mm_error_prepend(&err, "plugin %s", pf->path);
        ok = false;
    }
    pf->loading = false;
    if (!ok) {
        undo_failed_load(pf, err);
        if (errp && !*errp)
            *errp = err;
        else
            mm_error_free(err);
        return false;
    }
    pf->loaded = true;
    if (!load_order)
        load_order = g_ptr_array_new();
    g_ptr_array_add(load_order, pf);
    mm_log(MM_LOG_PLUGIN, "loaded plugin %s\n", pf->path);
    return true;
}

mm_plugin_file *mm_plugin_file_open(const char *path, mm_error **errp)
{
    char *base = g_path_get_basename(path);
    if (!g_str_has_suffix(base, ".so")) {
        mm_error_set(errp, "%s: a plugin file name ends in .so", path);
        g_free(base);
        return NULL;
    }
    mm_plugin_file *pf = g_new0(mm_plugin_file, 1);
    pf->path = g_strdup(path);
    pf->stem = g_strndup(base, strlen(base) - 3);
    g_free(base);
    char *why = NULL;
    if (!mm_elf_plausible(path, &why)) {
        mm_error_set(errp, "%s: %s", path, why);
        g_free(why);
        return NULL;
    }
    return pf;
}

void mm_plugins_shutdown(void)
{
    if (!load_order)
        return;
    for (guint i = load_order->len; i-- > 0;) {
        mm_plugin_file *pf = g_ptr_array_index(load_order, i);
        /* Types stay registered and instances may still point into the
         * plugin, so it is not dlclosed: fini releases its own resources. */
        if (pf->descriptor->fini)
            pf->descriptor->fini();
    }
    g_ptr_array_set_size(load_order, 0);
}
