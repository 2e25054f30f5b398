/*
 * Unit tests of the ACPI tables (core/acpi): the AML encodings against values
 * from the ACPI spec, then every table of a 2-CPU pc board: checksums,
 * lengths, the pointers between tables and the MADT entries.
 *
 * Usage: test_acpi_tables [DUMP_DIR]  With DUMP_DIR, also writes each table
 * to DUMP_DIR/<signature>.dat for iasl -d (tests/boot/iasl-check.sh).
 */
#define _GNU_SOURCE   /* memmem */
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "acpi/acpi_build.h"
#include "acpi/aml.h"
#include "boot/le_field.h"
#include "boot/pci_irq_swizzle.h"
#include "test_util.h"

static void test_pkg_length(void)
{
    uint8_t out[4];
    /* One byte up to 62 bytes of contents (63 with itself). */
    CHECK_EQ(aml_pkg_length_encode(0, out), 1);
    CHECK_EQ(out[0], 1);
    CHECK_EQ(aml_pkg_length_encode(62, out), 1);
    CHECK_EQ(out[0], 63);
    /* 63 bytes of contents: 65 in total, two bytes: 0x41 0x04. */
    CHECK_EQ(aml_pkg_length_encode(63, out), 2);
    CHECK_EQ(out[0], 0x41);
    CHECK_EQ(out[1], 0x04);
    /* 0x1000 of contents needs 3 bytes: total 0x1003. */
    CHECK_EQ(aml_pkg_length_encode(0x1000, out), 3);
    CHECK_EQ(out[0], 0x80 | 0x3);
    CHECK_EQ(out[1], 0x00);
    CHECK_EQ(out[2], 0x01);
}

static void test_integers_and_names(void)
{
    GByteArray *b = g_byte_array_new();
    aml_integer(b, 0);
    aml_integer(b, 1);
    aml_integer(b, 0x0a);
    aml_integer(b, 0x1234);
    aml_integer(b, 0x12345678);
    aml_integer(b, UINT64_C(0x100000000));
    static const uint8_t want[] = {
        0x00, 0x01, 0x0a, 0x0a, 0x0b, 0x34, 0x12, 0x0c, 0x78, 0x56, 0x34, 0x12,
        0x0e, 0, 0, 0, 0, 1, 0, 0, 0,
    };
    CHECK_EQ(b->len, sizeof(want));
    CHECK(memcmp(b->data, want, sizeof(want)) == 0);

    g_byte_array_set_size(b, 0);
    aml_name_string(b, "\\_SB.PCI0");
    CHECK_EQ(b->len, 10);
    CHECK(memcmp(b->data, "\\\x2e_SB_PCI0", 10) == 0);
    g_byte_array_set_size(b, 0);
    aml_name_string(b, "ISA");
    CHECK(memcmp(b->data, "ISA_", 4) == 0);
    g_byte_array_set_size(b, 0);
    aml_name_string(b, "\\_SB.PCI0.ISA");
    CHECK_EQ(b->len, 15);
    CHECK(memcmp(b->data, "\\\x2f\x03_SB_PCI0ISA_", 15) == 0);
    g_byte_array_free(b, TRUE);

    CHECK_EQ(aml_eisa_id_value("PNP0A03"), 0x030ad041);
    CHECK_EQ(aml_eisa_id_value("PNP0501"), 0x0105d041);
}

static const uint8_t *table_at(const mm_acpi_tables *t, uint64_t addr)
{
    CHECK(addr >= t->base && addr < t->base + t->bytes->len);
    return t->bytes->data + (addr - t->base);
}

static void check_table(const mm_acpi_tables *t, size_t off, const char *sig)
{
    const uint8_t *p = t->bytes->data + off;
    uint32_t len = le32_at(p, 4);
    CHECK(memcmp(p, sig, 4) == 0);
    CHECK(off + len <= t->bytes->len);
    CHECK(acpi_checksum_ok(p, len));
}

static void check_madt(const uint8_t *madt, unsigned cpus)
{
    uint32_t len = le32_at(madt, 4);
    unsigned lapics = 0, ioapics = 0, overrides = 0;
    bool irq0_to_gsi2 = false, sci_level = false;
    for (uint32_t off = 44; off + 2 <= len; off += madt[off + 1]) {
        const uint8_t *e = madt + off;
        CHECK(e[1] >= 2);
        if (e[1] < 2)
            break;
        if (e[0] == 0) {
            CHECK_EQ(e[3], lapics);           /* APIC ids 0..cpus-1 */
            CHECK_EQ(le32_at(e, 4), 1);
            lapics++;
        } else if (e[0] == 1) {
            CHECK_EQ(le32_at(e, 4), 0xfec00000);
            CHECK_EQ(le32_at(e, 8), 0);
            ioapics++;
        } else if (e[0] == 2) {
            overrides++;
            irq0_to_gsi2 |= e[3] == 0 && le32_at(e, 4) == 2;
            sci_level |= e[3] == 9 && le16_at(e, 8) == 0xd;
        }
    }
    CHECK_EQ(le32_at(madt, 36), 0xfee00000);
    CHECK_EQ(lapics, cpus);
    CHECK_EQ(ioapics, 1);
    CHECK_EQ(overrides, 5);
    CHECK(irq0_to_gsi2);
    CHECK(sci_level);
}

