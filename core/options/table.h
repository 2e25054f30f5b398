/*
 * The table of every option modemu understands: name, argument, the group
 * its value lands in, the implied key, a one-line help, and how it is read.
 */
#ifndef MODEMU_OPTIONS_TABLE_H
#define MODEMU_OPTIONS_TABLE_H

#include <stdbool.h>
#include <modemu/error.h>
#include "options/cmdline.h"

typedef enum mm_option_kind {
    MM_OPTION_KEYVAL,   /* argument is a key=value list for `group` (implied `key`) */
    MM_OPTION_STRING,   /* argument stored verbatim as group.key */
    MM_OPTION_FLAG,     /* no argument: group.key = value */
    MM_OPTION_CUSTOM,   /* handled by `handler` */
    MM_OPTION_UNIMPLEMENTED, /* a QEMU option modemu does not implement yet */
} mm_option_kind;

typedef struct mm_option_def mm_option_def;
typedef bool (*mm_option_handler)(const mm_option_def *def, const char *arg,
                                  mm_cmdline *cmdline, mm_error **errp);

struct mm_option_def {
    const char *name;         /* without the dash */
    bool has_arg;
    mm_option_kind kind;
    const char *group;
    const char *key;          /* implied key (KEYVAL), key set (STRING, FLAG) */
    const char *value;        /* FLAG: the value set */
    const char *help_kind;    /* `-opt help` lists this kind, NULL = none */
    const char *arg_syntax;   /* for -h, e.g. "[type=]name[,prop=value]" */
    const char *help;         /* one line */
    mm_option_handler handler;
};

/* Looks an option up by name (no dash); NULL if QEMU has no such option. */
const mm_option_def *mm_option_find(const char *name);
/* Table walk for -h. */
const mm_option_def *mm_option_at(unsigned i);

/* CUSTOM handlers (options/handlers.c). */
bool mm_option_usage(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp);
bool mm_option_version(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp);
bool mm_option_cpu(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp);
bool mm_option_disk(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp);
bool mm_option_balloon(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp);
bool mm_option_usbdevice(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp);
bool mm_option_global(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp);
bool mm_option_readconfig(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp);
bool mm_option_plugins(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp);
bool mm_option_display(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp);
bool mm_option_log_items(const mm_option_def *def, const char *arg, mm_cmdline *c, mm_error **errp);

#endif
