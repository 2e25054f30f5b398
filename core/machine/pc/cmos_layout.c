/* CMOS contents of the pc board (see cmos_layout.h). */
#include <string.h>
#include <glib.h>
#include <modemu/machine.h>
#include <modemu/memory.h>

#include "machine/pc/cmos_layout.h"
#include "machine/pc/rtc.h"

#define CMOS_FLOPPY_TYPES 0x10
#define CMOS_EQUIPMENT 0x14
#define CMOS_BASE_MEM_LO 0x15
#define CMOS_EXT_MEM_LO 0x17
#define CMOS_EXT_MEM_ALT_LO 0x30
#define CMOS_MEM_ABOVE_16M_LO 0x34
#define CMOS_BOOT_THIRD 0x38
#define CMOS_BOOT_FIRST_SECOND 0x3d
#define CMOS_MEM_ABOVE_4G 0x5b
#define CMOS_NB_CPUS 0x5f

#define EQUIP_FPU 0x02
#define EQUIP_PS2_MOUSE 0x04
#define KIB 1024ull
#define MIB (1024ull * 1024)
#define MAX_BOOT_DEVICES 3

static void cmos_set16(uint8_t index, uint16_t value)
{
    mm_rtc_cmos_set(index, value & 0xff);
    mm_rtc_cmos_set(index + 1, value >> 8);
}

static void cmos_set_memory(void)
{
    uint64_t below = mm_machine_ram_below_4g(), above = mm_machine_ram_above_4g();
    cmos_set16(CMOS_BASE_MEM_LO, MIN(below / KIB, 640));
    uint64_t ext_kib = below > MIB ? below / KIB - 1024 : 0;
    cmos_set16(CMOS_EXT_MEM_LO, MIN(ext_kib, 0xffff));
    cmos_set16(CMOS_EXT_MEM_ALT_LO, MIN(ext_kib, 0xffff));
    uint64_t above_16m = below > 16 * MIB ? (below - 16 * MIB) / (64 * KIB) : 0;
    cmos_set16(CMOS_MEM_ABOVE_16M_LO, MIN(above_16m, 0xffff));
    uint64_t above_4g = above / (64 * KIB);
    mm_rtc_cmos_set(CMOS_MEM_ABOVE_4G, above_4g & 0xff);
    mm_rtc_cmos_set(CMOS_MEM_ABOVE_4G + 1, (above_4g >> 8) & 0xff);
    mm_rtc_cmos_set(CMOS_MEM_ABOVE_4G + 2, (above_4g >> 16) & 0xff);
}

static int boot_device_code(char c)
{
    switch (c) {
    case 'a': case 'b': return 1;   /* floppy */
    case 'c': return 2;             /* hard disk */
    case 'd': return 3;             /* CD-ROM */
    case 'n': return 4;             /* network */
    default: return -1;
    }
}

static bool cmos_set_boot_order(const char *order, mm_error **errp)
{
    int codes[MAX_BOOT_DEVICES] = { 0 };
    size_t n = order ? strlen(order) : 0;
    if (n > MAX_BOOT_DEVICES) {
        mm_error_set(errp, "Too many boot devices for PC (at most %d): '%s'",
                     MAX_BOOT_DEVICES, order);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        codes[i] = boot_device_code(order[i]);
        if (codes[i] < 0) {
            mm_error_set(errp, "Invalid boot device for PC: '%c'", order[i]);
            return false;
        }
    }
    mm_rtc_cmos_set(CMOS_BOOT_FIRST_SECOND, codes[0] | codes[1] << 4);
    /* Bit 0 clear: the BIOS checks the floppy boot signature. */
    mm_rtc_cmos_set(CMOS_BOOT_THIRD, codes[2] << 4);
    return true;
}

/* After the first boot, -boot once= no longer applies (idempotent, so it
 * simply runs on every reset). */
static void cmos_restore_boot_order(void *opaque)
{
    mm_machine_state *m = opaque;
    cmos_set_boot_order(m->boot_order ? m->boot_order : "cad", NULL);
}

bool mm_pc_cmos_init(mm_machine_state *m, bool ps2_mouse, mm_error **errp)
{
    const char *order = m->boot_order ? m->boot_order : "cad";
    if (!cmos_set_boot_order(order, errp))
        return false;
    if (m->boot_once) {
        if (!cmos_set_boot_order(m->boot_once, errp))
            return false;
        mm_machine_register_reset(cmos_restore_boot_order, m);
    }
    cmos_set_memory();
    mm_rtc_cmos_set(CMOS_FLOPPY_TYPES, 0);   /* no floppy controller on this board */
    mm_rtc_cmos_set(CMOS_EQUIPMENT, EQUIP_FPU | (ps2_mouse ? EQUIP_PS2_MOUSE : 0));
    unsigned cpus = m->smp.cpus ? m->smp.cpus : 1;
    mm_rtc_cmos_set(CMOS_NB_CPUS, cpus > 255 ? 0 : cpus - 1);
    return true;
}
