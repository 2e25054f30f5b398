/*
 * One qtest protocol session (core-internal): the line buffer, the log and
 * the IRQ interception state, independent of the transport so that the
 * command interpreter can be driven by a chardev or directly by unit tests.
 */
#ifndef MODEMU_ACCEL_QTEST_QTEST_SESSION_H
#define MODEMU_ACCEL_QTEST_QTEST_SESSION_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <glib.h>
#include <modemu/object.h>

#define MM_QTEST_MAX_IRQ_LINES 256

typedef struct mm_qtest_session {
    /* Transport: writes one reply (without losing bytes). */
    void (*send)(void *opaque, const char *text, size_t len);
    void *send_opaque;
    GString *inbuf;            /* bytes received, not yet a full line */
    FILE *log;                 /* -qtest-log, or NULL */
    int64_t start_ns;          /* host time of session start, for log stamps */
    mm_object *intercepted;    /* device whose inputs are intercepted */
    int8_t irq_levels[MM_QTEST_MAX_IRQ_LINES];
} mm_qtest_session;

void mm_qtest_session_init(mm_qtest_session *s, FILE *log,
                           void (*send)(void *opaque, const char *text, size_t len),
                           void *send_opaque);
void mm_qtest_session_destroy(mm_qtest_session *s);
/* Feeds received bytes; every complete line is executed and answered. */
void mm_qtest_session_feed(mm_qtest_session *s, const uint8_t *buf, size_t len);
/* Executes one command line (without the newline) and sends its reply. */
void mm_qtest_session_execute(mm_qtest_session *s, const char *line);
/* Sends a reply or asynchronous line (printf-style, newline included by caller). */
void mm_qtest_session_sendf(mm_qtest_session *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Writes "[tag +seconds] text" to the log, if any. */
void mm_qtest_session_log(mm_qtest_session *s, char tag, const char *text);

#endif
