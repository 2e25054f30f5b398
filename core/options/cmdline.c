/* Walking argv with the option table (see options/cmdline.h). */
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "options/cmdline.h"
#include "options/groups.h"
#include "options/keyval.h"
#include "options/table.h"

void mm_cmdline_init(mm_cmdline *cmdline)
{
    memset(cmdline, 0, sizeof(*cmdline));
    cmdline->db = mm_opts_db_new();
    cmdline->out = stdout;
}

void mm_cmdline_destroy(mm_cmdline *cmdline)
{
    mm_opts_db_free(cmdline->db);
    g_free(cmdline->help_kind);
    g_free(cmdline->help_name);
    memset(cmdline, 0, sizeof(*cmdline));
}

void mm_cmdline_request_help(mm_cmdline *cmdline, const char *kind, const char *name)
{
    if (cmdline->help_kind)
        return;
    cmdline->help_kind = g_strdup(kind);
    cmdline->help_name = g_strdup(name);
}

/* `-device help`, `-device ?`, `-device e1000,help`, `-M help` ... */
static void check_help_request(const mm_option_def *def, mm_opts *opts, mm_cmdline *cmdline)
{
    if (!def->help_kind)
        return;
    /* -net nic,model=help / -nic user,model=help list the NIC models. */
    if (mm_keyval_is_help(mm_opts_get(opts, "model")) &&
        (!strcmp(def->group, "net") || !strcmp(def->group, "nic"))) {
        mm_cmdline_request_help(cmdline, "nic-model", NULL);
        return;
    }
    const char *name = def->key ? mm_opts_get(opts, def->key) : NULL;
    if (mm_keyval_is_help(name))
        mm_cmdline_request_help(cmdline, def->help_kind, NULL);
    else if (mm_opts_get(opts, "help"))
        mm_cmdline_request_help(cmdline, def->help_kind, name);
}

bool mm_cmdline_apply_keyval(mm_cmdline *cmdline, const mm_option_def *def, const char *arg,
                             mm_error **errp)
{
    const mm_opts_group_def *group = mm_opts_group_find(def->group);
    mm_opts *opts = mm_keyval_parse(def->group, arg, def->key, errp);
    if (!opts)
        return false;
    check_help_request(def, opts, cmdline);
    if (!group->merge)
        return mm_opts_db_add(cmdline->db, opts, errp);
    mm_opts *merged = mm_opts_db_merged(cmdline->db, def->group);
    for (unsigned i = 0; i < mm_opts_count(opts); i++)
        mm_opts_set(merged, mm_opts_key_at(opts, i), mm_opts_value_at(opts, i));
    if (mm_opts_id(opts))
        mm_opts_set(merged, "id", mm_opts_id(opts));
    mm_opts_free(opts);
    return true;
}

/* Sets group.key = value: in the single instance of a merged group, or in a
 * new instance of a list group (-serial twice is two serial ports). */
static bool apply_setting(mm_cmdline *cmdline, const char *group_name, const char *key,
                          const char *value, mm_error **errp)
{
    const mm_opts_group_def *group = mm_opts_group_find(group_name);
    if (group->merge) {
        mm_opts_set(mm_opts_db_merged(cmdline->db, group_name), key, value);
        return true;
    }
    mm_opts *opts = mm_opts_new(group_name, NULL);
    mm_opts_set(opts, key, value);
    return mm_opts_db_add(cmdline->db, opts, errp);
}

static bool apply_option(const mm_option_def *def, const char *arg, mm_cmdline *cmdline,
                         mm_error **errp)
{
    switch (def->kind) {
    case MM_OPTION_KEYVAL:
        return mm_cmdline_apply_keyval(cmdline, def, arg, errp);
    case MM_OPTION_STRING:
        if (def->help_kind && mm_keyval_is_help(arg)) {
            mm_cmdline_request_help(cmdline, def->help_kind, NULL);
            return true;
        }
        return apply_setting(cmdline, def->group, def->key, arg, errp);
    case MM_OPTION_FLAG:
        return apply_setting(cmdline, def->group, def->key, def->value, errp);
    case MM_OPTION_CUSTOM:
        return def->handler(def, arg, cmdline, errp);
    case MM_OPTION_UNIMPLEMENTED:
        mm_error_set(errp, "not implemented yet in modemu");
        return false;
    }
    return false;
}

bool mm_cmdline_apply(mm_cmdline *cmdline, const char *name, const char *arg,
                      mm_error **errp)
{
    const mm_option_def *def = mm_option_find(name);
    if (!def) {
        mm_error_set(errp, "-%s: invalid option", name);
        return false;
    }
    if (def->has_arg && !arg) {
        mm_error_set(errp, "-%s: requires an argument", name);
        return false;
    }
    if (!apply_option(def, def->has_arg ? arg : NULL, cmdline, errp)) {
        /* QEMU names the option and its argument in front of the message. */
        if (def->has_arg && def->kind != MM_OPTION_UNIMPLEMENTED)
            mm_error_prepend(errp, "-%s %s", name, arg);
        else
            mm_error_prepend(errp, "-%s", name);
        return false;
    }
    return true;
}

bool mm_cmdline_parse(mm_cmdline *cmdline, int argc, char **argv, mm_error **errp)
{
    for (int i = 1; i < argc && !cmdline->exit_now; i++) {
        const char *word = argv[i];
        if (word[0] != '-' || !word[1]) {
            /* A bare word is the first hard disk image, as in QEMU. */
            if (!mm_cmdline_apply(cmdline, "hda", word, errp))
                return false;
            continue;
        }
        /* QEMU accepts --opt as well as -opt, but never -opt=value. */
        const char *name = word[1] == '-' ? word + 2 : word + 1;
        const mm_option_def *def = mm_option_find(name);
        if (!def) {
            mm_error_set(errp, "%s: invalid option", word);
            return false;
        }
        const char *arg = NULL;
        if (def->has_arg) {
            if (i + 1 >= argc) {
                mm_error_set(errp, "%s: requires an argument", word);
                return false;
            }
            arg = argv[++i];
        }
        if (!mm_cmdline_apply(cmdline, def->name, arg, errp))
            return false;
    }
    return true;
}
