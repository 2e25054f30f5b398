/* The system reset handler registry (see <modemu/machine.h>). */
#include <glib.h>
#include <modemu/machine.h>

#include "accel/accel.h"
#include "runstate/runstate.h"

typedef struct reset_entry {
    mm_reset_fn fn;
    void *opaque;
} reset_entry;

static GArray *reset_entries;

MM_API void mm_machine_register_reset(mm_reset_fn fn, void *opaque)
{
    if (!reset_entries)
        reset_entries = g_array_new(FALSE, FALSE, sizeof(reset_entry));
    reset_entry e = { fn, opaque };
    g_array_append_val(reset_entries, e);
}

MM_API void mm_machine_unregister_reset(mm_reset_fn fn, void *opaque)
{
    for (guint i = 0; reset_entries && i < reset_entries->len; i++) {
        reset_entry *e = &g_array_index(reset_entries, reset_entry, i);
        if (e->fn == fn && e->opaque == opaque) {
            g_array_remove_index(reset_entries, i);
            return;
        }
    }
}

void mm_system_reset(void)
{
    /* By index: a handler may register or unregister others. */
    for (guint i = 0; reset_entries && i < reset_entries->len; i++) {
        reset_entry e = g_array_index(reset_entries, reset_entry, i);
        e.fn(e.opaque);
    }
    const mm_accel_ops *accel = mm_accel_current();
    if (accel && accel->reset)
        accel->reset();
}
