/* Reading and writing plugin manifests (see manifest.h). */
#include <string.h>
#include <glib.h>

#include "object/property.h"
#include "object/type_registry.h"
#include "plugin/elf_file.h"
#include "plugin/manifest.h"

static void manifest_type_free(gpointer p)
{
    mm_manifest_type *t = p;
    g_free(t->kind);
    g_free(t->name);
    g_free(t->parent);
    g_strfreev(t->aliases);
    g_free(t->description);
    g_free(t->category);
    g_ptr_array_unref(t->props);
    g_free(t);
}

void mm_manifest_free(mm_manifest *m)
{
    if (!m)
        return;
    g_free(m->name);
    g_free(m->description);
    g_free(m->build_stamp);
    g_strfreev(m->requires);
    g_strfreev(m->needed);
    g_free(m->runpath);
    g_ptr_array_unref(m->types);
    g_free(m);
}

static mm_manifest *manifest_new(void)
{
    mm_manifest *m = g_new0(mm_manifest, 1);
    m->format = MM_MANIFEST_FORMAT;
    m->types = g_ptr_array_new_with_free_func(manifest_type_free);
    return m;
}

static GPtrArray *new_prop_array(void)
{
    return g_ptr_array_new_with_free_func((GDestroyNotify)mm_prop_summary_free);
}

const mm_manifest_type *mm_manifest_find_type(const mm_manifest *m, const char *kind,
                                              const char *name)
{
    for (guint i = 0; i < m->types->len; i++) {
        const mm_manifest_type *t = g_ptr_array_index(m->types, i);
        if (strcmp(t->kind, kind))
            continue;
        if (!strcmp(t->name, name) || g_strv_contains((const char *const *)t->aliases, name))
            return t;
    }
    return NULL;
}

/* ---- reading ---- */

static char **read_list(GKeyFile *kf, const char *group, const char *key)
{
    char **v = g_key_file_get_string_list(kf, group, key, NULL, NULL);
    return v ? v : g_new0(char *, 1);
}

static char *read_optional(GKeyFile *kf, const char *group, const char *key)
{
    char *v = g_key_file_get_string(kf, group, key, NULL);
    if (v && !*v) {
        g_free(v);
        return NULL;
    }
    return v;
}

static mm_prop_summary *read_prop(GKeyFile *kf, const char *group, const char *name)
{
    char *key = g_strconcat("prop.", name, NULL);
    gsize n = 0;
    char **v = g_key_file_get_string_list(kf, group, key, &n, NULL);
    g_free(key);
    mm_prop_summary *s = g_new0(mm_prop_summary, 1);
    s->name = g_strdup(name);
    s->type_label = g_strdup(n > 0 ? v[0] : "<?>");
    s->default_text = n > 1 && *v[1] ? g_strdup(v[1]) : NULL;
    s->description = n > 2 && *v[2] ? g_strdup(v[2]) : NULL;
    g_strfreev(v);
    return s;
}

static mm_manifest_type *read_type(GKeyFile *kf, const char *group, mm_error **errp)
{
    if (!g_key_file_has_group(kf, group)) {
        mm_error_set(errp, "type group [%s] is missing", group);
        return NULL;
    }
    mm_manifest_type *t = g_new0(mm_manifest_type, 1);
    t->kind = read_optional(kf, group, "kind");
    t->name = read_optional(kf, group, "name");
    t->parent = read_optional(kf, group, "parent");
    t->aliases = read_list(kf, group, "aliases");
    t->description = read_optional(kf, group, "description");
    t->category = read_optional(kf, group, "category");
    t->user_creatable = g_key_file_get_boolean(kf, group, "user-creatable", NULL);
    t->abstract = g_key_file_get_boolean(kf, group, "abstract", NULL);
    t->props = new_prop_array();
    char **names = read_list(kf, group, "properties");
    for (int i = 0; names[i]; i++)
        g_ptr_array_add(t->props, read_prop(kf, group, names[i]));
    g_strfreev(names);
    if (!t->kind || !t->name || !mm_is_root_kind(t->kind)) {
        mm_error_set(errp, "type group [%s] lacks a valid kind or name", group);
        manifest_type_free(t);
        return NULL;
    }
    return t;
}

