/*
 * The E820 memory map handed to a directly booted kernel (core-internal):
 * the board's map (machine/pc/e820.h, mm_e820_build) in a fixed-size table
 * the size of the zero page's, and the queries the loader makes on it.
 */
#ifndef MODEMU_BOOT_E820_MAP_H
#define MODEMU_BOOT_E820_MAP_H

#include <stdbool.h>
#include <stdint.h>

#include "machine/pc/e820.h"

/* The zero page has room for 128 entries (boot_params.e820_table). */
#define MM_E820_MAX_ENTRIES 128

typedef struct mm_e820_map {
    mm_e820_entry entry[MM_E820_MAX_ENTRIES];
    unsigned count;
} mm_e820_map;

/* Appends a range; false when the map is full or size is 0. */
bool mm_e820_map_add(mm_e820_map *map, uint64_t addr, uint64_t size, uint32_t type);

/* The machine's map as a BIOS reports it to a kernel (EBDA and the BIOS
 * segment reserved; the ACPI tables live in the latter). */
void mm_e820_map_of_machine(mm_e820_map *map);

/* Whether [addr, addr+size) lies entirely inside one RAM entry. */
bool mm_e820_map_is_ram(const mm_e820_map *map, uint64_t addr, uint64_t size);

#endif
