/* Option instances and the option database (see options/opts.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "object/property.h"
#include "options/opts.h"
#include "object/property.h"

typedef struct opt_pair {
    char *key;
    char *value;
} opt_pair;

struct mm_opts {
    char *group;
    char *id;
    GArray *pairs;   /* of opt_pair, in the order given */
};

struct mm_opts_db {
    GPtrArray *all;  /* of mm_opts *, in command-line order */
};

static void opt_pair_clear(gpointer p)
{
    opt_pair *pair = p;
    g_free(pair->key);
    g_free(pair->value);
}

mm_opts *mm_opts_new(const char *group, const char *id)
{
    mm_opts *opts = g_new0(mm_opts, 1);
    opts->group = g_strdup(group);
    opts->id = g_strdup(id);
    opts->pairs = g_array_new(FALSE, TRUE, sizeof(opt_pair));
    g_array_set_clear_func(opts->pairs, opt_pair_clear);
    return opts;
}

void mm_opts_free(mm_opts *opts)
{
    if (!opts)
        return;
    g_array_free(opts->pairs, TRUE);
    g_free(opts->group);
    g_free(opts->id);
    g_free(opts);
}

const char *mm_opts_group(const mm_opts *opts)
{
    return opts->group;
}

const char *mm_opts_id(const mm_opts *opts)
{
    return opts->id;
}

static int opts_index_of(const mm_opts *opts, const char *key)
{
    for (guint i = 0; i < opts->pairs->len; i++) {
        if (!strcmp(g_array_index(opts->pairs, opt_pair, i).key, key))
            return (int)i;
    }
    return -1;
}

void mm_opts_set(mm_opts *opts, const char *key, const char *value)
{
    /* The id names the instance rather than configuring it. */
    if (!strcmp(key, "id")) {
        g_free(opts->id);
        opts->id = g_strdup(value);
        return;
    }
    int i = opts_index_of(opts, key);
    if (i >= 0) {
        opt_pair *pair = &g_array_index(opts->pairs, opt_pair, i);
        g_free(pair->value);
        pair->value = g_strdup(value);
        return;
    }
    opt_pair pair = { g_strdup(key), g_strdup(value) };
    g_array_append_val(opts->pairs, pair);
}

bool mm_opts_unset(mm_opts *opts, const char *key)
{
    if (!strcmp(key, "id")) {
        bool had = opts->id != NULL;
        g_free(opts->id);
        opts->id = NULL;
        return had;
    }
    int i = opts_index_of(opts, key);
    if (i < 0)
        return false;
    g_array_remove_index(opts->pairs, (guint)i);
    return true;
}

const char *mm_opts_get(const mm_opts *opts, const char *key)
{
    if (!strcmp(key, "id"))
        return opts->id;
    int i = opts_index_of(opts, key);
    return i < 0 ? NULL : g_array_index(opts->pairs, opt_pair, i).value;
}

unsigned mm_opts_count(const mm_opts *opts)
{
    return opts->pairs->len;
}

const char *mm_opts_key_at(const mm_opts *opts, unsigned i)
{
    return i < opts->pairs->len ? g_array_index(opts->pairs, opt_pair, i).key : NULL;
}

const char *mm_opts_value_at(const mm_opts *opts, unsigned i)
{
    return i < opts->pairs->len ? g_array_index(opts->pairs, opt_pair, i).value : NULL;
}

bool mm_opts_get_bool(const mm_opts *opts, const char *key, bool def, bool *out,
                      mm_error **errp)
{
    const char *text = mm_opts_get(opts, key);
    if (!text) {
        *out = def;
        return true;
    }
    if (!mm_parse_bool(text, out)) {
        mm_error_set(errp, "Parameter '%s' expects 'on' or 'off'", key);
        return false;
    }
    return true;
}

