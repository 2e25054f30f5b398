/*
 * An emulator process with pipes on stdin/stdout and stderr captured, for
 * tests that talk to it as a terminal user would (mux escapes, monitor).
 */
#ifndef CHARDEV_TEST_EMULATOR_PROCESS_H
#define CHARDEV_TEST_EMULATOR_PROCESS_H

#include <stdbool.h>
#include <sys/types.h>
#include <glib.h>

typedef struct emulator {
    GPid pid;
    int in_fd, out_fd, err_fd;
    GString *out, *err;    /* everything read so far */
    bool exited;
    int status;
} emulator;

/* Spawns MODEMU_BINARY with args (space-separated, no quoting). */
emulator *emulator_start(const char *args);
void emulator_send(emulator *e, const char *bytes, size_t len);
/* Reads stdout/stderr until `text` appears in stdout (or stderr when
 * from_stderr); returns false after timeout_ms. */
bool emulator_expect(emulator *e, const char *text, bool from_stderr, int timeout_ms);
/* Waits for exit; returns the wait status or -1 on timeout. */
int emulator_wait(emulator *e, int timeout_ms);
/* SIGKILLs if still running, reaps, frees. */
void emulator_free(emulator *e);

#endif
