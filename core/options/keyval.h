/*
 * QEMU's option-list syntax: "implied,key=value,flag,noflag,key=a,,b".
 *
 *  - elements are separated by ',', and ",," stands for a literal comma;
 *  - a first element without '=' is the value of the implied key
 *    (-device e1000 -> driver=e1000, -vnc :5 -> vnc=:5);
 *  - any other element without '=' is a boolean shorthand: "server" is
 *    server=on, "noX" is X=off (nowait -> wait=off), as QemuOpts does;
 *  - "id=" names the instance (validated, see mm_opts_id_is_valid).
 */
#ifndef MODEMU_OPTIONS_KEYVAL_H
#define MODEMU_OPTIONS_KEYVAL_H

#include <stdbool.h>
#include <modemu/error.h>
#include "options/opts.h"

/* Parses `text` and sets each pair in `opts` (later keys override earlier
 * ones).  implied_key may be NULL.  On error `opts` is left unchanged. */
bool mm_keyval_parse_into(mm_opts *opts, const char *text, const char *implied_key,
                          mm_error **errp);

/* Convenience: a new instance of `group` from `text`, or NULL with an error. */
mm_opts *mm_keyval_parse(const char *group, const char *text, const char *implied_key,
                         mm_error **errp);

/* "help" and "?" ask for a listing wherever a name is expected. */
bool mm_keyval_is_help(const char *value);

#endif
