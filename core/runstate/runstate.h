/*
 * Run state (core-internal): vm start/stop, system reset, and the
 * reset/shutdown requests that devices, the monitor, the mux and signals post
 * and that the main loop carries out (honouring -no-reboot / -no-shutdown).
 */
#ifndef MODEMU_RUNSTATE_RUNSTATE_H
#define MODEMU_RUNSTATE_RUNSTATE_H

#include <stdbool.h>
#include <modemu/machine.h>

/* From -no-reboot (a reset request exits instead) and -no-shutdown (a guest
 * power-off stops the machine instead of exiting). */
void mm_runstate_configure(bool no_reboot, bool no_shutdown);

/* Starts guest execution: virtual clock running, accelerator started.  vl
 * calls it once the machine is built unless -S was given; `cont` too. */
void mm_vm_start(void);
/* Pauses the guest and the virtual clock; `reason` is shown by `info status`
 * ("paused" for the monitor's stop, "shutdown" after -no-shutdown power-off). */
void mm_vm_stop(const char *reason);
/* "running", or "paused" / "paused (prelaunch)" / "paused (shutdown)". */
const char *mm_runstate_describe(void);

/* Runs every registered reset handler in order, then the accelerator's. */
void mm_system_reset(void);

/* Runs the registered power-button handlers; false if there are none. */
bool mm_machine_request_powerdown(void);

/* Whether a reset or shutdown request is waiting for the main loop. */
bool mm_runstate_request_pending(void);
/* Whether a shutdown/quit request is waiting (the process may be ending). */
bool mm_runstate_shutdown_pending(void);
/* Carries out pending requests; returns true when the process must exit,
 * with the exit status in *exit_status. */
bool mm_runstate_process_requests(int *exit_status);

#endif