static void check_fadt(const mm_acpi_tables *t, const uint8_t *fadt)
{
    CHECK_EQ(le32_at(fadt, 4), 116);                     /* ACPI 1.0 FADT */
    CHECK_EQ(le32_at(fadt, 36), t->base + t->facs);
    CHECK_EQ(le32_at(fadt, 40), t->base + t->dsdt);
    CHECK_EQ(le16_at(fadt, 46), 9);                      /* SCI */
    CHECK_EQ(le32_at(fadt, 48), 0);                      /* no SMI_CMD */
    CHECK_EQ(le32_at(fadt, 56), 0x600);                  /* PM1a_EVT */
    CHECK_EQ(le32_at(fadt, 64), 0x604);                  /* PM1a_CNT */
    CHECK_EQ(le32_at(fadt, 76), 0x608);                  /* PM_TMR */
    CHECK_EQ(fadt[88], 4);
    CHECK_EQ(fadt[89], 2);
    CHECK_EQ(fadt[91], 4);
    CHECK_EQ(le32_at(fadt, 80), 0xafe0);                 /* GPE0_BLK */
    CHECK_EQ(fadt[92], 4);
    const uint8_t *facs = table_at(t, le32_at(fadt, 36));
    CHECK(memcmp(facs, "FACS", 4) == 0);
    CHECK_EQ((t->base + t->facs) % 64, 0);
}

static void dump_table(const char *dir, const uint8_t *p, size_t len, const char *name)
{
    char *path = g_strdup_printf("%s/%s.dat", dir, name);
    CHECK(g_file_set_contents(path, (const gchar *)p, (gssize)len, NULL));
    g_free(path);
}

static void test_pc_tables(const char *dump_dir)
{
    mm_acpi_config cfg;
    mm_acpi_config_for_pc(&cfg, 2, 256u << 20);
    cfg.hpet = true;
    CHECK_EQ(cfg.pci_hole_start, 0x80000000u);
    mm_acpi_tables t;
    mm_acpi_build(&cfg, 0xf0000, &t);
    CHECK(t.bytes->len <= 0x10000);                      /* fits the F segment */

    const uint8_t *rsdp = t.bytes->data + t.rsdp;
    CHECK(memcmp(rsdp, "RSD PTR ", 8) == 0);
    CHECK(acpi_checksum_ok(rsdp, 20));
    CHECK_EQ((t.base + t.rsdp) % 16, 0);
    const uint8_t *rsdt = table_at(&t, le32_at(rsdp, 16));
    check_table(&t, t.rsdt, "RSDT");
    CHECK_EQ(le32_at(rsdt, 4), 36 + 3 * 4);               /* FADT, MADT, HPET */
    CHECK_EQ(le32_at(rsdt, 36), t.base + t.fadt);
    CHECK_EQ(le32_at(rsdt, 40), t.base + t.madt);
    CHECK_EQ(le32_at(rsdt, 44), t.base + t.hpet);
    check_table(&t, t.fadt, "FACP");
    check_table(&t, t.dsdt, "DSDT");
    check_table(&t, t.madt, "APIC");
    check_table(&t, t.hpet, "HPET");
    check_fadt(&t, t.bytes->data + t.fadt);
    check_madt(t.bytes->data + t.madt, 2);
    CHECK_EQ(le64_at(t.bytes->data + t.hpet, 44), 0xfed00000);

    /* The DSDT names what Linux looks for. */
    const uint8_t *dsdt = t.bytes->data + t.dsdt;
    uint32_t dsdt_len = le32_at(dsdt, 4);
    CHECK(memmem(dsdt, dsdt_len, "_PRT", 4) != NULL);
    CHECK(memmem(dsdt, dsdt_len, "_S5_", 4) != NULL);
    CHECK(memmem(dsdt, dsdt_len, "_S3_", 4) == NULL);

    if (dump_dir) {
        dump_table(dump_dir, dsdt, dsdt_len, "dsdt");
        dump_table(dump_dir, t.bytes->data + t.fadt, 116, "facp");
        dump_table(dump_dir, t.bytes->data + t.madt, le32_at(t.bytes->data + t.madt, 4), "apic");
        dump_table(dump_dir, t.bytes->data + t.hpet, le32_at(t.bytes->data + t.hpet, 4), "hpet");
        dump_table(dump_dir, rsdt, le32_at(rsdt, 4), "rsdt");
    }
    mm_acpi_tables_free(&t);

    /* Without HPET the RSDT lists two tables. */
    cfg.hpet = false;
    mm_acpi_build(&cfg, 0xf0000, &t);
    CHECK_EQ(t.hpet, ACPI_NO_TABLE);
    CHECK_EQ(le32_at(t.bytes->data + t.rsdt, 4), 36 + 2 * 4);
    mm_acpi_tables_free(&t);
}

static void test_pci_routing(void)
{
    /* QEMU's PIIX swizzle: slot 1 INTA = PIRQA, slot 3 INTA = PIRQC, slot 4
     * INTB = PIRQA (wraps). */
    CHECK_EQ(mm_pci_slot_pirq(1, 0), 0);
    CHECK_EQ(mm_pci_slot_pirq(3, 0), 2);
    CHECK_EQ(mm_pci_slot_pirq(4, 1), 0);
    CHECK_EQ(mm_pci_slot_pirq(0, 0), 3);
    mm_acpi_config cfg;
    mm_acpi_config_for_pc(&cfg, 1, 3u << 30);
    CHECK_EQ(cfg.pci_hole_start, 0xc0000000u);
    mm_acpi_config_for_pc(&cfg, 1, UINT64_C(0xd0000000));
    CHECK_EQ(cfg.pci_hole_start, 0xd0000000u);
}

int main(int argc, char **argv)
{
    test_pkg_length();
    test_integers_and_names();
    test_pci_routing();
    test_pc_tables(argc > 1 ? argv[1] : NULL);
    if (test_failures) {
        fprintf(stderr, "%d checks failed\n", test_failures);
        return 1;
    }
    printf("ACPI table tests passed\n");
    return 0;
}
