/*
 * Memory transactions batch tree edits: a board that remaps PAM segments or a
 * PCI device that moves several BARs rebuilds the flat views (and notifies
 * KVM) once, at the outermost commit, instead of once per edit.
 */
#include <glib.h>
#include <modemu/memory.h>

#include "memory/address_space.h"
#include "memory/update.h"

static unsigned transaction_depth;
static bool update_pending;
static GPtrArray *doomed_regions;   /* freed inside the open transaction */

MM_API void mm_memory_transaction_begin(void)
{
    transaction_depth++;
}

MM_API void mm_memory_transaction_commit(void)
{
    if (transaction_depth == 0) {
        mm_warn_report("memory: transaction commit without begin");
        return;
    }
    if (--transaction_depth)
        return;
    if (update_pending) {
        update_pending = false;
        mm_address_spaces_rebuild_all();
    }
    if (doomed_regions) {
        for (guint i = 0; i < doomed_regions->len; i++)
            mm_region_destroy(g_ptr_array_index(doomed_regions, i));
        g_ptr_array_set_size(doomed_regions, 0);
    }
}

void mm_memory_destroy_after_update(mm_memory_region *mr)
{
    if (!doomed_regions)
        doomed_regions = g_ptr_array_new();
    g_ptr_array_add(doomed_regions, mr);
}

void mm_memory_region_changed(const mm_memory_region *mr)
{
    if (!mm_region_may_be_visible(mr))
        return;
    if (transaction_depth) {
        update_pending = true;
        return;
    }
    mm_address_spaces_rebuild_all();
}
