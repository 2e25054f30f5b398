/*
 * When the memory tree changes, the flat views of the address spaces are
 * rebuilt: at once, or at the outermost transaction commit.
 */
#ifndef MODEMU_MEMORY_UPDATE_H
#define MODEMU_MEMORY_UPDATE_H

#include "memory/region.h"

/* Call after changing `mr` in a way that may move what the guest sees. */
void mm_memory_region_changed(const mm_memory_region *mr);

/* Destroys `mr` once the pending flat-view update (if any) has been applied
 * and reported; must be called inside a transaction. */
void mm_memory_destroy_after_update(mm_memory_region *mr);

#endif
