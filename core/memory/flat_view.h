/*
 * The flattened view of an address space: the region tree resolved into a
 * sorted array of non-overlapping ranges, each naming the terminal region it
 * reaches.  Dispatch is a binary search in this array.
 */
#ifndef MODEMU_MEMORY_FLAT_VIEW_H
#define MODEMU_MEMORY_FLAT_VIEW_H

#include <stddef.h>
#include <stdint.h>
#include <modemu/memory.h>

typedef struct mm_flat_view {
    mm_flat_range *ranges;   /* sorted by start, non-overlapping */
    size_t nr;
    /* ranges[i].start again, densely packed: the binary search touches 8
     * bytes per step instead of a 40-byte range, so a view of a thousand
     * ranges stays in L1. */
    uint64_t *starts;
} mm_flat_view;

/* Paints the tree below `root` into a new view (adjacent pieces of the same
 * region merged). */
mm_flat_view mm_flat_view_render(const mm_memory_region *root);
void mm_flat_view_clear(mm_flat_view *view);

static inline bool mm_flat_range_contains(const mm_flat_range *r, uint64_t addr)
{
    return addr - r->start < r->size;
}

/* Index of the first range that ends after addr (nr if none).  That range
 * holds addr iff its start <= addr.
 *
 * The search is branch-free (the compiler turns the step into a conditional
 * move): with hundreds of ranges and guest accesses all over them, a
 * branchy search mispredicts at nearly every step. */
static inline size_t mm_flat_view_search(const mm_flat_view *view, uint64_t addr)
{
    const uint64_t *starts = view->starts;
    size_t n = view->nr;
    if (n == 0 || addr < starts[0])
        return 0;
    /* Invariant: starts[base] <= addr; find the last such range. */
    size_t base = 0;
    while (n > 1) {
        size_t half = n / 2;
        base = starts[base + half] <= addr ? base + half : base;
        n -= half;
    }
    return mm_flat_range_contains(&view->ranges[base], addr) ? base : base + 1;
}

/* Same addresses reaching the same place with the same rights. */
static inline bool mm_flat_range_equal(const mm_flat_range *a, const mm_flat_range *b)
{
    return a->start == b->start && a->size == b->size && a->region == b->region &&
           a->offset_in_region == b->offset_in_region && a->host == b->host &&
           a->readonly == b->readonly;
}

static inline uint64_t mm_flat_range_end(const mm_flat_range *r)
{
    return r->start + r->size;
}

#endif
