/*
 * Memory transactions batch tree edits: a board that remaps PAM segments or a
 * PCI device that moves several BARs rebuilds the flat views (and notifies
 * KVM) once, at the outermost commit, instead of once per edit.
 */
#include <modemu/memory.h>

#include "memory/address_space.h"
#include "memory/update.h"

static unsigned transaction_depth;
static bool update_pending;

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
    if (--transaction_depth == 0 && update_pending) {
        update_pending = false;
        mm_address_spaces_rebuild_all();
    }
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
