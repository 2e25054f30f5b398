/*
 * Pieces of the core that other parts of the project provide and that may
 * not be linked in yet while they are being written (plugin registry, object
 * model, machine, accelerators, main loop).  The command line refers to them
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

#pragma weak mm_plugins_discover
#pragma weak mm_plugins_require_type
#pragma weak mm_plugins_foreach_type
#pragma weak mm_plugins_print_type_help
#pragma weak mm_plugins_print_list
#pragma weak mm_plugins_shutdown
#pragma weak mm_type_find
#pragma weak mm_object_new
#pragma weak mm_object_set_property
#pragma weak mm_object_realize
#pragma weak mm_object_free
#pragma weak mm_set_current_machine
#pragma weak mm_accel_find
#pragma weak mm_accel_foreach

/*
 * Declared here (same signatures as their owners' headers: event/main_loop.h,
 * runstate/runstate.h, chardev/chardev_setup.h, accel/qtest/qtest.h,
 * cpu/cpuid.h) until those headers are part of the tree.
 */
#include <modemu/chardev.h>
int mm_main_loop_run(void);
void mm_runstate_configure(bool no_reboot, bool no_shutdown);
void mm_vm_start(void);
mm_chardev *mm_chardev_new(const char *type, const char *id, const char *const *kv,
                           mm_error **errp);
mm_chardev *mm_chardev_new_legacy(const char *spec, const char *id_hint, mm_error **errp);
mm_chardev *mm_chardev_new_nographic_stdio(mm_error **errp);
void mm_chardev_cleanup_all(void);
bool mm_qtest_init(const char *spec, const char *log, mm_error **errp);
void mm_cpuid_print_help(void);
bool mm_monitor_new(mm_chardev *chr, mm_error **errp);
#pragma weak mm_monitor_new
#pragma weak mm_chardev_find
bool mm_accel_init(const char *name, mm_machine_state *machine, mm_error **errp);
#pragma weak mm_accel_init
#pragma weak mm_main_loop_run
#pragma weak mm_runstate_configure
#pragma weak mm_vm_start
#pragma weak mm_chardev_new
#pragma weak mm_chardev_new_legacy
#pragma weak mm_chardev_new_nographic_stdio
#pragma weak mm_chardev_cleanup_all
#pragma weak mm_qtest_init
#pragma weak mm_cpuid_print_help

/* True when the function `fn` is linked in. */
#define vl_have(fn) ((fn) != NULL)

/* Sets "<what>: not implemented yet" and returns false. */
bool vl_not_implemented(const char *what, mm_error **errp);

#endif
