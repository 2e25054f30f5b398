/*
 * libqtest: drives modemu-system-x86_64 through the qtest accelerator.
 *
 * qtest_start("-M pc -serial file:/tmp/x") spawns
 *   modemu-system-x86_64 -qtest unix:SOCK -qtest-log LOG -display none
 *                        -accel qtest <extra args>
 * with the emulator's stdout and stderr captured to temporary files, waits
 * for it to connect, and returns the session.  Every call sends one protocol
 * line and waits for its reply; asynchronous "IRQ raise/lower N" lines are
 * consumed on the way and tracked for qtest_get_irq().  Any protocol error,
 * an "ERR"/"FAIL" reply to a typed helper, or an emulator that dies makes the
 * test fail at once with a message (and the emulator's stderr).
 *
 * Environment: MODEMU_BINARY overrides the emulator path; QTEST_LOG=1 sends
 * the protocol log to the test's stderr.
 */
#ifndef MODEMU_TESTS_LIBQTEST_H
#define MODEMU_TESTS_LIBQTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct QTestState QTestState;

QTestState *qtest_start(const char *extra_args);
QTestState *qtest_startf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Terminates the emulator (SIGTERM), reaps it, and fails the test unless it
 * exited with status 0 and reported no sanitizer error.  Frees the session. */
void qtest_quit(QTestState *s);
/* Waits up to timeout_ms for the emulator to exit on its own; returns its
 * wait status, or -1 on timeout (the emulator is then still running). */
int qtest_wait_exit(QTestState *s, int timeout_ms);
pid_t qtest_pid(QTestState *s);

/* Whether an emulator run ended in an ASan/UBSan error: a sanitizer report
 * on its stderr, or the sanitizer exit status a MODEMU_SANITIZE build's
 * emulator ends with (core/tools/sanitizer_defaults.c).  qtest_quit() and
 * qtest_assert_refused() fail the test on it. */
bool qtest_sanitizer_error(int wait_status, const char *stderr_text);
/* Asserts that a spawned emulator refused its command line cleanly: exit
 * status 1 (not a crash, not a sanitizer error) and no sanitizer report. */
void qtest_assert_refused(int wait_status, const char *stderr_text);
/* Runs the emulator as qtest_start() would (stdio instead of a socket, at
 * most 20 s) and asserts that it refuses extra_args cleanly with one line on
 * stderr that contains message_part. */
void qtest_expect_refusal(const char *extra_args, const char *message_part);

/* Everything the emulator wrote to stderr / stdout so far (g_free it). */
char *qtest_read_stderr(QTestState *s);
char *qtest_read_stdout(QTestState *s);

/* Sends a raw line (no newline) and returns the reply line, without the
 * newline, whatever it is ("OK ...", "ERR ...", "FAIL ..."); g_free it. */
char *qtest_rsp_raw(QTestState *s, const char *line);

void qtest_outb(QTestState *s, uint16_t port, uint8_t value);
void qtest_outw(QTestState *s, uint16_t port, uint16_t value);
void qtest_outl(QTestState *s, uint16_t port, uint32_t value);
uint8_t qtest_inb(QTestState *s, uint16_t port);
uint16_t qtest_inw(QTestState *s, uint16_t port);
uint32_t qtest_inl(QTestState *s, uint16_t port);

void qtest_writeb(QTestState *s, uint64_t addr, uint8_t value);
void qtest_writew(QTestState *s, uint64_t addr, uint16_t value);
void qtest_writel(QTestState *s, uint64_t addr, uint32_t value);
void qtest_writeq(QTestState *s, uint64_t addr, uint64_t value);
uint8_t qtest_readb(QTestState *s, uint64_t addr);
uint16_t qtest_readw(QTestState *s, uint64_t addr);
uint32_t qtest_readl(QTestState *s, uint64_t addr);
uint64_t qtest_readq(QTestState *s, uint64_t addr);

/* "read"/"write" (hex) and "b64read"/"b64write" buffer transfers. */
void qtest_memread(QTestState *s, uint64_t addr, void *buf, size_t size);
void qtest_memwrite(QTestState *s, uint64_t addr, const void *buf, size_t size);
void qtest_bufread(QTestState *s, uint64_t addr, void *buf, size_t size);
void qtest_bufwrite(QTestState *s, uint64_t addr, const void *buf, size_t size);
void qtest_memset(QTestState *s, uint64_t addr, uint8_t value, size_t size);

/* Virtual clock (ns); each returns the clock after the command. */
int64_t qtest_clock_step(QTestState *s, int64_t step_ns);
int64_t qtest_clock_step_next(QTestState *s);
int64_t qtest_clock_set(QTestState *s, int64_t value_ns);

/* IRQ interception: after qtest_irq_intercept_in(s, "ioapic") the levels of
 * that device's inputs are reported and qtest_get_irq(n) returns input n's. */
void qtest_irq_intercept_in(QTestState *s, const char *path);
bool qtest_get_irq(QTestState *s, int n);
void qtest_set_irq_in(QTestState *s, const char *path, const char *name, int n, int level);

/* The emulator binary the library starts. */
const char *qtest_binary(void);

#endif
