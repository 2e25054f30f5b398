/*
 * Port I/O for the firmware-lite code (core-internal): it programs the board
 * the way a BIOS does, through I/O ports (PCI configuration mechanism #1,
 * ELCR), so it needs no knowledge of the board's internals and its unit
 * tests can stand a fake bus behind the ports.
 */
#ifndef MODEMU_BOOT_PORT_IO_H
#define MODEMU_BOOT_PORT_IO_H

#include <stdint.h>

typedef struct mm_boot_io {
    uint32_t (*in)(void *opaque, uint16_t port, unsigned size);
    void (*out)(void *opaque, uint16_t port, unsigned size, uint32_t value);
    void *opaque;
} mm_boot_io;

/* The machine's I/O address space. */
mm_boot_io mm_boot_io_of_machine(void);

/* PCI configuration space of bus 0 through ports 0xCF8/0xCFC. */
uint32_t mm_pci_cfg_read(const mm_boot_io *io, unsigned devfn, unsigned reg, unsigned size);
void mm_pci_cfg_write(const mm_boot_io *io, unsigned devfn, unsigned reg, unsigned size,
                      uint32_t value);

#endif
