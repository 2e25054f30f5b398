/* The fw_cfg items of the pc board (core-internal). */
#ifndef MODEMU_MACHINE_PC_PC_FW_CFG_H
#define MODEMU_MACHINE_PC_PC_FW_CFG_H

#include <stdbool.h>
#include "machine/machine.h"

/* Adds the board's items once the fw_cfg device is realized.  hpet: whether
 * an HPET answers at 0xFED00000 (adds key 0x8004). */
void mm_pc_fw_cfg_populate(mm_machine_state *m, bool hpet);

#endif
