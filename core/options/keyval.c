/* QEMU option-list syntax (see options/keyval.h). */
#include <string.h>
#include <glib.h>

#include "options/keyval.h"

bool mm_keyval_is_help(const char *value)
{
    return value && (!strcmp(value, "help") || !strcmp(value, "?"));
}

/* Splits on single commas; ",," becomes a literal comma in the element. */
static GPtrArray *split_elements(const char *text)
{
    GPtrArray *elements = g_ptr_array_new_with_free_func(g_free);
    GString *cur = g_string_new(NULL);
    for (const char *p = text; ; p++) {
        if (*p == ',' && p[1] == ',') {
            g_string_append_c(cur, ',');
            p++;
        } else if (*p == ',' || *p == '\0') {
            g_ptr_array_add(elements, g_strdup(cur->str));
            g_string_truncate(cur, 0);
            if (*p == '\0')
                break;
        } else {
            g_string_append_c(cur, *p);
        }
    }
    g_string_free(cur, TRUE);
    return elements;
}

static bool key_is_valid(const char *key)
{
    if (!*key)
        return false;
    for (const char *p = key; *p; p++) {
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_' && *p != '.')
            return false;
    }
    return true;
}

/* Turns one element into a key and value in `staged`. */
static bool parse_element(mm_opts *staged, const char *element, bool first,
                          const char *implied_key, mm_error **errp)
{
    const char *eq = strchr(element, '=');
    if (!eq && first && implied_key) {
        mm_opts_set(staged, implied_key, element);
        return true;
    }
    if (!eq) {
        if (!key_is_valid(element)) {
            mm_error_set(errp, "Invalid parameter '%s'", element);
            return false;
        }
        /* Boolean shorthand; "help"/"?" stay as asked-for help. */
        if (!strncmp(element, "no", 2) && element[2])
            mm_opts_set(staged, element + 2, "off");
        else
            mm_opts_set(staged, element, "on");
        return true;
    }
    char *key = g_strndup(element, (gsize)(eq - element));
    bool ok = key_is_valid(key);
    if (!ok)
        mm_error_set(errp, "Invalid parameter name '%s'", key);
    else
        mm_opts_set(staged, key, eq + 1);
    g_free(key);
    return ok;
}

bool mm_keyval_parse_into(mm_opts *opts, const char *text, const char *implied_key,
                          mm_error **errp)
{
    /* "?" is QEMU's old spelling of help and not a valid key. */
    if (!strcmp(text, "?")) {
        mm_opts_set(opts, implied_key ? implied_key : "help", implied_key ? "?" : "on");
        return true;
    }
    GPtrArray *elements = split_elements(text);
    mm_opts *staged = mm_opts_new(mm_opts_group(opts), NULL);
    bool ok = true;
    for (guint i = 0; ok && i < elements->len; i++) {
        const char *element = g_ptr_array_index(elements, i);
        if (!*element) {
            /* "a=1," and ",a=1" are typos, not an empty flag. */
            mm_error_set(errp, "Invalid empty parameter in '%s'", text);
            ok = false;
            break;
        }
        ok = parse_element(staged, element, i == 0, implied_key, errp);
    }
    const char *id = ok ? mm_opts_get(staged, "id") : NULL;
    if (id && !mm_opts_id_is_valid(id)) {
        mm_error_set(errp, "Parameter 'id' expects an identifier");
        ok = false;
    }
    if (ok) {
        for (unsigned i = 0; i < mm_opts_count(staged); i++)
            mm_opts_set(opts, mm_opts_key_at(staged, i), mm_opts_value_at(staged, i));
        if (id)
            mm_opts_set(opts, "id", id);
    }
    mm_opts_free(staged);
    g_ptr_array_free(elements, TRUE);
    return ok;
}

mm_opts *mm_keyval_parse(const char *group, const char *text, const char *implied_key,
                         mm_error **errp)
{
    mm_opts *opts = mm_opts_new(group, NULL);
    if (!mm_keyval_parse_into(opts, text, implied_key, errp)) {
        mm_opts_free(opts);
        return NULL;
    }
    return opts;
}
