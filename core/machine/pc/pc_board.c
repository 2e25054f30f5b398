/*
 * Building the pc board (QEMU's pc-i440fx): guest RAM and the 4 GiB PCI
 * hole, the PCI bus behind the i440FX, PIIX3 and PIIX4 functions, the ISA
 * interrupt lines feeding both interrupt controllers, the board's ISA
 * devices, fw_cfg, the firmware and the default devices.
 */
#include <glib.h>
#include <modemu/irq.h>
#include <modemu/isa.h>
#include <modemu/memory.h>

#include "isa/isa_bus.h"
#include "machine/pc/bios.h"
#include "machine/pc/board_defaults.h"
#include "machine/pc/cmos_layout.h"
#include "machine/pc/fw_cfg.h"
#include "machine/pc/hpet.h"
#include "machine/pc/ioapic.h"
#include "machine/pc/pc_board.h"
#include "machine/pc/pc_fw_cfg.h"
#include "machine/pc/pic.h"
#include "machine/pc/piix3.h"
#include "machine/pc/pit.h"
#include "machine/pc/rtc.h"
#include "memory/guest_ram.h"
#include "pci/pci_host_conf1.h"
#include "pci/pci_internal.h"
#include "vl/globals.h"

#define ISA_NUM_IRQS 16

typedef struct pc_board {
    mm_irq *isa_irqs[ISA_NUM_IRQS];
    mm_object *pic, *ioapic;
    mm_memory_region *pci_mem, *conf1;
} pc_board;

/* ISA IRQ n drives 8259 input n and IOAPIC input n (the IOAPIC applies the
 * IRQ0 -> pin 2 override itself). */
static void pc_isa_irq_handler(void *opaque, int n, int level)
{
    pc_board *b = opaque;
    if (b->pic)
        mm_irq_set(mm_gpio_in_get(b->pic, NULL, n), level);
    if (b->ioapic)
        mm_irq_set(mm_gpio_in_get(b->ioapic, NULL, n), level);
}

mm_object *mm_pc_board_new_device(const char *type, const char *path,
                                  const char *const *props, mm_error **errp)
{
    mm_object *obj = mm_object_new(MM_KIND_DEVICE, type, NULL, errp);
    if (!obj)
        return NULL;
    /* -global reaches board devices too (QEMU: -global PIIX4_PM.x=y); the
     * board's own settings come after and win. */
    if (!mm_globals_apply(obj, errp))
        goto fail;
    for (int i = 0; props && props[i]; i += 2) {
        if (!mm_object_set_property(obj, props[i], props[i + 1], errp))
            goto fail;
    }
    if (!mm_object_realize(obj, errp))
        goto fail;
    if (path)
        mm_object_set_path_name(obj, path);
    return obj;
fail:
    mm_error_prepend(errp, "board device '%s'", type);
    mm_object_free(obj);
    return NULL;
}

static bool pc_build_buses(pc_board *b, const mm_pc_board_options *opts,
                           mm_machine_state *m, mm_error **errp)
{
    if (!mm_guest_ram_init(m->ram_size, opts->max_ram_below_4g, errp))
        return false;
    mm_memory_region *system = mm_address_space_root(mm_machine_memory_space());
    mm_memory_region *io = mm_address_space_root(mm_machine_io_space());
    /* The PCI address space lies under RAM: what RAM does not cover (the
     * hole below 4 GiB, the VGA window, the BIOS) is decoded by PCI. */
    b->pci_mem = mm_region_new_container(NULL, "pci", UINT64_MAX);
    mm_region_add_subregion(system, 0, b->pci_mem, -1);
    mm_pci_bus_init(b->pci_mem, io, mm_piix3_map_irq, mm_piix3_set_pirq, NULL);
    b->conf1 = mm_pci_conf1_region_new(NULL);
    mm_region_add_subregion(io, MM_PCI_CONF1_PORT, b->conf1, 0);
    for (int i = 0; i < ISA_NUM_IRQS; i++)
        b->isa_irqs[i] = mm_irq_new(pc_isa_irq_handler, b, i);
    mm_isa_bus_set_irqs(b->isa_irqs);
    return true;
}

static bool pc_build_chipset(pc_board *b, const mm_pc_board_options *opts, mm_error **errp)
{
    static const char *const host_props[] = { "addr", "0", NULL };
    static const char *const piix3_props[] = { "addr", "1", "multifunction", "on", NULL };
    static const char *const pm_props[] = { "addr", "1.3", NULL };
    b->pic = mm_pc_board_new_device(MM_TYPE_I8259, "pic", NULL, errp);
    if (!b->pic)
        return false;
    b->ioapic = mm_pc_board_new_device(MM_TYPE_IOAPIC, "ioapic", NULL, errp);
    if (!b->ioapic)
        return false;
    if (!mm_pc_board_new_device("i440FX", "i440fx", host_props, errp) ||
        !mm_pc_board_new_device(MM_TYPE_PIIX3, "piix3", piix3_props, errp))
        return false;
    if (opts->acpi && !mm_pc_board_new_device("PIIX4_PM", "piix4-pm", pm_props, errp))
        return false;
    return true;
}

static bool pc_build_isa_devices(const mm_pc_board_options *opts, mm_error **errp)
{
    static const struct { const char *type, *path; } devices[] = {
        { MM_TYPE_I8254, "pit" },
        { "pcspk-port", "pcspk" },
        { MM_TYPE_MC146818_RTC, "rtc" },
        { MM_TYPE_FW_CFG, "fw_cfg" },
        { "port92", "port92" },
        { "port80", "port80" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(devices); i++) {
        if (!mm_pc_board_new_device(devices[i].type, devices[i].path, NULL, errp))
            return false;
    }
    /* After the PIT and RTC: legacy replacement routing silences them. */
    if (opts->hpet && !mm_pc_board_new_device(MM_TYPE_HPET, "hpet", NULL, errp))
        return false;
    return true;
}

bool mm_pc_board_build(mm_machine_state *m, const mm_pc_board_options *opts, mm_error **errp)
{
    pc_board *b = g_new0(pc_board, 1);
    m->board = b;
    if (!pc_build_buses(b, opts, m, errp) || !pc_build_chipset(b, opts, errp) ||
        !pc_build_isa_devices(opts, errp))
        return false;
    if (!mm_pc_bios_load(m->firmware, b->pci_mem, errp))
        return false;
    if (!mm_pc_board_create_defaults(m, errp))
        return false;
    if (!mm_pc_cmos_init(m, mm_pc_board_has_ps2(), errp))
        return false;
    mm_pc_fw_cfg_populate(m, opts->hpet);
    return true;
}
