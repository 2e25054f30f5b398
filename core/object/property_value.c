/* Property values: set from text, format as text, describe (see property.h). */
#include <inttypes.h>
#include <string.h>
#include <glib.h>
#include <modemu/object.h>

#include "object/property.h"

#define FIELD(obj, prop, ctype) ((ctype *)((char *)(obj) + (prop)->offset))

static void set_invalid(mm_error **errp, const mm_object *obj, const mm_property *prop,
                        const char *value, const char *expected)
{
    mm_error_set(errp, "property '%s' of '%s': invalid value '%s', expected %s", prop->name,
                 mm_object_type_name(obj), value ? value : "", expected);
}

static bool has_range(const mm_property *prop)
{
    return prop->min != 0 || prop->max != 0;
}

static char *range_text(const mm_property *prop, const char *what)
{
    if (prop->kind == MM_PROP_UINT)
        return g_strdup_printf("%s between %" PRIu64 " and %" PRIu64, what,
                               (uint64_t)prop->min, (uint64_t)prop->max);
    return g_strdup_printf("%s between %" PRId64 " and %" PRId64, what, prop->min, prop->max);
}

static bool set_int(mm_object *obj, const mm_property *prop, const char *value, mm_error **errp)
{
    int64_t v;
    bool ok = mm_parse_int(value, &v);
    if (ok && has_range(prop) && (v < prop->min || v > prop->max))
        ok = false;
    if (!ok) {
        char *what = has_range(prop) ? range_text(prop, "an integer") : g_strdup("an integer");
        set_invalid(errp, obj, prop, value, what);
        g_free(what);
        return false;
    }
    *FIELD(obj, prop, int64_t) = v;
    return true;
}

static bool set_uint(mm_object *obj, const mm_property *prop, const char *value,
                     mm_error **errp)
{
    uint64_t v;
    bool ok = mm_parse_uint(value, &v);
    if (ok && has_range(prop) && (v < (uint64_t)prop->min || v > (uint64_t)prop->max))
        ok = false;
    if (!ok) {
        char *what = has_range(prop) ? range_text(prop, "a non-negative integer")
                                     : g_strdup("a non-negative integer");
        set_invalid(errp, obj, prop, value, what);
        g_free(what);
        return false;
    }
    *FIELD(obj, prop, uint64_t) = v;
    return true;
}

static bool set_enum(mm_object *obj, const mm_property *prop, const char *value,
                     mm_error **errp)
{
    for (int i = 0; prop->enum_names && prop->enum_names[i]; i++)
        if (!strcmp(prop->enum_names[i], value)) {
            *FIELD(obj, prop, int) = i;
            return true;
        }
    char *names = prop->enum_names ? g_strjoinv(", ", (char **)prop->enum_names) : g_strdup("");
    char *what = g_strdup_printf("one of: %s", names);
    set_invalid(errp, obj, prop, value, what);
    g_free(what);
    g_free(names);
    return false;
}

static bool set_link(mm_object *obj, const mm_property *prop, const char *value,
                     mm_error **errp)
{
    const char *want = prop->link_type ? prop->link_type : MM_KIND_OBJECT;
    if (!*value) {
        *FIELD(obj, prop, mm_object *) = NULL;
        return true;
    }
    mm_object *target = mm_object_find_by_id(want, value);
    if (!target) {
        mm_error_set(errp, "property '%s' of '%s': no %s with id '%s'", prop->name,
                     mm_object_type_name(obj), want, value);
        return false;
    }
    *FIELD(obj, prop, mm_object *) = target;
    return true;
}

static bool set_scalar(mm_object *obj, const mm_property *prop, const char *value,
                       mm_error **errp)
{
    switch (prop->kind) {
    case MM_PROP_BOOL: {
        bool b;
        if (!mm_parse_bool(value, &b)) {
            set_invalid(errp, obj, prop, value, "on/off, yes/no or true/false");
            return false;
        }
        *FIELD(obj, prop, bool) = b;
        return true;
    }
    case MM_PROP_SIZE: {
        uint64_t v;
        if (!mm_parse_size(value, &v)) {
            set_invalid(errp, obj, prop, value, "a size (bytes, or with suffix K, M, G, T, P, E)");
            return false;
        }
        *FIELD(obj, prop, uint64_t) = v;
        return true;
    }
    default:
        return false;
    }
}

