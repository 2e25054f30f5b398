/* The "isa-device" base type: port devices behind the PIIX3 ISA bridge. */
#include <modemu/isa.h>

#include "isa/isa_bus.h"
#include "object/core_types.h"

static bool isa_device_realize(mm_object *obj, mm_error **errp)
{
    if (!mm_isa_bus_present()) {
        mm_error_set(errp, "No ISA bus found for device '%s'", mm_object_type_name(obj));
        return false;
    }
    return true;
}

static const mm_type_info isa_device_info = {
    .name = MM_TYPE_ISA_DEVICE,
    .parent = MM_KIND_DEVICE,
    .description = "Device on the ISA bus",
    .instance_size = sizeof(mm_isa_device),
    .abstract = true,
    .realize = isa_device_realize,
};
MM_CORE_TYPE_REGISTER(isa_device_info);