static bool read_plugin_group(GKeyFile *kf, mm_manifest *m, mm_error **errp)
{
    m->format = g_key_file_get_integer(kf, "plugin", "format", NULL);
    if (m->format != MM_MANIFEST_FORMAT) {
        mm_error_set(errp, "manifest format %d, expected %d", m->format, MM_MANIFEST_FORMAT);
        return false;
    }
    m->name = read_optional(kf, "plugin", "name");
    m->description = read_optional(kf, "plugin", "description");
    m->abi_version = (unsigned)g_key_file_get_integer(kf, "plugin", "abi-version", NULL);
    m->build_stamp = read_optional(kf, "plugin", "build-stamp");
    m->requires = read_list(kf, "plugin", "requires");
    m->needed = read_list(kf, "plugin", "needed");
    m->runpath = read_optional(kf, "plugin", "runpath");
    if (!m->name) {
        mm_error_set(errp, "manifest has no plugin name");
        return false;
    }
    return true;
}

mm_manifest *mm_manifest_load(const char *path, mm_error **errp)
{
    GKeyFile *kf = g_key_file_new();
    GError *gerr = NULL;
    mm_manifest *m = manifest_new();
    bool ok = g_key_file_load_from_file(kf, path, G_KEY_FILE_NONE, &gerr);
    if (!ok) {
        mm_error_set(errp, "%s", gerr->message);
        g_error_free(gerr);
    }
    ok = ok && read_plugin_group(kf, m, errp);
    char **types = ok ? read_list(kf, "plugin", "types") : g_new0(char *, 1);
    for (int i = 0; ok && types[i]; i++) {
        mm_manifest_type *t = read_type(kf, types[i], errp);
        if (t)
            g_ptr_array_add(m->types, t);
        ok = t != NULL;
    }
    g_strfreev(types);
    g_key_file_free(kf);
    if (!ok) {
        mm_error_prepend(errp, "bad manifest %s", path);
        mm_manifest_free(m);
        return NULL;
    }
    return m;
}

/* ---- writing ---- */

static void write_list(GKeyFile *kf, const char *group, const char *key, char **v)
{
    g_key_file_set_string_list(kf, group, key, (const char *const *)v, g_strv_length(v));
}

static void write_type(GKeyFile *kf, const mm_manifest_type *t)
{
    char *group = g_strconcat(t->kind, "/", t->name, NULL);
    g_key_file_set_string(kf, group, "name", t->name);
    g_key_file_set_string(kf, group, "kind", t->kind);
    g_key_file_set_string(kf, group, "parent", t->parent ? t->parent : "");
    write_list(kf, group, "aliases", t->aliases);
    g_key_file_set_string(kf, group, "description", t->description ? t->description : "");
    g_key_file_set_string(kf, group, "category", t->category ? t->category : "");
    g_key_file_set_boolean(kf, group, "user-creatable", t->user_creatable);
    g_key_file_set_boolean(kf, group, "abstract", t->abstract);
    GPtrArray *names = g_ptr_array_new();
    for (guint i = 0; i < t->props->len; i++) {
        const mm_prop_summary *s = g_ptr_array_index(t->props, i);
        g_ptr_array_add(names, s->name);
        const char *fields[] = {s->type_label, s->default_text ? s->default_text : "",
                                s->description ? s->description : ""};
        char *key = g_strconcat("prop.", s->name, NULL);
        g_key_file_set_string_list(kf, group, key, fields, G_N_ELEMENTS(fields));
        g_free(key);
    }
    g_key_file_set_string_list(kf, group, "properties", (const char *const *)names->pdata,
                               names->len);
    g_ptr_array_unref(names);
    g_free(group);
}

