/* The HPET of the pc board (core-internal): type name and address. */
#ifndef MODEMU_MACHINE_PC_HPET_H
#define MODEMU_MACHINE_PC_HPET_H

#define MM_TYPE_HPET "hpet"
#define MM_HPET_BASE 0xfed00000ull

#endif
