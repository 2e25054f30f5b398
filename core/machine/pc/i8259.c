/*
 * The cascaded 8259A pair (master at 0x20, slave at 0xA0 on master IRQ2)
 * with the PIIX edge/level control registers (ELCR) at 0x4D0/0x4D1.
 *
 * Facts from the 8259A datasheet: ICW1..ICW4 initialisation sequence,
 * OCW2 EOI/rotation commands, OCW3 register select, poll and special mask
 * mode; fixed priority rotated by priority_add.
 */
#include <string.h>
#include <glib.h>
#include <modemu/irq.h>
#include <modemu/isa.h>
#include <modemu/log.h>
#include <modemu/machine.h>

#include "machine/pc/pic.h"
#include "object/core_types.h"

#define PIC_CASCADE_IRQ 2

typedef struct pic_chip {
    uint8_t last_irr;       /* input levels seen, for edge detection */
    uint8_t irr, imr, isr;
    uint8_t priority_add;   /* the highest-priority input */
    uint8_t irq_base;
    bool read_isr, poll, special_mask, auto_eoi, rotate_on_auto_eoi;
    bool special_fully_nested, init4, single_mode;
    uint8_t init_state;     /* 0 = ready, 1..3 = expecting ICW2..ICW4 */
    uint8_t elcr, elcr_mask;
    bool is_master;
} pic_chip;

typedef struct mm_i8259 {
    mm_isa_device parent;
    pic_chip chips[2];      /* 0 master, 1 slave */
    mm_memory_region *io[2], *elcr_io[2];
    mm_pic_intr_fn intr_fn;
    void *intr_opaque;
    int intr_level;
} mm_i8259;

static mm_i8259 *board_pic;

static int pic_priority_of(const pic_chip *c, uint8_t mask)
{
    if (!mask)
        return 8;
    int priority = 0;
    while (!(mask & (1 << ((priority + c->priority_add) & 7))))
        priority++;
    return priority;
}

/* The input the chip would present, or -1. */
static int pic_pending_irq(const pic_chip *c)
{
    int priority = pic_priority_of(c, c->irr & ~c->imr);
    if (priority == 8)
        return -1;
    uint8_t in_service = c->isr;
    if (c->special_mask)
        in_service &= ~c->imr;
    /* Special fully nested: the cascade input may interrupt its own ISR. */
    if (c->special_fully_nested && c->is_master)
        in_service &= ~(1 << PIC_CASCADE_IRQ);
    if (priority < pic_priority_of(c, in_service))
        return (priority + c->priority_add) & 7;
    return -1;
}

static void pic_chip_set_input(pic_chip *c, int irq, int level);

static void pic_update(mm_i8259 *s)
{
    pic_chip_set_input(&s->chips[0], PIC_CASCADE_IRQ, pic_pending_irq(&s->chips[1]) >= 0);
    int level = pic_pending_irq(&s->chips[0]) >= 0;
    if (level != s->intr_level) {
        s->intr_level = level;
        if (s->intr_fn)
            s->intr_fn(s->intr_opaque, level);
    }
}

static void pic_chip_set_input(pic_chip *c, int irq, int level)
{
    uint8_t mask = 1 << irq;
    if (c->elcr & mask) {
        /* Level-triggered: IRR follows the line. */
        if (level) {
            c->irr |= mask;
            c->last_irr |= mask;
        } else {
            c->irr &= ~mask;
            c->last_irr &= ~mask;
        }
        return;
    }
    if (level) {
        if (!(c->last_irr & mask))
            c->irr |= mask;
        c->last_irr |= mask;
    } else {
        c->last_irr &= ~mask;
    }
}

static void pic_set_irq(void *opaque, int n, int level)
{
    mm_i8259 *s = opaque;
    if (n < 0 || n >= 16 || n == PIC_CASCADE_IRQ)
        return;
    pic_chip_set_input(&s->chips[n >> 3], n & 7, level);
    pic_update(s);
}

