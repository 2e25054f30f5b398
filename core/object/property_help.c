/* `-device TYPE,help`: the property list, from a live type or a manifest. */
#include <string.h>
#include <glib.h>

#include "object/property.h"

mm_prop_summary *mm_prop_summary_from_property(const mm_property *prop)
{
    mm_prop_summary *s = g_new0(mm_prop_summary, 1);
    s->name = g_strdup(prop->name);
    s->type_label = mm_property_type_label(prop);
    s->default_text = mm_property_default_text(prop);
    s->description = g_strdup(prop->description);
    return s;
}

void mm_prop_summary_free(mm_prop_summary *s)
{
    if (!s)
        return;
    g_free(s->name);
    g_free(s->type_label);
    g_free(s->default_text);
    g_free(s->description);
    g_free(s);
}

static gint compare_summary_names(gconstpointer a, gconstpointer b)
{
    const mm_prop_summary *x = *(const mm_prop_summary *const *)a;
    const mm_prop_summary *y = *(const mm_prop_summary *const *)b;
    return strcmp(x->name, y->name);
}

void mm_print_properties_help(FILE *out, const char *type_name, GPtrArray *summaries)
{
    /* A plain copy: g_ptr_array_copy() would also copy the free function. */
    GPtrArray *sorted = g_ptr_array_sized_new(summaries->len);
    for (guint i = 0; i < summaries->len; i++)
        g_ptr_array_add(sorted, g_ptr_array_index(summaries, i));
    g_ptr_array_sort(sorted, compare_summary_names);
    if (sorted->len == 0)
        fprintf(out, "There are no options for %s.\n", type_name);
    else
        fprintf(out, "%s options:\n", type_name);
    for (guint i = 0; i < sorted->len; i++) {
        const mm_prop_summary *s = g_ptr_array_index(sorted, i);
        char *left = g_strdup_printf("%s=%s", s->name, s->type_label);
        fprintf(out, "  %-24s -", left);
        if (s->description && *s->description)
            fprintf(out, " %s", s->description);
        if (s->default_text && *s->default_text)
            fprintf(out, " (default: %s)", s->default_text);
        fputc('\n', out);
        g_free(left);
    }
    g_ptr_array_unref(sorted);
}
