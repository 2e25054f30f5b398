/*
 * The 82093AA I/O APIC at 0xFEC00000 as QEMU's pc presents it: ID 0,
 * version 0x20 (with the EOI register at +0x40), 24 pins.  ISA IRQ n drives
 * pin n, except IRQ0 which the board's interrupt-source override sends to
 * pin 2.  Redirections are delivered as MSI-format messages on the APIC bus.
 */
#include <string.h>
#include <glib.h>
#include <modemu/irq.h>
#include <modemu/isa.h>
#include <modemu/log.h>
#include <modemu/machine.h>

#include "machine/pc/apic_bus.h"
#include "machine/pc/ioapic.h"
#include "machine/pc/pic.h"
#include "object/core_types.h"

#define IOAPIC_VERSION 0x20
#define IOAPIC_REG_SELECT 0x00
#define IOAPIC_REG_WINDOW 0x10
#define IOAPIC_REG_EOI 0x40
#define IOAPIC_MMIO_SIZE 0x1000

#define IOAPIC_INDEX_ID 0x00
#define IOAPIC_INDEX_VERSION 0x01
#define IOAPIC_INDEX_ARB 0x02
#define IOAPIC_INDEX_REDTBL 0x10

#define RTE_VECTOR_MASK 0xffull
#define RTE_DELIVERY_SHIFT 8
#define RTE_DELIVERY_MASK (7ull << RTE_DELIVERY_SHIFT)
#define RTE_DEST_MODE (1ull << 11)
#define RTE_DELIVERY_STATUS (1ull << 12)
#define RTE_POLARITY (1ull << 13)
#define RTE_REMOTE_IRR (1ull << 14)
#define RTE_TRIGGER_LEVEL (1ull << 15)
#define RTE_MASKED (1ull << 16)
#define RTE_DEST_SHIFT 56
/* Bits the guest cannot write. */
#define RTE_RO_BITS (RTE_DELIVERY_STATUS | RTE_REMOTE_IRR)

#define DELIVERY_EXTINT 7
#define MSI_DATA_TRIGGER_LEVEL (1u << 15)
#define MSI_DATA_LEVEL_ASSERT (1u << 14)

typedef struct mm_ioapic {
    mm_isa_device parent;
    uint8_t id;
    uint8_t ioregsel;
    uint32_t irr;                 /* pins requesting service */
    uint64_t rte[MM_IOAPIC_NUM_PINS];
    mm_memory_region *mmio;
} mm_ioapic;

static mm_ioapic *board_ioapic;

static void ioapic_deliver(mm_ioapic *s, int pin)
{
    uint64_t rte = s->rte[pin];
    unsigned delivery = (rte & RTE_DELIVERY_MASK) >> RTE_DELIVERY_SHIFT;
    uint32_t vector = rte & RTE_VECTOR_MASK;
    if (delivery == DELIVERY_EXTINT) {
        /* The 8259 supplies the vector for ExtINT redirections. */
        int pic_vector = mm_pic_acknowledge();
        vector = pic_vector < 0 ? 0 : (uint32_t)pic_vector;
    }
    uint64_t addr = MM_APIC_MSI_ADDR_BASE | ((rte >> RTE_DEST_SHIFT) & 0xff) << 12;
    if (rte & RTE_DEST_MODE)
        addr |= 1 << 2;
    uint32_t data = vector | delivery << 8 | MSI_DATA_LEVEL_ASSERT;
    if (rte & RTE_TRIGGER_LEVEL)
        data |= MSI_DATA_TRIGGER_LEVEL;
    mm_apic_deliver_msi(addr, data);
}

static void ioapic_service(mm_ioapic *s)
{
    for (int pin = 0; pin < MM_IOAPIC_NUM_PINS; pin++) {
        uint32_t mask = 1u << pin;
        uint64_t *rte = &s->rte[pin];
        if (!(s->irr & mask) || (*rte & RTE_MASKED))
            continue;
        if (*rte & RTE_TRIGGER_LEVEL) {
            if (*rte & RTE_REMOTE_IRR)
                continue;
            *rte |= RTE_REMOTE_IRR;
        } else {
            s->irr &= ~mask;
        }
        ioapic_deliver(s, pin);
    }
}

static void ioapic_set_irq(void *opaque, int n, int level)
{
    mm_ioapic *s = opaque;
    /* Interrupt-source override: the PIT's IRQ0 arrives on pin 2. */
    int pin = n == 0 ? 2 : n;
    if (pin < 0 || pin >= MM_IOAPIC_NUM_PINS)
        return;
    uint32_t mask = 1u << pin;
    uint64_t rte = s->rte[pin];
    if (rte & RTE_TRIGGER_LEVEL) {
        if (level) {
            s->irr |= mask;
            if (!(rte & RTE_REMOTE_IRR))
                ioapic_service(s);
        } else {
            s->irr &= ~mask;
        }
    } else if (level && !(rte & RTE_MASKED)) {
        /* 82093AA: edge requests on a masked pin are ignored. */
        s->irr |= mask;
        ioapic_service(s);
    }
}

static void ioapic_eoi(mm_ioapic *s, uint8_t vector)
{
    for (int pin = 0; pin < MM_IOAPIC_NUM_PINS; pin++) {
        uint64_t *rte = &s->rte[pin];
        if ((*rte & RTE_VECTOR_MASK) != vector || !(*rte & RTE_TRIGGER_LEVEL) ||
            !(*rte & RTE_REMOTE_IRR))
            continue;
        *rte &= ~RTE_REMOTE_IRR;
        if (s->irr & (1u << pin))
            ioapic_service(s);
    }
}

