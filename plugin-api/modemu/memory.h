/*
 * Memory API: regions, address spaces and the flattened view.
 *
 * Ideas from QEMU's MemoryRegion: a machine declares a tree of regions
 * (containers holding subregions at offsets with priorities, aliases into
 * other regions, RAM, ROM and MMIO with callbacks); the core flattens the tree
 * of each address space into a sorted array of non-overlapping ranges, rebuilt
 * whenever the tree changes, and dispatches every access through it.
 *
 * Two address spaces exist per machine: memory (64-bit physical; its root
 * container spans [0, 2^64-1)) and I/O (16-bit ports; its root spans
 * [0, 0x10000), so ports beyond 0xFFFF are unassigned).  Accesses that hit
 * nothing drop writes and read all ones, as on a PC bus (QEMU reads 0 from
 * unassigned memory; we follow the hardware), logged under MM_LOG_UNASSIGNED
 * with result MM_MEM_UNASSIGNED.
 *
 * Overlaps: among siblings of one container the higher priority wins; with
 * equal priorities the region added later wins.  Containers claim no space of
 * their own: a hole in a container shows what lower-priority siblings map
 * there.  Subregions are clipped to their parent's size.
 *
 * Read-only (ROM, or any region below a node set read-only): guest writes are
 * accepted and dropped (MM_MEM_OK, nothing changes), as ROM on a bus does.
 *
 * Threading: the tree may only change with the machine lock held (the main
 * loop holds it; KVM vCPU threads take it around device dispatch).
 */
#ifndef MODEMU_MEMORY_H
#define MODEMU_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <modemu/abi.h>
#include <modemu/object.h>

typedef struct mm_memory_region mm_memory_region;
typedef struct mm_address_space mm_address_space;

typedef struct mm_region_ops {
    uint64_t (*read)(void *opaque, uint64_t offset, unsigned size);
    void (*write)(void *opaque, uint64_t offset, uint64_t value, unsigned size);
    /* What the guest may do: accesses outside [min,max] (or unaligned when
     * !unaligned) are rejected (MM_MEM_REJECTED, logged under
     * MM_LOG_GUEST_ERROR): reads give all ones, writes are dropped.
     * 0 means the default (1..4).  Sizes are 1, 2, 4 or 8. */
    struct {
        unsigned min_access_size, max_access_size;
        bool unaligned;
    } valid;
    /* What read/write implement; 0 means the same as valid.  The core adapts:
     *  - an access wider than impl.max becomes several impl.max accesses at
     *    increasing offsets (little-endian: lowest offset = low bits);
     *  - a read narrower than impl.min reads the aligned impl.min unit(s)
     *    covering it and extracts the bytes;
     *  - a write narrower than impl.min is a read-modify-write of the covering
     *    unit(s) when the region has a read callback; without one the unit is
     *    written with the bytes outside the access zero.
     * Region sizes should be multiples of impl.min (widened units are not
     * clipped to the region).  A NULL read reads all ones; a NULL write
     * drops the write. */
    struct {
        unsigned min_access_size, max_access_size;
    } impl;
} mm_region_ops;

/* Constructors.  `owner` may be NULL; `name` is used by `info mtree`-style dumps. */
MM_API mm_memory_region *mm_region_new_container(mm_object *owner, const char *name,
                                                 uint64_t size);
/* Anonymous RAM from mmap, zero-filled, host pointer stable for the region's life. */
MM_API mm_memory_region *mm_region_new_ram(mm_object *owner, const char *name,
                                           uint64_t size, mm_error **errp);
/* RAM that is read-only to the guest (writes dropped); contents set by the host. */
MM_API mm_memory_region *mm_region_new_rom(mm_object *owner, const char *name,
                                           uint64_t size, mm_error **errp);
MM_API mm_memory_region *mm_region_new_io(mm_object *owner, const char *name, uint64_t size,
                                          const mm_region_ops *ops, void *opaque);
MM_API mm_memory_region *mm_region_new_alias(mm_object *owner, const char *name,
                                             mm_memory_region *target, uint64_t offset,
                                             uint64_t size);
MM_API void mm_region_free(mm_memory_region *region);

/* Tree edits; each triggers a flat-view rebuild unless inside a transaction. */
MM_API void mm_region_add_subregion(mm_memory_region *parent, uint64_t offset,
                                    mm_memory_region *child, int priority);
MM_API void mm_region_del_subregion(mm_memory_region *parent, mm_memory_region *child);
MM_API void mm_region_set_enabled(mm_memory_region *region, bool enabled);
MM_API void mm_region_set_address(mm_memory_region *region, uint64_t offset);
MM_API void mm_region_set_alias_offset(mm_memory_region *alias, uint64_t offset);
MM_API void mm_region_set_readonly(mm_memory_region *region, bool readonly);
MM_API void mm_memory_transaction_begin(void);
MM_API void mm_memory_transaction_commit(void);

MM_API uint64_t mm_region_size(const mm_memory_region *region);
MM_API const char *mm_region_name(const mm_memory_region *region);
/* Host pointer of RAM/ROM regions (NULL for others). */
MM_API void *mm_region_host_ptr(mm_memory_region *region);

