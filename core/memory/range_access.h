/*
 * Byte-buffer access to part of one flat range (RAM copied, MMIO through its
 * ops) or to an unassigned hole: the building blocks of the buffer accessors
 * and of sized accesses that straddle ranges.
 */
#ifndef MODEMU_MEMORY_RANGE_ACCESS_H
#define MODEMU_MEMORY_RANGE_ACCESS_H

#include <stddef.h>
#include <stdint.h>
#include <modemu/memory.h>

/* Copies `len` bytes at `offset` within the range to/from buf. */
mm_mem_result mm_range_access(const mm_flat_range *r, uint64_t offset, uint8_t *buf,
                              uint64_t len, bool write);

/* Accesses [addr, addr+len) of `as` piece by piece across ranges and holes;
 * returns MM_MEM_OK, else the most severe result of any piece. */
mm_mem_result mm_as_access_bytes(mm_address_space *as, uint64_t addr, uint8_t *buf,
                                 uint64_t len, bool write);

#endif
