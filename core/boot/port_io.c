/* Port I/O and PCI configuration mechanism #1 (see port_io.h). */
#include "boot/port_io.h"

#include <modemu/memory.h>

#define PCI_CONFIG_ADDRESS 0xcf8
#define PCI_CONFIG_DATA    0xcfc

static uint32_t machine_in(void *opaque, uint16_t port, unsigned size)
{
    uint64_t value = ~UINT64_C(0);
    mm_as_read(mm_machine_io_space(), port, size, &value);
    return (uint32_t)value;
}

static void machine_out(void *opaque, uint16_t port, unsigned size, uint32_t value)
{
    mm_as_write(mm_machine_io_space(), port, size, value);
}

mm_boot_io mm_boot_io_of_machine(void)
{
    return (mm_boot_io){ .in = machine_in, .out = machine_out, .opaque = NULL };
}

static void select_register(const mm_boot_io *io, unsigned devfn, unsigned reg)
{
    io->out(io->opaque, PCI_CONFIG_ADDRESS, 4, 0x80000000u | (devfn & 0xff) << 8 | (reg & 0xfc));
}

uint32_t mm_pci_cfg_read(const mm_boot_io *io, unsigned devfn, unsigned reg, unsigned size)
{
    select_register(io, devfn, reg);
    return io->in(io->opaque, (uint16_t)(PCI_CONFIG_DATA + (reg & 3)), size);
}

void mm_pci_cfg_write(const mm_boot_io *io, unsigned devfn, unsigned reg, unsigned size,
                      uint32_t value)
{
    select_register(io, devfn, reg);
    io->out(io->opaque, (uint16_t)(PCI_CONFIG_DATA + (reg & 3)), size, value);
}
