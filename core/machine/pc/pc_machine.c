/*
 * The "pc" machine types: QEMU 7.2's pc-i440fx-7.2 ("Standard PC (i440FX +
 * PIIX, 1996)"), answering to "pc" and to the older version names the seed
 * chapter lists, which all build the same board here.
 */
#include <glib.h>
#include <modemu/object.h>

#include "machine/machine.h"
#include "machine/pc/pc_board.h"
#include "object/core_types.h"

enum { SMM_ON, SMM_OFF, SMM_AUTO };

typedef struct mm_pc_machine {
    mm_machine_state ms;
    int smm;
    uint64_t max_ram_below_4g;
    bool hpet;
    bool vmport;
} mm_pc_machine;

static const char *const pc_smm_names[] = { "on", "off", "auto", NULL };

static bool pc_machine_realize(mm_object *obj, mm_error **errp)
{
    mm_pc_machine *pcm = (mm_pc_machine *)obj;
    if (pcm->smm == SMM_ON) {
        mm_error_set(errp, "machine property smm=on: System Management Mode is not "
                     "emulated by modemu (use smm=off or smm=auto)");
        return false;
    }
    mm_pc_board_options opts = {
        .max_ram_below_4g = pcm->max_ram_below_4g,
        .acpi = pcm->ms.acpi,
        .hpet = pcm->hpet,
    };
    return mm_pc_board_build(&pcm->ms, &opts, errp);
}

static const mm_property pc_machine_properties[] = {
    MM_PROP_DEFINE_STRING("accel", mm_pc_machine, ms.accel, NULL,
                          "Accelerator list, e.g. \"kvm:tcg\""),
    MM_PROP_DEFINE_BOOL("usb", mm_pc_machine, ms.usb, "off", "Set on/off to enable/disable usb"),
    MM_PROP_DEFINE_BOOL("acpi", mm_pc_machine, ms.acpi, "on", "Enable ACPI"),
    MM_PROP_DEFINE_ENUM("smm", mm_pc_machine, smm, pc_smm_names, "auto",
                        "Enable SMM (not emulated: auto means off, on is refused)"),
    MM_PROP_DEFINE_SIZE("max-ram-below-4g", mm_pc_machine, max_ram_below_4g, "0",
                        "Maximum ram below the 4G boundary (32bit boundary)"),
    MM_PROP_DEFINE_BOOL("hpet", mm_pc_machine, hpet, "on", "Enable HPET"),
    MM_PROP_DEFINE_BOOL("vmport", mm_pc_machine, vmport, "off",
                        "Enable vmport (accepted, not emulated)"),
    MM_PROP_END,
};

static const char *const pc_machine_aliases[] = {
    "pc",
    "pc-i440fx-2.0", "pc-i440fx-1.7", "pc-i440fx-1.6", "pc-i440fx-1.5", "pc-i440fx-1.4",
    "pc-1.3", "pc-1.2", "pc-1.1", "pc-1.0",
    "pc-0.15", "pc-0.14", "pc-0.13", "pc-0.12", "pc-0.11", "pc-0.10",
    NULL,
};

static const mm_type_info pc_machine_info = {
    .name = "pc-i440fx-7.2",
    .parent = MM_KIND_MACHINE,
    .description = "Standard PC (i440FX + PIIX, 1996)",
    .aliases = pc_machine_aliases,
    .instance_size = sizeof(mm_pc_machine),
    .user_creatable = true,
    .properties = pc_machine_properties,
    .realize = pc_machine_realize,
};
MM_CORE_TYPE_REGISTER(pc_machine_info);
