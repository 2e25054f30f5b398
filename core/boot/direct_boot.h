/*
 * Direct kernel boot of the pc machine (-kernel), the "firmware-lite" that
 * replaces SeaBIOS for it (core-internal).
 *
 * mm_direct_boot_prepare() does what SeaBIOS plus QEMU's linuxboot option
 * ROM would: PCI enumeration and BAR assignment, PIRQ routing, ELCR, the PM
 * base, the ACPI tables in the BIOS area (or nothing with -no-acpi), then
 * loads the kernel, command line and initrd and records the entry CPU state
 * (boot/boot_state.h) for the accelerator to load into the boot CPU.
 *
 * It must run after the board and every -device are realized (so all PCI
 * devices are enumerated) and before the accelerator starts.  It registers a
 * reset handler that does it all again on each system reset (as QEMU re-runs
 * its option ROM).  Without -kernel it does nothing.
 */
#ifndef MODEMU_BOOT_DIRECT_BOOT_H
#define MODEMU_BOOT_DIRECT_BOOT_H

#include <stdbool.h>
#include <modemu/error.h>

#include "machine/machine.h"

bool mm_direct_boot_prepare(mm_machine_state *machine, mm_error **errp);

#endif
