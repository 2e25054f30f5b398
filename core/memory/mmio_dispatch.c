/*
 * MMIO dispatch with access-size adaptation.
 *
 * `valid` says what the guest may do; anything else is rejected (logged as a
 * guest error).  `impl` says what the callbacks handle:
 *  - wider than impl.max: split into impl.max-sized calls at increasing
 *    offsets, combined little-endian;
 *  - narrower than impl.min: the aligned impl.min unit(s) covering the access
 *    are read and the bytes extracted.  A narrow write becomes, per unit, a
 *    read-modify-write when the region has a read callback; without one the
 *    unit is written with the other bytes zero (a write-only register cannot
 *    be read back, and zero is what such hardware latches from idle lanes).
 */
#include <inttypes.h>
#include <modemu/log.h>

#include "memory/le_bytes.h"
#include "memory/mmio_dispatch.h"
#include "memory/region.h"

static bool access_is_valid(const mm_memory_region *mr, uint64_t offset, unsigned size)
{
    const mm_region_ops *o = &mr->ops;
    if (size < o->valid.min_access_size || size > o->valid.max_access_size)
        return false;
    return o->valid.unaligned || (offset & (size - 1)) == 0;
}

static void log_rejected(const mm_memory_region *mr, const char *what, uint64_t offset,
                         unsigned size)
{
    mm_log(MM_LOG_GUEST_ERROR, "memory: invalid %u-byte %s at offset 0x%" PRIx64 " of '%s'\n",
           size, what, offset, mr->name);
}

static uint64_t call_read(const mm_memory_region *mr, uint64_t offset, unsigned size)
{
    if (!mr->ops.read)
        return mm_size_mask(size);
    return mr->ops.read(mr->opaque, offset, size) & mm_size_mask(size);
}

static void call_write(const mm_memory_region *mr, uint64_t offset, uint64_t value,
                       unsigned size)
{
    if (mr->ops.write)
        mr->ops.write(mr->opaque, offset, value & mm_size_mask(size), size);
}

/* The part of the access [offset, offset+size) inside the unit starting at
 * `unit` (impl.min bytes): its first byte and length. */
typedef struct unit_overlap {
    unsigned shift_in_unit;    /* bit position within the unit's value */
    unsigned shift_in_access;  /* bit position within the access's value */
    uint64_t mask;             /* of the overlapping bytes, unshifted */
} unit_overlap;

static unit_overlap overlap_of(uint64_t unit, unsigned unit_size, uint64_t offset,
                               unsigned size)
{
    uint64_t lo = MAX(unit, offset);
    uint64_t hi = MIN(unit + unit_size, offset + size);
    return (unit_overlap){
        .shift_in_unit = (unsigned)(lo - unit) * 8,
        .shift_in_access = (unsigned)(lo - offset) * 8,
        .mask = mm_size_mask((unsigned)(hi - lo)),
    };
}

static uint64_t read_widened(const mm_memory_region *mr, uint64_t offset, unsigned size)
{
    unsigned unit_size = mr->ops.impl.min_access_size;
    uint64_t value = 0;
    for (uint64_t unit = offset & ~(uint64_t)(unit_size - 1); unit < offset + size;
         unit += unit_size) {
        unit_overlap ov = overlap_of(unit, unit_size, offset, size);
        uint64_t unit_value = call_read(mr, unit, unit_size);
        value |= ((unit_value >> ov.shift_in_unit) & ov.mask) << ov.shift_in_access;
    }
    return value;
}

static void write_widened(const mm_memory_region *mr, uint64_t offset, unsigned size,
                          uint64_t value)
{
    unsigned unit_size = mr->ops.impl.min_access_size;
    for (uint64_t unit = offset & ~(uint64_t)(unit_size - 1); unit < offset + size;
         unit += unit_size) {
        unit_overlap ov = overlap_of(unit, unit_size, offset, size);
        uint64_t unit_value = mr->ops.read ? call_read(mr, unit, unit_size) : 0;
        unit_value &= ~(ov.mask << ov.shift_in_unit);
        unit_value |= ((value >> ov.shift_in_access) & ov.mask) << ov.shift_in_unit;
        call_write(mr, unit, unit_value, unit_size);
    }
}

mm_mem_result mm_mmio_read(mm_memory_region *mr, uint64_t offset, unsigned size,
                           uint64_t *value)
{
    if (!access_is_valid(mr, offset, size)) {
        log_rejected(mr, "read", offset, size);
        *value = mm_size_mask(size);
        return MM_MEM_REJECTED;
    }
    unsigned impl_max = mr->ops.impl.max_access_size;
    if (size < mr->ops.impl.min_access_size) {
        *value = read_widened(mr, offset, size);
    } else if (size > impl_max) {
        uint64_t v = 0;
        for (unsigned done = 0; done < size; done += impl_max)
            v |= call_read(mr, offset + done, impl_max) << (done * 8);
        *value = v;
    } else {
        *value = call_read(mr, offset, size);
    }
    return MM_MEM_OK;
}

mm_mem_result mm_mmio_write(mm_memory_region *mr, uint64_t offset, unsigned size,
                            uint64_t value)
{
    if (!access_is_valid(mr, offset, size)) {
        log_rejected(mr, "write", offset, size);
        return MM_MEM_REJECTED;
    }
    unsigned impl_max = mr->ops.impl.max_access_size;
    if (size < mr->ops.impl.min_access_size) {
        write_widened(mr, offset, size, value);
    } else if (size > impl_max) {
        for (unsigned done = 0; done < size; done += impl_max)
            call_write(mr, offset + done, value >> (done * 8), impl_max);
    } else {
        call_write(mr, offset, value, size);
    }
    return MM_MEM_OK;
}
