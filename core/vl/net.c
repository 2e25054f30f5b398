/*
 * Networks: -netdev backends, and the legacy -net (vlan hubs) and -nic
 * shorthands turned into one backend plus one NIC device each.
 */
#include <string.h>
#include <glib.h>

#include "options/net_opts.h"
#include "vl/core_api.h"
#include "vl/vl.h"

/* The backend id given to a -net vlan or a -nic (valid QemuOpts ids). */
static char *legacy_backend_id(const mm_opts *opts, unsigned index)
{
    if (!strcmp(mm_opts_group(opts), "nic"))
        return g_strdup_printf("nic%u", index);
    unsigned vlan = 0;
    mm_net_opts_vlan(opts, &vlan, NULL);
    return g_strdup_printf("vlan%u", vlan);
}

/* A netdev instance from a -net/-nic: backend keys only, named `id`. */
static mm_opts *legacy_backend_opts(const mm_opts *opts, const char *id)
{
    mm_opts *backend = mm_opts_new("netdev", id);
    mm_opts_set(backend, "type", mm_opts_get(opts, "type"));
    for (unsigned i = 0; i < mm_opts_count(opts); i++) {
        if (!mm_net_key_is_frontend(mm_opts_key_at(opts, i)))
            mm_opts_set(backend, mm_opts_key_at(opts, i), mm_opts_value_at(opts, i));
    }
    return backend;
}

static bool netdev_create(const mm_opts *opts, mm_error **errp)
{
    if (!mm_opts_id(opts)) {
        mm_error_set(errp, "-netdev %s: Parameter 'id' is missing", mm_opts_get(opts, "type"));
        return false;
    }
    return vl_object_from_opts(MM_KIND_NETDEV, opts, "type", errp) != NULL;
}

static bool legacy_backend_create(const mm_opts *opts, unsigned index, GHashTable *vlans,
                                  mm_error **errp)
{
    const char *type = mm_opts_get(opts, "type");
    unsigned vlan;
    if (!strcmp(type, "nic") || !strcmp(type, "none"))
        return true;
    if (!mm_net_opts_vlan(opts, &vlan, errp))
        return false;
    char *id = legacy_backend_id(opts, index);
    if (!strcmp(mm_opts_group(opts), "net") && g_hash_table_contains(vlans, id)) {
        mm_error_set(errp, "-net %s: a second backend on vlan %u is not implemented yet in "
                     "modemu (hubs)", type, vlan);
        g_free(id);
        return false;
    }
    mm_opts *backend = legacy_backend_opts(opts, id);
    bool ok = netdev_create(backend, errp);
    mm_opts_free(backend);
    g_hash_table_add(vlans, id);
    return ok;
}

bool vl_net_backends_create(const mm_opts_db *db, mm_error **errp)
{
    GHashTable *vlans = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    unsigned nics = 0;
    bool ok = true;
    for (unsigned i = 0; ok && i < mm_opts_db_count(db); i++) {
        const mm_opts *opts = mm_opts_db_at(db, i);
        const char *group = mm_opts_group(opts);
        if (!strcmp(group, "netdev"))
            ok = netdev_create(opts, errp);
        else if (!strcmp(group, "net"))
            ok = legacy_backend_create(opts, 0, vlans, errp);
        else if (!strcmp(group, "nic"))
            ok = legacy_backend_create(opts, nics++, vlans, errp);
    }
    g_hash_table_destroy(vlans);
    return ok;
}

static bool nic_create(const mm_opts *opts, const char *backend_id, mm_error **errp)
{
    mm_opts *dev = mm_opts_new("device", NULL);
    mm_opts_set(dev, "driver", mm_net_nic_driver(mm_opts_get(opts, "model")));
    const char *mac = mm_opts_get(opts, "macaddr") ? mm_opts_get(opts, "macaddr")
                                                   : mm_opts_get(opts, "mac");
    if (mac)
        mm_opts_set(dev, "mac", mac);
    if (mm_opts_get(opts, "addr"))
        mm_opts_set(dev, "addr", mm_opts_get(opts, "addr"));
    if (backend_id)
        mm_opts_set(dev, "netdev", backend_id);
    bool ok = vl_object_from_opts(MM_KIND_DEVICE, dev, "driver", errp) != NULL;
    mm_opts_free(dev);
    return ok;
}

/* -net nic joins the backend on its vlan; "-net nic,netdev=ID" names one. */
static char *net_nic_backend(const mm_opts_db *db, const mm_opts *nic)
{
    if (mm_opts_get(nic, "netdev"))
        return g_strdup(mm_opts_get(nic, "netdev"));
    char *want = legacy_backend_id(nic, 0);
    for (unsigned i = 0; i < mm_opts_db_count(db); i++) {
        const mm_opts *opts = mm_opts_db_at(db, i);
        if (strcmp(mm_opts_group(opts), "net") || !strcmp(mm_opts_get(opts, "type"), "nic") ||
            !strcmp(mm_opts_get(opts, "type"), "none"))
            continue;
        char *id = legacy_backend_id(opts, 0);
        bool match = !strcmp(id, want);
        g_free(id);
        if (match)
            return want;
    }
    g_free(want);
    return NULL;
}

bool vl_net_nics_create(const mm_opts_db *db, mm_error **errp)
{
    unsigned nics = 0;
    bool ok = true;
    for (unsigned i = 0; ok && i < mm_opts_db_count(db); i++) {
        const mm_opts *opts = mm_opts_db_at(db, i);
        const char *group = mm_opts_group(opts);
        const char *type = mm_opts_get(opts, "type");
        if (!strcmp(group, "net") && !strcmp(type, "nic")) {
            char *backend = net_nic_backend(db, opts);
            if (!backend)
                mm_warn_report("-net nic: requested NIC has no backend on its vlan");
            ok = nic_create(opts, backend, errp);
            g_free(backend);
        } else if (!strcmp(group, "nic") && strcmp(type, "none")) {
            char *backend = legacy_backend_id(opts, nics++);
            ok = nic_create(opts, backend, errp);
            g_free(backend);
        } else if (!strcmp(group, "nic")) {
            nics++;
        }
    }
    return ok;
}
