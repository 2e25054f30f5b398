/*
 * Overlap resolution for the flattener: turns pieces listed in painting
 * order (earlier wins) into sorted, non-overlapping ranges.
 */
#ifndef MODEMU_MEMORY_FLAT_VIEW_SWEEP_H
#define MODEMU_MEMORY_FLAT_VIEW_SWEEP_H

#include <glib.h>
#include <modemu/memory.h>

/* `pieces` holds mm_flat_range with size > 0, in painting order.  Returns a
 * new GArray of mm_flat_range: every address covered by some piece belongs
 * to the earliest piece covering it; offsets and host pointers are adjusted
 * for the part of a piece that shows. */
GArray *mm_flat_view_sweep(const GArray *pieces);

#endif