bool mm_manifest_save(const mm_manifest *m, const char *path, mm_error **errp)
{
    GKeyFile *kf = g_key_file_new();
    g_key_file_set_integer(kf, "plugin", "format", m->format);
    g_key_file_set_string(kf, "plugin", "name", m->name);
    g_key_file_set_string(kf, "plugin", "description", m->description ? m->description : "");
    g_key_file_set_integer(kf, "plugin", "abi-version", (gint)m->abi_version);
    g_key_file_set_string(kf, "plugin", "build-stamp", m->build_stamp ? m->build_stamp : "");
    write_list(kf, "plugin", "requires", m->requires);
    write_list(kf, "plugin", "needed", m->needed);
    g_key_file_set_string(kf, "plugin", "runpath", m->runpath ? m->runpath : "");
    GPtrArray *groups = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < m->types->len; i++) {
        const mm_manifest_type *t = g_ptr_array_index(m->types, i);
        g_ptr_array_add(groups, g_strconcat(t->kind, "/", t->name, NULL));
    }
    g_key_file_set_string_list(kf, "plugin", "types", (const char *const *)groups->pdata,
                               groups->len);
    g_ptr_array_unref(groups);
    for (guint i = 0; i < m->types->len; i++)
        write_type(kf, g_ptr_array_index(m->types, i));
    GError *gerr = NULL;
    bool ok = g_key_file_save_to_file(kf, path, &gerr);
    if (!ok) {
        mm_error_set(errp, "cannot write %s: %s", path, gerr->message);
        g_error_free(gerr);
    }
    g_key_file_free(kf);
    return ok;
}

static char **strv_from_null_terminated(const char *const *v)
{
    return g_strdupv((char **)(v ? v : (const char *const[]){NULL}));
}

static mm_manifest_type *type_from_registry(const mm_type *type)
{
    const mm_type_info *info = mm_type_get_info(type);
    mm_manifest_type *t = g_new0(mm_manifest_type, 1);
    t->kind = g_strdup(mm_type_kind(type));
    t->name = g_strdup(info->name);
    t->parent = g_strdup(info->parent);
    t->aliases = strv_from_null_terminated(info->aliases);
    t->description = g_strdup(info->description);
    t->category = g_strdup(info->category);
    t->user_creatable = info->user_creatable;
    t->abstract = info->abstract;
    t->props = new_prop_array();
    GPtrArray *props = mm_type_collect_properties(type);
    for (guint i = 0; i < props->len; i++)
        g_ptr_array_add(t->props, mm_prop_summary_from_property(g_ptr_array_index(props, i)));
    g_ptr_array_unref(props);
    return t;
}

static bool add_descriptor_types(mm_manifest *m, const mm_plugin_descriptor *d, mm_error **errp)
{
    for (int i = 0; d->types && d->types[i]; i++) {
        const mm_type_info *info = d->types[i];
        const mm_type *type = NULL;
        for (int k = 0; !type && mm_root_kinds[k]; k++) {
            const mm_type *cand = mm_type_find(mm_root_kinds[k], info->name);
            if (cand && mm_type_get_info(cand) == info)
                type = cand;
        }
        if (!type) {
            mm_error_set(errp, "type '%s' of plugin %s is not registered", info->name, d->name);
            return false;
        }
        g_ptr_array_add(m->types, type_from_registry(type));
    }
    return true;
}

mm_manifest *mm_manifest_from_descriptor(const mm_plugin_descriptor *d, const char *so_path,
                                         mm_error **errp)
{
    mm_manifest *m = manifest_new();
    m->name = g_strdup(d->name);
    m->description = g_strdup(d->description);
    m->abi_version = d->abi_version;
    m->build_stamp = g_strdup(d->build_stamp);
    m->requires = strv_from_null_terminated(d->requires);
    char *why = NULL;
    GPtrArray *needed = mm_elf_needed(so_path, &m->runpath, &why);
    if (!needed) {
        mm_error_set(errp, "%s: %s", so_path, why);
        g_free(why);
        mm_manifest_free(m);
        return NULL;
    }
    g_ptr_array_add(needed, NULL);
    m->needed = g_strdupv((char **)needed->pdata);
    g_ptr_array_unref(needed);
    if (!add_descriptor_types(m, d, errp)) {
        mm_manifest_free(m);
        return NULL;
    }
    return m;
}
