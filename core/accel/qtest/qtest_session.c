/* qtest session plumbing: line framing, replies, log (see qtest_session.h). */
#include <stdarg.h>
#include <string.h>
#include <modemu/event.h>

#include "accel/qtest/qtest_session.h"

/* A fuzzer may send megabytes without a newline; a line longer than this is
 * answered with an error and dropped instead of growing without bound. */
#define MAX_LINE_BYTES (64u * 1024 * 1024)

void mm_qtest_session_init(mm_qtest_session *s, FILE *log,
                           void (*send)(void *opaque, const char *text, size_t len),
                           void *send_opaque)
{
    memset(s, 0, sizeof(*s));
    s->send = send;
    s->send_opaque = send_opaque;
    s->inbuf = g_string_new(NULL);
    s->log = log;
    s->start_ns = mm_clock_get_ns(MM_CLOCK_HOST);
}

void mm_qtest_session_destroy(mm_qtest_session *s)
{
    if (s->inbuf)
        g_string_free(s->inbuf, TRUE);
    s->inbuf = NULL;
}

void mm_qtest_session_log(mm_qtest_session *s, char tag, const char *text)
{
    if (!s->log)
        return;
    double secs = (double)(mm_clock_get_ns(MM_CLOCK_HOST) - s->start_ns) / MM_NS_PER_SEC;
    size_t len = strlen(text);
    while (len > 0 && text[len - 1] == '\n')
        len--;
    fprintf(s->log, "[%c +%f] %.*s\n", tag, secs, (int)len, text);
    fflush(s->log);
}

void mm_qtest_session_sendf(mm_qtest_session *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    mm_qtest_session_log(s, 'S', text);
    s->send(s->send_opaque, text, strlen(text));
    g_free(text);
}

void mm_qtest_session_feed(mm_qtest_session *s, const uint8_t *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (buf[i] != '\n') {
            if (s->inbuf->len < MAX_LINE_BYTES)
                g_string_append_c(s->inbuf, (char)buf[i]);
            continue;
        }
        if (s->inbuf->len >= MAX_LINE_BYTES) {
            mm_qtest_session_sendf(s, "ERR line too long\n");
        } else {
            /* The line may hold NUL bytes: execute only up to the first. */
            mm_qtest_session_log(s, 'R', s->inbuf->str);
            mm_qtest_session_execute(s, s->inbuf->str);
        }
        g_string_truncate(s->inbuf, 0);
    }
}
