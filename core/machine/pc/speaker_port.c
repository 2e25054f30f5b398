/*
 * Port 0x61 (NMI status and control, "PC speaker" port): bit 0 gates PIT
 * channel 2, bit 1 enables the speaker data, bit 4 toggles with the DRAM
 * refresh (BIOS delay loops poll it), bit 5 reads channel 2's OUT.
 * No sound is produced: the speaker has no audio backend yet.
 */
#include <modemu/event.h>
#include <modemu/isa.h>
#include <modemu/machine.h>

#include "machine/pc/pit.h"
#include "object/core_types.h"

#define SPK_GATE 0x01
#define SPK_DATA 0x02
#define SPK_REFRESH 0x10
#define SPK_OUT2 0x20
/* DRAM refresh request period of a PC: 15.085 us. */
#define REFRESH_PERIOD_NS 15085

typedef struct mm_speaker_port {
    mm_isa_device parent;
    mm_memory_region *io;
    bool data_on;
} mm_speaker_port;

static uint64_t speaker_read(void *opaque, uint64_t offset, unsigned size)
{
    mm_speaker_port *s = opaque;
    bool refresh = (mm_clock_get_ns(MM_CLOCK_VIRTUAL) / REFRESH_PERIOD_NS) & 1;
    return (mm_pit_get_gate(2) ? SPK_GATE : 0) | (s->data_on ? SPK_DATA : 0) |
           (refresh ? SPK_REFRESH : 0) | (mm_pit_get_out(2) ? SPK_OUT2 : 0);
}

static void speaker_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    mm_speaker_port *s = opaque;
    s->data_on = value & SPK_DATA;
    mm_pit_set_gate(2, value & SPK_GATE);
}

static const mm_region_ops speaker_ops = {
    .read = speaker_read,
    .write = speaker_write,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

static void speaker_reset(void *opaque)
{
    ((mm_speaker_port *)opaque)->data_on = false;
}

static bool speaker_realize(mm_object *obj, mm_error **errp)
{
    mm_speaker_port *s = (mm_speaker_port *)obj;
    s->io = mm_region_new_io(obj, "pcspk", 1, &speaker_ops, s);
    mm_isa_register_ioport(&s->parent, s->io, 0x61);
    mm_machine_register_reset(speaker_reset, s);
    return true;
}

static const mm_type_info speaker_port_info = {
    .name = "pcspk-port",
    .parent = MM_TYPE_ISA_DEVICE,
    .description = "Port 0x61: PIT channel 2 gate and speaker control",
    .category = "misc",
    .instance_size = sizeof(mm_speaker_port),
    .realize = speaker_realize,
};
MM_CORE_TYPE_REGISTER(speaker_port_info);
