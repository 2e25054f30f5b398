/*
 * Dirty-page bitmaps of one RAM/ROM region (core-private part of the dirty
 * tracking declared in <modemu/memory.h>).
 */
#ifndef MODEMU_MEMORY_DIRTY_H
#define MODEMU_MEMORY_DIRTY_H

#include <stdbool.h>
#include <stdint.h>

#define MM_DIRTY_CLIENT_COUNT 3
#define MM_DIRTY_PAGE_SHIFT 12
#define MM_DIRTY_PAGE_SIZE (UINT64_C(1) << MM_DIRTY_PAGE_SHIFT)

typedef struct mm_ram_dirty {
    /* One bit per 4 KiB page per client; NULL while the client is off. */
    unsigned long *bitmap[MM_DIRTY_CLIENT_COUNT];
    uint64_t pages;
    /* Bit n set while client n is enabled: the write fast path tests only this. */
    unsigned enabled_mask;
} mm_ram_dirty;

void mm_ram_dirty_init(mm_ram_dirty *d, uint64_t region_size);
void mm_ram_dirty_destroy(mm_ram_dirty *d);
/* Marks [offset, offset+len) dirty for every enabled client. */
void mm_ram_dirty_mark(mm_ram_dirty *d, uint64_t offset, uint64_t len);

static inline void mm_ram_dirty_note_write(mm_ram_dirty *d, uint64_t offset, uint64_t len)
{
    if (d->enabled_mask)
        mm_ram_dirty_mark(d, offset, len);
}

#endif
