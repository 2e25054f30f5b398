/* Buffer accesses through the flat view (see range_access.h). */
#include <inttypes.h>
#include <string.h>
#include <modemu/log.h>

#include "memory/address_space.h"
#include "memory/le_bytes.h"
#include "memory/mmio_dispatch.h"
#include "memory/range_access.h"
#include "memory/region.h"

static mm_mem_result worse(mm_mem_result a, mm_mem_result b)
{
    return a > b ? a : b;
}

/* The widest naturally aligned power of two (<= 8) that starts at offset and
 * fits in len.  MMIO buffers go through the ops in such chunks: a register
 * file read as a buffer sees the accesses a CPU copy loop would make. */
static unsigned mmio_chunk_size(const mm_memory_region *mr, uint64_t offset, uint64_t len)
{
    unsigned size = mr->ops.valid.max_access_size;
    while (size > 1 && (size > len || (offset & (size - 1))))
        size >>= 1;
    return size;
}

static mm_mem_result mmio_access(const mm_flat_range *r, uint64_t offset, uint8_t *buf,
                                 uint64_t len, bool write)
{
    mm_memory_region *mr = r->region;
    uint64_t reg_offset = r->offset_in_region + offset;
    mm_mem_result result = MM_MEM_OK;
    while (len) {
        unsigned size = mmio_chunk_size(mr, reg_offset, len);
        uint64_t value;
        if (write) {
            value = mm_load_le(buf, size);
            result = worse(result, mm_mmio_write(mr, reg_offset, size, value));
        } else {
            result = worse(result, mm_mmio_read(mr, reg_offset, size, &value));
            mm_store_le(buf, size, value);
        }
        buf += size;
        reg_offset += size;
        len -= size;
    }
    return result;
}

mm_mem_result mm_range_access(const mm_flat_range *r, uint64_t offset, uint8_t *buf,
                              uint64_t len, bool write)
{
    if (write && r->readonly)
        return MM_MEM_OK;   /* ROM: the bus accepts the write, nothing changes */
    if (!r->host)
        return mmio_access(r, offset, buf, len, write);
    if (write) {
        memcpy(r->host + offset, buf, len);
        mm_ram_dirty_note_write(&r->region->dirty, r->offset_in_region + offset, len);
    } else {
        memcpy(buf, r->host + offset, len);
    }
    return MM_MEM_OK;
}

static mm_mem_result unassigned_access(mm_address_space *as, uint64_t addr, uint8_t *buf,
                                       uint64_t len, bool write)
{
    mm_log(MM_LOG_UNASSIGNED, "%s: unassigned %s of %" PRIu64 " byte(s) at 0x%" PRIx64 "\n",
           as->name, write ? "write" : "read", len, addr);
    if (!write)
        memset(buf, as->unassigned_byte, len);
    return MM_MEM_UNASSIGNED;
}

mm_mem_result mm_as_access_bytes(mm_address_space *as, uint64_t addr, uint8_t *buf,
                                 uint64_t len, bool write)
{
    mm_mem_result result = MM_MEM_OK;
    while (len) {
        size_t i = mm_flat_view_search(&as->view, addr);
        const mm_flat_range *r = i < as->view.nr ? &as->view.ranges[i] : NULL;
        uint64_t chunk;
        if (r && r->start <= addr) {
            chunk = MIN(len, r->size - (addr - r->start));
            result = worse(result, mm_range_access(r, addr - r->start, buf, chunk, write));
            if (write && r->host && !r->readonly)
                mm_as_note_ram_write(as, addr, chunk);
        } else {
            chunk = r ? MIN(len, r->start - addr) : len;
            result = worse(result, unassigned_access(as, addr, buf, chunk, write));
        }
        addr += chunk;
        buf += chunk;
        len -= chunk;
    }
    return result;
}
