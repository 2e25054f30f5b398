/* The software CPU's physical-memory port onto the machine's memory API. */
#ifndef MODEMU_TCG_PHYS_PORT_H
#define MODEMU_TCG_PHYS_PORT_H

#include "accel/tcg/tcg_vcpu.h"

extern const tcg_phys_ops tcg_machine_phys_ops;

#endif