bool mm_property_set(mm_object *obj, const mm_property *prop, const char *value,
                     mm_error **errp)
{
    if (!value && prop->kind != MM_PROP_BOOL) {
        mm_error_set(errp, "property '%s' of '%s' needs a value", prop->name,
                     mm_object_type_name(obj));
        return false;
    }
    switch (prop->kind) {
    case MM_PROP_BOOL:
        return set_scalar(obj, prop, value ? value : "on", errp);
    case MM_PROP_SIZE:
        return set_scalar(obj, prop, value, errp);
    case MM_PROP_INT:
        return set_int(obj, prop, value, errp);
    case MM_PROP_UINT:
        return set_uint(obj, prop, value, errp);
    case MM_PROP_STRING:
        g_free(*FIELD(obj, prop, char *));
        *FIELD(obj, prop, char *) = g_strdup(value);
        return true;
    case MM_PROP_ENUM:
        return set_enum(obj, prop, value, errp);
    case MM_PROP_LINK:
        return set_link(obj, prop, value, errp);
    }
    mm_error_set(errp, "property '%s' has an unknown kind", prop->name);
    return false;
}

char *mm_property_get(mm_object *obj, const mm_property *prop)
{
    switch (prop->kind) {
    case MM_PROP_BOOL:
        return g_strdup(*FIELD(obj, prop, bool) ? "on" : "off");
    case MM_PROP_INT:
        return g_strdup_printf("%" PRId64, *FIELD(obj, prop, int64_t));
    case MM_PROP_UINT:
    case MM_PROP_SIZE:
        return g_strdup_printf("%" PRIu64, *FIELD(obj, prop, uint64_t));
    case MM_PROP_STRING: {
        const char *s = *FIELD(obj, prop, char *);
        return g_strdup(s ? s : "");
    }
    case MM_PROP_ENUM: {
        int i = *FIELD(obj, prop, int);
        int n = 0;
        while (prop->enum_names && prop->enum_names[n])
            n++;
        return g_strdup(i >= 0 && i < n ? prop->enum_names[i] : "");
    }
    case MM_PROP_LINK: {
        mm_object *target = *FIELD(obj, prop, mm_object *);
        return g_strdup(target && target->id ? target->id : "");
    }
    }
    return g_strdup("");
}

void mm_property_release(mm_object *obj, const mm_property *prop)
{
    if (prop->kind == MM_PROP_STRING) {
        g_free(*FIELD(obj, prop, char *));
        *FIELD(obj, prop, char *) = NULL;
    }
}

char *mm_property_type_label(const mm_property *prop)
{
    switch (prop->kind) {
    case MM_PROP_BOOL:
        return g_strdup("<bool>");
    case MM_PROP_INT:
        return g_strdup("<int64>");
    case MM_PROP_UINT:
        return g_strdup("<uint64>");
    case MM_PROP_SIZE:
        return g_strdup("<size>");
    case MM_PROP_STRING:
        return g_strdup("<str>");
    case MM_PROP_ENUM: {
        char *names = prop->enum_names ? g_strjoinv("|", (char **)prop->enum_names) : g_strdup("");
        char *label = g_strdup_printf("<%s>", names);
        g_free(names);
        return label;
    }
    case MM_PROP_LINK:
        return g_strdup_printf("<link<%s>>", prop->link_type ? prop->link_type : MM_KIND_OBJECT);
    }
    return g_strdup("<?>");
}

char *mm_property_default_text(const mm_property *prop)
{
    if (prop->default_value)
        return g_strdup(prop->default_value);
    /* No textual default means the zeroed field: show what zero reads as. */
    switch (prop->kind) {
    case MM_PROP_BOOL:
        return g_strdup("off");
    case MM_PROP_INT:
    case MM_PROP_UINT:
    case MM_PROP_SIZE:
        return g_strdup("0");
    case MM_PROP_ENUM:
        return g_strdup(prop->enum_names && prop->enum_names[0] ? prop->enum_names[0] : "");
    case MM_PROP_STRING:
    case MM_PROP_LINK:
        break;
    }
    return NULL;
}
