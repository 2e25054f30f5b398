/*
 * The "none" machine: an empty board.  No CPU devices, buses or firmware;
 * guest RAM from -m only (QEMU's none has no RAM without -m; here vl always
 * supplies a size, 128 MiB by default), mapped at address 0.
 */
#include <modemu/object.h>

#include "machine/machine.h"
#include "memory/guest_ram.h"
#include "object/core_types.h"

static bool none_machine_realize(mm_object *obj, mm_error **errp)
{
    mm_machine_state *m = (mm_machine_state *)obj;
    if (!m->ram_size)
        return true;
    return mm_guest_ram_init(m->ram_size, MM_GUEST_RAM_ABOVE_4G_BASE, errp);
}

static const mm_property none_machine_properties[] = {
    MM_PROP_DEFINE_STRING("accel", mm_machine_state, accel, NULL,
                          "Accelerator list, e.g. \"kvm:tcg\""),
    MM_PROP_END,
};

static const mm_type_info none_machine_info = {
    .name = "none",
    .parent = MM_KIND_MACHINE,
    .description = "empty machine",
    .instance_size = sizeof(mm_machine_state),
    .user_creatable = true,
    .properties = none_machine_properties,
    .realize = none_machine_realize,
};
MM_CORE_TYPE_REGISTER(none_machine_info);
