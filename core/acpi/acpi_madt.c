/* The MADT: one local APIC per CPU, the IOAPIC, and the ISA interrupt
 * overrides of QEMU's pc board (IRQ0 on GSI 2; PCI/SCI IRQs level, high). */
#include "acpi/acpi_build.h"

#define LAPIC_BASE   0xfee00000u
#define IOAPIC_BASE  0xfec00000u
#define MADT_PCAT_COMPAT 1u

enum { MADT_LAPIC = 0, MADT_IOAPIC = 1, MADT_ISO = 2, MADT_LAPIC_NMI = 4 };

/* MPS INTI flags: polarity bits 1:0 (1 high), trigger bits 3:2 (3 level). */
#define MPS_CONFORMS        0x0
#define MPS_LEVEL_HIGH      0xd

static void interrupt_override(GByteArray *b, uint8_t irq, uint32_t gsi, uint16_t flags)
{
    acpi_append_u8(b, MADT_ISO);
    acpi_append_u8(b, 10);
    acpi_append_u8(b, 0);                     /* bus: ISA */
    acpi_append_u8(b, irq);
    acpi_append_u32(b, gsi);
    acpi_append_u16(b, flags);
}

size_t acpi_build_madt(GByteArray *b, const mm_acpi_config *cfg)
{
    size_t start = acpi_table_begin(b, "APIC", 1);
    acpi_append_u32(b, LAPIC_BASE);
    acpi_append_u32(b, MADT_PCAT_COMPAT);      /* 8259s present too */
    for (unsigned cpu = 0; cpu < cfg->cpus && cpu < 255; cpu++) {
        acpi_append_u8(b, MADT_LAPIC);
        acpi_append_u8(b, 8);
        acpi_append_u8(b, (uint8_t)cpu);       /* ACPI processor id */
        acpi_append_u8(b, (uint8_t)cpu);       /* APIC id */
        acpi_append_u32(b, 1);                 /* enabled */
    }
    acpi_append_u8(b, MADT_IOAPIC);
    acpi_append_u8(b, 12);
    acpi_append_u8(b, 0);                      /* IOAPIC id */
    acpi_append_u8(b, 0);
    acpi_append_u32(b, IOAPIC_BASE);
    acpi_append_u32(b, 0);                     /* GSI base */

    interrupt_override(b, 0, 2, MPS_CONFORMS);
    static const uint8_t level_irqs[] = { 5, 9, 10, 11 };
    for (size_t i = 0; i < sizeof(level_irqs); i++)
        interrupt_override(b, level_irqs[i], level_irqs[i], MPS_LEVEL_HIGH);

    /* LINT1 of every CPU is the NMI input. */
    acpi_append_u8(b, MADT_LAPIC_NMI);
    acpi_append_u8(b, 6);
    acpi_append_u8(b, 0xff);                   /* all processors */
    acpi_append_u16(b, MPS_CONFORMS);
    acpi_append_u8(b, 1);                      /* LINT1 */
    acpi_table_end(b, start);
    return start;
}
