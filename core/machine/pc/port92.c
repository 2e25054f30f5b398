/*
 * Port 0x92, system control port A: bit 1 drives A20, a 0->1 transition of
 * bit 0 resets the system.  Reads return the port's own latch (0 at power-on,
 * while A20 is already enabled by the CPU's reset state), as on QEMU's pc:
 * firmware written against QEMU sees the same values.
 */
#include <modemu/isa.h>
#include <modemu/machine.h>

#include "machine/pc/a20.h"
#include "object/core_types.h"

#define PORT92_RESET 0x01
#define PORT92_A20 0x02

typedef struct mm_port92 {
    mm_isa_device parent;
    mm_memory_region *io;
    uint8_t value;
} mm_port92;

static uint64_t port92_read(void *opaque, uint64_t offset, unsigned size)
{
    mm_port92 *s = opaque;
    return s->value;
}

static void port92_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    mm_port92 *s = opaque;
    uint8_t old = s->value;
    s->value = value & ~PORT92_RESET;
    mm_a20_set(value & PORT92_A20);
    if ((value & PORT92_RESET) && !(old & PORT92_RESET))
        mm_machine_request_reset(MM_SHUTDOWN_GUEST_RESET);
}

static const mm_region_ops port92_ops = {
    .read = port92_read,
    .write = port92_write,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

static void port92_reset(void *opaque)
{
    mm_port92 *s = opaque;
    s->value &= ~PORT92_RESET;
}

static bool port92_realize(mm_object *obj, mm_error **errp)
{
    mm_port92 *s = (mm_port92 *)obj;
    s->io = mm_region_new_io(obj, "port92", 1, &port92_ops, s);
    mm_isa_register_ioport(&s->parent, s->io, 0x92);
    mm_machine_register_reset(port92_reset, s);
    return true;
}

static const mm_type_info port92_info = {
    .name = "port92",
    .parent = MM_TYPE_ISA_DEVICE,
    .description = "System control port A (A20 gate, fast reset)",
    .category = "misc",
    .instance_size = sizeof(mm_port92),
    .realize = port92_realize,
};
MM_CORE_TYPE_REGISTER(port92_info);
