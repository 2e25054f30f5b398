/* Guest RAM from -m (see guest_ram.h). */
#include <inttypes.h>
#include <glib.h>
#include <modemu/memory.h>

#include "memory/guest_ram.h"

#define GIB UINT64_C(0x40000000)
#define RAM_SIZE_ALIGN UINT64_C(8192)

static struct {
    mm_memory_region *block;
    uint64_t size, below_4g, above_4g;
} guest_ram;

void mm_guest_ram_split(uint64_t ram_size, uint64_t below_4g_limit, uint64_t *below,
                        uint64_t *above)
{
    uint64_t lowmem = below_4g_limit ? below_4g_limit : MM_GUEST_RAM_DEFAULT_BELOW_4G_LIMIT;
    if (ram_size >= lowmem && lowmem > 3 * GIB)
        lowmem = 3 * GIB;
    *below = MIN(ram_size, lowmem);
    *above = ram_size - *below;
}

static void map_alias(mm_memory_region *block, const char *name, uint64_t offset,
                      uint64_t size, uint64_t addr)
{
    mm_memory_region *alias = mm_region_new_alias(NULL, name, block, offset, size);
    mm_region_add_subregion(mm_address_space_root(mm_machine_memory_space()), addr, alias, 0);
}

bool mm_guest_ram_init(uint64_t ram_size, uint64_t below_4g_limit, mm_error **errp)
{
    if (guest_ram.block) {
        mm_error_set(errp, "guest RAM is already set up");
        return false;
    }
    if (below_4g_limit > MM_GUEST_RAM_ABOVE_4G_BASE) {
        mm_error_set(errp, "max-ram-below-4g (0x%" PRIx64 ") must not exceed 4G",
                     below_4g_limit);
        return false;
    }
    uint64_t size = (ram_size + RAM_SIZE_ALIGN - 1) & ~(RAM_SIZE_ALIGN - 1);
    if (size == 0 || size < ram_size) {
        mm_error_set(errp, "invalid RAM size %" PRIu64, ram_size);
        return false;
    }
    mm_memory_region *block = mm_region_new_ram(NULL, "pc.ram", size, errp);
    if (!block)
        return false;
    uint64_t below, above;
    mm_guest_ram_split(size, below_4g_limit, &below, &above);
    mm_memory_transaction_begin();
    map_alias(block, "ram-below-4g", 0, below, 0);
    if (above)
        map_alias(block, "ram-above-4g", below, above, MM_GUEST_RAM_ABOVE_4G_BASE);
    mm_memory_transaction_commit();
    guest_ram.block = block;
    guest_ram.size = size;
    guest_ram.below_4g = below;
    guest_ram.above_4g = above;
    return true;
}

mm_memory_region *mm_guest_ram_region(void)
{
    return guest_ram.block;
}

MM_API uint64_t mm_machine_ram_size(void)
{
    return guest_ram.size;
}

MM_API uint64_t mm_machine_ram_below_4g(void)
{
    return guest_ram.below_4g;
}

MM_API uint64_t mm_machine_ram_above_4g(void)
{
    return guest_ram.above_4g;
}
