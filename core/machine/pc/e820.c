/* E820 map of the pc board's guest RAM (see e820.h). */
#include <string.h>
#include <glib.h>
#include <modemu/memory.h>

#include "machine/pc/e820.h"

#define EBDA_START 0x9fc00ull
#define LEGACY_HOLE_END 0xa0000ull
#define BIOS_SEGMENT 0xf0000ull
#define HIGH_MEMORY 0x100000ull
#define FOUR_GIB 0x100000000ull

static size_t e820_add(mm_e820_entry *entries, size_t n, size_t max, uint64_t addr,
                       uint64_t size, uint32_t type)
{
    if (n < max && size)
        entries[n++] = (mm_e820_entry){ .addr = addr, .size = size, .type = type };
    return n;
}

size_t mm_e820_build(mm_e820_style style, mm_e820_entry *entries, size_t max)
{
    uint64_t below = mm_machine_ram_below_4g(), above = mm_machine_ram_above_4g();
    size_t n = 0;
    if (style == MM_E820_FOR_FIRMWARE || below <= HIGH_MEMORY) {
        n = e820_add(entries, n, max, 0, below, MM_E820_RAM);
    } else {
        n = e820_add(entries, n, max, 0, EBDA_START, MM_E820_RAM);
        n = e820_add(entries, n, max, EBDA_START, LEGACY_HOLE_END - EBDA_START,
                     MM_E820_RESERVED);
        n = e820_add(entries, n, max, BIOS_SEGMENT, HIGH_MEMORY - BIOS_SEGMENT,
                     MM_E820_RESERVED);
        n = e820_add(entries, n, max, HIGH_MEMORY, below - HIGH_MEMORY, MM_E820_RAM);
    }
    return e820_add(entries, n, max, FOUR_GIB, above, MM_E820_RAM);
}

void mm_e820_pack(const mm_e820_entry *entries, size_t count, uint8_t *out)
{
    for (size_t i = 0; i < count; i++) {
        uint64_t addr = GUINT64_TO_LE(entries[i].addr);
        uint64_t size = GUINT64_TO_LE(entries[i].size);
        uint32_t type = GUINT32_TO_LE(entries[i].type);
        memcpy(out + 20 * i, &addr, 8);
        memcpy(out + 20 * i + 8, &size, 8);
        memcpy(out + 20 * i + 16, &type, 4);
    }
}