static void pic_intack(pic_chip *c, int irq)
{
    if (c->auto_eoi) {
        if (c->rotate_on_auto_eoi)
            c->priority_add = (irq + 1) & 7;
    } else {
        c->isr |= 1 << irq;
    }
    /* An edge request is consumed by the acknowledge; a level one stays. */
    if (!(c->elcr & (1 << irq)))
        c->irr &= ~(1 << irq);
}

int mm_pic_acknowledge(void)
{
    mm_i8259 *s = board_pic;
    if (!s)
        return -1;
    pic_chip *master = &s->chips[0], *slave = &s->chips[1];
    int irq = pic_pending_irq(master);
    int vector;
    if (irq < 0) {
        /* The request vanished before INTA: spurious IRQ7. */
        vector = master->irq_base + 7;
    } else if (irq == PIC_CASCADE_IRQ) {
        int irq2 = pic_pending_irq(slave);
        if (irq2 >= 0)
            pic_intack(slave, irq2);
        else
            irq2 = 7;
        vector = slave->irq_base + irq2;
        pic_intack(master, irq);
    } else {
        vector = master->irq_base + irq;
        pic_intack(master, irq);
    }
    pic_update(s);
    return vector;
}

void mm_pic_connect_intr(mm_pic_intr_fn fn, void *opaque)
{
    if (!board_pic)
        return;
    board_pic->intr_fn = fn;
    board_pic->intr_opaque = opaque;
    if (fn)
        fn(opaque, board_pic->intr_level);
}

bool mm_pic_intr_pending(void)
{
    return board_pic && board_pic->intr_level;
}

/* ICW1 restarts initialisation; the ELCR is a PIIX register and survives. */
static void pic_init_reset(pic_chip *c)
{
    uint8_t elcr = c->elcr, elcr_mask = c->elcr_mask;
    bool is_master = c->is_master;
    memset(c, 0, sizeof(*c));
    c->elcr = elcr;
    c->elcr_mask = elcr_mask;
    c->is_master = is_master;
}

static void pic_write_ocw2(pic_chip *c, uint8_t val)
{
    int cmd = val >> 5;
    int irq;
    switch (cmd) {
    case 0: /* rotate in auto-EOI mode: clear */
    case 4: /* rotate in auto-EOI mode: set */
        c->rotate_on_auto_eoi = cmd >> 2;
        break;
    case 1: /* non-specific EOI */
    case 5: { /* rotate on non-specific EOI */
        int priority = pic_priority_of(c, c->isr);
        if (priority == 8)
            break;
        irq = (priority + c->priority_add) & 7;
        c->isr &= ~(1 << irq);
        if (cmd == 5)
            c->priority_add = (irq + 1) & 7;
        break;
    }
    case 3: /* specific EOI */
        c->isr &= ~(1 << (val & 7));
        break;
    case 6: /* set priority: val&7 becomes the lowest */
        c->priority_add = (val + 1) & 7;
        break;
    case 7: /* rotate on specific EOI */
        irq = val & 7;
        c->isr &= ~(1 << irq);
        c->priority_add = (irq + 1) & 7;
        break;
    default: /* 2: no operation */
        break;
    }
}

static void pic_write_command(pic_chip *c, uint8_t val)
{
    if (val & 0x10) {
        pic_init_reset(c);
        c->init_state = 1;
        c->init4 = val & 1;
        c->single_mode = val & 2;
        if (val & 0x08)
            mm_log(MM_LOG_UNIMP, "i8259: level-sensitive ICW1 (LTIM) not supported, use ELCR\n");
    } else if (val & 0x08) {
        if (val & 0x04)
            c->poll = true;
        if (val & 0x02)
            c->read_isr = val & 1;
        if (val & 0x40)
            c->special_mask = (val >> 5) & 1;
    } else {
        pic_write_ocw2(c, val);
    }
}

