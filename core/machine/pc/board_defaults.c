/*
 * The pc board's default devices, in one table.
 *
 * QEMU's pc adds, unless -nodefaults: a serial port per -serial backend
 * (COM1 with the default backend), LPT1, a floppy controller with drive A,
 * an IDE CD-ROM, std VGA and an e1000 NIC.  Only what exists in this build
 * is created; the rest belongs to later work and is listed here so the
 * table is the one place to extend.  The keyboard controller is not a
 * -nodefaults default: it is always present on a PC.
 */
#include <stdio.h>
#include <glib.h>
#include <modemu/chardev.h>
#include <modemu/error.h>

#include "machine/pc/board_defaults.h"
#include "machine/pc/pc_board.h"
#include "plugin/plugin_registry.h"

#define PC_MAX_SERIAL_PORTS 4

typedef bool (*pc_default_create_fn)(mm_machine_state *m, mm_error **errp);

typedef struct pc_default_device {
    const char *what;
    bool skipped_by_nodefaults;
    pc_default_create_fn create;   /* NULL: not available in modemu yet */
} pc_default_device;

static bool ps2_is_plugin;

static bool type_available(const char *type)
{
    return mm_type_find(MM_KIND_DEVICE, type) ||
           mm_plugins_require_type(MM_KIND_DEVICE, type, NULL);
}

static bool create_keyboard_controller(mm_machine_state *m, mm_error **errp)
{
    /* The seam for the PS/2 keyboard/mouse plugin: use it when present. */
    ps2_is_plugin = type_available("i8042");
    return mm_pc_board_new_device(ps2_is_plugin ? "i8042" : "i8042-minimal", "i8042", NULL,
                                  errp) != NULL;
}

/* One COM port per serialN backend that vl created from -serial (or
 * -nographic); COM1 without a backend when the command line asked for no
 * serial port at all (any -serial, `none` included, opts out, as in QEMU). */
static bool create_serial_ports(mm_machine_state *m, mm_error **errp)
{
    static bool warned;
    for (int i = 0; i < PC_MAX_SERIAL_PORTS; i++) {
        char id[16], index[4], path[16];
        snprintf(id, sizeof(id), "serial%d", i);
        bool has_backend = mm_object_find_by_id(MM_KIND_CHARDEV, id) != NULL;
        if (!has_backend && (i > 0 || !m->default_serial))
            continue;
        if (!type_available("isa-serial")) {
            if (!warned)
                mm_warn_report("COM%d not created: device 'isa-serial' (plugin serial) is "
                               "not installed", i + 1);
            warned = true;
            return true;
        }
        snprintf(index, sizeof(index), "%d", i);
        snprintf(path, sizeof(path), "serial%d", i);
        const char *props[] = { "index", index, has_backend ? "chardev" : NULL, id, NULL };
        if (!mm_pc_board_new_device("isa-serial", path, props, errp))
            return false;
    }
    return true;
}

/* -usb / usb=on: PIIX3's UHCI function at 00:01.2, as on QEMU's pc. */
static bool create_usb_controller(mm_machine_state *m, mm_error **errp)
{
    static const char *const props[] = { "addr", "1.2", NULL };
    if (!m->usb)
        return true;
    if (!type_available("piix3-usb-uhci")) {
        mm_error_set(errp, "-usb: the USB controller (device 'piix3-usb-uhci') is not "
                     "available in this build of modemu");
        return false;
    }
    return mm_pc_board_new_device("piix3-usb-uhci", "piix3-usb-uhci", props, errp) != NULL;
}

static const pc_default_device pc_defaults[] = {
    { "USB UHCI controller with -usb", false, create_usb_controller },
    { "keyboard controller (i8042)", false, create_keyboard_controller },
    { "serial ports (COM1-COM4)", false, create_serial_ports },
    { "parallel port LPT1", true, NULL },
    { "floppy controller with drive A", true, NULL },
    { "IDE CD-ROM on ide1 master", true, NULL },
    { "std VGA", true, NULL },
    { "e1000 NIC with user networking", true, NULL },
};

bool mm_pc_board_create_defaults(mm_machine_state *m, mm_error **errp)
{
    for (size_t i = 0; i < G_N_ELEMENTS(pc_defaults); i++) {
        const pc_default_device *d = &pc_defaults[i];
        if (!d->create || (d->skipped_by_nodefaults && !m->defaults))
            continue;
        if (!d->create(m, errp))
            return false;
    }
    return true;
}

bool mm_pc_board_has_ps2(void)
{
    return ps2_is_plugin;
}
