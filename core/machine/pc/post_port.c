/*
 * Port 0x80, the POST code / I/O delay port: Linux and BIOSes write to it
 * for short delays.  Writes are accepted silently (not logged as
 * unassigned); reads return all ones.
 */
#include <modemu/isa.h>

#include "object/core_types.h"

typedef struct mm_post_port {
    mm_isa_device parent;
    mm_memory_region *io;
} mm_post_port;

static uint64_t post_port_read(void *opaque, uint64_t offset, unsigned size)
{
    return 0xff;
}

static void post_port_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
}

static const mm_region_ops post_port_ops = {
    .read = post_port_read,
    .write = post_port_write,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

static bool post_port_realize(mm_object *obj, mm_error **errp)
{
    mm_post_port *s = (mm_post_port *)obj;
    s->io = mm_region_new_io(obj, "ioport80", 1, &post_port_ops, s);
    mm_isa_register_ioport(&s->parent, s->io, 0x80);
    return true;
}

static const mm_type_info post_port_info = {
    .name = "port80",
    .parent = MM_TYPE_ISA_DEVICE,
    .description = "POST/delay port 0x80",
    .category = "misc",
    .instance_size = sizeof(mm_post_port),
    .realize = post_port_realize,
};
MM_CORE_TYPE_REGISTER(post_port_info);
