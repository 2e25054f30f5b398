/* Laying out the ACPI tables for the BIOS area (see acpi_build.h). */
#include "acpi/acpi_build.h"

#include <string.h>

#include "boot/le_field.h"

#define RSDP_SIZE 20        /* ACPI 1.0 RSDP: revision 0, RSDT only */
#define FACS_SIZE 64

size_t acpi_build_facs(GByteArray *b)
{
    size_t start = b->len;
    acpi_append_u8(b, 'F');
    acpi_append_u8(b, 'A');
    acpi_append_u8(b, 'C');
    acpi_append_u8(b, 'S');
    acpi_append_u32(b, FACS_SIZE);
    acpi_append_zeros(b, FACS_SIZE - 8);   /* no waking vector, no global lock */
    return start;
}

static void align_to(GByteArray *b, size_t alignment)
{
    acpi_append_zeros(b, (alignment - b->len % alignment) % alignment);
}

static size_t build_rsdt(GByteArray *b, const uint64_t *addrs, unsigned n)
{
    size_t start = acpi_table_begin(b, "RSDT", 1);
    for (unsigned i = 0; i < n; i++)
        acpi_append_u32(b, (uint32_t)addrs[i]);
    acpi_table_end(b, start);
    return start;
}

static void fill_rsdp(uint8_t *rsdp, uint32_t rsdt_addr)
{
    memcpy(rsdp, "RSD PTR ", 8);
    memcpy(rsdp + 9, ACPI_OEM_ID, 6);
    rsdp[15] = 0;                           /* revision 0: ACPI 1.0 */
    put_le32(rsdp, 16, rsdt_addr);
    rsdp[8] = 0;
    rsdp[8] = acpi_checksum(rsdp, RSDP_SIZE);
}

void mm_acpi_build(const mm_acpi_config *cfg, uint64_t base, mm_acpi_tables *out)
{
    GByteArray *b = g_byte_array_new();
    memset(out, 0, sizeof(*out));
    out->bytes = b;
    out->base = base;
    /* The RSDP must be 16-byte aligned in the BIOS area: it goes first. */
    out->rsdp = 0;
    acpi_append_zeros(b, RSDP_SIZE);
    align_to(b, 64);                        /* the FACS must be 64-byte aligned */
    out->facs = acpi_build_facs(b);
    out->dsdt = acpi_build_dsdt(b, cfg);
    align_to(b, 8);
    out->fadt = acpi_build_fadt(b, cfg, (uint32_t)(base + out->facs),
                                (uint32_t)(base + out->dsdt));
    align_to(b, 8);
    out->madt = acpi_build_madt(b, cfg);
    out->hpet = ACPI_NO_TABLE;
    if (cfg->hpet) {
        align_to(b, 8);
        out->hpet = acpi_build_hpet(b);
    }
    uint64_t tables[3] = { base + out->fadt, base + out->madt };
    unsigned n = 2;
    if (out->hpet != ACPI_NO_TABLE)
        tables[n++] = base + out->hpet;
    align_to(b, 8);
    out->rsdt = build_rsdt(b, tables, n);
    fill_rsdp(b->data + out->rsdp, (uint32_t)(base + out->rsdt));
}

void mm_acpi_tables_free(mm_acpi_tables *t)
{
    if (t->bytes)
        g_byte_array_free(t->bytes, TRUE);
    t->bytes = NULL;
}
