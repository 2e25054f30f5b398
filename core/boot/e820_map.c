/* The E820 map of a direct boot (see e820_map.h). */
#include "boot/e820_map.h"

bool mm_e820_map_add(mm_e820_map *map, uint64_t addr, uint64_t size, uint32_t type)
{
    if (size == 0 || map->count >= MM_E820_MAX_ENTRIES)
        return false;
    map->entry[map->count++] = (mm_e820_entry){ .addr = addr, .size = size, .type = type };
    return true;
}

void mm_e820_map_of_machine(mm_e820_map *map)
{
    map->count = (unsigned)mm_e820_build(MM_E820_FOR_KERNEL, map->entry, MM_E820_MAX_ENTRIES);
}

bool mm_e820_map_is_ram(const mm_e820_map *map, uint64_t addr, uint64_t size)
{
    for (unsigned i = 0; i < map->count; i++) {
        const mm_e820_entry *e = &map->entry[i];
        if (e->type == MM_E820_RAM && addr >= e->addr && size <= e->size &&
            addr - e->addr <= e->size - size)
            return true;
    }
    return false;
}
