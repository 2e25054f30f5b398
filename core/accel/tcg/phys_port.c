/*
 * The software CPU's view of the machine: guest RAM through the memory
 * API's flat view (host pointers for whole RAM pages), everything else
 * through mm_as_read/mm_as_write of the memory and I/O address spaces.
 */
#include <modemu/event.h>
#include <modemu/machine.h>
#include <modemu/memory.h>

#include "accel/tcg/phys_port.h"

static uint8_t *port_ram_page(void *opaque, uint64_t paddr, bool *writable)
{
    uint64_t page = paddr & ~0xfffull;
    const mm_flat_range *r = mm_as_find(mm_machine_memory_space(), page);
    if (!r || !r->host || page < r->start || page + 4096 > r->start + r->size)
        return NULL;   /* MMIO, unassigned, or RAM not covering the whole page */
    *writable = !r->readonly;
    return r->host + (page - r->start);
}

static uint64_t port_mmio_read(void *opaque, uint64_t paddr, unsigned size)
{
    uint64_t value = ~0ull;
    mm_as_read(mm_machine_memory_space(), paddr, size, &value);
    return value;
}

static void port_mmio_write(void *opaque, uint64_t paddr, unsigned size, uint64_t value)
{
    mm_as_write(mm_machine_memory_space(), paddr, size, value);
}

static uint64_t port_io_in(void *opaque, uint16_t port, unsigned size)
{
    uint64_t value = ~0ull;
    mm_as_read(mm_machine_io_space(), port, size, &value);
    return value;
}

static void port_io_out(void *opaque, uint16_t port, unsigned size, uint64_t value)
{
    mm_as_write(mm_machine_io_space(), port, size, value);
}

static uint64_t port_generation(void *opaque)
{
    return mm_address_space_generation(mm_machine_memory_space());
}

static int64_t port_clock(void *opaque)
{
    return mm_clock_get_ns(MM_CLOCK_VIRTUAL);
}

static void port_reset(void *opaque)
{
    mm_machine_request_reset(MM_SHUTDOWN_GUEST_RESET);
}

const tcg_phys_ops tcg_machine_phys_ops = {
    .ram_page = port_ram_page,
    .mmio_read = port_mmio_read,
    .mmio_write = port_mmio_write,
    .io_in = port_io_in,
    .io_out = port_io_out,
    .generation = port_generation,
    .clock_ns = port_clock,
    .request_reset = port_reset,
};
