/* Address spaces: creation, flat-view rebuilds and the machine's two spaces. */
#include <glib.h>
#include <modemu/memory.h>

#include "memory/address_space.h"
#include "memory/region.h"

/* Size of the memory space's root: the whole 64-bit space but its last byte
 * (sizes are 64-bit, so 2^64 cannot be written; no PC maps that byte). */
#define MEMORY_SPACE_SIZE UINT64_MAX
#define IO_SPACE_SIZE UINT64_C(0x10000)

static GPtrArray *all_spaces;

static bool same_view(const mm_flat_view *a, const mm_flat_view *b)
{
    if (a->nr != b->nr)
        return false;
    for (size_t i = 0; i < a->nr; i++) {
        if (!mm_flat_range_equal(&a->ranges[i], &b->ranges[i]))
            return false;
    }
    return true;
}

/* A rebuild that changes nothing keeps the old view: mm_as_find() pointers
 * and software TLBs stay valid (no generation bump), listeners hear nothing. */
static void rebuild(mm_address_space *as)
{
    mm_flat_view fresh = mm_flat_view_render(as->root);
    if (as->generation && same_view(&fresh, &as->view)) {
        mm_flat_view_clear(&fresh);
        return;
    }
    mm_flat_view old = as->view;
    as->view = fresh;
    as->generation++;
    __atomic_store_n(&as->last_hit, 0, __ATOMIC_RELAXED);
    mm_memory_listeners_notify(as, &old, &as->view);
    mm_flat_view_clear(&old);
}

void mm_address_spaces_rebuild_all(void)
{
    if (!all_spaces)
        return;
    for (guint i = 0; i < all_spaces->len; i++)
        rebuild(g_ptr_array_index(all_spaces, i));
}

mm_address_space *mm_address_space_new(const char *name, uint64_t size,
                                       uint8_t unassigned_byte)
{
    mm_address_space *as = g_new0(mm_address_space, 1);
    as->name = g_strdup(name);
    as->root = mm_region_new_container(NULL, name, size);
    as->root->root_of = as;
    as->unassigned_byte = unassigned_byte;
    as->listeners = g_ptr_array_new();
    if (!all_spaces)
        all_spaces = g_ptr_array_new();
    g_ptr_array_add(all_spaces, as);
    rebuild(as);
    return as;
}

void mm_as_observe_ram_writes(mm_address_space *as, mm_ram_write_observer fn, void *opaque)
{
    as->ram_write_observer = fn;
    as->ram_write_opaque = opaque;
}

void mm_address_space_free(mm_address_space *as)
{
    if (!as)
        return;
    g_ptr_array_remove(all_spaces, as);
    mm_memory_listeners_free(as);
    mm_flat_view_clear(&as->view);
    as->root->root_of = NULL;
    mm_region_free(as->root);
    g_free(as->name);
    g_free(as);
}

MM_API mm_memory_region *mm_address_space_root(mm_address_space *as)
{
    return as ? as->root : NULL;
}

MM_API uint64_t mm_address_space_generation(mm_address_space *as)
{
    return as->generation;
}

MM_API const mm_flat_range *mm_as_find(mm_address_space *as, uint64_t addr)
{
    return mm_address_space_lookup(as, addr);
}

/* Unassigned reads return all ones in both spaces, as a PC's bus does on a
 * master abort.  (QEMU answers unassigned memory reads with 0; the issue and
 * real hardware ask for all ones, and firmware probes expect "nothing here"
 * to look like 0xFF.) */
MM_API mm_address_space *mm_machine_memory_space(void)
{
    static mm_address_space *memory;
    if (!memory)
        memory = mm_address_space_new("memory", MEMORY_SPACE_SIZE, 0xff);
    return memory;
}

MM_API mm_address_space *mm_machine_io_space(void)
{
    static mm_address_space *io;
    if (!io)
        io = mm_address_space_new("io", IO_SPACE_SIZE, 0xff);
    return io;
}
