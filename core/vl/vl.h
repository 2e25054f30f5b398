/*
 * vl: from the option database to a running machine (core-internal).
 * modemu_main.c is the sequence; each step lives in its own file.
 */
#ifndef MODEMU_VL_VL_H
#define MODEMU_VL_VL_H

#include <stdbool.h>
#include <modemu/error.h>
#include "accel/accel.h"
#include "machine/machine.h"
#include "options/opts.h"

/* accel_setup.c: the accelerator chosen from -accel / -enable-kvm /
 * -M accel= (colon lists fall back in order; default tcg).  A QEMU
 * accelerator modemu does not provide yet (ops NULL) is reported only when
 * the machine is about to start, so the rest of the command line is checked
 * first. */
typedef struct vl_accel_choice {
    const mm_accel_ops *ops;   /* NULL: `name` is not implemented yet */
    char *name;
} vl_accel_choice;
bool vl_accel_choose(const mm_opts_db *db, vl_accel_choice *choice, mm_error **errp);

/* machine_setup.c: the mm_machine_state fields from the options (-m, -smp,
 * -cpu, -boot, -rtc, -kernel ...), validated with QEMU's rules. */
bool vl_machine_config(const mm_opts_db *db, mm_machine_state *cfg, mm_error **errp);
/* Frees the strings of a config that was not handed to a machine. */
void vl_machine_config_clear(mm_machine_state *cfg);

/* machine_setup.c: creates the machine type, fills mm_machine_state from the
 * options, applies -M properties and realizes it. */
mm_machine_state *vl_machine_create(const mm_opts_db *db, const char *accel_name,
                                    mm_error **errp);
/* Unrealizes and frees a machine made by vl_machine_create. */
void vl_machine_destroy(mm_machine_state *m);

/* backends.c: -chardev, -serial/-parallel/-monitor, -nographic's stdio mux,
 * -netdev/-net/-nic backends, in command-line order. */
bool vl_backends_create(const mm_opts_db *db, const mm_machine_state *cfg, mm_error **errp);

/* net.c: -netdev, -net and -nic backends (before the machine) and the NICs
 * of -net nic / -nic (with the devices). */
bool vl_net_backends_create(const mm_opts_db *db, mm_error **errp);
bool vl_net_nics_create(const mm_opts_db *db, mm_error **errp);

/* devices.c: -drive and -device, in command-line order; the drive check
 * runs before anything is built. */
bool vl_drives_check(const mm_opts_db *db, mm_error **errp);
bool vl_devices_create(const mm_opts_db *db, mm_error **errp);

/* display.c: -display / -vnc / -spice / -nographic. */
bool vl_display_create(const mm_opts_db *db, mm_error **errp);

/* objects.c: generic creation of a typed object from an option instance:
 * `type_key` names the type, every other key is a property. */
mm_object *vl_object_from_opts(const char *kind, const mm_opts *opts, const char *type_key,
                               mm_error **errp);

/* objects.c: makes sure kind/name is registered, loading its plugin. */
bool vl_require_type(const char *kind, const char *name, mm_error **errp);

/* globals.c: records the -global options for mm_globals_apply (vl/globals.h). */
void vl_globals_set(const mm_opts_db *db);

/* type_check.c: every type named on the command line is available (its
 * plugin loads); the first one that is not gives the error. */
bool vl_types_check(const mm_opts_db *db, mm_error **errp);

/* pidfile.c */
bool vl_pidfile_create(const char *path, mm_error **errp);
void vl_pidfile_remove(void);

/* daemonize.c: fork; the parent waits until vl_daemonize_ready() (exit 0)
 * or the child exits (its status).  Returns only in the child. */
bool vl_daemonize_start(mm_error **errp);
/* Refuses what a daemon cannot have: -nographic, stdio backends. */
bool vl_daemonize_check(const mm_opts_db *db, mm_error **errp);
void vl_daemonize_ready(void);

#endif
