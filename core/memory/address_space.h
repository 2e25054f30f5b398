/*
 * Address spaces (core-private part): a root container, its current flat
 * view, and the listeners that follow it.
 *
 * The machine has two, created on first use by mm_machine_memory_space() and
 * mm_machine_io_space(); the core may create more (a PCI bus-master view,
 * unit tests) with mm_address_space_new().
 */
#ifndef MODEMU_MEMORY_ADDRESS_SPACE_H
#define MODEMU_MEMORY_ADDRESS_SPACE_H

#include <stdint.h>
#include <glib.h>
#include <modemu/memory.h>

#include "memory/flat_view.h"

/* Told of every write the address-space API makes into RAM: mm_as_write*
 * and mm_as_map_ram(write) (device DMA, loaders, qtest), with the address
 * in the space.  The software CPU drops code decoded from those bytes; its
 * own stores reach RAM through host pointers and are not reported. */
typedef void (*mm_ram_write_observer)(void *opaque, uint64_t addr, uint64_t len);

struct mm_address_space {
    char *name;
    mm_memory_region *root;
    mm_flat_view view;
    uint64_t generation;
    /* Every byte of an unassigned read has this value (see memory.h). */
    uint8_t unassigned_byte;
    GPtrArray *listeners;
    /* Index of the range the last lookup hit: repeated accesses to one
     * device or RAM block skip the binary search.  Only a hint. */
    size_t last_hit;
    mm_ram_write_observer ram_write_observer;   /* one per space, or NULL */
    void *ram_write_opaque;
};

/* Sets (or, with NULL, clears) the space's RAM write observer. */
void mm_as_observe_ram_writes(mm_address_space *as, mm_ram_write_observer fn, void *opaque);

/* Reports a write into RAM at [addr, addr+len) of the space to its observer. */
static inline void mm_as_note_ram_write(mm_address_space *as, uint64_t addr, uint64_t len)
{
    if (as->ram_write_observer)
        as->ram_write_observer(as->ram_write_opaque, addr, len);
}

/* A new address space whose root is a container of `size` bytes (addresses
 * at or beyond it are unassigned). */
mm_address_space *mm_address_space_new(const char *name, uint64_t size,
                                       uint8_t unassigned_byte);
/* Frees the space and its root container (not the regions mapped in it). */
void mm_address_space_free(mm_address_space *as);

/* Rebuilds every address space's flat view and notifies listeners. */
void mm_address_spaces_rebuild_all(void);

/* The range holding addr, or NULL; updates the last-hit hint. */
static inline const mm_flat_range *mm_address_space_lookup(mm_address_space *as, uint64_t addr)
{
    size_t hint = __atomic_load_n(&as->last_hit, __ATOMIC_RELAXED);
    if (hint < as->view.nr && mm_flat_range_contains(&as->view.ranges[hint], addr))
        return &as->view.ranges[hint];
    size_t i = mm_flat_view_search(&as->view, addr);
    if (i >= as->view.nr || !mm_flat_range_contains(&as->view.ranges[i], addr))
        return NULL;
    __atomic_store_n(&as->last_hit, i, __ATOMIC_RELAXED);
    return &as->view.ranges[i];
}

/* Tells the listeners of `as` how the view changed (see listener.c). */
void mm_memory_listeners_notify(mm_address_space *as, const mm_flat_view *old_view,
                                const mm_flat_view *new_view);
void mm_memory_listeners_free(mm_address_space *as);

#endif
