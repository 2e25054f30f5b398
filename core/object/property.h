/*
 * Property values as text (core-internal): parsing a command-line value into
 * an instance field, formatting a field back, and describing a property for
 * help texts and manifests.  One implementation serves -device, -netdev,
 * -writeconfig, `-device T,help` and the manifest tool.
 */
#ifndef MODEMU_OBJECT_PROPERTY_H
#define MODEMU_OBJECT_PROPERTY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <glib.h>
#include <modemu/object.h>

/* Parsers shared with the command line.  On failure they return false and
 * leave *out untouched.  Integers: decimal or 0x hex, optional k/M/G/T
 * suffix (powers of 1024); a leading 0 is decimal, not octal. */
bool mm_parse_bool(const char *text, bool *out);
bool mm_parse_int(const char *text, int64_t *out);
bool mm_parse_uint(const char *text, uint64_t *out);
/* Sizes: bytes with optional B K M G T P E suffix (powers of 1024) and an
 * optional decimal fraction ("1.5G"). */
bool mm_parse_size(const char *text, uint64_t *out);

/* Writes `value` into the property's field of `obj`.  NULL means a bare key
 * (only bools accept it: "on").  Messages name the property, the object's
 * type, the value and what was expected. */
bool mm_property_set(mm_object *obj, const mm_property *prop, const char *value,
                     mm_error **errp);
/* Current value as text (g_free it). */
char *mm_property_get(mm_object *obj, const mm_property *prop);
/* Frees what the field owns (strings). */
void mm_property_release(mm_object *obj, const mm_property *prop);

/* "<bool>", "<int64>", "<uint64>", "<size>", "<str>", "<a|b|c>", "<link<netdev>>" */
char *mm_property_type_label(const mm_property *prop);
/* The default as help shows it, or NULL when there is none to show. */
char *mm_property_default_text(const mm_property *prop);

/* A property as help prints it; from a live type or from a manifest. */
typedef struct mm_prop_summary {
    char *name;
    char *type_label;
    char *default_text;   /* NULL: none */
    char *description;    /* NULL: none */
} mm_prop_summary;

mm_prop_summary *mm_prop_summary_from_property(const mm_property *prop);
void mm_prop_summary_free(mm_prop_summary *s);
/* Prints "TYPE options:\n  name=<label> - description (default: x)\n..."
 * sorted by name; summaries is a GPtrArray of mm_prop_summary *. */
void mm_print_properties_help(FILE *out, const char *type_name, GPtrArray *summaries);

#endif
