/* The HPET table (IA-PC HPET spec 1.0a): one timer block at 0xFED00000. */
#include "acpi/acpi_build.h"

#define HPET_BASE 0xfed00000u
#define HPET_EVENT_TIMER_BLOCK_ID 0x8086a201u   /* what QEMU's HPET reports */

size_t acpi_build_hpet(GByteArray *b)
{
    size_t start = acpi_table_begin(b, "HPET", 1);
    acpi_append_u32(b, HPET_EVENT_TIMER_BLOCK_ID);
    /* Generic address: system memory, 64-bit access width unspecified. */
    acpi_append_u8(b, 0);                      /* address space: memory */
    acpi_append_u8(b, 0);                      /* register bit width */
    acpi_append_u8(b, 0);                      /* bit offset */
    acpi_append_u8(b, 0);                      /* access size */
    acpi_append_u64(b, HPET_BASE);
    acpi_append_u8(b, 0);                      /* HPET number */
    acpi_append_u16(b, 0);                     /* minimum clock tick */
    acpi_append_u8(b, 0);                      /* page protection: none */
    acpi_table_end(b, start);
    return start;
}
