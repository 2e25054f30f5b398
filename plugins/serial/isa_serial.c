/*
 * "isa-serial": a 16550A on the ISA bus, COM1..COM4 by default
 * (index 0..3: 0x3F8/IRQ4, 0x2F8/IRQ3, 0x3E8/IRQ4, 0x2E8/IRQ3), connected to
 * a character backend (chardev=ID).
 */
#include <stddef.h>
#include <modemu/chardev.h>
#include <modemu/isa.h>
#include <modemu/machine.h>
#include <modemu/memory.h>

#include "isa_serial.h"
#include "uart16550.h"

#define MAX_DEFAULT_PORTS 4

typedef struct isa_serial {
    mm_isa_device parent;
    int64_t index, iobase, irq;
    mm_object *chardev;
    uart16550 uart;
    mm_memory_region *ports;
    bool attached;
} isa_serial;

static const uint16_t default_iobase[MAX_DEFAULT_PORTS] = { 0x3f8, 0x2f8, 0x3e8, 0x2e8 };
static const uint8_t default_irq[MAX_DEFAULT_PORTS] = { 4, 3, 4, 3 };

static uint64_t serial_port_read(void *opaque, uint64_t offset, unsigned size)
{
    isa_serial *s = opaque;
    return uart_read(&s->uart, (unsigned)offset);
}

static void serial_port_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    isa_serial *s = opaque;
    uart_write(&s->uart, (unsigned)offset, (uint8_t)value);
}

static const mm_region_ops serial_port_ops = {
    .read = serial_port_read,
    .write = serial_port_write,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static void serial_transmit(void *opaque, uint8_t byte)
{
    isa_serial *s = opaque;
    if (s->attached)
        mm_chardev_write_all((mm_chardev *)s->chardev, &byte, 1);
}

static void serial_input_room(void *opaque)
{
    isa_serial *s = opaque;
    if (s->attached)
        mm_chardev_accept_input((mm_chardev *)s->chardev);
}

static void serial_line_changed(void *opaque, int baud, int data_bits, char parity, int stop_bits)
{
    isa_serial *s = opaque;
    if (s->attached)
        mm_chardev_set_line_params((mm_chardev *)s->chardev, baud, data_bits, parity, stop_bits);
}

static int serial_can_receive(void *opaque)
{
    return uart_can_receive(&((isa_serial *)opaque)->uart);
}

static void serial_receive(void *opaque, const uint8_t *buf, int len)
{
    isa_serial *s = opaque;
    /* Never more than offered, but a misbehaving backend must not overflow. */
    int room = uart_can_receive(&s->uart);
    uart_receive(&s->uart, buf, len < room ? len : room);
}

static void serial_event(void *opaque, mm_chardev_event event)
{
    if (event == MM_CHARDEV_BREAK)
        uart_receive_break(&((isa_serial *)opaque)->uart);
}

static const mm_chardev_handlers serial_chardev_handlers = {
    .can_receive = serial_can_receive,
    .receive = serial_receive,
    .event = serial_event,
};

static void serial_reset(void *opaque)
{
    uart_reset(&((isa_serial *)opaque)->uart);
}

/* Fills iobase/irq left at -1 from the port index (COM1..COM4). */
static bool resolve_resources(isa_serial *s, mm_error **errp)
{
    if (s->index < 0)
        s->index = mm_isa_next_index("isa-serial");
    bool need_table = s->iobase < 0 || s->irq < 0;
    if (need_table && s->index >= MAX_DEFAULT_PORTS) {
        mm_error_set(errp, "Max. supported number of ISA serial ports is %d.", MAX_DEFAULT_PORTS);
        return false;
    }
    if (s->iobase < 0)
        s->iobase = default_iobase[s->index];
    if (s->irq < 0)
        s->irq = default_irq[s->index];
    return true;
}

static bool isa_serial_realize(mm_object *obj, mm_error **errp)
{
    isa_serial *s = (isa_serial *)obj;
    if (!resolve_resources(s, errp))
        return false;
    if (s->chardev &&
        !mm_chardev_attach((mm_chardev *)s->chardev, &serial_chardev_handlers, s, errp))
        return false;
    s->attached = s->chardev != NULL;
    s->uart.irq = mm_isa_get_irq((int)s->irq);
    s->uart.transmit = serial_transmit;
    s->uart.input_room_available = serial_input_room;
    s->uart.line_changed = serial_line_changed;
    s->uart.opaque = s;
    uart_init(&s->uart);
    s->ports = mm_region_new_io(obj, "serial", 8, &serial_port_ops, s);
    mm_isa_register_ioport(&s->parent, s->ports, (uint16_t)s->iobase);
    mm_machine_register_reset(serial_reset, s);
    return true;
}

static void isa_serial_unrealize(mm_object *obj)
{
    isa_serial *s = (isa_serial *)obj;
    mm_machine_unregister_reset(serial_reset, s);
    mm_isa_unregister_ioport(&s->parent, s->ports);
    mm_region_free(s->ports);
    s->ports = NULL;
    uart_destroy(&s->uart);
    if (s->attached)
        mm_chardev_detach((mm_chardev *)s->chardev, s);
    s->attached = false;
}

static const mm_property isa_serial_properties[] = {
    MM_PROP_DEFINE_INT("index", isa_serial, index, "-1", -1, 255,
                       "COM port number - 1 (default: next free)"),
    MM_PROP_DEFINE_INT("iobase", isa_serial, iobase, "-1", -1, 0xfff8,
                       "I/O base port (default: from index)"),
    MM_PROP_DEFINE_INT("irq", isa_serial, irq, "-1", -1, 15, "ISA IRQ (default: from index)"),
    MM_PROP_DEFINE_LINK("chardev", isa_serial, chardev, MM_KIND_CHARDEV,
                        "ID of a chardev to use as a backend"),
    MM_PROP_END,
};

const mm_type_info isa_serial_type = {
    .name = "isa-serial",
    .parent = MM_TYPE_ISA_DEVICE,
    .description = "16550A UART on the ISA bus (COM1..COM4)",
    .category = "input",
    .instance_size = sizeof(isa_serial),
    .user_creatable = true,
    .properties = isa_serial_properties,
    .realize = isa_serial_realize,
    .unrealize = isa_serial_unrealize,
};
