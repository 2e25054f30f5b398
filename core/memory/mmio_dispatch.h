/*
 * Sized accesses to one MMIO (or port I/O) region: checks the access against
 * the region's valid sizes and adapts it to the sizes its ops implement.
 */
#ifndef MODEMU_MEMORY_MMIO_DISPATCH_H
#define MODEMU_MEMORY_MMIO_DISPATCH_H

#include <stdint.h>
#include <modemu/memory.h>

/* `offset` is within the region, size is 1, 2, 4 or 8.  Rejected accesses
 * read all ones and drop writes. */
mm_mem_result mm_mmio_read(mm_memory_region *mr, uint64_t offset, unsigned size,
                           uint64_t *value);
mm_mem_result mm_mmio_write(mm_memory_region *mr, uint64_t offset, unsigned size,
                            uint64_t value);

#endif
