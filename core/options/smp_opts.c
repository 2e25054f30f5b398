/* -smp topology (see options/machine_opts.h). */
#include <string.h>
#include <glib.h>

#include "options/machine_opts.h"

static const char *const smp_keys[] = {
    "cpus", "sockets", "dies", "cores", "threads", "maxcpus", NULL
};

static bool read_smp_value(const mm_opts *opts, const char *key, unsigned *out,
                           mm_error **errp)
{
    uint64_t v;
    if (!mm_opts_get_uint(opts, key, 0, &v, errp))
        return false;
    if (mm_opts_get(opts, key) && v == 0) {
        mm_error_set(errp, "Invalid CPU topology: CPU topology parameters must be greater "
                     "than zero");
        return false;
    }
    if (v > 4096) {
        mm_error_set(errp, "Invalid SMP CPUs %" G_GUINT64_FORMAT ": too large", v);
        return false;
    }
    *out = (unsigned)v;
    return true;
}

static bool read_smp_values(const mm_opts *opts, mm_smp_config *c, mm_error **errp)
{
    for (unsigned i = 0; opts && i < mm_opts_count(opts); i++) {
        const char *key = mm_opts_key_at(opts, i);
        if (!g_strv_contains(smp_keys, key)) {
            mm_error_set(errp, "Invalid parameter '%s'", key);
            return false;
        }
    }
    return !opts ||
           (read_smp_value(opts, "cpus", &c->cpus, errp) &&
            read_smp_value(opts, "sockets", &c->sockets, errp) &&
            read_smp_value(opts, "dies", &c->dies, errp) &&
            read_smp_value(opts, "cores", &c->cores, errp) &&
            read_smp_value(opts, "threads", &c->threads, errp) &&
            read_smp_value(opts, "maxcpus", &c->maxcpus, errp));
}

static unsigned or_one(unsigned v)
{
    return v ? v : 1;
}

/* QEMU's machine_parse_smp_config: omitted values from given ones. */
static void compute_missing(mm_smp_config *c)
{
    c->dies = or_one(c->dies);
    if (c->cpus == 0 && c->maxcpus == 0) {
        c->sockets = or_one(c->sockets);
        c->cores = or_one(c->cores);
        c->threads = or_one(c->threads);
    } else {
        unsigned max = c->maxcpus ? c->maxcpus : c->cpus;
        c->maxcpus = max;
        if (c->cores == 0) {
            c->sockets = or_one(c->sockets);
            c->threads = or_one(c->threads);
            c->cores = (unsigned)(max / ((uint64_t)c->sockets * c->dies * c->threads));
        } else if (c->sockets == 0) {
            c->threads = or_one(c->threads);
            c->sockets = (unsigned)(max / ((uint64_t)c->dies * c->cores * c->threads));
        }
        if (c->threads == 0)
            c->threads = (unsigned)(max / ((uint64_t)c->sockets * c->dies * c->cores));
    }
    uint64_t product = (uint64_t)c->sockets * c->dies * c->cores * c->threads;
    if (c->maxcpus == 0)
        c->maxcpus = product > UINT32_MAX ? UINT32_MAX : (unsigned)product;
    if (c->cpus == 0)
        c->cpus = c->maxcpus;
}

bool mm_smp_opts_parse(const mm_opts *opts, unsigned max_cpus, mm_smp_config *out,
                       mm_error **errp)
{
    mm_smp_config c = { 0 };
    if (!read_smp_values(opts, &c, errp))
        return false;
    compute_missing(&c);
    uint64_t product = (uint64_t)c.sockets * c.dies * c.cores * c.threads;
    if (product != c.maxcpus) {
        mm_error_set(errp, "Invalid CPU topology: product of the hierarchy must match "
                     "maxcpus: sockets (%u) * dies (%u) * cores (%u) * threads (%u) != "
                     "maxcpus (%u)", c.sockets, c.dies, c.cores, c.threads, c.maxcpus);
        return false;
    }
    if (c.maxcpus < c.cpus) {
        mm_error_set(errp, "Invalid CPU topology: maxcpus must be equal to or greater than "
                     "smp: sockets (%u) * dies (%u) * cores (%u) * threads (%u) == maxcpus "
                     "(%u) < smp_cpus (%u)", c.sockets, c.dies, c.cores, c.threads,
                     c.maxcpus, c.cpus);
        return false;
    }
    if (max_cpus && c.maxcpus > max_cpus) {
        mm_error_set(errp, "Invalid SMP CPUs %u. The max CPUs supported by machine is %u",
                     c.maxcpus, max_cpus);
        return false;
    }
    *out = c;
    return true;
}
