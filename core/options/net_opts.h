/*
 * The legacy network options: -net TYPE[,vlan=N] (QEMU's removed "vlan"
 * hubs: every -net on the same vlan number is connected) and -nic.
 */
#ifndef MODEMU_OPTIONS_NET_OPTS_H
#define MODEMU_OPTIONS_NET_OPTS_H

#include <stdbool.h>
#include <modemu/error.h>
#include "options/opts.h"

/* The vlan a -net instance joins (0 when not given). */
bool mm_net_opts_vlan(const mm_opts *opts, unsigned *vlan, mm_error **errp);
/* The -device driver for a NIC model name (-net nic,model=virtio ->
 * virtio-net-pci); NULL model is the pc board's default, e1000. */
const char *mm_net_nic_driver(const char *model);
/* Keys of -net/-nic that configure the NIC or the hub, not the backend. */
bool mm_net_key_is_frontend(const char *key);

#endif
