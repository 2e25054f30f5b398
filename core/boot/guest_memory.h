/*
 * Where the loaders write (core-internal): a sink for guest-physical bytes.
 *
 * The loaders and the firmware-lite code write the kernel, tables and boot
 * structures through this small interface instead of calling the memory API
 * directly, so their unit tests run against a plain buffer.
 */
#ifndef MODEMU_BOOT_GUEST_MEMORY_H
#define MODEMU_BOOT_GUEST_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct mm_boot_memory {
    /* Copies len bytes to guest-physical addr; false if any byte of the range
     * is not RAM. */
    bool (*write)(void *opaque, uint64_t addr, const void *buf, size_t len);
    void *opaque;
} mm_boot_memory;

/* The machine's memory address space (RAM checked with mm_as_map_ram). */
mm_boot_memory mm_boot_memory_of_machine(void);

/* A host buffer standing for guest RAM [0, size) (unit tests). */
typedef struct mm_boot_buffer {
    uint8_t *bytes;
    uint64_t size;
} mm_boot_buffer;
mm_boot_memory mm_boot_memory_of_buffer(mm_boot_buffer *buffer);

#endif
