/* Region constructors, destruction and accessors (see <modemu/memory.h>). */
#include <glib.h>
#include <modemu/memory.h>

#include "memory/address_space.h"
#include "memory/ram_block.h"
#include "memory/region.h"
#include "memory/update.h"

mm_memory_region *mm_region_alloc(mm_region_kind kind, mm_object *owner, const char *name,
                                  uint64_t size)
{
    mm_memory_region *mr = g_new0(mm_memory_region, 1);
    mr->kind = kind;
    mr->owner = owner;
    mr->name = g_strdup(name ? name : "(anonymous)");
    mr->size = size;
    mr->enabled = true;
    return mr;
}

MM_API mm_memory_region *mm_region_new_container(mm_object *owner, const char *name,
                                                 uint64_t size)
{
    mm_memory_region *mr = mm_region_alloc(MM_REGION_CONTAINER, owner, name, size);
    mr->children = g_ptr_array_new();
    return mr;
}

static mm_memory_region *new_ram_backed(mm_region_kind kind, mm_object *owner,
                                        const char *name, uint64_t size, mm_error **errp)
{
    uint8_t *host = mm_ram_block_alloc(name ? name : "(anonymous)", size, errp);
    if (!host)
        return NULL;
    mm_memory_region *mr = mm_region_alloc(kind, owner, name, size);
    mr->host = host;
    mm_ram_dirty_init(&mr->dirty, size);
    return mr;
}

MM_API mm_memory_region *mm_region_new_ram(mm_object *owner, const char *name,
                                           uint64_t size, mm_error **errp)
{
    return new_ram_backed(MM_REGION_RAM, owner, name, size, errp);
}

MM_API mm_memory_region *mm_region_new_rom(mm_object *owner, const char *name,
                                           uint64_t size, mm_error **errp)
{
    mm_memory_region *mr = new_ram_backed(MM_REGION_ROM, owner, name, size, errp);
    if (mr)
        mr->readonly = true;
    return mr;
}

/* Fills the documented defaults once, so dispatch never re-derives them:
 * valid 0 -> 1..4; impl 0 -> the valid bound. */
static mm_region_ops normalized_ops(const mm_region_ops *ops)
{
    mm_region_ops n = *ops;
    if (!n.valid.min_access_size)
        n.valid.min_access_size = 1;
    if (!n.valid.max_access_size)
        n.valid.max_access_size = 4;
    if (!n.impl.min_access_size)
        n.impl.min_access_size = n.valid.min_access_size;
    if (!n.impl.max_access_size)
        n.impl.max_access_size = n.valid.max_access_size;
    return n;
}

static bool access_size_ok(unsigned s)
{
    return s == 1 || s == 2 || s == 4 || s == 8;
}

MM_API mm_memory_region *mm_region_new_io(mm_object *owner, const char *name, uint64_t size,
                                          const mm_region_ops *ops, void *opaque)
{
    static const mm_region_ops no_ops;
    mm_memory_region *mr = mm_region_alloc(MM_REGION_MMIO, owner, name, size);
    mr->ops = normalized_ops(ops ? ops : &no_ops);
    mr->opaque = opaque;
    const mm_region_ops *o = &mr->ops;
    if (!access_size_ok(o->valid.min_access_size) || !access_size_ok(o->valid.max_access_size) ||
        !access_size_ok(o->impl.min_access_size) || !access_size_ok(o->impl.max_access_size) ||
        o->valid.min_access_size > o->valid.max_access_size ||
        o->impl.min_access_size > o->impl.max_access_size) {
        /* A plugin bug, not guest input: say so and fall back to byte..dword. */
        mm_warn_report("memory: region '%s' has invalid access sizes; using 1..4", mr->name);
        mr->ops.valid.min_access_size = mr->ops.impl.min_access_size = 1;
        mr->ops.valid.max_access_size = mr->ops.impl.max_access_size = 4;
    }
    return mr;
}

MM_API mm_memory_region *mm_region_new_alias(mm_object *owner, const char *name,
                                             mm_memory_region *target, uint64_t offset,
                                             uint64_t size)
{
    mm_memory_region *mr = mm_region_alloc(MM_REGION_ALIAS, owner, name, size);
    mr->alias_target = target;
    mr->alias_offset = offset;
    if (target)
        target->alias_refs++;
    return mr;
}

/* Releases the region's memory; it is unmapped and no view refers to it. */
void mm_region_destroy(mm_memory_region *mr)
{
    if (mm_region_is_ram_backed(mr)) {
        mm_ram_dirty_destroy(&mr->dirty);
        mm_ram_block_free(mr->host, mr->size);
    }
    if (mr->children)
        g_ptr_array_free(mr->children, TRUE);
    g_free(mr->name);
    g_free(mr);
}

/* Freeing unmaps the region and detaches its children (which stay alive:
 * their owners free them).  The memory itself goes only after the flat views
 * have dropped the region and listeners have seen region_del (at the
 * enclosing transaction's commit): KVM must remove a memory slot before its
 * host memory is unmapped, and a view must never point at freed regions.
 * Aliases still pointing at a freed region are a caller bug, reported here
 * because they would dangle. */
MM_API void mm_region_free(mm_memory_region *mr)
{
    if (!mr)
        return;
    if (mr->root_of) {
        mm_warn_report("memory: region '%s' is the root of an address space; not freed",
                       mr->name);
        return;
    }
    if (mr->alias_refs)
        mm_warn_report("memory: region '%s' freed while %u alias(es) still refer to it",
                       mr->name, mr->alias_refs);
    mm_memory_transaction_begin();
    if (mr->parent)
        mm_region_del_subregion(mr->parent, mr);
    if (mr->children) {
        while (mr->children->len)
            mm_region_del_subregion(mr, g_ptr_array_index(mr->children, 0));
    }
    if (mr->alias_target) {
        mr->alias_target->alias_refs--;
        mr->alias_target = NULL;
    }
    mm_memory_destroy_after_update(mr);
    mm_memory_transaction_commit();
}

MM_API uint64_t mm_region_size(const mm_memory_region *mr)
{
    return mr ? mr->size : 0;
}

MM_API const char *mm_region_name(const mm_memory_region *mr)
{
    return mr ? mr->name : NULL;
}

MM_API void *mm_region_host_ptr(mm_memory_region *mr)
{
    return mr && mm_region_is_ram_backed(mr) ? mr->host : NULL;
}
