/*
 * Overlap resolution by a sweep over the pieces' boundaries, O(n log n).
 *
 * Painting piece by piece into the gaps of a sorted array costs O(n) moves
 * per piece, which makes a rebuild with a thousand regions quadratic.
 * Instead every piece contributes a start and an end event; walking the
 * events in address order while keeping the pieces that cover the current
 * address in a min-heap keyed by painting order, the winner of each stretch
 * between two boundaries is the heap's top.  Ended pieces leave the heap
 * lazily, when they surface at the top.
 */
#include <string.h>

#include "memory/flat_view.h"
#include "memory/flat_view_sweep.h"

typedef struct sweep_event {
    uint64_t addr;
    uint32_t piece;
    uint32_t starts;   /* 1: the piece starts at addr; 0: it ends there */
} sweep_event;

/* Merges the sorted runs a[0..na) and b[0..nb) into out (stable). */
static void merge_runs(const sweep_event *a, size_t na, const sweep_event *b, size_t nb,
                       sweep_event *out)
{
    size_t i = 0, j = 0, k = 0;
    while (i < na && j < nb)
        out[k++] = b[j].addr < a[i].addr ? b[j++] : a[i++];
    while (i < na)
        out[k++] = a[i++];
    while (j < nb)
        out[k++] = b[j++];
}

/* Bottom-up merge sort by address.  libc's qsort copies 16-byte elements
 * through memcpy calls and an indirect comparison, which made the sort
 * three quarters of a rebuild. */
static void sort_events(sweep_event *events, size_t n)
{
    sweep_event *src = events, *dst = g_new(sweep_event, n ? n : 1);
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = MIN(lo + width, n), hi = MIN(lo + 2 * width, n);
            merge_runs(src + lo, mid - lo, src + mid, hi - mid, dst + lo);
        }
        sweep_event *t = src;
        src = dst;
        dst = t;
    }
    if (src != events)
        memcpy(events, src, n * sizeof(*events));
    g_free(src == events ? dst : src);
}

static sweep_event *collect_events(const GArray *pieces)
{
    sweep_event *events = g_new(sweep_event, (gsize)pieces->len * 2);
    for (guint i = 0; i < pieces->len; i++) {
        const mm_flat_range *p = &g_array_index(pieces, mm_flat_range, i);
        events[2 * i] = (sweep_event){ p->start, i, 1 };
        events[2 * i + 1] = (sweep_event){ mm_flat_range_end(p), i, 0 };
    }
    sort_events(events, (size_t)pieces->len * 2);
    return events;
}

/* A binary min-heap of piece indices (lower index = painted earlier). */
typedef struct piece_heap {
    uint32_t *items;
    size_t len;
} piece_heap;

static void heap_swap(piece_heap *h, size_t a, size_t b)
{
    uint32_t t = h->items[a];
    h->items[a] = h->items[b];
    h->items[b] = t;
}

static void heap_push(piece_heap *h, uint32_t piece)
{
    size_t i = h->len++;
    h->items[i] = piece;
    while (i > 0 && h->items[(i - 1) / 2] > h->items[i]) {
        heap_swap(h, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static void heap_pop(piece_heap *h)
{
    h->items[0] = h->items[--h->len];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->len && h->items[l] < h->items[m])
            m = l;
        if (r < h->len && h->items[r] < h->items[m])
            m = r;
        if (m == i)
            return;
        heap_swap(h, i, m);
        i = m;
    }
}

/* Appends the part [from, to) of `piece` to the output. */
static void emit(GArray *out, const mm_flat_range *piece, uint64_t from, uint64_t to)
{
    mm_flat_range r = *piece;
    r.start = from;
    r.size = to - from;
    r.offset_in_region += from - piece->start;
    if (r.host)
        r.host += from - piece->start;
    g_array_append_val(out, r);
}

GArray *mm_flat_view_sweep(const GArray *pieces)
{
    size_t nevents = (size_t)pieces->len * 2;
    GArray *out = g_array_sized_new(FALSE, FALSE, sizeof(mm_flat_range), pieces->len);
    sweep_event *events = collect_events(pieces);
    piece_heap heap = { g_new(uint32_t, pieces->len + 1), 0 };
    bool *ended = g_new0(bool, pieces->len + 1);
    size_t i = 0;
    while (i < nevents) {
        uint64_t addr = events[i].addr;
        for (; i < nevents && events[i].addr == addr; i++) {
            if (events[i].starts)
                heap_push(&heap, events[i].piece);
            else
                ended[events[i].piece] = true;
        }
        while (heap.len && ended[heap.items[0]])
            heap_pop(&heap);
        if (heap.len && i < nevents)
            emit(out, &g_array_index(pieces, mm_flat_range, heap.items[0]), addr, events[i].addr);
    }
    g_free(ended);
    g_free(heap.items);
    g_free(events);
    return out;
}
