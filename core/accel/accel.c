/* The accelerator registry (see accel/accel.h). */
#include <string.h>
#include <glib.h>

#include "accel/accel.h"

static GPtrArray *accels;           /* const mm_accel_ops *, registration order */
static const mm_accel_ops *current;

void mm_accel_register(const mm_accel_ops *ops)
{
    if (!accels)
        accels = g_ptr_array_new();
    if (!mm_accel_find(ops->name))
        g_ptr_array_add(accels, (gpointer)ops);
}

const mm_accel_ops *mm_accel_find(const char *name)
{
    for (guint i = 0; accels && name && i < accels->len; i++) {
        const mm_accel_ops *ops = g_ptr_array_index(accels, i);
        if (!strcmp(ops->name, name))
            return ops;
    }
    return NULL;
}

void mm_accel_foreach(void (*cb)(const mm_accel_ops *ops, void *opaque), void *opaque)
{
    for (guint i = 0; accels && i < accels->len; i++)
        cb(g_ptr_array_index(accels, i), opaque);
}

const mm_accel_ops *mm_accel_current(void)
{
    return current;
}

bool mm_accel_init(const char *name, mm_machine_state *machine, mm_error **errp)
{
    const mm_accel_ops *ops = mm_accel_find(name);
    if (!ops) {
        mm_error_set(errp, "invalid accelerator %s", name);
        return false;
    }
    if (ops->available && !ops->available(errp))
        return false;
    if (ops->init && !ops->init(machine, errp))
        return false;
    current = ops;
    return true;
}