bool mm_opts_get_uint(const mm_opts *opts, const char *key, uint64_t def, uint64_t *out,
                      mm_error **errp)
{
    const char *text = mm_opts_get(opts, key);
    if (!text) {
        *out = def;
        return true;
    }
    if (!mm_parse_uint(text, out)) {
        mm_error_set(errp, "Parameter '%s' expects a non-negative number", key);
        return false;
    }
    return true;
}

bool mm_opts_id_is_valid(const char *id)
{
    if (!id || !g_ascii_isalpha(id[0]))
        return false;
    for (const char *p = id + 1; *p; p++) {
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '.' && *p != '_')
            return false;
    }
    return true;
}

static void append_escaped(GString *out, const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p == ',')
            g_string_append_c(out, ',');
        g_string_append_c(out, *p);
    }
}

char *mm_opts_to_cmdline(const mm_opts *opts, const char *implied_key)
{
    GString *out = g_string_new(NULL);
    const char *implied = implied_key ? mm_opts_get(opts, implied_key) : NULL;
    if (implied)
        append_escaped(out, implied);
    if (opts->id) {
        g_string_append(out, out->len ? ",id=" : "id=");
        append_escaped(out, opts->id);
    }
    for (unsigned i = 0; i < opts->pairs->len; i++) {
        const opt_pair *pair = &g_array_index(opts->pairs, opt_pair, i);
        if (implied && !strcmp(pair->key, implied_key))
            continue;
        if (out->len)
            g_string_append_c(out, ',');
        g_string_append_printf(out, "%s=", pair->key);
        append_escaped(out, pair->value);
    }
    return g_string_free(out, FALSE);
}

char *mm_opts_to_string(const mm_opts *opts)
{
    return mm_opts_to_cmdline(opts, NULL);
}

/* --- database ------------------------------------------------------------ */

mm_opts_db *mm_opts_db_new(void)
{
    mm_opts_db *db = g_new0(mm_opts_db, 1);
    db->all = g_ptr_array_new_with_free_func((GDestroyNotify)mm_opts_free);
    return db;
}

void mm_opts_db_free(mm_opts_db *db)
{
    if (!db)
        return;
    g_ptr_array_free(db->all, TRUE);
    g_free(db);
}

bool mm_opts_db_add(mm_opts_db *db, mm_opts *opts, mm_error **errp)
{
    if (opts->id && mm_opts_db_find(db, opts->group, opts->id)) {
        mm_error_set(errp, "Duplicate ID '%s' for %s", opts->id, opts->group);
        mm_opts_free(opts);
        return false;
    }
    g_ptr_array_add(db->all, opts);
    return true;
}

mm_opts *mm_opts_db_merged(mm_opts_db *db, const char *group)
{
    mm_opts *opts = mm_opts_db_first(db, group);
    if (!opts) {
        opts = mm_opts_new(group, NULL);
        g_ptr_array_add(db->all, opts);
    }
    return opts;
}

mm_opts *mm_opts_db_first(const mm_opts_db *db, const char *group)
{
    for (guint i = 0; i < db->all->len; i++) {
        mm_opts *opts = g_ptr_array_index(db->all, i);
        if (!strcmp(opts->group, group))
            return opts;
    }
    return NULL;
}

mm_opts *mm_opts_db_find(const mm_opts_db *db, const char *group, const char *id)
{
    for (guint i = 0; i < db->all->len; i++) {
        mm_opts *opts = g_ptr_array_index(db->all, i);
        if (!strcmp(opts->group, group) && opts->id && !strcmp(opts->id, id))
            return opts;
    }
    return NULL;
}

unsigned mm_opts_db_count(const mm_opts_db *db)
{
    return db->all->len;
}

mm_opts *mm_opts_db_at(const mm_opts_db *db, unsigned i)
{
    return i < db->all->len ? g_ptr_array_index(db->all, i) : NULL;
}

unsigned mm_opts_db_group_count(const mm_opts_db *db, const char *group)
{
    unsigned n = 0;
    for (guint i = 0; i < db->all->len; i++) {
        if (!strcmp(((mm_opts *)g_ptr_array_index(db->all, i))->group, group))
            n++;
    }
    return n;
}
