/*
 * The option database: what the command line (and -readconfig) asked for,
 * kept as QemuOpts-style groups of ordered key/value lists.
 *
 * An mm_opts is one option instance: a group name ("device", "drive",
 * "machine" ...), an optional id, and its key=value pairs in the order they
 * were given.  The database keeps every instance in command-line order, so
 * later stages (vl) create chardevs, netdevs, drives and devices in the order
 * the user wrote them, and -writeconfig reproduces that order.
 */
#ifndef MODEMU_OPTIONS_OPTS_H
#define MODEMU_OPTIONS_OPTS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <modemu/error.h>

typedef struct mm_opts mm_opts;
typedef struct mm_opts_db mm_opts_db;

/* --- one instance ------------------------------------------------------- */
mm_opts *mm_opts_new(const char *group, const char *id);
void mm_opts_free(mm_opts *opts);
const char *mm_opts_group(const mm_opts *opts);
const char *mm_opts_id(const mm_opts *opts);
/* Sets key to value; a key given again keeps its first position and takes the
 * new value (the last one wins, as in QEMU).  The key "id" sets the instance's
 * id instead of a pair (and mm_opts_get(opts, "id") reads it). */
void mm_opts_set(mm_opts *opts, const char *key, const char *value);
/* Removes key; returns whether it was present. */
bool mm_opts_unset(mm_opts *opts, const char *key);
const char *mm_opts_get(const mm_opts *opts, const char *key);
/* Number of pairs and positional access, for printing and iteration. */
unsigned mm_opts_count(const mm_opts *opts);
const char *mm_opts_key_at(const mm_opts *opts, unsigned i);
const char *mm_opts_value_at(const mm_opts *opts, unsigned i);

/* Typed reads of a value; a missing key gives `def`.  Bad text sets an error
 * naming the parameter and what was expected. */
bool mm_opts_get_bool(const mm_opts *opts, const char *key, bool def, bool *out,
                      mm_error **errp);
bool mm_opts_get_uint(const mm_opts *opts, const char *key, uint64_t def, uint64_t *out,
                      mm_error **errp);

/* Valid ids start with a letter and go on with letters, digits, '-', '.', '_'. */
bool mm_opts_id_is_valid(const char *id);

/* Formats the pairs back into "k=v,k2=v2" text (commas in values doubled). */
char *mm_opts_to_string(const mm_opts *opts);
/* The same with the implied key's value first and bare, as it was typed
 * ("e1000,mac=..." rather than "driver=e1000,mac=..."), for messages. */
char *mm_opts_to_cmdline(const mm_opts *opts, const char *implied_key);

/* --- the database ------------------------------------------------------- */
mm_opts_db *mm_opts_db_new(void);
void mm_opts_db_free(mm_opts_db *db);
/* Appends opts (the database takes ownership).  Fails if another instance of
 * the same group already uses its id ("Duplicate ID 'x' for device"). */
bool mm_opts_db_add(mm_opts_db *db, mm_opts *opts, mm_error **errp);
/* The single instance of a merged group (machine, memory ...), created empty
 * on first use and kept at the position of that first use. */
mm_opts *mm_opts_db_merged(mm_opts_db *db, const char *group);
/* First instance of a group, or NULL. */
mm_opts *mm_opts_db_first(const mm_opts_db *db, const char *group);
mm_opts *mm_opts_db_find(const mm_opts_db *db, const char *group, const char *id);
/* All instances, in order. */
unsigned mm_opts_db_count(const mm_opts_db *db);
mm_opts *mm_opts_db_at(const mm_opts_db *db, unsigned i);
/* Number of instances of a group. */
unsigned mm_opts_db_group_count(const mm_opts_db *db, const char *group);

#endif
