/*
 * fw_cfg contents of the pc board, as QEMU's pc supplies them to SeaBIOS
 * (PC-FACTS section 5): sizes and counts, the E820 map, boot options and
 * ACPI sleep states.  The ACPI tables and table-loader are not supplied
 * here: SeaBIOS then builds its legacy ACPI tables.
 */
#include <string.h>
#include <glib.h>
#include <modemu/machine.h>
#include <modemu/memory.h>

#include "machine/pc/e820.h"
#include "machine/pc/fw_cfg.h"
#include "machine/pc/hpet.h"
#include "machine/pc/pc_fw_cfg.h"

#define E820_MAX_ENTRIES 8
#define BOOT_FAIL_WAIT_NEVER 0xffffffffu

static void pc_fw_cfg_add_e820(void)
{
    mm_e820_entry entries[E820_MAX_ENTRIES];
    size_t n = mm_e820_build(MM_E820_FOR_FIRMWARE, entries, E820_MAX_ENTRIES);
    uint8_t packed[20 * E820_MAX_ENTRIES];
    mm_e820_pack(entries, n, packed);
    mm_fw_cfg_add_file("etc/e820", packed, 20 * n);
}

/* S0..S5: bit 7 = state supported, low bits = SLP_TYP.  S3/S4 are not
 * implemented by the PM device, so they are not advertised. */
static void pc_fw_cfg_add_system_states(void)
{
    static const uint8_t states[6] = { 0x80, 0x00, 0x00, 0x01, 0x02, 0x80 };
    mm_fw_cfg_add_file("etc/system-states", states, sizeof(states));
}

/* Key 0x8004: u8 count, then {u32 block id, u64 address, u16 min tick,
 * u8 page protection} per HPET, packed little-endian. */
static void pc_fw_cfg_add_hpet(void)
{
    uint8_t cfg[1 + 15] = { 1 };
    uint32_t id = GUINT32_TO_LE(MM_HPET_BLOCK_ID);
    uint64_t addr = GUINT64_TO_LE(MM_HPET_BASE);
    uint16_t min_tick = GUINT16_TO_LE(MM_HPET_MIN_TICK);
    memcpy(cfg + 1, &id, 4);
    memcpy(cfg + 5, &addr, 8);
    memcpy(cfg + 13, &min_tick, 2);
    mm_fw_cfg_add_bytes(MM_FW_CFG_HPET, cfg, sizeof(cfg));
}

void mm_pc_fw_cfg_populate(mm_machine_state *m, bool hpet)
{
    unsigned cpus = m->smp.cpus ? m->smp.cpus : 1;
    unsigned max_cpus = m->smp.maxcpus > cpus ? m->smp.maxcpus : cpus;
    static const uint8_t zero_uuid[16];
    mm_fw_cfg_add_bytes(MM_FW_CFG_UUID, zero_uuid, sizeof(zero_uuid));
    mm_fw_cfg_add_i64(MM_FW_CFG_RAM_SIZE, mm_machine_ram_size());
    mm_fw_cfg_add_i16(MM_FW_CFG_NOGRAPHIC, m->nographic);
    mm_fw_cfg_add_i16(MM_FW_CFG_NB_CPUS, cpus);
    mm_fw_cfg_add_i16(MM_FW_CFG_MAX_CPUS, max_cpus);
    mm_fw_cfg_add_i16(MM_FW_CFG_BOOT_MENU, m->boot_menu);
    mm_fw_cfg_add_i32(MM_FW_CFG_IRQ0_OVERRIDE, 1);
    pc_fw_cfg_add_e820();
    mm_fw_cfg_add_file("bootorder", "", 0);
    uint32_t fail_wait = GUINT32_TO_LE(BOOT_FAIL_WAIT_NEVER);
    mm_fw_cfg_add_file("etc/boot-fail-wait", &fail_wait, sizeof(fail_wait));
    pc_fw_cfg_add_system_states();
    if (hpet)
        pc_fw_cfg_add_hpet();
}
