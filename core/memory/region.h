/*
 * Memory regions: the core-private layout behind <modemu/memory.h>.
 *
 * A region is one node of a machine's memory tree.  Containers hold
 * subregions ordered by priority; aliases show a window of another region;
 * RAM, ROM and MMIO are the terminals an access finally reaches.
 */
#ifndef MODEMU_MEMORY_REGION_H
#define MODEMU_MEMORY_REGION_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
#include <modemu/memory.h>

#include "memory/dirty.h"

typedef enum mm_region_kind {
    MM_REGION_CONTAINER,
    MM_REGION_RAM,
    MM_REGION_ROM,
    MM_REGION_MMIO,
    MM_REGION_ALIAS,
} mm_region_kind;

struct mm_memory_region {
    mm_region_kind kind;
    char *name;
    mm_object *owner;
    uint64_t size;

    /* Placement in the parent container (parent == NULL: not mapped). */
    mm_memory_region *parent;
    uint64_t addr;
    int priority;
    uint64_t add_sequence;   /* orders equal priorities: later-added wins */
    bool enabled;
    bool readonly;           /* guest writes dropped below this node */

    /* Containers: children sorted by descending priority, then descending
     * add_sequence, which is exactly the order the flattener paints them. */
    GPtrArray *children;

    /* RAM and ROM. */
    uint8_t *host;
    mm_ram_dirty dirty;

    /* MMIO: ops with the access-size defaults already filled in. */
    mm_region_ops ops;
    void *opaque;

    /* Aliases. */
    mm_memory_region *alias_target;
    uint64_t alias_offset;
    unsigned alias_refs;     /* how many aliases point at this region */

    /* Set when the region is the root of an address space. */
    mm_address_space *root_of;
};

static inline bool mm_region_is_ram_backed(const mm_memory_region *mr)
{
    return mr->kind == MM_REGION_RAM || mr->kind == MM_REGION_ROM;
}

/* Allocates a bare region of `kind` (not mapped anywhere, enabled). */
mm_memory_region *mm_region_alloc(mm_region_kind kind, mm_object *owner, const char *name,
                                  uint64_t size);

/* Releases a region that is no longer mapped (see mm_region_free). */
void mm_region_destroy(mm_memory_region *mr);

/* Whether a change to `mr` can alter any address space's flat view: it is
 * reachable from a root, or something aliases it or one of its ancestors. */
bool mm_region_may_be_visible(const mm_memory_region *mr);

#endif
