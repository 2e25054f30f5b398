/*
 * The Intel MultiProcessor Specification 1.4 table (core-internal): how a
 * kernel without ACPI (-no-acpi) finds the CPUs, the IOAPIC and the interrupt
 * routing, as SeaBIOS provides it on QEMU.
 */
#ifndef MODEMU_BOOT_MPTABLE_H
#define MODEMU_BOOT_MPTABLE_H

#include <stdint.h>
#include <glib.h>

typedef struct mm_mptable_config {
    unsigned cpus;             /* APIC ids 0..cpus-1, CPU 0 boots */
    uint8_t pirq_irq[4];       /* PIRQA-D routing */
} mm_mptable_config;

/* Builds the floating pointer (first, 16 bytes) followed by the
 * configuration table, for guest address `base` (16-byte aligned). */
GByteArray *mm_mptable_build(const mm_mptable_config *cfg, uint64_t base);

#endif
