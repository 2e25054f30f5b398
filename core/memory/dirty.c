/*
 * Dirty-page tracking of RAM regions, one bitmap per client (display,
 * migration, code).  Bits are set with atomic ORs because KVM vCPU threads
 * and the main loop may mark pages while a display clears them.
 */
#include <limits.h>
#include <glib.h>
#include <modemu/error.h>
#include <modemu/memory.h>

#include "memory/dirty.h"
#include "memory/region.h"

#define BITS_PER_WORD (sizeof(unsigned long) * CHAR_BIT)

void mm_ram_dirty_init(mm_ram_dirty *d, uint64_t region_size)
{
    *d = (mm_ram_dirty){ 0 };
    d->pages = (region_size + MM_DIRTY_PAGE_SIZE - 1) >> MM_DIRTY_PAGE_SHIFT;
}

void mm_ram_dirty_destroy(mm_ram_dirty *d)
{
    for (unsigned c = 0; c < MM_DIRTY_CLIENT_COUNT; c++)
        g_free(d->bitmap[c]);
    *d = (mm_ram_dirty){ 0 };
}

static size_t bitmap_words(const mm_ram_dirty *d)
{
    return (d->pages + BITS_PER_WORD - 1) / BITS_PER_WORD;
}

/* Clamps [offset, offset+len) to the region's pages; false if empty. */
static bool page_span(const mm_ram_dirty *d, uint64_t offset, uint64_t len,
                      uint64_t *first, uint64_t *last)
{
    if (len == 0 || (offset >> MM_DIRTY_PAGE_SHIFT) >= d->pages)
        return false;
    uint64_t end = offset + len - 1;
    if (end < offset)
        end = UINT64_MAX;
    *first = offset >> MM_DIRTY_PAGE_SHIFT;
    *last = MIN(end >> MM_DIRTY_PAGE_SHIFT, d->pages - 1);
    return true;
}

/* Applies `op` to the bits [first, last] word by word; returns whether any
 * affected bit was set before. */
typedef enum { BITS_SET, BITS_TEST_AND_CLEAR } bits_op;

static bool bitmap_apply(unsigned long *map, uint64_t first, uint64_t last, bits_op op)
{
    bool any = false;
    uint64_t page = first;
    while (page <= last) {
        size_t word = page / BITS_PER_WORD;
        unsigned bit = page % BITS_PER_WORD;
        uint64_t count = MIN(last - page + 1, (uint64_t)(BITS_PER_WORD - bit));
        unsigned long mask = count == BITS_PER_WORD ? ~0UL : ((1UL << count) - 1) << bit;
        unsigned long old;
        if (op == BITS_SET)
            old = __atomic_fetch_or(&map[word], mask, __ATOMIC_RELAXED);
        else
            old = __atomic_fetch_and(&map[word], ~mask, __ATOMIC_RELAXED);
        any |= (old & mask) != 0;
        page += count;
    }
    return any;
}

void mm_ram_dirty_mark(mm_ram_dirty *d, uint64_t offset, uint64_t len)
{
    uint64_t first, last;
    if (!page_span(d, offset, len, &first, &last))
        return;
    for (unsigned c = 0; c < MM_DIRTY_CLIENT_COUNT; c++) {
        if (d->enabled_mask & (1u << c))
            bitmap_apply(d->bitmap[c], first, last, BITS_SET);
    }
}

static mm_ram_dirty *region_dirty(mm_memory_region *ram, unsigned client, const char *what)
{
    if (!ram || !mm_region_is_ram_backed(ram)) {
        mm_warn_report("memory: %s on '%s', which is not RAM", what,
                       ram ? ram->name : "(null)");
        return NULL;
    }
    if (client >= MM_DIRTY_CLIENT_COUNT) {
        mm_warn_report("memory: %s: no dirty client %u", what, client);
        return NULL;
    }
    return &ram->dirty;
}

/* Enabling starts with every page dirty: a display's first refresh or a
 * migration's first pass must cover the whole region. */
MM_API void mm_ram_dirty_enable(mm_memory_region *ram, unsigned client, bool enable)
{
    mm_ram_dirty *d = region_dirty(ram, client, "mm_ram_dirty_enable");
    if (!d)
        return;
    unsigned bit = 1u << client;
    if (enable && !(d->enabled_mask & bit)) {
        size_t words = bitmap_words(d);
        d->bitmap[client] = g_new(unsigned long, words ? words : 1);
        memset(d->bitmap[client], 0xff, sizeof(unsigned long) * (words ? words : 1));
        __atomic_or_fetch(&d->enabled_mask, bit, __ATOMIC_RELEASE);
    } else if (!enable && (d->enabled_mask & bit)) {
        __atomic_and_fetch(&d->enabled_mask, ~bit, __ATOMIC_RELEASE);
        g_free(d->bitmap[client]);
        d->bitmap[client] = NULL;
    }
}

MM_API void mm_ram_mark_dirty(mm_memory_region *ram, uint64_t offset, uint64_t len)
{
    if (ram && mm_region_is_ram_backed(ram))
        mm_ram_dirty_note_write(&ram->dirty, offset, len);
}

MM_API bool mm_ram_test_and_clear_dirty(mm_memory_region *ram, unsigned client,
                                        uint64_t offset, uint64_t len)
{
    mm_ram_dirty *d = region_dirty(ram, client, "mm_ram_test_and_clear_dirty");
    uint64_t first, last;
    if (!d || !(d->enabled_mask & (1u << client)) || !page_span(d, offset, len, &first, &last))
        return false;
    return bitmap_apply(d->bitmap[client], first, last, BITS_TEST_AND_CLEAR);
}
