/* Power-button handlers for the monitor's system_powerdown (see <modemu/machine.h>). */
#include <glib.h>
#include <modemu/machine.h>

#include "runstate/runstate.h"

typedef struct powerdown_entry {
    mm_powerdown_fn fn;
    void *opaque;
} powerdown_entry;

static GArray *powerdown_entries;

MM_API void mm_machine_register_powerdown(mm_powerdown_fn fn, void *opaque)
{
    if (!powerdown_entries)
        powerdown_entries = g_array_new(FALSE, FALSE, sizeof(powerdown_entry));
    powerdown_entry e = { fn, opaque };
    g_array_append_val(powerdown_entries, e);
}

bool mm_machine_request_powerdown(void)
{
    if (!powerdown_entries || powerdown_entries->len == 0)
        return false;
    for (guint i = 0; i < powerdown_entries->len; i++) {
        powerdown_entry e = g_array_index(powerdown_entries, powerdown_entry, i);
        e.fn(e.opaque);
    }
    return true;
}
