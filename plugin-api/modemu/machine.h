/*
 * Machine-wide requests and state that devices and backends may use.
 */
#ifndef MODEMU_MACHINE_H
#define MODEMU_MACHINE_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/abi.h>

typedef enum mm_shutdown_cause {
    MM_SHUTDOWN_NONE = 0,
    MM_SHUTDOWN_GUEST_POWEROFF,  /* ACPI S5, etc.: exit status 0 */
    MM_SHUTDOWN_GUEST_RESET,     /* 0xCF9, 0x92, i8042, triple fault */
    MM_SHUTDOWN_HOST_QUIT,       /* monitor `quit`, C-a x, signal */
    MM_SHUTDOWN_GUEST_PANIC,
} mm_shutdown_cause;

/* Asks the main loop to reset the machine (or exit with -no-reboot). */
MM_API void mm_machine_request_reset(mm_shutdown_cause cause);
/* Asks the main loop to power off / quit (or stop with -no-shutdown). */
MM_API void mm_machine_request_shutdown(mm_shutdown_cause cause);

/* Reset handlers run on every system reset, in registration order. */
typedef void (*mm_reset_fn)(void *opaque);
MM_API void mm_machine_register_reset(mm_reset_fn fn, void *opaque);
MM_API void mm_machine_unregister_reset(mm_reset_fn fn, void *opaque);

/* The monitor's system_powerdown asks the guest to power off: the board's
 * ACPI power button registers a handler here (several may). */
typedef void (*mm_powerdown_fn)(void *opaque);
MM_API void mm_machine_register_powerdown(mm_powerdown_fn fn, void *opaque);

/* Whether the machine is running (not stopped by -S / `stop`). */
MM_API bool mm_machine_is_running(void);

/* fw_cfg items for devices that pass data to firmware (e.g. bootindex, ROMs). */
MM_API bool mm_fw_cfg_add_file(const char *name, const void *data, uint32_t len);

#endif
