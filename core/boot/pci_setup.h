/*
 * Firmware-lite PCI setup for a direct boot (core-internal): what SeaBIOS's
 * POST does for Linux on the pc board, done through configuration cycles:
 * BAR sizing and assignment (I/O from 0xC000, 32-bit memory in the PCI
 * window), command-register enables, interrupt lines, PIIX3 PIRQ routing and
 * ELCR, the PIIX4 PM and SMBus bases, PIIX IDE decode, and the i440FX PAM
 * registers (RAM under the BIOS area, for the ACPI tables).
 */
#ifndef MODEMU_BOOT_PCI_SETUP_H
#define MODEMU_BOOT_PCI_SETUP_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/error.h>

#include "boot/port_io.h"

typedef struct mm_pci_setup_config {
    uint16_t pm_base;            /* PIIX4 PM I/O base (SMBus at +0x100) */
    uint8_t sci_irq;
    uint8_t pirq_irq[4];         /* PIRQA-D */
    uint32_t mem_start;          /* 32-bit window [mem_start, 0xFEC00000) */
    uint64_t mem64_start;        /* for 64-bit BARs that do not fit; 0 = none */
    uint64_t mem64_end;
} mm_pci_setup_config;

/* What the setup found and did (for tests and -d logging). */
typedef struct mm_pci_setup_result {
    unsigned functions;          /* PCI functions found on bus 0 */
    unsigned bars;               /* BARs assigned */
    bool piix3, piix4_pm, i440fx;
} mm_pci_setup_result;

/* Enumerates bus 0 and programs it; fails when BARs do not fit the windows. */
bool mm_pci_setup(const mm_boot_io *io, const mm_pci_setup_config *cfg,
                  mm_pci_setup_result *result, mm_error **errp);

/* i440FX PAM: make 0xC0000-0xFFFFF RAM read/write (before the tables are
 * written), then read-only as SeaBIOS leaves it.  No-ops without an i440FX. */
void mm_pam_unlock(const mm_boot_io *io);
void mm_pam_lock(const mm_boot_io *io);

#endif
