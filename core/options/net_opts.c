/* Legacy network options (see options/net_opts.h). */
#include <string.h>
#include <glib.h>

#include "options/net_opts.h"

bool mm_net_opts_vlan(const mm_opts *opts, unsigned *vlan, mm_error **errp)
{
    uint64_t v;
    if (!mm_opts_get_uint(opts, "vlan", 0, &v, errp))
        return false;
    if (v > 4095) {
        mm_error_set(errp, "Parameter 'vlan' expects a number from 0 to 4095");
        return false;
    }
    *vlan = (unsigned)v;
    return true;
}

const char *mm_net_nic_driver(const char *model)
{
    if (!model)
        return "e1000";
    if (!strcmp(model, "virtio"))
        return "virtio-net-pci";
    return model;
}

bool mm_net_key_is_frontend(const char *key)
{
    static const char *const keys[] = {
        "type", "vlan", "name", "model", "macaddr", "mac", "addr", "vectors", NULL
    };
    return g_strv_contains(keys, key);
}