/* The machine's two address spaces (created on first use) and their root
 * containers, under which the board maps everything.  Regions a plugin
 * creates are the plugin's to free (mm_region_free unmaps them first). */
MM_API mm_address_space *mm_machine_memory_space(void);
MM_API mm_address_space *mm_machine_io_space(void);
MM_API mm_memory_region *mm_address_space_root(mm_address_space *as);

/* Access results. */
typedef enum mm_mem_result { MM_MEM_OK = 0, MM_MEM_UNASSIGNED = 1, MM_MEM_REJECTED = 2 } mm_mem_result;

/* Sized accesses (1, 2, 4 or 8 bytes, little-endian values).  An access
 * that starts in an MMIO region and fits inside it goes to that region
 * whole, even where a higher-priority region overlays some of its later
 * bytes (a dword at 0xCF8 under a byte register at 0xCF9, as in QEMU);
 * any other access crossing a range boundary is split there. */
MM_API mm_mem_result mm_as_read(mm_address_space *as, uint64_t addr, unsigned size,
                                uint64_t *value);
MM_API mm_mem_result mm_as_write(mm_address_space *as, uint64_t addr, unsigned size,
                                 uint64_t value);
/* Buffer accesses (DMA from devices, loaders): RAM is copied directly, MMIO
 * goes through the ops in the widest naturally aligned chunks valid.max
 * allows.  A sized access that straddles two ranges (or a range and a hole)
 * is split at the boundary the same way.  The result is MM_MEM_OK if every
 * piece was, else the most severe of UNASSIGNED < REJECTED. */
MM_API mm_mem_result mm_as_read_buf(mm_address_space *as, uint64_t addr, void *buf,
                                    size_t len);
MM_API mm_mem_result mm_as_write_buf(mm_address_space *as, uint64_t addr, const void *buf,
                                     size_t len);

/* One range of the flattened view. */
typedef struct mm_flat_range {
    uint64_t start;              /* address in the address space */
    uint64_t size;
    mm_memory_region *region;    /* the terminal region (RAM/ROM/MMIO), aliases resolved */
    uint64_t offset_in_region;   /* offset within `region` of `start` */
    uint8_t *host;               /* RAM/ROM: host pointer of `start`, else NULL */
    bool readonly;               /* ROM or read-only RAM: writes must not go to `host` */
} mm_flat_range;

/* Finds the range holding addr, or NULL if unassigned.  The pointer is valid
 * until the next flat-view rebuild (see mm_address_space_generation()). */
MM_API const mm_flat_range *mm_as_find(mm_address_space *as, uint64_t addr);
/* Increments on every rebuild that changes the view: software TLBs flush
 * when it changes (mm_as_find pointers stay valid while it does not). */
MM_API uint64_t mm_address_space_generation(mm_address_space *as);
/* Direct host pointer for [addr, addr+len) if it lies in one RAM range
 * (writable when `write`), else NULL.  For DMA fast paths and loaders. */
MM_API void *mm_as_map_ram(mm_address_space *as, uint64_t addr, uint64_t len, bool write);

/* Listeners learn about the flat view (KVM memory slots, dirty tracking). */
typedef struct mm_memory_listener mm_memory_listener;
struct mm_memory_listener {
    /* Called for each range of the new view that is RAM/ROM (host != NULL)
     * and was not identical in the old view, after region_del for vanished ones. */
    void (*region_add)(mm_memory_listener *l, const mm_flat_range *range);
    void (*region_del)(mm_memory_listener *l, const mm_flat_range *range);
    /* Called once after each rebuild that changed the view (a tree edit
     * that leaves the view as it was is not reported at all). */
    void (*commit)(mm_memory_listener *l);
    void *opaque;
    void *core_private;
};
/* Registration replays region_add for the current view, then commit.
 * Listeners must not edit the region tree from their callbacks. */
MM_API void mm_memory_listener_register(mm_address_space *as, mm_memory_listener *l);
MM_API void mm_memory_listener_unregister(mm_address_space *as, mm_memory_listener *l);

/* Dirty-page tracking (4 KiB pages) of RAM regions, for displays and migration.
 * Writes through mm_as_* and mm_as_map_ram(write=true) are recorded; CPUs that
 * write RAM through host pointers call mm_ram_mark_dirty(). */
#define MM_DIRTY_CLIENT_DISPLAY 0
#define MM_DIRTY_CLIENT_MIGRATION 1
#define MM_DIRTY_CLIENT_CODE 2   /* software CPU: pages holding decoded code */
/* Enabling a client starts with every page of the region dirty. */
MM_API void mm_ram_dirty_enable(mm_memory_region *ram, unsigned client, bool enable);
MM_API void mm_ram_mark_dirty(mm_memory_region *ram, uint64_t offset, uint64_t len);
/* Returns whether any page in [offset, offset+len) was dirty for client, and clears them. */
MM_API bool mm_ram_test_and_clear_dirty(mm_memory_region *ram, unsigned client,
                                        uint64_t offset, uint64_t len);

/* Guest RAM as created by the machine from -m (below and above the 4G hole);
 * 0 before the board has set it up. */
MM_API uint64_t mm_machine_ram_size(void);
MM_API uint64_t mm_machine_ram_below_4g(void);
MM_API uint64_t mm_machine_ram_above_4g(void);

#endif
