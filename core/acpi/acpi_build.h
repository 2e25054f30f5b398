/*
 * The ACPI tables of a direct boot (core-internal): RSDP, RSDT, FADT (rev 1,
 * no SMM: SCI_EN is set at reset), FACS, DSDT, MADT and optionally HPET,
 * laid out in one blob destined for guest-physical `base` (the BIOS area), so
 * the pointers between tables are final.
 */
#ifndef MODEMU_ACPI_ACPI_BUILD_H
#define MODEMU_ACPI_ACPI_BUILD_H

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "acpi/acpi_table.h"

#define ACPI_NO_TABLE SIZE_MAX

typedef struct mm_acpi_tables {
    GByteArray *bytes;             /* the blob, placed at `base` */
    uint64_t base;
    /* Offsets in the blob (ACPI_NO_TABLE when absent). */
    size_t rsdp, rsdt, fadt, facs, dsdt, madt, hpet;
} mm_acpi_tables;

/* Builds all tables for cfg at guest address base. */
void mm_acpi_build(const mm_acpi_config *cfg, uint64_t base, mm_acpi_tables *out);
void mm_acpi_tables_free(mm_acpi_tables *t);

/* The individual tables (appended to b; each returns its offset in b).
 * Pointers to other tables are given as guest addresses. */
size_t acpi_build_dsdt(GByteArray *b, const mm_acpi_config *cfg);
size_t acpi_build_fadt(GByteArray *b, const mm_acpi_config *cfg, uint32_t facs_addr,
                       uint32_t dsdt_addr);
size_t acpi_build_madt(GByteArray *b, const mm_acpi_config *cfg);
size_t acpi_build_hpet(GByteArray *b);
size_t acpi_build_facs(GByteArray *b);

#endif
