/*
 * PIIX3 function 0 (PCI 00:01.0, 8086:7000): the PCI-to-ISA bridge.
 * PIRQ route registers 0x60-0x63 (bit 7 disables, bits 3:0 the ISA IRQ)
 * steer PCI INTx onto ISA IRQ lines; the reset control register at 0xCF9
 * resets the system.  Power-on register values from the PIIX3 datasheet.
 */
#include <modemu/isa.h>
#include <modemu/machine.h>
#include <modemu/pci.h>

#include "machine/pc/piix3.h"
#include "object/core_types.h"
#include "pci/pci_host_conf1.h"
#include "pci/pci_internal.h"

#define PIIX_PIRQC 0x60
#define PIIX_NUM_PIRQS 4
#define PIRQ_DISABLED 0x80
#define PIRQ_IRQ_MASK 0x0f
#define RCR_SYS_RESET 0x02   /* hard reset type, kept */
#define RCR_RESET_CPU 0x04   /* writing 1 resets now */

typedef struct mm_piix3 {
    mm_pci_device parent;
    uint8_t pirq_levels;      /* bit n: PIRQ n asserted */
    uint16_t driven_isa_irqs; /* ISA IRQs this bridge currently holds high */
    uint8_t rcr;
} mm_piix3;

static mm_piix3 *board_piix3;

int mm_piix3_map_irq(int devfn, int pin)
{
    int slot = devfn >> 3;
    return (slot - 1 + pin) & 3;
}

/* Recomputes every ISA IRQ that PCI drives: a line is high when any
 * asserted PIRQ routes to it.  Only changes are propagated, so ISA
 * devices sharing a line are not disturbed by unrelated PIRQ traffic. */
static void piix3_update_isa_irqs(mm_piix3 *s)
{
    uint16_t want = 0;
    for (int p = 0; p < PIIX_NUM_PIRQS; p++) {
        uint8_t route = s->parent.config[PIIX_PIRQC + p];
        if ((s->pirq_levels & (1u << p)) && !(route & PIRQ_DISABLED))
            want |= 1u << (route & PIRQ_IRQ_MASK);
    }
    uint16_t changed = want ^ s->driven_isa_irqs;
    s->driven_isa_irqs = want;
    for (int irq = 0; irq < 16; irq++) {
        if (changed & (1u << irq))
            mm_irq_set(mm_isa_get_irq(irq), (want >> irq) & 1);
    }
}

void mm_piix3_set_pirq(void *opaque, int pirq, int level)
{
    mm_piix3 *s = board_piix3;
    if (!s || pirq < 0 || pirq >= PIIX_NUM_PIRQS)
        return;
    if (level)
        s->pirq_levels |= 1u << pirq;
    else
        s->pirq_levels &= ~(1u << pirq);
    piix3_update_isa_irqs(s);
}

static void piix3_config_write(mm_pci_device *dev, uint32_t offset, uint32_t value,
                               unsigned len)
{
    mm_pci_default_config_write(dev, offset, value, len);
    if (ranges_overlap(offset, len, PIIX_PIRQC, PIIX_NUM_PIRQS))
        piix3_update_isa_irqs((mm_piix3 *)dev);
}

static uint8_t piix3_rcr_read(void *opaque)
{
    return ((mm_piix3 *)opaque)->rcr;
}

static void piix3_rcr_write(void *opaque, uint8_t value)
{
    mm_piix3 *s = opaque;
    if (value & RCR_RESET_CPU) {
        mm_machine_request_reset(MM_SHUTDOWN_GUEST_RESET);
        return;
    }
    s->rcr = value & RCR_SYS_RESET;
}

static void piix3_reset(void *opaque)
{
    mm_piix3 *s = opaque;
    uint8_t *c = s->parent.config;
    pci_set_word(c + MM_PCI_COMMAND, MM_PCI_COMMAND_IO | MM_PCI_COMMAND_MEMORY |
                                     MM_PCI_COMMAND_MASTER);
    pci_set_word(c + MM_PCI_STATUS, 0x0200);   /* DEVSEL medium */
    c[0x4c] = 0x4d;   /* ISA I/O recovery timer */
    c[0x4e] = 0x03;   /* X-bus chip select */
    c[0x4f] = 0x00;
    for (int p = 0; p < PIIX_NUM_PIRQS; p++)
        c[PIIX_PIRQC + p] = PIRQ_DISABLED;
    c[0x69] = 0x02;   /* top of memory */
    c[0x70] = 0x80;   /* motherboard IRQ routing: disabled */
    c[0x76] = 0x0c;   /* DMA channel routing */
    c[0x77] = 0x0c;
    c[0x78] = 0x02;   /* programmable chip select */
    c[0xa0] = 0x08;   /* SMI control */
    c[0xa8] = 0x0f;   /* SMI request */
    s->pirq_levels = 0;
    s->rcr = 0;
    piix3_update_isa_irqs(s);
}

static bool piix3_realize(mm_object *obj, mm_error **errp)
{
    mm_piix3 *s = (mm_piix3 *)obj;
    mm_pci_set_ids(&s->parent, 0x8086, 0x7000, 0x060100, 0x00);
    s->parent.config_write = piix3_config_write;
    board_piix3 = s;
    mm_pci_conf1_set_cf9(piix3_rcr_read, piix3_rcr_write, s);
    piix3_reset(s);
    mm_machine_register_reset(piix3_reset, s);
    return true;
}

static const mm_type_info piix3_info = {
    .name = MM_TYPE_PIIX3,
    .parent = MM_TYPE_PCI_DEVICE,
    .description = "Intel PIIX3 PCI-to-ISA bridge (PIRQ routing, reset control)",
    .category = "bridge",
    .instance_size = sizeof(mm_piix3),
    .realize = piix3_realize,
};
MM_CORE_TYPE_REGISTER(piix3_info);