static void pic_write_data(pic_chip *c, uint8_t val)
{
    switch (c->init_state) {
    case 0:
        c->imr = val;
        break;
    case 1:
        c->irq_base = val & 0xf8;
        c->init_state = c->single_mode ? (c->init4 ? 3 : 0) : 2;
        break;
    case 2: /* ICW3: cascade wiring is fixed on a PC */
        c->init_state = c->init4 ? 3 : 0;
        break;
    default: /* ICW4 */
        c->special_fully_nested = (val >> 4) & 1;
        c->auto_eoi = (val >> 1) & 1;
        c->init_state = 0;
        break;
    }
}

static uint8_t pic_poll_read(mm_i8259 *s, pic_chip *c)
{
    int irq = pic_pending_irq(c);
    c->poll = false;
    if (irq < 0)
        return 0;
    pic_intack(c, irq);
    pic_update(s);
    return irq | 0x80;
}

static uint64_t pic_io_read(void *opaque, uint64_t offset, unsigned size)
{
    pic_chip *c = opaque;
    mm_i8259 *s = board_pic;
    if (c->poll)
        return pic_poll_read(s, c);
    if (offset == 0)
        return c->read_isr ? c->isr : c->irr;
    return c->imr;
}

static void pic_io_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    pic_chip *c = opaque;
    if (offset == 0)
        pic_write_command(c, value);
    else
        pic_write_data(c, value);
    pic_update(board_pic);
}

static uint64_t elcr_read(void *opaque, uint64_t offset, unsigned size)
{
    return ((pic_chip *)opaque)->elcr;
}

static void elcr_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    pic_chip *c = opaque;
    c->elcr = value & c->elcr_mask;
    pic_update(board_pic);
}

static const mm_region_ops pic_ops = {
    .read = pic_io_read,
    .write = pic_io_write,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

static const mm_region_ops elcr_ops = {
    .read = elcr_read,
    .write = elcr_write,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

static void pic_reset(void *opaque)
{
    mm_i8259 *s = opaque;
    for (int i = 0; i < 2; i++) {
        s->chips[i].elcr = 0;
        pic_init_reset(&s->chips[i]);
    }
    pic_update(s);
}

static bool pic_realize(mm_object *obj, mm_error **errp)
{
    mm_i8259 *s = (mm_i8259 *)obj;
    static const uint16_t ports[2] = { 0x20, 0xa0 };
    static const uint8_t elcr_masks[2] = { 0xf8, 0xde };
    for (int i = 0; i < 2; i++) {
        s->chips[i].is_master = i == 0;
        s->chips[i].elcr_mask = elcr_masks[i];
        s->io[i] = mm_region_new_io(obj, i ? "pic-slave" : "pic-master", 2, &pic_ops,
                                    &s->chips[i]);
        s->elcr_io[i] = mm_region_new_io(obj, "elcr", 1, &elcr_ops, &s->chips[i]);
        mm_isa_register_ioport(&s->parent, s->io[i], ports[i]);
        mm_isa_register_ioport(&s->parent, s->elcr_io[i], 0x4d0 + i);
    }
    mm_gpio_in_init(obj, NULL, pic_set_irq, s, 16);
    board_pic = s;
    pic_reset(s);
    mm_machine_register_reset(pic_reset, s);
    return true;
}

static void pic_unrealize(mm_object *obj)
{
    mm_i8259 *s = (mm_i8259 *)obj;
    mm_machine_unregister_reset(pic_reset, s);
    for (int i = 0; i < 2; i++) {
        mm_isa_unregister_ioport(&s->parent, s->io[i]);
        mm_isa_unregister_ioport(&s->parent, s->elcr_io[i]);
        mm_region_free(s->io[i]);
        mm_region_free(s->elcr_io[i]);
    }
    if (board_pic == s)
        board_pic = NULL;
}

static const mm_type_info i8259_info = {
    .name = MM_TYPE_I8259,
    .parent = MM_TYPE_ISA_DEVICE,
    .description = "Cascaded 8259A programmable interrupt controllers with ELCR",
    .category = "misc",
    .instance_size = sizeof(mm_i8259),
    .realize = pic_realize,
    .unrealize = pic_unrealize,
};
MM_CORE_TYPE_REGISTER(i8259_info);
