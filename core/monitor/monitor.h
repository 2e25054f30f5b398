/*
 * The human monitor (core-internal): a "(qemu) " prompt on a chardev with
 * a minimal command set (help, quit, stop, cont, system_reset,
 * system_powerdown, info status|version|chardev).
 */
#ifndef MODEMU_MONITOR_MONITOR_H
#define MODEMU_MONITOR_MONITOR_H

#include <stdbool.h>
#include <modemu/chardev.h>
#include <modemu/error.h>
#include <glib.h>

/* Attaches a monitor to chr (for mux=on chardevs, before the serial port so
 * that the serial port gets the initial focus, as in QEMU). */
bool mm_monitor_new(mm_chardev *chr, mm_error **errp);

typedef struct mm_monitor mm_monitor;
/* Output for command handlers; '\n' becomes "\r\n" as on a terminal. */
void mm_monitor_printf(mm_monitor *mon, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Runs one command line (monitor_commands.c). */
void mm_monitor_execute(mm_monitor *mon, const char *line);

#endif
