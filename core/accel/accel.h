/*
 * Accelerators (core-internal): tcg (software CPU), kvm, qtest.
 *
 * An accelerator is registered under its name and selected by -accel,
 * -machine accel=, -enable-kvm.  init() runs after the machine is realized
 * and creates the vCPUs; start() lets them run (not called while -S holds the
 * machine stopped); stop() pauses them; reset() puts them in their power-on
 * state.
 *
 * Execution model: device code runs under the machine lock.  The software CPU
 * runs on the main thread: it executes slices of guest code between polls of
 * the glib main context, bounded by the next virtual-clock deadline, and lets
 * the loop block when every vCPU is halted.  KVM runs one thread per vCPU and
 * takes the machine lock around I/O exits.
 */
#ifndef MODEMU_ACCEL_ACCEL_H
#define MODEMU_ACCEL_ACCEL_H

#include <stdbool.h>
#include <modemu/error.h>
#include "machine/machine.h"

typedef struct mm_accel_ops {
    const char *name;
    const char *description;
    /* Is this accelerator usable on this host?  (KVM: /dev/kvm checks.) */
    bool (*available)(mm_error **errp);
    bool (*init)(mm_machine_state *machine, mm_error **errp);
    void (*start)(void);
    void (*stop)(void);
    void (*reset)(void);
    /* Wake a halted vCPU because an interrupt became pending (any thread). */
    void (*kick)(int cpu_index);
} mm_accel_ops;

void mm_accel_register(const mm_accel_ops *ops);
const mm_accel_ops *mm_accel_find(const char *name);
/* Calls cb for each registered accelerator (for -accel help). */
void mm_accel_foreach(void (*cb)(const mm_accel_ops *ops, void *opaque), void *opaque);
/* The accelerator in use (NULL before init). */
const mm_accel_ops *mm_accel_current(void);
/* Looks `name` up, checks available() and runs init(); on success it becomes
 * the current accelerator.  Errors: "invalid accelerator NAME" or the
 * accelerator's own message. */
bool mm_accel_init(const char *name, mm_machine_state *machine, mm_error **errp);

/* Accelerators built into libmodemu register themselves at load time. */
#define MM_ACCEL_REGISTER(ops) \
    static void __attribute__((constructor)) mm_accel_register_##ops(void) \
    { mm_accel_register(&(ops)); }

#endif
