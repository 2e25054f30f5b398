/*
 * Rendering a region tree into a flat view.
 *
 * Regions are painted highest priority first (children of a container are
 * kept in that order) into a list of pieces; where pieces overlap, the one
 * painted earlier wins (resolved by flat_view_sweep.c).  Containers claim no
 * space of their own: holes in a container show what lower-priority siblings
 * map there, as in QEMU.  Everything is clipped to the parent's extent, and aliases are
 * followed into their target with the window and offset applied.
 *
 * Arithmetic is done on offsets within the region being painted together
 * with the address-space address of that region's offset 0 (`base`), which
 * may wrap modulo 2^64 for aliases with large offsets: only base + offset
 * for offsets inside the clip is ever used as an address.
 */
#include <glib.h>
#include <modemu/error.h>

#include "memory/flat_view.h"
#include "memory/flat_view_sweep.h"
#include "memory/region.h"

/* Deeper nesting than this is an alias or container cycle: a plugin bug. */
#define MAX_RENDER_DEPTH 64

typedef struct render_state {
    GArray *pieces;   /* of mm_flat_range, in painting order */
    bool warned_depth;
} render_state;

static uint64_t saturating_add(uint64_t a, uint64_t b)
{
    return a + b < a ? UINT64_MAX : a + b;
}

static void paint_terminal(render_state *st, const mm_memory_region *mr, uint64_t base,
                           uint64_t lo, uint64_t hi, bool readonly)
{
    mm_flat_range piece = {
        .start = base + lo,
        .size = hi - lo,
        .region = (mm_memory_region *)mr,
        .offset_in_region = lo,
        .host = mm_region_is_ram_backed(mr) ? mr->host + lo : NULL,
        .readonly = readonly,
    };
    g_array_append_val(st->pieces, piece);
}

/* Paints offsets [lo, hi) of `mr`, whose offset 0 sits at address `base`. */
static void render_region(render_state *st, const mm_memory_region *mr, uint64_t base,
                          uint64_t lo, uint64_t hi, bool readonly, unsigned depth)
{
    hi = MIN(hi, mr->size);
    if (!mr->enabled || lo >= hi)
        return;
    if (depth > MAX_RENDER_DEPTH) {
        if (!st->warned_depth)
            mm_warn_report("memory: region '%s' nests too deep (alias cycle?)", mr->name);
        st->warned_depth = true;
        return;
    }
    readonly |= mr->readonly;
    switch (mr->kind) {
    case MM_REGION_ALIAS:
        if (mr->alias_target)
            render_region(st, mr->alias_target, base - mr->alias_offset,
                          saturating_add(lo, mr->alias_offset),
                          saturating_add(hi, mr->alias_offset), readonly, depth + 1);
        return;
    case MM_REGION_CONTAINER:
        for (guint i = 0; i < mr->children->len; i++) {
            const mm_memory_region *c = g_ptr_array_index(mr->children, i);
            uint64_t c_end = saturating_add(c->addr, c->size);
            uint64_t c_lo = MAX(lo, c->addr), c_hi = MIN(hi, c_end);
            if (c_lo < c_hi)
                render_region(st, c, base + c->addr, c_lo - c->addr, c_hi - c->addr,
                              readonly, depth + 1);
        }
        return;
    case MM_REGION_RAM:
    case MM_REGION_ROM:
    case MM_REGION_MMIO:
        paint_terminal(st, mr, base, lo, hi, readonly);
        return;
    }
}

/* Two neighbours continue each other when they are the same region, seen
 * with the same rights, at consecutive offsets. */
static bool continues(const mm_flat_range *a, const mm_flat_range *b)
{
    return a->region == b->region && a->readonly == b->readonly &&
           mm_flat_range_end(a) == b->start &&
           a->offset_in_region + a->size == b->offset_in_region;
}

static void merge_neighbours(GArray *ranges)
{
    if (ranges->len < 2)
        return;
    mm_flat_range *r = (mm_flat_range *)(void *)ranges->data;
    guint out = 0;
    for (guint i = 1; i < ranges->len; i++) {
        if (continues(&r[out], &r[i]))
            r[out].size += r[i].size;
        else
            r[++out] = r[i];
    }
    g_array_set_size(ranges, out + 1);
}

mm_flat_view mm_flat_view_render(const mm_memory_region *root)
{
    render_state st = { .pieces = g_array_new(FALSE, FALSE, sizeof(mm_flat_range)) };
    render_region(&st, root, 0, 0, root->size, false, 0);
    GArray *ranges = mm_flat_view_sweep(st.pieces);
    g_array_free(st.pieces, TRUE);
    merge_neighbours(ranges);
    mm_flat_view view = { .nr = ranges->len };
    view.ranges = (mm_flat_range *)(void *)g_array_free(ranges, view.nr == 0);
    view.starts = g_new(uint64_t, view.nr ? view.nr : 1);
    for (size_t i = 0; i < view.nr; i++)
        view.starts[i] = view.ranges[i].start;
    return view;
}

void mm_flat_view_clear(mm_flat_view *view)
{
    g_free(view->ranges);
    g_free(view->starts);
    view->ranges = NULL;
    view->starts = NULL;
    view->nr = 0;
}
