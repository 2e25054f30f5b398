/* Default devices of the pc board (core-internal); see board_defaults.c. */
#ifndef MODEMU_MACHINE_PC_BOARD_DEFAULTS_H
#define MODEMU_MACHINE_PC_BOARD_DEFAULTS_H

#include <stdbool.h>
#include <modemu/error.h>
#include "machine/machine.h"

/* Creates the board's default devices that exist in this build. */
bool mm_pc_board_create_defaults(mm_machine_state *m, mm_error **errp);
/* Whether the PS/2 controller is the real plugin (CMOS equipment byte). */
bool mm_pc_board_has_ps2(void);

#endif
