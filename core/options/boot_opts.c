/* -boot [order=]drives[,once=drives][,menu=on|off]... (see options/machine_opts.h). */
#include <string.h>
#include <glib.h>

#include "options/machine_opts.h"
#include "object/property.h"

static const char *const boot_keys[] = {
    "order", "once", "menu", "splash", "splash-time", "reboot-timeout", "strict", NULL
};

/* QEMU's validate_bootdevices: letters a-p, each at most once. */
static bool validate_boot_devices(const char *devices, mm_error **errp)
{
    unsigned seen = 0;
    for (const char *p = devices; *p; p++) {
        if (*p < 'a' || *p > 'p') {
            mm_error_set(errp, "Invalid boot device '%c'", *p);
            return false;
        }
        unsigned bit = 1u << (*p - 'a');
        if (seen & bit) {
            mm_error_set(errp, "Boot device '%c' was given twice", *p);
            return false;
        }
        seen |= bit;
    }
    return true;
}

static bool read_ms(const mm_opts *opts, const char *key, int64_t *out, mm_error **errp)
{
    uint64_t v;
    if (!mm_opts_get(opts, key)) {
        *out = -1;
        return true;
    }
    if (!mm_opts_get_uint(opts, key, 0, &v, errp))
        return false;
    if (v > 0xffff) {
        mm_error_set(errp, "%s value is out of range (0..65535 ms)", key);
        return false;
    }
    *out = (int64_t)v;
    return true;
}

bool mm_boot_opts_parse(const mm_opts *opts, mm_boot_config *out, mm_error **errp)
{
    mm_boot_config c = { .splash_time = -1, .reboot_timeout = -1 };
    for (unsigned i = 0; opts && i < mm_opts_count(opts); i++) {
        if (!g_strv_contains(boot_keys, mm_opts_key_at(opts, i))) {
            mm_error_set(errp, "Invalid parameter '%s'", mm_opts_key_at(opts, i));
            return false;
        }
    }
    const char *order = opts ? mm_opts_get(opts, "order") : NULL;
    const char *once = opts ? mm_opts_get(opts, "once") : NULL;
    if ((order && !validate_boot_devices(order, errp)) ||
        (once && !validate_boot_devices(once, errp)))
        return false;
    if (opts && (!mm_opts_get_bool(opts, "menu", false, &c.menu, errp) ||
                 !mm_opts_get_bool(opts, "strict", false, &c.strict, errp) ||
                 !read_ms(opts, "splash-time", &c.splash_time, errp) ||
                 !read_ms(opts, "reboot-timeout", &c.reboot_timeout, errp)))
        return false;
    c.order = g_strdup(order ? order : "cad");
    c.once = g_strdup(once);
    *out = c;
    return true;
}

void mm_boot_config_clear(mm_boot_config *config)
{
    g_free(config->order);
    g_free(config->once);
    memset(config, 0, sizeof(*config));
}
