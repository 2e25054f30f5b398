/* Interrupt lines and named GPIO input arrays (see <modemu/irq.h>). */
#include <glib.h>
#include <modemu/irq.h>

#include "irq/irq_intercept.h"
#include "object/object_free_hooks.h"

struct mm_irq {
    mm_irq_handler handler;
    void *opaque;
    int n;
    /* While intercepted (qtest), the original target is kept here so the
     * interception can report the input instead of delivering it. */
    mm_irq_handler saved_handler;
    void *saved_opaque;
};

/* One named input array of an object. */
typedef struct gpio_in_array {
    char *name;
    mm_irq **lines;
    int count;
    /* Where intercepted inputs go (qtest, or KVM's in-kernel irqchip). */
    mm_gpio_intercept_fn intercept_fn;
    void *intercept_opaque;
} gpio_in_array;

/* object -> GPtrArray of gpio_in_array */
static GHashTable *gpio_tables;

MM_API mm_irq *mm_irq_new(mm_irq_handler handler, void *opaque, int n)
{
    mm_irq *irq = g_new0(mm_irq, 1);
    irq->handler = handler;
    irq->opaque = opaque;
    irq->n = n;
    return irq;
}

MM_API void mm_irq_free(mm_irq *irq)
{
    g_free(irq);
}

MM_API void mm_irq_set(mm_irq *irq, int level)
{
    if (irq && irq->handler)
        irq->handler(irq->opaque, irq->n, level);
}

static const char *gpio_name_or_default(const char *name)
{
    return name ? name : MM_GPIO_UNNAMED_IN;
}

static void gpio_array_free(gpio_in_array *arr)
{
    for (int i = 0; i < arr->count; i++)
        mm_irq_free(arr->lines[i]);
    g_free(arr->lines);
    g_free(arr->name);
    g_free(arr);
}

static GPtrArray *gpio_arrays_of(mm_object *obj, bool create)
{
    if (!gpio_tables) {
        if (!create)
            return NULL;
        gpio_tables = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify)g_ptr_array_unref);
        /* A device's inputs go away with the device. */
        mm_object_add_free_hook(mm_gpio_in_free_all);
    }
    GPtrArray *arrays = g_hash_table_lookup(gpio_tables, obj);
    if (!arrays && create) {
        arrays = g_ptr_array_new_with_free_func((GDestroyNotify)gpio_array_free);
        g_hash_table_insert(gpio_tables, obj, arrays);
    }
    return arrays;
}

static gpio_in_array *gpio_array_find(mm_object *obj, const char *name)
{
    GPtrArray *arrays = gpio_arrays_of(obj, false);
    if (!arrays)
        return NULL;
    for (guint i = 0; i < arrays->len; i++) {
        gpio_in_array *arr = g_ptr_array_index(arrays, i);
        if (!g_strcmp0(arr->name, gpio_name_or_default(name)))
            return arr;
    }
    return NULL;
}

MM_API void mm_gpio_in_init(mm_object *obj, const char *name, mm_irq_handler handler,
                            void *opaque, int count)
{
    gpio_in_array *arr = gpio_array_find(obj, name);
    if (!arr) {
        arr = g_new0(gpio_in_array, 1);
        arr->name = g_strdup(gpio_name_or_default(name));
        g_ptr_array_add(gpio_arrays_of(obj, true), arr);
    }
    /* Extending an existing array appends lines, as QEMU's qdev does. */
    arr->lines = g_renew(mm_irq *, arr->lines, arr->count + count);
    for (int i = 0; i < count; i++)
        arr->lines[arr->count + i] = mm_irq_new(handler, opaque, arr->count + i);
    arr->count += count;
}

MM_API mm_irq *mm_gpio_in_get(mm_object *obj, const char *name, int n)
{
    gpio_in_array *arr = obj ? gpio_array_find(obj, name) : NULL;
    if (!arr || n < 0 || n >= arr->count)
        return NULL;
    return arr->lines[n];
}

void mm_gpio_in_free_all(mm_object *obj)
{
    if (gpio_tables)
        g_hash_table_remove(gpio_tables, obj);
}

bool mm_gpio_has_inputs(mm_object *obj)
{
    GPtrArray *arrays = gpio_arrays_of(obj, false);
    return arrays && arrays->len > 0;
}

/* Handler installed on intercepted lines: opaque is the array. */
static void gpio_intercepted(void *opaque, int n, int level)
{
    gpio_in_array *arr = opaque;
    if (arr->intercept_fn)
        arr->intercept_fn(arr->intercept_opaque, n, level);
}

bool mm_gpio_intercept_in(mm_object *obj, mm_gpio_intercept_fn fn, void *opaque)
{
    GPtrArray *arrays = gpio_arrays_of(obj, false);
    if (!arrays || !arrays->len)
        return false;
    for (guint i = 0; i < arrays->len; i++) {
        gpio_in_array *arr = g_ptr_array_index(arrays, i);
        arr->intercept_fn = fn;
        arr->intercept_opaque = opaque;
        for (int k = 0; k < arr->count; k++) {
            mm_irq *irq = arr->lines[k];
            if (irq->handler == gpio_intercepted)
                continue;
            irq->saved_handler = irq->handler;
            irq->saved_opaque = irq->opaque;
            irq->handler = gpio_intercepted;
            irq->opaque = arr;
        }
    }
    return true;
}
