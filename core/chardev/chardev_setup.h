/*
 * Creating character devices (core-internal, for the command line, qtest and
 * the monitor).
 *
 *  -chardev TYPE,id=ID,key=value...  -> mm_chardev_new(TYPE, ID, kv)
 *  -serial/-monitor/-parallel SPEC   -> mm_chardev_new_legacy(SPEC, "serial0")
 *  -nographic                         -> mm_chardev_new_nographic_stdio()
 *
 * The generic options every backend accepts are handled here, not by the
 * backend: mux=on (several frontends share it; QEMU's C-a escapes select one),
 * logfile=PATH and logappend=on (a copy of everything written out).
 */
#ifndef MODEMU_CHARDEV_CHARDEV_SETUP_H
#define MODEMU_CHARDEV_CHARDEV_SETUP_H

#include <stdbool.h>
#include <modemu/chardev.h>
#include <modemu/error.h>

/* kv: NULL-terminated alternating key, value strings (may be NULL for none).
 * Loads the plugin providing TYPE, creates, configures and realizes it. */
mm_chardev *mm_chardev_new(const char *type, const char *id, const char *const *kv,
                           mm_error **errp);

/* The legacy spec syntax: stdio, null, none, vc[:WxH], pty, file:PATH,
 * pipe:PATH, tcp:HOST:PORT[,server][,nowait][,nodelay], unix:PATH[,server]
 * [,nowait], udp:[RHOST]:RPORT[@[LHOST]:LPORT], /dev/TTY, chardev:ID, and
 * mon:SPEC (SPEC multiplexed with a human monitor).  Returns NULL without an
 * error for "none" (the caller creates nothing).  id_hint names the new
 * backend ("serial0", "compat_monitor0", "parallel0", "qtest"). */
mm_chardev *mm_chardev_new_legacy(const char *spec, const char *id_hint, mm_error **errp);

/* -nographic: stdio multiplexed between the monitor (attached here) and the
 * serial port that the caller attaches next (it gets the focus, as in QEMU).
 * Returns the chardev for serial0. */
mm_chardev *mm_chardev_new_nographic_stdio(mm_error **errp);

/* Calls cb for every chardev created here, in creation order. */
void mm_chardev_foreach(void (*cb)(mm_chardev *chr, void *opaque), void *opaque);

/* Frees every chardev created here (at exit; restores terminal state). */
void mm_chardev_cleanup_all(void);

#endif
