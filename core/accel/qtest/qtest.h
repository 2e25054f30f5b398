/*
 * The qtest accelerator (core-internal entry points for the command line).
 *
 * `-accel qtest` runs no CPU: the virtual clock becomes a counter moved only
 * by the protocol's clock_step / clock_set.  `-qtest SPEC` opens the protocol
 * on a character device given in the legacy -serial syntax
 * ("unix:PATH[,server]", "tcp:...", "stdio"); `-qtest-log FILE` records the
 * exchange ("[R +t] cmd", "[S +t] reply").  -qtest without -accel should
 * select the qtest accelerator, as QEMU's libqtest expects.
 */
#ifndef MODEMU_ACCEL_QTEST_QTEST_H
#define MODEMU_ACCEL_QTEST_QTEST_H

#include <stdbool.h>
#include <modemu/error.h>

/* Opens the protocol server; log may be NULL.  Call after the machine is
 * built (the protocol addresses its memory and I/O spaces) and before
 * mm_main_loop_run(). */
bool mm_qtest_init(const char *spec, const char *log, mm_error **errp);

/* Whether the qtest accelerator is the one in use. */
bool mm_qtest_enabled(void);

#endif
