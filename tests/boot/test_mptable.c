/*
 * Unit tests of the Intel MP table (core/boot/mptable.c): floating pointer
 * and table checksums, entry counts and kinds, and the interrupt routing it
 * gives the ISA IRQs and the PCI slots.
 */
#include <string.h>
#include <glib.h>

#include "acpi/acpi_table.h"
#include "boot/le_field.h"
#include "boot/mptable.h"
#include "test_util.h"

static const uint8_t entry_size[5] = { 20, 8, 8, 8, 8 };

int main(void)
{
    mm_mptable_config cfg = { .cpus = 2, .pirq_irq = { 10, 10, 11, 11 } };
    const uint64_t base = 0xf0000;
    GByteArray *t = mm_mptable_build(&cfg, base);
    const uint8_t *fp = t->data;
    CHECK(memcmp(fp, "_MP_", 4) == 0);
    CHECK(acpi_checksum_ok(fp, 16));
    CHECK_EQ(fp[8], 1);
    CHECK_EQ(fp[9], 4);
    uint32_t table_addr = le32_at(fp, 4);
    CHECK(table_addr >= base && table_addr - base < t->len);
    const uint8_t *h = t->data + (table_addr - base);
    uint16_t len = le16_at(h, 4);
    CHECK(memcmp(h, "PCMP", 4) == 0);
    CHECK_EQ((size_t)(h - t->data) + len, t->len);
    CHECK(acpi_checksum_ok(h, len));
    CHECK_EQ(le32_at(h, 36), 0xfee00000);

    unsigned count[5] = { 0 }, entries = 0;
    bool bsp = false, irq0_pin2 = false, slot3_inta_11 = false, slot5_inta_10 = false;
    size_t off = 44;
    while (off < len) {
        uint8_t type = h[off];
        CHECK(type < 5);
        if (type >= 5)
            break;
        const uint8_t *e = h + off;
        count[type]++;
        entries++;
        if (type == 0 && e[1] == 0)
            bsp = (e[3] & 3) == 3;
        if (type == 3 && e[4] == 1 && e[5] == 0)
            irq0_pin2 = e[7] == 2;
        if (type == 3 && e[4] == 0 && e[5] == (3 << 2))
            slot3_inta_11 = e[7] == 11 && le16_at(e, 2) == 0xd;
        if (type == 3 && e[4] == 0 && e[5] == (5 << 2))
            slot5_inta_10 = e[7] == 10;
        off += entry_size[type];
    }
    CHECK_EQ(off, len);
    CHECK_EQ(entries, le16_at(h, 34));
    CHECK_EQ(count[0], 2);            /* processors */
    CHECK_EQ(count[1], 2);            /* PCI and ISA buses */
    CHECK_EQ(count[2], 1);            /* one IOAPIC */
    CHECK_EQ(count[3], 15 + 31 * 4);  /* ISA IRQs but the cascade, every PCI slot's pins */
    CHECK_EQ(count[4], 2);            /* ExtINT on LINT0, NMI on LINT1 */
    CHECK(bsp);
    CHECK(irq0_pin2);
    CHECK(slot3_inta_11);
    CHECK(slot5_inta_10);
    CHECK(t->len <= 0x10000);
    g_byte_array_free(t, TRUE);
    if (test_failures) {
        fprintf(stderr, "%d checks failed\n", test_failures);
        return 1;
    }
    printf("MP table tests passed\n");
    return 0;
}
