/*
 * Fixed guest-physical addresses of a direct boot (core-internal).
 *
 * Everything the loader builds below 1 MiB sits in conventional memory the
 * kernel reserves early anyway (Linux keeps the first 1 MiB to itself), and
 * the ACPI tables sit in the BIOS area where a firmware would put them.
 */
#ifndef MODEMU_BOOT_BOOT_LAYOUT_H
#define MODEMU_BOOT_BOOT_LAYOUT_H

#define MM_BOOT_GDT_ADDR         0x00000500u   /* boot GDT (4 entries) */
#define MM_BOOT_ZERO_PAGE_ADDR   0x00007000u   /* struct boot_params, 4 KiB */
#define MM_BOOT_STACK_TOP        0x00008ff0u   /* initial RSP (Linux sets its own) */
#define MM_BOOT_PML4_ADDR        0x00009000u   /* identity page tables: PML4, */
#define MM_BOOT_PDPT_ADDR        0x0000a000u   /*   one PDPT, */
#define MM_BOOT_PD_ADDR          0x0000b000u   /*   four page directories (4 GiB, 2 MiB pages) */
#define MM_BOOT_PD_COUNT         4u
#define MM_BOOT_CMDLINE_ADDR     0x00020000u   /* kernel command line (as QEMU) */
#define MM_BOOT_CMDLINE_MAX      0x00010000u   /* room reserved for it */
#define MM_BOOT_TABLES_BASE      0x000f0000u   /* RSDP and ACPI tables, or the MP table (BIOS segment) */
#define MM_BOOT_TABLES_SIZE      0x00010000u
#define MM_BOOT_HIGH_MEMORY      0x00100000u   /* protected-mode kernel load address */

#endif
