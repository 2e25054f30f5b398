/* ACPI table headers, checksums and the pc board's defaults (see acpi_table.h). */
#include "acpi/acpi_table.h"

#include <string.h>

#include "boot/le_field.h"

#define PC_PCI_HOLE_END 0xfec00000u

void mm_acpi_config_for_pc(mm_acpi_config *cfg, unsigned cpus, uint64_t ram_below_4g)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->cpus = cpus ? cpus : 1;
    cfg->pm_base = 0x600;          /* where SeaBIOS puts it when QEMU supplies tables */
    cfg->gpe0_base = 0xafe0;       /* PIIX4's fixed GPE0 block, as QEMU */
    cfg->sci_irq = 9;
    static const uint8_t pirq[4] = { 10, 10, 11, 11 };
    memcpy(cfg->pirq_irq, pirq, sizeof(pirq));
    /* SeaBIOS's 32-bit window: 2 GiB, 3 GiB or right above RAM. */
    uint64_t start = ram_below_4g <= 0x80000000u ? 0x80000000u
                   : ram_below_4g <= 0xc0000000u ? 0xc0000000u : ram_below_4g;
    cfg->pci_hole_start = start < PC_PCI_HOLE_END ? (uint32_t)start : PC_PCI_HOLE_END;
}

uint8_t acpi_checksum(const uint8_t *data, size_t len)
{
    uint8_t sum = 0;
    for (size_t i = 0; i < len; i++)
        sum = (uint8_t)(sum + data[i]);
    return (uint8_t)(0 - sum);
}

bool acpi_checksum_ok(const uint8_t *data, size_t len)
{
    return acpi_checksum(data, len) == 0;
}

void acpi_append_u8(GByteArray *b, uint8_t v)
{
    g_byte_array_append(b, &v, 1);
}

void acpi_append_u16(GByteArray *b, uint16_t v)
{
    uint8_t d[2];
    put_le16(d, 0, v);
    g_byte_array_append(b, d, 2);
}

void acpi_append_u32(GByteArray *b, uint32_t v)
{
    uint8_t d[4];
    put_le32(d, 0, v);
    g_byte_array_append(b, d, 4);
}

void acpi_append_u64(GByteArray *b, uint64_t v)
{
    uint8_t d[8];
    put_le64(d, 0, v);
    g_byte_array_append(b, d, 8);
}

void acpi_append_zeros(GByteArray *b, size_t n)
{
    static const uint8_t zeros[64];
    while (n) {
        size_t chunk = n < sizeof(zeros) ? n : sizeof(zeros);
        g_byte_array_append(b, zeros, (guint)chunk);
        n -= chunk;
    }
}

size_t acpi_table_begin(GByteArray *b, const char *signature, uint8_t revision)
{
    size_t start = b->len;
    uint8_t h[ACPI_HEADER_SIZE] = { 0 };
    memcpy(h, signature, 4);
    h[8] = revision;
    memcpy(h + 10, ACPI_OEM_ID, 6);
    memcpy(h + 16, ACPI_OEM_TABLE_ID, 8);
    put_le32(h, 24, 1);                      /* OEM revision */
    memcpy(h + 28, ACPI_CREATOR_ID, 4);
    put_le32(h, 32, 1);                      /* creator revision */
    g_byte_array_append(b, h, sizeof(h));
    return start;
}

void acpi_table_end(GByteArray *b, size_t start)
{
    uint8_t *t = b->data + start;
    size_t len = b->len - start;
    put_le32(t, 4, (uint32_t)len);
    t[9] = 0;
    t[9] = acpi_checksum(t, len);
}
