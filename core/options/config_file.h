/*
 * QEMU's config-file format (-readconfig / -writeconfig):
 *
 *   # qemu config file
 *
 *   [drive]
 *     file = "disk.img"
 *     index = "0"
 *
 *   [device "nic0"]
 *     driver = "e1000"
 *
 * A section is a group, optionally with the instance id in quotes; each line
 * below it is `key = "value"`.  '#' starts a comment line.  Values are written
 * as-is like QEMU does; a '"' or '\' in a value is written with a backslash
 * so it reads back unchanged (QEMU-written files never contain either).
 */
#ifndef MODEMU_OPTIONS_CONFIG_FILE_H
#define MODEMU_OPTIONS_CONFIG_FILE_H

#include <stdbool.h>
#include <stdio.h>
#include <modemu/error.h>
#include "options/opts.h"

/* Reads a config into the database, merging merged groups; errors name the
 * file and line ("cfg:3: ..."). */
bool mm_config_read(mm_opts_db *db, FILE *in, const char *fname, mm_error **errp);
bool mm_config_read_file(mm_opts_db *db, const char *path, mm_error **errp);

/* Writes every group that belongs in a config file, in database order. */
void mm_config_write(const mm_opts_db *db, FILE *out);
/* path "-" is stdout. */
bool mm_config_write_file(const mm_opts_db *db, const char *path, mm_error **errp);

#endif
