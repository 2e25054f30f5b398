/*
 * Sized and buffer accesses to an address space (mm_as_read/write[_buf]).
 *
 * The sized path is what a CPU's loads, stores and port I/O go through: one
 * lookup (usually the last-hit hint), then a direct load from RAM or one MMIO
 * dispatch.  Accesses that straddle two ranges (or a range and a hole) take
 * the byte-buffer path, which splits them at the boundaries, with one
 * exception: an access that starts in an MMIO region and fits inside that
 * region goes to it whole even if a higher-priority region covers some of
 * its later bytes.  That is how a bus decodes an access (by its address) and
 * what QEMU does; the PC relies on it where a byte register overlays a dword
 * one (0xCF9 on top of 0xCF8).
 */
#include <modemu/memory.h>

#include "memory/address_space.h"
#include "memory/le_bytes.h"
#include "memory/mmio_dispatch.h"
#include "memory/range_access.h"
#include "memory/region.h"

static bool sized_access_ok(unsigned size)
{
    return size == 1 || size == 2 || size == 4 || size == 8;
}

/* The range that takes all of [addr, addr+size) in one access, or NULL
 * when the access must be split. */
static const mm_flat_range *whole_range(mm_address_space *as, uint64_t addr, unsigned size)
{
    const mm_flat_range *r = mm_address_space_lookup(as, addr);
    if (!r)
        return NULL;
    uint64_t offset = addr - r->start;
    if (size <= r->size - offset)
        return r;
    if (!r->host && size <= mm_region_size(r->region) - (r->offset_in_region + offset))
        return r;
    return NULL;
}

MM_API mm_mem_result mm_as_read(mm_address_space *as, uint64_t addr, unsigned size,
                                uint64_t *value)
{
    if (!sized_access_ok(size)) {
        *value = UINT64_MAX;
        return MM_MEM_REJECTED;
    }
    const mm_flat_range *r = whole_range(as, addr, size);
    if (r) {
        uint64_t offset = addr - r->start;
        if (r->host) {
            *value = mm_load_le(r->host + offset, size);
            return MM_MEM_OK;
        }
        return mm_mmio_read(r->region, r->offset_in_region + offset, size, value);
    }
    uint8_t bytes[8];
    mm_mem_result res = mm_as_access_bytes(as, addr, bytes, size, false);
    *value = mm_load_le(bytes, size);
    return res;
}

MM_API mm_mem_result mm_as_write(mm_address_space *as, uint64_t addr, unsigned size,
                                 uint64_t value)
{
    if (!sized_access_ok(size))
        return MM_MEM_REJECTED;
    const mm_flat_range *r = whole_range(as, addr, size);
    if (r && !r->readonly) {
        uint64_t offset = addr - r->start;
        if (r->host) {
            mm_store_le(r->host + offset, size, value);
            mm_ram_dirty_note_write(&r->region->dirty, r->offset_in_region + offset, size);
            mm_as_note_ram_write(as, addr, size);
            return MM_MEM_OK;
        }
        return mm_mmio_write(r->region, r->offset_in_region + offset, size, value);
    }
    if (r)
        return MM_MEM_OK;   /* read-only: accepted and dropped, as ROM does */
    uint8_t bytes[8];
    mm_store_le(bytes, size, value);
    return mm_as_access_bytes(as, addr, bytes, size, true);
}

MM_API mm_mem_result mm_as_read_buf(mm_address_space *as, uint64_t addr, void *buf,
                                    size_t len)
{
    return mm_as_access_bytes(as, addr, buf, len, false);
}

MM_API mm_mem_result mm_as_write_buf(mm_address_space *as, uint64_t addr, const void *buf,
                                     size_t len)
{
    /* The write path never writes through buf; the cast only shares the walker. */
    return mm_as_access_bytes(as, addr, (uint8_t *)(uintptr_t)buf, len, true);
}
