/* The HPET of the pc board (core-internal): type name and address. */
#ifndef MODEMU_MACHINE_PC_HPET_H
#define MODEMU_MACHINE_PC_HPET_H

#define MM_TYPE_HPET "hpet"
#define MM_HPET_BASE 0xfed00000ull
/* Low half of the capabilities register: vendor 8086, legacy-route
 * capable, 64-bit counter, 3 timers, revision 1 (also the ACPI/fw_cfg
 * event timer block id). */
#define MM_HPET_BLOCK_ID 0x8086a201u
/* Minimum periodic tick advertised to the guest (fw_cfg 0x8004, ACPI). */
#define MM_HPET_MIN_TICK 100

#endif
