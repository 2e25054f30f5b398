/* One-line errors (see <modemu/error.h>). */
#include <stdarg.h>
#include <stdio.h>
#include <glib.h>
#include <modemu/error.h>

#include "util/progname.h"

MM_API void mm_error_set(mm_error **errp, const char *fmt, ...)
{
    if (!errp || *errp)
        return;
    va_list ap;
    va_start(ap, fmt);
    mm_error *err = g_new0(mm_error, 1);
    err->message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    *errp = err;
}

MM_API void mm_error_prepend(mm_error **errp, const char *fmt, ...)
{
    if (!errp || !*errp)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *prefix = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    char *joined = g_strdup_printf("%s: %s", prefix, (*errp)->message);
    g_free(prefix);
    g_free((*errp)->message);
    (*errp)->message = joined;
}

MM_API void mm_error_free(mm_error *err)
{
    if (!err)
        return;
    g_free(err->message);
    g_free(err);
}

MM_API void mm_error_report_and_free(mm_error *err)
{
    if (!err)
        return;
    mm_error_report("%s", err->message);
    mm_error_free(err);
}

static void report_line(const char *kind, const char *fmt, va_list ap)
{
    fprintf(stderr, "%s: %s", mm_progname(), kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

MM_API void mm_error_report(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_line("", fmt, ap);
    va_end(ap);
}

MM_API void mm_warn_report(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_line("warning: ", fmt, ap);
    va_end(ap);
}
