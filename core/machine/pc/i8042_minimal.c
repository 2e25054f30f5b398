/*
 * A minimal 8042 keyboard controller at 0x60/0x64 for boards without the
 * PS/2 plugin: the controller commands firmware and kernels use to reset
 * the machine and gate A20, with no keyboard or mouse behind it.  The board
 * creates this only when no "i8042" device type is available (the seam for
 * the real PS/2 controller, which is separate work).
 *
 * Commands (8042 data sheet / IBM AT reference): 0x20 read and 0x60 write
 * the command byte, 0xAA self test (0x55), 0xAB interface test (0x00),
 * 0xAD/0xAE keyboard disable/enable, 0xD0/0xD1 read/write the output port
 * (bit 0 system reset, active low; bit 1 A20), 0xDD/0xDF A20 off/on,
 * 0xF0-0xFF pulse output lines (even values pulse reset; 0xFE is the
 * classic reset).
 */
#include <modemu/isa.h>
#include <modemu/log.h>
#include <modemu/machine.h>

#include "machine/pc/a20.h"
#include "object/core_types.h"

#define STAT_OBF 0x01
#define STAT_SYS 0x04
#define STAT_CMD 0x08
#define STAT_UNLOCKED 0x10
#define STAT_TIMEOUT 0x40
#define OUT_RESET 0x01   /* 0 = assert system reset */
#define OUT_A20 0x02
#define CMDBYTE_SYS 0x04
#define CMDBYTE_KBD_DISABLED 0x10

typedef struct mm_i8042_minimal {
    mm_isa_device parent;
    mm_memory_region *data_io, *cmd_io;
    uint8_t status, command_byte, outport;
    uint8_t pending_write;   /* controller command awaiting its data byte, 0 = none */
    uint8_t out_byte;
} mm_i8042_minimal;

static void kbc_queue(mm_i8042_minimal *s, uint8_t byte)
{
    s->out_byte = byte;
    s->status |= STAT_OBF;
}

static void kbc_write_outport(mm_i8042_minimal *s, uint8_t value)
{
    s->outport = value;
    mm_a20_set(value & OUT_A20);
    if (!(value & OUT_RESET))
        mm_machine_request_reset(MM_SHUTDOWN_GUEST_RESET);
}

static void kbc_command(mm_i8042_minimal *s, uint8_t cmd)
{
    if (cmd >= 0xf0)
        cmd = (cmd & 1) ? 0xff : 0xfe;   /* even: pulse reset */
    switch (cmd) {
    case 0x20: kbc_queue(s, s->command_byte); break;
    case 0x60: case 0xd1: s->pending_write = cmd; break;
    case 0xaa: s->status |= STAT_SYS; kbc_queue(s, 0x55); break;
    case 0xab: kbc_queue(s, 0x00); break;
    case 0xad: s->command_byte |= CMDBYTE_KBD_DISABLED; break;
    case 0xae: s->command_byte &= ~CMDBYTE_KBD_DISABLED; break;
    case 0xd0: kbc_queue(s, s->outport); break;
    case 0xdd: kbc_write_outport(s, s->outport & ~OUT_A20); break;
    case 0xdf: kbc_write_outport(s, s->outport | OUT_A20); break;
    case 0xfe: mm_machine_request_reset(MM_SHUTDOWN_GUEST_RESET); break;
    case 0xff: break;
    default:
        mm_log(MM_LOG_UNIMP, "i8042: controller command 0x%02x not supported "
               "(no PS/2 controller plugin)\n", cmd);
        break;
    }
}

static void kbc_data(mm_i8042_minimal *s, uint8_t value)
{
    uint8_t cmd = s->pending_write;
    s->pending_write = 0;
    if (cmd == 0x60) {
        s->command_byte = value;
        s->status = (s->status & ~STAT_SYS) | (value & CMDBYTE_SYS);
    } else if (cmd == 0xd1) {
        kbc_write_outport(s, value);
    } else {
        /* A byte for the keyboard: nothing is attached, so the controller
         * answers with a timeout and the 0xFE an absent device leaves
         * (firmware gives up at once instead of waiting for an ACK). */
        mm_log(MM_LOG_UNIMP, "i8042: no keyboard attached, byte 0x%02x dropped\n", value);
        s->status |= STAT_TIMEOUT;
        kbc_queue(s, 0xfe);
    }
}

static uint64_t kbc_read(void *opaque, uint64_t offset, unsigned size)
{
    mm_i8042_minimal *s = opaque;
    if (offset == 4)
        return s->status;
    s->status &= ~(STAT_OBF | STAT_TIMEOUT);
    return s->out_byte;
}

static void kbc_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    mm_i8042_minimal *s = opaque;
    if (offset == 4) {
        s->status |= STAT_CMD;
        kbc_command(s, value);
    } else {
        s->status &= ~STAT_CMD;
        kbc_data(s, value);
    }
}

static uint64_t kbc_data_read(void *opaque, uint64_t offset, unsigned size)
{
    return kbc_read(opaque, 0, size);
}

static void kbc_data_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    kbc_write(opaque, 0, value, size);
}

static uint64_t kbc_cmd_read(void *opaque, uint64_t offset, unsigned size)
{
    return kbc_read(opaque, 4, size);
}

static void kbc_cmd_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    kbc_write(opaque, 4, value, size);
}

static const mm_region_ops kbc_data_ops = {
    .read = kbc_data_read,
    .write = kbc_data_write,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

static const mm_region_ops kbc_cmd_ops = {
    .read = kbc_cmd_read,
    .write = kbc_cmd_write,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

static void kbc_reset(void *opaque)
{
    mm_i8042_minimal *s = opaque;
    s->status = STAT_CMD | STAT_UNLOCKED;
    s->command_byte = 0;
    s->outport = OUT_RESET | OUT_A20;
    s->pending_write = 0;
    s->out_byte = 0;
}

static bool kbc_realize(mm_object *obj, mm_error **errp)
{
    mm_i8042_minimal *s = (mm_i8042_minimal *)obj;
    s->data_io = mm_region_new_io(obj, "i8042-data", 1, &kbc_data_ops, s);
    s->cmd_io = mm_region_new_io(obj, "i8042-cmd", 1, &kbc_cmd_ops, s);
    mm_isa_register_ioport(&s->parent, s->data_io, 0x60);
    mm_isa_register_ioport(&s->parent, s->cmd_io, 0x64);
    kbc_reset(s);
    mm_machine_register_reset(kbc_reset, s);
    return true;
}

static const mm_type_info i8042_minimal_info = {
    .name = "i8042-minimal",
    .parent = MM_TYPE_ISA_DEVICE,
    .description = "8042 controller commands only (reset, A20), no PS/2 devices",
    .category = "misc",
    .instance_size = sizeof(mm_i8042_minimal),
    .realize = kbc_realize,
};
MM_CORE_TYPE_REGISTER(i8042_minimal_info);
