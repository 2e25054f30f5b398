/* -d / -D logging (see <modemu/log.h>). */
#include <stdarg.h>
#include <stdio.h>
#include <modemu/log.h>

#include "util/log_config.h"

static uint32_t log_mask;
static FILE *log_file;

void mm_log_set_mask(uint32_t mask)
{
    log_mask = mask;
}

bool mm_log_set_file(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    if (log_file)
        fclose(log_file);
    setvbuf(f, NULL, _IOLBF, 0);
    log_file = f;
    return true;
}

MM_API bool mm_log_enabled(uint32_t mask)
{
    return (log_mask & mask) != 0;
}

MM_API void mm_log(uint32_t mask, const char *fmt, ...)
{
    if (!(log_mask & mask))
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(log_file ? log_file : stderr, fmt, ap);
    va_end(ap);
}
