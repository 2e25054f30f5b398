/* -readconfig / -writeconfig (see options/config_file.h). */
#include <errno.h>
#include <string.h>
#include <glib.h>

#include "options/config_file.h"
#include "options/groups.h"

static void write_quoted(FILE *out, const char *value)
{
    fputc('"', out);
    for (const char *p = value; *p; p++) {
        if (*p == '\n') {
            fputs("\\n", out);
            continue;
        }
        if (*p == '"' || *p == '\\')
            fputc('\\', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

void mm_config_write(const mm_opts_db *db, FILE *out)
{
    fprintf(out, "# qemu config file\n\n");
    for (unsigned i = 0; i < mm_opts_db_count(db); i++) {
        const mm_opts *opts = mm_opts_db_at(db, i);
        const mm_opts_group_def *group = mm_opts_group_find(mm_opts_group(opts));
        if (!group || !group->in_config)
            continue;
        if (mm_opts_id(opts)) {
            fprintf(out, "[%s ", mm_opts_group(opts));
            write_quoted(out, mm_opts_id(opts));
            fprintf(out, "]\n");
        } else {
            fprintf(out, "[%s]\n", mm_opts_group(opts));
        }
        for (unsigned k = 0; k < mm_opts_count(opts); k++) {
            fprintf(out, "  %s = ", mm_opts_key_at(opts, k));
            write_quoted(out, mm_opts_value_at(opts, k));
            fputc('\n', out);
        }
        fputc('\n', out);
    }
}

bool mm_config_write_file(const mm_opts_db *db, const char *path, mm_error **errp)
{
    if (!strcmp(path, "-")) {
        mm_config_write(db, stdout);
        fflush(stdout);
        return true;
    }
    FILE *out = fopen(path, "w");
    if (!out) {
        mm_error_set(errp, "could not open '%s': %s", path, g_strerror(errno));
        return false;
    }
    mm_config_write(db, out);
    if (fclose(out) != 0) {
        mm_error_set(errp, "could not write '%s': %s", path, g_strerror(errno));
        return false;
    }
    return true;
}

/* Reads a "quoted" string at *p, undoing write_quoted's escapes; advances *p
 * past the closing quote. */
static char *read_quoted(const char **p)
{
    const char *s = *p;
    if (*s != '"')
        return NULL;
    GString *value = g_string_new(NULL);
    for (s++; *s && *s != '"'; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            g_string_append_c(value, *s == 'n' ? '\n' : *s);
        } else {
            g_string_append_c(value, *s);
        }
    }
    if (*s != '"') {
        g_string_free(value, TRUE);
        return NULL;
    }
    *p = s + 1;
    return g_string_free(value, FALSE);
}

static const char *skip_blanks(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

static const char *read_word(const char *p, char **word)
{
    const char *start = p;
    while (*p && (g_ascii_isalnum(*p) || *p == '-' || *p == '_' || *p == '.'))
        p++;
    *word = p > start ? g_strndup(start, (gsize)(p - start)) : NULL;
    return p;
}

typedef struct config_reader {
    mm_opts_db *db;
    mm_opts *section;   /* instance receiving key lines */
    bool section_owned; /* a list-group instance not yet in the database */
} config_reader;

static bool finish_section(config_reader *r, mm_error **errp)
{
    bool ok = true;
    if (r->section && r->section_owned)
        ok = mm_opts_db_add(r->db, r->section, errp);
    r->section = NULL;
    r->section_owned = false;
    return ok;
}

static bool start_section(config_reader *r, const char *line, mm_error **errp)
{
    char *group_name = NULL, *id = NULL;
    const char *p = skip_blanks(read_word(line + 1, &group_name));
    bool ok = group_name != NULL;
    if (ok && *p == '"') {
        id = read_quoted(&p);
        ok = id && mm_opts_id_is_valid(id);
        p = skip_blanks(p);
    }
    ok = ok && *p == ']' && !*skip_blanks(p + 1);
    if (!ok) {
        mm_error_set(errp, "parse error");
        goto out;
    }
    const mm_opts_group_def *group = mm_opts_group_find(group_name);
    if (!group || !group->in_config) {
        mm_error_set(errp, "There is no option group '%s'", group_name);
        ok = false;
        goto out;
    }
    if (group->merge) {
        r->section = mm_opts_db_merged(r->db, group_name);
        r->section_owned = false;
    } else {
        r->section = mm_opts_new(group_name, NULL);
        r->section_owned = true;
    }
    if (id)
        mm_opts_set(r->section, "id", id);
out:
    g_free(group_name);
    g_free(id);
    return ok;
}

static bool read_setting(config_reader *r, const char *line, mm_error **errp)
{
    char *key = NULL, *value = NULL;
    const char *p = skip_blanks(read_word(skip_blanks(line), &key));
    bool ok = key && *p == '=';
    if (ok) {
        p = skip_blanks(p + 1);
        value = read_quoted(&p);
        ok = value && !*skip_blanks(p);
    }
    if (!ok) {
        mm_error_set(errp, "parse error");
    } else if (!r->section) {
        mm_error_set(errp, "no group defined");
        ok = false;
    } else if (!strcmp(key, "id") && !mm_opts_id_is_valid(value)) {
        mm_error_set(errp, "Parameter 'id' expects an identifier");
        ok = false;
    } else {
        mm_opts_set(r->section, key, value);
    }
    g_free(key);
    g_free(value);
    return ok;
}

static bool read_line(config_reader *r, const char *line, mm_error **errp)
{
    const char *p = skip_blanks(line);
    if (!*p || *p == '#')
        return true;
    if (*p == '[')
        return finish_section(r, errp) && start_section(r, p, errp);
    return read_setting(r, p, errp);
}

bool mm_config_read(mm_opts_db *db, FILE *in, const char *fname, mm_error **errp)
{
    config_reader r = { .db = db };
    char buf[4096];
    unsigned lineno = 0;
    bool ok = true;
    while (ok && fgets(buf, sizeof(buf), in)) {
        lineno++;
        size_t len = strlen(buf);
        if (len && buf[len - 1] == '\n')
            buf[--len] = '\0';
        else if (!feof(in)) {
            mm_error_set(errp, "line too long");
            ok = false;
            break;
        }
        if (len && buf[len - 1] == '\r')
            buf[--len] = '\0';
        ok = read_line(&r, buf, errp);
    }
    if (ok)
        ok = finish_section(&r, errp);
    else if (r.section_owned)
        mm_opts_free(r.section);
    if (!ok)
        mm_error_prepend(errp, "%s:%u", fname, lineno);
    return ok;
}

bool mm_config_read_file(mm_opts_db *db, const char *path, mm_error **errp)
{
    FILE *in = fopen(path, "r");
    if (!in) {
        mm_error_set(errp, "could not open '%s': %s", path, g_strerror(errno));
        return false;
    }
    bool ok = mm_config_read(db, in, path, errp);
    fclose(in);
    return ok;
}
