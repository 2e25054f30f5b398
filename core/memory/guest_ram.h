/*
 * Guest RAM from -m, laid out as QEMU's pc board does (core-internal; the
 * board calls mm_guest_ram_init() while it is realized).
 *
 * One RAM block "pc.ram" holds all guest memory.  Two aliases map it into the
 * memory space at priority 0: "ram-below-4g" = block[0, low) at 0, and
 * "ram-above-4g" = block[low, size) at 4 GiB (only if size > low).  The PCI
 * hole sits between low and 4 GiB.
 */
#ifndef MODEMU_MEMORY_GUEST_RAM_H
#define MODEMU_MEMORY_GUEST_RAM_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/error.h>
#include <modemu/memory.h>

/* QEMU's default max-ram-below-4g threshold for pc (3.5 GiB). */
#define MM_GUEST_RAM_DEFAULT_BELOW_4G_LIMIT UINT64_C(0xE0000000)
#define MM_GUEST_RAM_ABOVE_4G_BASE UINT64_C(0x100000000)

/* Splits ram_size into the parts below and above 4 GiB.  below_4g_limit is
 * the machine's max-ram-below-4g (0 = default 3.5 GiB): RAM of at least that
 * size keeps at most 3 GiB below 4 GiB (QEMU's gigabyte alignment for
 * pc-i440fx >= 1.8), the rest goes above.  RAM smaller than the limit stays
 * entirely below. */
void mm_guest_ram_split(uint64_t ram_size, uint64_t below_4g_limit, uint64_t *below,
                        uint64_t *above);

/* Allocates and maps guest RAM (once per process).  ram_size is rounded up
 * to 8 KiB as QEMU does. */
bool mm_guest_ram_init(uint64_t ram_size, uint64_t below_4g_limit, mm_error **errp);

/* The "pc.ram" block (NULL before init): PAM/SMRAM aliases point into it and
 * the software CPU uses its host pointer. */
mm_memory_region *mm_guest_ram_region(void);

#endif
