/* The Intel MP table (see mptable.h; MP spec 1.4 chapter 4). */
#include "boot/mptable.h"

#include <string.h>

#include "acpi/acpi_table.h"
#include "boot/le_field.h"
#include "boot/pci_irq_swizzle.h"

#define MP_FLOATING_SIZE 16
#define MP_HEADER_SIZE 44
#define MP_SPEC_REV 4
#define LAPIC_BASE 0xfee00000u
#define IOAPIC_BASE 0xfec00000u
#define IOAPIC_ID 0
#define IOAPIC_VERSION 0x20
#define LAPIC_VERSION 0x14
#define BUS_PCI 0
#define BUS_ISA 1
#define PCI_SLOTS 32

enum { MP_PROCESSOR = 0, MP_BUS = 1, MP_IOAPIC = 2, MP_IOINT = 3, MP_LOCALINT = 4 };
enum { MP_INT = 0, MP_NMI = 1, MP_EXTINT = 3 };
/* Interrupt flags: polarity bits 1:0, trigger bits 3:2 (0 = bus default). */
#define MP_IRQ_CONFORMS   0x0
#define MP_IRQ_LEVEL_HIGH 0xd

static void processor(GByteArray *b, unsigned apic_id)
{
    acpi_append_u8(b, MP_PROCESSOR);
    acpi_append_u8(b, (uint8_t)apic_id);
    acpi_append_u8(b, LAPIC_VERSION);
    acpi_append_u8(b, apic_id == 0 ? 0x03 : 0x01);    /* enabled; bootstrap for CPU 0 */
    acpi_append_u32(b, 0x00000600);                   /* signature: family 6 */
    acpi_append_u32(b, 0x00000201);                   /* features: FPU, APIC */
    acpi_append_zeros(b, 8);
}

static void bus(GByteArray *b, uint8_t id, const char *type)
{
    uint8_t name[6];
    memset(name, ' ', sizeof(name));
    memcpy(name, type, strlen(type));
    acpi_append_u8(b, MP_BUS);
    acpi_append_u8(b, id);
    g_byte_array_append(b, name, sizeof(name));
}

static void interrupt(GByteArray *b, uint8_t kind, uint8_t int_type, uint16_t flags,
                      uint8_t src_bus, uint8_t src_irq, uint8_t dst_apic, uint8_t dst_pin)
{
    acpi_append_u8(b, kind);
    acpi_append_u8(b, int_type);
    acpi_append_u16(b, flags);
    acpi_append_u8(b, src_bus);
    acpi_append_u8(b, src_irq);
    acpi_append_u8(b, dst_apic);
    acpi_append_u8(b, dst_pin);
}

static unsigned isa_interrupts(GByteArray *b)
{
    unsigned n = 0;
    for (unsigned irq = 0; irq < 16; irq++) {
        if (irq == 2)
            continue;   /* the cascade; IRQ0 (the PIT) arrives on pin 2 instead */
        interrupt(b, MP_IOINT, MP_INT, MP_IRQ_CONFORMS, BUS_ISA, (uint8_t)irq, IOAPIC_ID,
                  (uint8_t)(irq == 0 ? 2 : irq));
        n++;
    }
    return n;
}

/* Every slot's INTA-D to the IOAPIC pin of the ISA IRQ its PIRQ is routed to
 * (the source IRQ of a PCI interrupt is slot << 2 | pin). */
static unsigned pci_interrupts(GByteArray *b, const mm_mptable_config *cfg)
{
    unsigned n = 0;
    for (unsigned slot = 1; slot < PCI_SLOTS; slot++) {
        for (unsigned pin = 0; pin < 4; pin++) {
            uint8_t irq = cfg->pirq_irq[mm_pci_slot_pirq(slot, pin)];
            interrupt(b, MP_IOINT, MP_INT, MP_IRQ_LEVEL_HIGH, BUS_PCI,
                      (uint8_t)(slot << 2 | pin), IOAPIC_ID, irq);
            n++;
        }
    }
    return n;
}

static void floating_pointer(uint8_t *p, uint32_t table_addr)
{
    memcpy(p, "_MP_", 4);
    put_le32(p, 4, table_addr);
    p[8] = 1;                      /* length in 16-byte units */
    p[9] = MP_SPEC_REV;
    p[11] = 0;                     /* feature 1: a configuration table follows */
    p[10] = 0;
    p[10] = acpi_checksum(p, MP_FLOATING_SIZE);
}

GByteArray *mm_mptable_build(const mm_mptable_config *cfg, uint64_t base)
{
    GByteArray *b = g_byte_array_new();
    acpi_append_zeros(b, MP_FLOATING_SIZE);
    size_t table = b->len;
    acpi_append_zeros(b, MP_HEADER_SIZE);
    unsigned entries = 0;
    for (unsigned cpu = 0; cpu < cfg->cpus && cpu < 255; cpu++, entries++)
        processor(b, cpu);
    bus(b, BUS_PCI, "PCI");
    bus(b, BUS_ISA, "ISA");
    entries += 2;
    acpi_append_u8(b, MP_IOAPIC);
    acpi_append_u8(b, IOAPIC_ID);
    acpi_append_u8(b, IOAPIC_VERSION);
    acpi_append_u8(b, 1);                                /* usable */
    acpi_append_u32(b, IOAPIC_BASE);
    entries++;
    entries += isa_interrupts(b);
    entries += pci_interrupts(b, cfg);
    /* LINT0 is the 8259's ExtINT, LINT1 the NMI, on every CPU. */
    interrupt(b, MP_LOCALINT, MP_EXTINT, MP_IRQ_CONFORMS, BUS_ISA, 0, 0xff, 0);
    interrupt(b, MP_LOCALINT, MP_NMI, MP_IRQ_CONFORMS, BUS_ISA, 0, 0xff, 1);
    entries += 2;

    uint8_t *h = b->data + table;
    size_t len = b->len - table;
    memcpy(h, "PCMP", 4);
    put_le16(h, 4, (uint16_t)len);
    h[6] = MP_SPEC_REV;
    memcpy(h + 8, "MODEMU  ", 8);
    memcpy(h + 16, "PC          ", 12);
    put_le16(h, 34, (uint16_t)entries);
    put_le32(h, 36, LAPIC_BASE);
    h[7] = acpi_checksum(h, len);
    floating_pointer(b->data, (uint32_t)(base + table));
    return b;
}
