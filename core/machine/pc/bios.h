/*
 * System firmware mapping of the pc board (core-internal): the -bios image
 * read-only just below 4 GiB, its last 128 KiB also at 0xE0000 (PCI side,
 * behind PAM), and the 128 KiB option-ROM area "pc.rom" at 0xC0000.
 */
#ifndef MODEMU_MACHINE_PC_BIOS_H
#define MODEMU_MACHINE_PC_BIOS_H

#include <stdbool.h>
#include <modemu/error.h>
#include <modemu/memory.h>

#define MM_PC_DEFAULT_BIOS "bios-256k.bin"

/* name NULL = the default.  Maps into the PCI memory container. */
bool mm_pc_bios_load(const char *name, mm_memory_region *pci_mem, mm_error **errp);

#endif
