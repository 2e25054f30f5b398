/* `info mtree`-style dumps (see mtree_dump.h). */
#include <inttypes.h>

#include "memory/address_space.h"
#include "memory/mtree_dump.h"
#include "memory/region.h"

static const char *kind_name(const mm_memory_region *mr)
{
    switch (mr->kind) {
    case MM_REGION_RAM: return "ram";
    case MM_REGION_ROM: return "rom";
    case MM_REGION_MMIO: return "i/o";
    case MM_REGION_CONTAINER: return "container";
    case MM_REGION_ALIAS: return mr->alias_target ? kind_name(mr->alias_target) : "alias";
    }
    return "?";
}

/* Inclusive last address of `size` bytes at `start` (QEMU prints ranges so). */
static uint64_t last_byte(uint64_t start, uint64_t size)
{
    return size ? start + size - 1 : start;
}

static void dump_region(GString *out, const mm_memory_region *mr, uint64_t base,
                        unsigned depth)
{
    uint64_t start = base + mr->addr;
    g_string_append_printf(out, "%*s%016" PRIx64 "-%016" PRIx64 " (prio %d, %s%s): %s%s",
                           (int)(depth * 2), "", start, last_byte(start, mr->size),
                           mr->priority, kind_name(mr), mr->readonly ? ", readonly" : "",
                           mr->kind == MM_REGION_ALIAS ? "alias " : "", mr->name);
    if (mr->kind == MM_REGION_ALIAS && mr->alias_target)
        g_string_append_printf(out, " @%s %016" PRIx64 "-%016" PRIx64, mr->alias_target->name,
                               mr->alias_offset, last_byte(mr->alias_offset, mr->size));
    if (!mr->enabled)
        g_string_append(out, " [disabled]");
    g_string_append_c(out, '\n');
    if (mr->kind != MM_REGION_CONTAINER || depth > 64)
        return;
    for (guint i = 0; i < mr->children->len; i++)
        dump_region(out, g_ptr_array_index(mr->children, i), start, depth + 1);
}

void mm_memory_dump_tree(GString *out, mm_address_space *as)
{
    g_string_append_printf(out, "address-space: %s\n", as->name);
    dump_region(out, as->root, 0, 1);
}

void mm_memory_dump_flat(GString *out, mm_address_space *as)
{
    g_string_append_printf(out, "FlatView of %s (generation %" PRIu64 ")\n", as->name,
                           as->generation);
    for (size_t i = 0; i < as->view.nr; i++) {
        const mm_flat_range *r = &as->view.ranges[i];
        g_string_append_printf(out, "  %016" PRIx64 "-%016" PRIx64 " (%s%s): %s",
                               r->start, last_byte(r->start, r->size), kind_name(r->region),
                               r->readonly ? ", readonly" : "", r->region->name);
        if (r->offset_in_region)
            g_string_append_printf(out, " @%016" PRIx64, r->offset_in_region);
        g_string_append_c(out, '\n');
    }
}
