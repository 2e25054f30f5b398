/*
 * PCI configuration mechanism #1 (core-internal): the address latch at
 * 0xCF8 and the data window at 0xCFC-0xCFF, as one 8-byte I/O region.
 *
 * The PIIX3 reset-control register sits at 0xCF9, inside the latch's
 * dword; byte accesses there go to the handler installed with
 * mm_pci_conf1_set_cf9() instead of the latch (a dword access at 0xCF8 still
 * reaches the latch), which avoids an overlapping region.
 */
#ifndef MODEMU_PCI_PCI_HOST_CONF1_H
#define MODEMU_PCI_PCI_HOST_CONF1_H

#include <stdint.h>
#include <modemu/memory.h>

#define MM_PCI_CONF1_PORT 0xcf8

typedef uint8_t (*mm_cf9_read_fn)(void *opaque);
typedef void (*mm_cf9_write_fn)(void *opaque, uint8_t value);

mm_memory_region *mm_pci_conf1_region_new(mm_object *owner);
void mm_pci_conf1_set_cf9(mm_cf9_read_fn read, mm_cf9_write_fn write, void *opaque);
/* The latch (for tests and resets). */
uint32_t mm_pci_conf1_latch(void);

#endif
