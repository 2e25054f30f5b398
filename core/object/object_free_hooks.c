/* Hooks run when an object is freed (see object/object_free_hooks.h). */
#include <glib.h>

#include "object/object_free_hooks.h"

static GPtrArray *free_hooks;

void mm_object_add_free_hook(mm_object_free_hook fn)
{
    if (!free_hooks)
        free_hooks = g_ptr_array_new();
    for (guint i = 0; i < free_hooks->len; i++) {
        if (g_ptr_array_index(free_hooks, i) == (gpointer)fn)
            return;
    }
    g_ptr_array_add(free_hooks, (gpointer)fn);
}

void mm_object_run_free_hooks(mm_object *obj)
{
    for (guint i = 0; free_hooks && i < free_hooks->len; i++)
        ((mm_object_free_hook)g_ptr_array_index(free_hooks, i))(obj);
}
