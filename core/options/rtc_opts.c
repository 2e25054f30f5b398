/* -rtc base=utc|localtime|datetime,clock=host|rt|vm,driftfix=none|slew
 * (see options/machine_opts.h). */
#include <string.h>
#include <glib.h>

#include "options/machine_opts.h"

static const char *const rtc_keys[] = { "base", "clock", "driftfix", NULL };

/* QEMU accepts "2006-06-17T16:01:21" and "2006-06-17", taken as UTC. */
static bool parse_rtc_datetime(const char *text, int64_t *epoch)
{
    int year, month, day, hour = 0, min = 0, sec = 0;
    char tail;
    if (sscanf(text, "%d-%d-%dT%d:%d:%d%c", &year, &month, &day, &hour, &min, &sec, &tail) != 6 &&
        (sscanf(text, "%d-%d-%d%c", &year, &month, &day, &tail) != 3 || strchr(text, 'T')))
        return false;
    if (year < 1970 || year > 9999)
        return false;
    GDateTime *dt = g_date_time_new_utc(year, month, day, hour, min, sec);
    if (!dt)
        return false;
    *epoch = g_date_time_to_unix(dt);
    g_date_time_unref(dt);
    return true;
}

static bool parse_rtc_base(const char *base, mm_rtc_config *c, mm_error **errp)
{
    if (!strcmp(base, "utc") || !strcmp(base, "localtime"))
        return true;
    if (!parse_rtc_datetime(base, &c->base_epoch)) {
        mm_error_set(errp, "invalid datetime format '%s' (valid formats: "
                     "'2006-06-17T16:01:21' or '2006-06-17')", base);
        return false;
    }
    c->base_is_datetime = true;
    return true;
}

static bool parse_rtc_clock(const char *clock, mm_rtc_config *c, mm_error **errp)
{
    static const char *const names[] = { "host", "rt", "vm", NULL };
    for (int i = 0; names[i]; i++) {
        if (!strcmp(clock, names[i])) {
            c->clock = (mm_rtc_clock)i;
            return true;
        }
    }
    mm_error_set(errp, "Invalid clock option: %s", clock);
    return false;
}

bool mm_rtc_opts_parse(const mm_opts *opts, mm_rtc_config *out, mm_error **errp)
{
    mm_rtc_config c = { .clock = MM_RTC_CLOCK_HOST };
    for (unsigned i = 0; opts && i < mm_opts_count(opts); i++) {
        if (!g_strv_contains(rtc_keys, mm_opts_key_at(opts, i))) {
            mm_error_set(errp, "Invalid parameter '%s'", mm_opts_key_at(opts, i));
            return false;
        }
    }
    const char *base = opts && mm_opts_get(opts, "base") ? mm_opts_get(opts, "base") : "utc";
    const char *clock = opts ? mm_opts_get(opts, "clock") : NULL;
    const char *driftfix = opts ? mm_opts_get(opts, "driftfix") : NULL;
    if (!parse_rtc_base(base, &c, errp) || (clock && !parse_rtc_clock(clock, &c, errp)))
        return false;
    if (driftfix && strcmp(driftfix, "none") && strcmp(driftfix, "slew")) {
        mm_error_set(errp, "Invalid driftfix option: %s", driftfix);
        return false;
    }
    c.driftfix_slew = driftfix && !strcmp(driftfix, "slew");
    c.base = g_strdup(base);
    *out = c;
    return true;
}

void mm_rtc_config_clear(mm_rtc_config *config)
{
    g_free(config->base);
    memset(config, 0, sizeof(*config));
}
