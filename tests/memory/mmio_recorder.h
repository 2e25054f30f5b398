/*
 * A test MMIO device: a little-endian register file that records every call
 * the core makes to its ops, so tests can check how accesses were split,
 * widened or rejected.
 */
#ifndef TESTS_MEMORY_MMIO_RECORDER_H
#define TESTS_MEMORY_MMIO_RECORDER_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/memory.h>

#define RECORDER_REGS 256
#define RECORDER_MAX_CALLS 64

typedef struct recorded_call {
    bool write;
    uint64_t offset;
    unsigned size;
    uint64_t value;
} recorded_call;

typedef struct mmio_recorder {
    uint8_t regs[RECORDER_REGS];
    recorded_call calls[RECORDER_MAX_CALLS];
    unsigned ncalls;
    mm_region_ops ops;
    mm_memory_region *region;
} mmio_recorder;

/* Creates a recorder region of `size` bytes; `ops` gives the access sizes
 * (its callbacks are replaced; has_read=false leaves read NULL). */
mmio_recorder *recorder_new(const char *name, uint64_t size, const mm_region_ops *sizes,
                            bool has_read);
void recorder_free(mmio_recorder *rec);
void recorder_reset_calls(mmio_recorder *rec);
/* Asserts that call i was (write, offset, size, value). */
void recorder_expect(const mmio_recorder *rec, unsigned i, bool write, uint64_t offset,
                     unsigned size, uint64_t value);

#endif
