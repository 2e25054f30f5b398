/*
 * QEMU's firmware configuration interface (core-internal side).
 *
 * Items are byte blobs selected by a 16-bit key; named files get keys from
 * 0x20 up, kept sorted by name, and are listed in the directory (key 0x19).
 * The direct-boot code (core/boot) adds its kernel/initrd/cmdline items with
 * these; devices use mm_fw_cfg_add_file() from <modemu/machine.h>.
 */
#ifndef MODEMU_MACHINE_PC_FW_CFG_H
#define MODEMU_MACHINE_PC_FW_CFG_H

#include <stdbool.h>
#include <stdint.h>

#define MM_TYPE_FW_CFG "fw_cfg_io"

enum {
    MM_FW_CFG_SIGNATURE = 0x00,
    MM_FW_CFG_ID = 0x01,
    MM_FW_CFG_UUID = 0x02,
    MM_FW_CFG_RAM_SIZE = 0x03,
    MM_FW_CFG_NOGRAPHIC = 0x04,
    MM_FW_CFG_NB_CPUS = 0x05,
    MM_FW_CFG_KERNEL_ADDR = 0x07,
    MM_FW_CFG_KERNEL_SIZE = 0x08,
    MM_FW_CFG_INITRD_ADDR = 0x0a,
    MM_FW_CFG_INITRD_SIZE = 0x0b,
    MM_FW_CFG_BOOT_DEVICE = 0x0c,
    MM_FW_CFG_NUMA = 0x0d,
    MM_FW_CFG_BOOT_MENU = 0x0e,
    MM_FW_CFG_MAX_CPUS = 0x0f,
    MM_FW_CFG_KERNEL_ENTRY = 0x10,
    MM_FW_CFG_KERNEL_DATA = 0x11,
    MM_FW_CFG_INITRD_DATA = 0x12,
    MM_FW_CFG_CMDLINE_ADDR = 0x13,
    MM_FW_CFG_CMDLINE_SIZE = 0x14,
    MM_FW_CFG_CMDLINE_DATA = 0x15,
    MM_FW_CFG_SETUP_ADDR = 0x16,
    MM_FW_CFG_SETUP_SIZE = 0x17,
    MM_FW_CFG_SETUP_DATA = 0x18,
    MM_FW_CFG_FILE_DIR = 0x19,
    MM_FW_CFG_FILE_FIRST = 0x20,
    MM_FW_CFG_ARCH_LOCAL = 0x8000,
    MM_FW_CFG_ACPI_TABLES = 0x8000,
    MM_FW_CFG_SMBIOS_ENTRIES = 0x8001,
    MM_FW_CFG_IRQ0_OVERRIDE = 0x8002,
    MM_FW_CFG_E820_TABLE = 0x8003,
    MM_FW_CFG_HPET = 0x8004,
};

#define MM_FW_CFG_FILE_SLOTS 0x20
#define MM_FW_CFG_MAX_FILE_NAME 56

/* All return false when the board has no fw_cfg (or the key is invalid).
 * Data is copied; adding an existing key replaces it. */
bool mm_fw_cfg_add_bytes(uint16_t key, const void *data, uint32_t len);
bool mm_fw_cfg_add_i16(uint16_t key, uint16_t value);
bool mm_fw_cfg_add_i32(uint16_t key, uint32_t value);
bool mm_fw_cfg_add_i64(uint16_t key, uint64_t value);
/* Replaces the contents of an existing file (e.g. bootorder, etc/e820). */
bool mm_fw_cfg_modify_file(const char *name, const void *data, uint32_t len);
/* Looks an item up (tests, direct boot): returns its data or NULL. */
const uint8_t *mm_fw_cfg_find_file(const char *name, uint32_t *len);
bool mm_fw_cfg_present(void);

#endif