void mm_ioapic_eoi_broadcast(uint8_t vector)
{
    if (board_ioapic)
        ioapic_eoi(board_ioapic, vector);
}

static uint32_t ioapic_read_indirect(mm_ioapic *s)
{
    uint8_t index = s->ioregsel;
    switch (index) {
    case IOAPIC_INDEX_ID:
    case IOAPIC_INDEX_ARB:
        return (uint32_t)(s->id & 0xf) << 24;
    case IOAPIC_INDEX_VERSION:
        return IOAPIC_VERSION | (MM_IOAPIC_NUM_PINS - 1) << 16;
    default:
        break;
    }
    int pin = (index - IOAPIC_INDEX_REDTBL) >> 1;
    if (index < IOAPIC_INDEX_REDTBL || pin >= MM_IOAPIC_NUM_PINS)
        return 0xffffffff;
    return index & 1 ? s->rte[pin] >> 32 : (uint32_t)s->rte[pin];
}

static void ioapic_write_rte(mm_ioapic *s, int pin, bool high, uint32_t value)
{
    uint64_t *rte = &s->rte[pin];
    uint64_t ro = *rte & RTE_RO_BITS;
    if (high)
        *rte = (*rte & 0xffffffffull) | (uint64_t)value << 32;
    else
        *rte = (*rte & ~0xffffffffull) | value;
    *rte = (*rte & ~RTE_RO_BITS) | ro;
    /* Remote IRR only has meaning for level-triggered pins. */
    if (!(*rte & RTE_TRIGGER_LEVEL))
        *rte &= ~RTE_REMOTE_IRR;
    ioapic_service(s);
}

static void ioapic_write_indirect(mm_ioapic *s, uint32_t value)
{
    uint8_t index = s->ioregsel;
    if (index == IOAPIC_INDEX_ID) {
        s->id = (value >> 24) & 0xf;
        return;
    }
    int pin = (index - IOAPIC_INDEX_REDTBL) >> 1;
    if (index < IOAPIC_INDEX_REDTBL || pin >= MM_IOAPIC_NUM_PINS) {
        mm_log(MM_LOG_GUEST_ERROR, "ioapic: write to read-only/unknown index 0x%x\n", index);
        return;
    }
    ioapic_write_rte(s, pin, index & 1, value);
}

static uint64_t ioapic_mmio_read(void *opaque, uint64_t offset, unsigned size)
{
    mm_ioapic *s = opaque;
    switch (offset) {
    case IOAPIC_REG_SELECT:
        return s->ioregsel;
    case IOAPIC_REG_WINDOW:
        return ioapic_read_indirect(s);
    default:
        return 0;
    }
}

static void ioapic_mmio_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    mm_ioapic *s = opaque;
    switch (offset) {
    case IOAPIC_REG_SELECT:
        s->ioregsel = value;
        break;
    case IOAPIC_REG_WINDOW:
        ioapic_write_indirect(s, value);
        break;
    case IOAPIC_REG_EOI:
        ioapic_eoi(s, value);
        break;
    default:
        mm_log(MM_LOG_GUEST_ERROR, "ioapic: write to offset 0x%x\n", (unsigned)offset);
        break;
    }
}

static const mm_region_ops ioapic_ops = {
    .read = ioapic_mmio_read,
    .write = ioapic_mmio_write,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static void ioapic_reset(void *opaque)
{
    mm_ioapic *s = opaque;
    s->id = 0;
    s->ioregsel = 0;
    s->irr = 0;
    for (int pin = 0; pin < MM_IOAPIC_NUM_PINS; pin++)
        s->rte[pin] = RTE_MASKED;
}

static bool ioapic_realize(mm_object *obj, mm_error **errp)
{
    mm_ioapic *s = (mm_ioapic *)obj;
    s->mmio = mm_region_new_io(obj, "ioapic", IOAPIC_MMIO_SIZE, &ioapic_ops, s);
    mm_region_add_subregion(mm_address_space_root(mm_machine_memory_space()), MM_IOAPIC_BASE,
                            s->mmio, 1);
    mm_gpio_in_init(obj, NULL, ioapic_set_irq, s, MM_IOAPIC_NUM_PINS);
    ioapic_reset(s);
    mm_machine_register_reset(ioapic_reset, s);
    board_ioapic = s;
    return true;
}

static void ioapic_unrealize(mm_object *obj)
{
    mm_ioapic *s = (mm_ioapic *)obj;
    mm_machine_unregister_reset(ioapic_reset, s);
    mm_region_del_subregion(mm_address_space_root(mm_machine_memory_space()), s->mmio);
    mm_region_free(s->mmio);
    if (board_ioapic == s)
        board_ioapic = NULL;
}

static const mm_type_info ioapic_info = {
    .name = MM_TYPE_IOAPIC,
    .parent = MM_TYPE_ISA_DEVICE,
    .description = "82093AA I/O APIC (24 pins, version 0x20)",
    .category = "misc",
    .instance_size = sizeof(mm_ioapic),
    .realize = ioapic_realize,
    .unrealize = ioapic_unrealize,
};
MM_CORE_TYPE_REGISTER(ioapic_info);
