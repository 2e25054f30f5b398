/* Direct host pointers into guest RAM for DMA fast paths and loaders. */
#include <modemu/memory.h>

#include "memory/address_space.h"
#include "memory/region.h"

/* Granted only when all of [addr, addr+len) is one RAM range (writable when
 * asked for writing).  A writable mapping marks the span dirty up front:
 * the caller writes behind our back. */
MM_API void *mm_as_map_ram(mm_address_space *as, uint64_t addr, uint64_t len, bool write)
{
    const mm_flat_range *r = mm_address_space_lookup(as, addr);
    if (!r || !r->host || (write && r->readonly))
        return NULL;
    uint64_t offset = addr - r->start;
    if (len > r->size - offset)
        return NULL;
    if (write) {
        /* Reported at map time: callers write right after mapping, on the
         * main loop, before any guest code runs again (a mapping kept while
         * the guest runs would have to be mapped, so reported, again). */
        mm_ram_dirty_note_write(&r->region->dirty, r->offset_in_region + offset, len);
        mm_as_note_ram_write(as, addr, len);
    }
    return r->host + offset;
}
