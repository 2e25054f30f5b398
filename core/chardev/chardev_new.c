/* Creating chardev backends with the generic options (see chardev/chardev_setup.h). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <modemu/chardev.h>

#include "chardev/chardev_core.h"
#include "chardev/chardev_setup.h"
#include "event/main_loop.h"
#include "plugin/plugin_registry.h"

/* Every chardev created, in creation order, for mm_chardev_cleanup_all. */
static GPtrArray *created_chardevs;

typedef struct generic_options {
    bool mux;
    bool logappend;
    const char *logfile;
} generic_options;

static bool parse_switch(const char *key, const char *value, bool *out, mm_error **errp)
{
    static const char *const on[] = { "on", "yes", "true", "", NULL };
    static const char *const off[] = { "off", "no", "false", NULL };
    for (int i = 0; on[i]; i++) {
        if (!strcmp(value, on[i])) {
            *out = true;
            return true;
        }
    }
    for (int i = 0; off[i]; i++) {
        if (!strcmp(value, off[i])) {
            *out = false;
            return true;
        }
    }
    mm_error_set(errp, "Parameter '%s' expects 'on' or 'off'", key);
    return false;
}

/* Returns 1 if key is a generic option (consumed), 0 if it is the backend's,
 * -1 on a bad value. */
static int take_generic_option(generic_options *g, const char *key, const char *value,
                               mm_error **errp)
{
    if (!strcmp(key, "mux"))
        return parse_switch(key, value, &g->mux, errp) ? 1 : -1;
    if (!strcmp(key, "logappend"))
        return parse_switch(key, value, &g->logappend, errp) ? 1 : -1;
    if (!strcmp(key, "logfile")) {
        g->logfile = value;
        return 1;
    }
    return 0;
}

static bool apply_options(mm_object *obj, generic_options *g, const char *const *kv,
                          mm_error **errp)
{
    for (size_t i = 0; kv && kv[i]; i += 2) {
        const char *value = kv[i + 1] ? kv[i + 1] : "";
        int generic = take_generic_option(g, kv[i], value, errp);
        if (generic < 0)
            return false;
        if (!generic && !mm_object_set_property(obj, kv[i], value, errp))
            return false;
    }
    return true;
}

static int open_logfile(const generic_options *g, mm_error **errp)
{
    if (!g->logfile)
        return -1;
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (g->logappend ? O_APPEND : O_TRUNC);
    int fd = open(g->logfile, flags, 0666);
    if (fd < 0)
        mm_error_set(errp, "Unable to open logfile %s: %s", g->logfile, g_strerror(errno));
    return fd;
}

static mm_object *create_backend_object(const char *type, const char *id, mm_error **errp)
{
    const mm_type *t = mm_plugins_require_type(MM_KIND_CHARDEV, type, errp);
    if (!t)
        return NULL;
    if (mm_type_get_info(t)->instance_size < sizeof(mm_chardev)) {
        mm_error_set(errp, "chardev type '%s' does not embed mm_chardev", type);
        return NULL;
    }
    return mm_object_new(MM_KIND_CHARDEV, type, id, errp);
}

mm_chardev *mm_chardev_new(const char *type, const char *id, const char *const *kv,
                           mm_error **errp)
{
    if (id && mm_chardev_find(id)) {
        mm_error_set(errp, "Duplicate ID '%s' for chardev", id);
        return NULL;
    }
    /* Signal handling must exist before a backend changes host state (stdio's
     * raw terminal): a SIGINT during start-up then ends the process through
     * the main loop, which restores the terminal, instead of killing it. */
    mm_main_loop_init();
    mm_object *obj = create_backend_object(type, id, errp);
    if (!obj)
        return NULL;
    mm_chardev *chr = (mm_chardev *)obj;
    generic_options g = { 0 };
    mm_error *err = NULL;
    int log_fd = -1;
    if (apply_options(obj, &g, kv, &err))
        log_fd = open_logfile(&g, &err);
    if (!err) {
        /* Before realize: a backend may report OPENED from its realize hook. */
        chr->core_private = mm_chardev_core_new(g.mux, log_fd);
        mm_object_realize(obj, &err);
    }
    if (err) {
        mm_chardev_core_free(chardev_core_of(chr));
        chr->core_private = NULL;
        mm_object_free(obj);
        if (errp)
            *errp = err;
        else
            mm_error_free(err);
        return NULL;
    }
    if (!created_chardevs)
        created_chardevs = g_ptr_array_new();
    g_ptr_array_add(created_chardevs, chr);
    return chr;
}

void mm_chardev_foreach(void (*cb)(mm_chardev *chr, void *opaque), void *opaque)
{
    for (guint i = 0; created_chardevs && i < created_chardevs->len; i++)
        cb(g_ptr_array_index(created_chardevs, i), opaque);
}

void mm_chardev_cleanup_all(void)
{
    while (created_chardevs && created_chardevs->len > 0) {
        mm_chardev *chr = g_ptr_array_steal_index(created_chardevs, created_chardevs->len - 1);
        chardev_core *core = chardev_core_of(chr);
        mm_object_free(&chr->obj);
        mm_chardev_core_free(core);
    }
}
