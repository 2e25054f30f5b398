/*
 * The CPU state and structures of the Linux boot entry points (core-internal):
 * the boot GDT, identity page tables for the 64-bit entry, and the register
 * state (Documentation/arch/x86/boot.rst, "32-bit/64-bit boot protocol").
 */
#ifndef MODEMU_BOOT_ENTRY_STATE_H
#define MODEMU_BOOT_ENTRY_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "boot/boot_state.h"
#include "boot/guest_memory.h"

#define MM_BOOT_CS 0x10   /* __BOOT_CS */
#define MM_BOOT_DS 0x18   /* __BOOT_DS */

/* Writes the boot GDT (and for long mode the page tables identity-mapping
 * the first 4 GiB with 2 MiB pages) into guest memory. */
bool mm_boot_write_gdt(const mm_boot_memory *mem, bool long_mode);
bool mm_boot_write_identity_page_tables(const mm_boot_memory *mem);

/* 64-bit entry: long mode, paging on, RIP = entry, RSI = zero page. */
void mm_boot_state_long_mode(mm_boot_state *s, uint64_t entry, uint64_t zero_page);
/* 32-bit entry: flat protected mode, paging off, EIP = entry, ESI = zero page. */
void mm_boot_state_protected_mode(mm_boot_state *s, uint64_t entry, uint64_t zero_page);

/* Descriptor encodings, exposed for the unit tests. */
uint64_t mm_boot_gdt_code_descriptor(bool long_mode);
uint64_t mm_boot_gdt_data_descriptor(void);

#endif
