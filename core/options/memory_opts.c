/* -m size[,slots=n,maxmem=size] (see options/machine_opts.h). */
#include <string.h>
#include <glib.h>

#include "options/machine_opts.h"
#include "object/property.h"

static bool parse_mem_size(const mm_opts *opts, const char *key, uint64_t *out,
                           mm_error **errp)
{
    const char *text = mm_opts_get(opts, key);
    /* A plain -m number is MiB (QEMU's default unit for size=); maxmem= is
     * bytes unless suffixed, as in QEMU. */
    size_t len = strlen(text);
    bool plain = len && g_ascii_isdigit(text[len - 1]) && !strcmp(key, "size");
    char *with_unit = plain ? g_strconcat(text, "M", NULL) : g_strdup(text);
    bool ok = mm_parse_size(with_unit, out);
    g_free(with_unit);
    if (!ok) {
        mm_error_set(errp, "Parameter '%s' expects a size (a number with optional "
                     "suffix k, M, G, T, P or E), not '%s'", key, text);
        return false;
    }
    return true;
}

bool mm_memory_opts_parse(const mm_opts *opts, mm_memory_config *out, mm_error **errp)
{
    *out = (mm_memory_config){ .size = MM_DEFAULT_RAM_SIZE };
    if (!opts)
        return true;
    for (unsigned i = 0; i < mm_opts_count(opts); i++) {
        const char *key = mm_opts_key_at(opts, i);
        if (strcmp(key, "size") && strcmp(key, "maxmem") && strcmp(key, "slots")) {
            mm_error_set(errp, "Invalid parameter '%s'", key);
            return false;
        }
    }
    if (mm_opts_get(opts, "size")) {
        if (!parse_mem_size(opts, "size", &out->size, errp))
            return false;
        if (out->size == 0) {
            mm_error_set(errp, "memory size must be greater than 0");
            return false;
        }
        if (out->size > UINT64_MAX - 8191) {
            mm_error_set(errp, "ram size too large");
            return false;
        }
        out->size = (out->size + 8191) & ~8191ull;
    }
    uint64_t slots = 0;
    if (mm_opts_get(opts, "maxmem") && !parse_mem_size(opts, "maxmem", &out->maxmem, errp))
        return false;
    if (!mm_opts_get_uint(opts, "slots", 0, &slots, errp))
        return false;
    if (slots > 256) {
        mm_error_set(errp, "unsupported number of memory slots: %" G_GUINT64_FORMAT
                     ", max is 256", slots);
        return false;
    }
    out->slots = (unsigned)slots;
    if (out->maxmem && out->maxmem < out->size) {
        mm_error_set(errp, "invalid value of maxmem: maximum memory size (0x%" G_GINT64_MODIFIER
                     "x) must be at least the initial memory size (0x%" G_GINT64_MODIFIER "x)",
                     out->maxmem, out->size);
        return false;
    }
    if (out->slots && !out->maxmem) {
        mm_error_set(errp, "invalid -m option value: missing 'maxmem' option");
        return false;
    }
    if (out->maxmem > out->size && !out->slots) {
        mm_error_set(errp, "invalid value of -m option: maxmem was specified, but no hotplug slots were specified");
        return false;
    }
    return true;
}
