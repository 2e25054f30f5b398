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
} mm_flat_view;

/* Paints the tree below `root` into a new view (adjacent pieces of the same
 * region merged). */
mm_flat_view mm_flat_view_render(const mm_memory_region *root);
void mm_flat_view_clear(mm_flat_view *view);

/* Index of the first range that ends after addr (nr if none).  That range
 * holds addr iff its start <= addr. */
static inline size_t mm_flat_view_search(const mm_flat_view *view, uint64_t addr)
{
    size_t lo = 0, hi = view->nr;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const mm_flat_range *r = &view->ranges[mid];
        if (addr - r->start < r->size)
            return mid;
        if (addr < r->start)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static inline bool mm_flat_range_contains(const mm_flat_range *r, uint64_t addr)
{
    return addr - r->start < r->size;
}

static inline uint64_t mm_flat_range_end(const mm_flat_range *r)
{
    return r->start + r->size;
}

#endif
