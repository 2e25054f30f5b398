/*
 * The command line: QEMU's options, read into an option database.
 *
 * mm_cmdline_parse() walks argv with the option table (options/table.c),
 * writes what each option asks for into cmdline->db, and remembers the
 * requests that end the program early (-h, -version, `-device help` ...).
 * It builds nothing: core/vl reads the database afterwards.
 */
#ifndef MODEMU_OPTIONS_CMDLINE_H
#define MODEMU_OPTIONS_CMDLINE_H

#include <stdbool.h>
#include <stdio.h>
#include <modemu/error.h>
#include "options/opts.h"

typedef struct mm_cmdline {
    mm_opts_db *db;
    /* -h / -version already printed: exit 0 without starting anything. */
    bool exit_now;
    /* A listing was asked for (`-device help`, `-M ?`, `-device e1000,help`):
     * help_kind is the listing ("device", "machine", "cpu", "log" ...) and
     * help_name the type whose properties are wanted, or NULL for the list. */
    char *help_kind;
    char *help_name;
    /* -usbdevice disk:FILE and friends get generated ids. */
    unsigned usb_disk_count;
    FILE *out;  /* where -h / -version print (stdout) */
} mm_cmdline;

void mm_cmdline_init(mm_cmdline *cmdline);
void mm_cmdline_destroy(mm_cmdline *cmdline);
/* Parses argv[1..argc-1].  Errors are one line, already prefixed with the
 * option ("-m 1Q: ..."). */
bool mm_cmdline_parse(mm_cmdline *cmdline, int argc, char **argv, mm_error **errp);

/* Remembers a listing request; the first one asked for is the one printed. */
void mm_cmdline_request_help(mm_cmdline *cmdline, const char *kind, const char *name);

/* Parses `arg` as a key=value list for the option's group, with its implied
 * key, merged or appended as the group wants (what KEYVAL options do). */
typedef struct mm_option_def mm_option_def;
bool mm_cmdline_apply_keyval(mm_cmdline *cmdline, const mm_option_def *def, const char *arg,
                             mm_error **errp);

/* Applies `-opt arg` to the database as if given on the command line (also
 * used by tests).  `arg` is NULL for options without an argument. */
bool mm_cmdline_apply(mm_cmdline *cmdline, const char *name, const char *arg,
                      mm_error **errp);

#endif
