/*
 * The CMOS NVRAM contents of the pc board (core-internal): memory sizes,
 * equipment byte, boot order and CPU count, as QEMU writes them
 * (PC-FACTS section 4).
 */
#ifndef MODEMU_MACHINE_PC_CMOS_LAYOUT_H
#define MODEMU_MACHINE_PC_CMOS_LAYOUT_H

#include <stdbool.h>
#include <modemu/error.h>
#include "machine/machine.h"

/* Fills the CMOS of the board's RTC; refuses a bad boot order.  Registers a
 * reset handler that puts -boot order= back after a -boot once= boot. */
bool mm_pc_cmos_init(mm_machine_state *m, bool ps2_mouse, mm_error **errp);

#endif
