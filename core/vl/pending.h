/*
 * Pieces of the core that other parts of the project provide and that may
 * not be linked in yet while they are being written (the current-machine
 * pointer, the CPU model table, the firmware search path).  The command line refers to them
 * weakly and checks with vl_have() before calling, so a missing piece gives
 * "<what>: not implemented yet" instead of a link failure.  Once every piece
 * has landed these references simply resolve to the real functions.
 */
#ifndef MODEMU_VL_PENDING_H
#define MODEMU_VL_PENDING_H

#include <stdbool.h>
#include <modemu/error.h>
#include <modemu/object.h>
#include "accel/accel.h"
#include "machine/machine.h"
#include "plugin/plugin_registry.h"
#include "accel/qtest/qtest.h"
#include "chardev/chardev_setup.h"
#include "event/main_loop.h"
#include "monitor/monitor.h"
#include "runstate/runstate.h"

#pragma weak mm_set_current_machine

/*
 * Declared here, with the same signatures as their owners' headers
 * (cpu/cpuid.h, machine/firmware_path.h), until those are in the tree.
 */
void mm_cpuid_print_help(void);
void mm_firmware_add_search_dir(const char *dir);
#pragma weak mm_cpuid_print_help
#pragma weak mm_firmware_add_search_dir

/* True when the function `fn` is linked in. */
#define vl_have(fn) ((fn) != NULL)

/* Sets "<what>: not implemented yet" and returns false. */
bool vl_not_implemented(const char *what, mm_error **errp);

#endif
