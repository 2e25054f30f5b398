/*
 * ACPI system description tables: the common 36-byte header and checksums
 * (ACPI 6.4 section 5.2.6), plus the board description the tables are built
 * from (core-internal).
 */
#ifndef MODEMU_ACPI_ACPI_TABLE_H
#define MODEMU_ACPI_ACPI_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#define ACPI_HEADER_SIZE    36
#define ACPI_OEM_ID         "MODEMU"
#define ACPI_OEM_TABLE_ID   "MODEMUPC"
#define ACPI_CREATOR_ID     "MDMU"

/* What the tables describe: the pc board's interrupt and PM wiring. */
typedef struct mm_acpi_config {
    unsigned cpus;                 /* local APICs, ids 0..cpus-1 */
    uint16_t pm_base;              /* PIIX4 PM I/O block (PM1a_EVT, +4 CNT, +8 TMR) */
    uint16_t gpe0_base;            /* 0: no GPE block */
    uint8_t sci_irq;               /* 9 on pc */
    uint8_t pirq_irq[4];           /* PIRQA-D routing, 10 10 11 11 as SeaBIOS */
    bool hpet;                     /* an HPET answers at 0xFED00000 */
    uint32_t pci_hole_start;       /* 32-bit PCI window [start, 0xFEC00000) */
    uint64_t pci_hole64_start;     /* 64-bit window, size 0 = none */
    uint64_t pci_hole64_size;
} mm_acpi_config;

/* The defaults of a pc board with `cpus` CPUs and `ram_below_4g` bytes of low RAM. */
void mm_acpi_config_for_pc(mm_acpi_config *cfg, unsigned cpus, uint64_t ram_below_4g);

/* Starts a table: appends a header with signature and revision (length and
 * checksum are filled by acpi_table_end).  Returns the table's offset. */
size_t acpi_table_begin(GByteArray *b, const char *signature, uint8_t revision);
/* Sets the length (from `start` to the end of b) and the checksum. */
void acpi_table_end(GByteArray *b, size_t start);

/* The byte that makes `len` bytes sum to 0 modulo 256. */
uint8_t acpi_checksum(const uint8_t *data, size_t len);
/* Whether `len` bytes sum to 0 modulo 256. */
bool acpi_checksum_ok(const uint8_t *data, size_t len);

/* Appends little-endian integers. */
void acpi_append_u8(GByteArray *b, uint8_t v);
void acpi_append_u16(GByteArray *b, uint16_t v);
void acpi_append_u32(GByteArray *b, uint32_t v);
void acpi_append_u64(GByteArray *b, uint64_t v);
void acpi_append_zeros(GByteArray *b, size_t n);

#endif
