/*
 * The pc board builder (core-internal): what the "pc" machine type's
 * realize does.  Split from the machine type so other boards (isapc) can
 * reuse it with different options.
 */
#ifndef MODEMU_MACHINE_PC_PC_BOARD_H
#define MODEMU_MACHINE_PC_PC_BOARD_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/error.h>
#include "machine/machine.h"

typedef struct mm_pc_board_options {
    uint64_t max_ram_below_4g;   /* 0 = QEMU's default 3.5 GiB threshold */
    bool acpi;                   /* PIIX4 PM function (and APM ports) */
    bool hpet;                   /* HPET at 0xFED00000, when implemented */
} mm_pc_board_options;

bool mm_pc_board_build(mm_machine_state *m, const mm_pc_board_options *opts, mm_error **errp);

/* Creates, configures and realizes a board-internal device and gives it a
 * qtest path.  props: NULL-terminated key, value pairs (may be NULL). */
mm_object *mm_pc_board_new_device(const char *type, const char *path,
                                  const char *const *props, mm_error **errp);

#endif
