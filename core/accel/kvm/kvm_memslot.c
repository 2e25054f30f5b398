/*
 * Guest RAM as KVM memory slots, kept in step with the memory API's flat view
 * by a memory listener: every RAM/ROM range that appears becomes a slot,
 * every one that vanishes (or moves: del then add) is removed.
 *
 * Only whole pages can be slots.  A range that starts or ends inside a page
 * keeps its partial pages out of KVM: guest accesses there exit as MMIO and
 * go through mm_as_read/mm_as_write, which reach the same RAM, so the guest
 * sees the same memory either way (but cannot execute from those bytes).
 *
 * ROM becomes a KVM_MEM_READONLY slot: reads and instruction fetches run at
 * full speed, writes exit as MMIO and are dropped by the memory API as they
 * are on the software CPU.  A host without read-only slots gets a writable
 * slot and one warning.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <modemu/log.h>

#include "accel/kvm/kvm_int.h"

#define KVM_PAGE_SIZE 4096ull
#define KVM_MAX_SLOTS 509    /* the kernel's minimum guaranteed user slots */

static uint64_t page_align_up(uint64_t v)
{
    return (v + KVM_PAGE_SIZE - 1) & ~(KVM_PAGE_SIZE - 1);
}

static uint64_t page_align_down(uint64_t v)
{
    return v & ~(KVM_PAGE_SIZE - 1);
}

static bool kvm_slot_commit(kvm_state_t *s, unsigned index, const kvm_slot *slot)
{
    struct kvm_userspace_memory_region region = {
        .slot = index,
        .flags = slot->flags,
        .guest_phys_addr = slot->gpa,
        .memory_size = slot->used ? slot->size : 0,
        .userspace_addr = (uintptr_t)slot->host,
    };
    if (ioctl(s->vm_fd, KVM_SET_USER_MEMORY_REGION, &region) < 0) {
        mm_error_report("KVM: KVM_SET_USER_MEMORY_REGION slot %u at 0x%" G_GINT64_MODIFIER
                        "x size 0x%" G_GINT64_MODIFIER "x failed: %s", index, slot->gpa,
                        slot->size, strerror(errno));
        return false;
    }
    return true;
}

/* The page-aligned part of a flat range, or false if it holds no whole page. */
static bool kvm_slot_from_range(kvm_state_t *s, const mm_flat_range *r, kvm_slot *slot)
{
    uint64_t start = page_align_up(r->start);
    uint64_t end = page_align_down(r->start + r->size);
    if (end <= start)
        return false;
    uint8_t *host = r->host + (start - r->start);
    if ((uintptr_t)host & (KVM_PAGE_SIZE - 1))
        return false;   /* host and guest page offsets differ: MMIO path only */
    slot->used = true;
    slot->gpa = start;
    slot->size = end - start;
    slot->host = host;
    slot->flags = 0;
    if (r->readonly) {
        if (s->readonly_mem) {
            slot->flags = KVM_MEM_READONLY;
        } else if (!s->warned_rom_writable) {
            s->warned_rom_writable = true;
            mm_warn_report("KVM: the host has no read-only memory slots; guest writes to ROM "
                           "will not be blocked");
        }
    }
    return true;
}

static int kvm_slot_find(kvm_state_t *s, uint64_t gpa, uint64_t size)
{
    for (unsigned i = 0; i < s->nr_slots; i++) {
        if (s->slots[i].used && s->slots[i].gpa == gpa && s->slots[i].size == size)
            return (int)i;
    }
    return -1;
}

static int kvm_slot_free_index(kvm_state_t *s)
{
    for (unsigned i = 0; i < s->nr_slots; i++) {
        if (!s->slots[i].used)
            return (int)i;
    }
    return -1;
}

static void kvm_listener_region_add(mm_memory_listener *l, const mm_flat_range *r)
{
    kvm_state_t *s = l->opaque;
    kvm_slot slot;
    if (!r->host || !kvm_slot_from_range(s, r, &slot))
        return;
    g_mutex_lock(&s->lock);
    int index = kvm_slot_free_index(s);
    if (index < 0) {
        mm_error_report("KVM: out of memory slots (%u) for RAM at 0x%" G_GINT64_MODIFIER "x",
                        s->nr_slots, slot.gpa);
    } else if (kvm_slot_commit(s, (unsigned)index, &slot)) {
        s->slots[index] = slot;
    }
    g_mutex_unlock(&s->lock);
}

static void kvm_listener_region_del(mm_memory_listener *l, const mm_flat_range *r)
{
    kvm_state_t *s = l->opaque;
    kvm_slot slot;
    if (!r->host || !kvm_slot_from_range(s, r, &slot))
        return;
    g_mutex_lock(&s->lock);
    int index = kvm_slot_find(s, slot.gpa, slot.size);
    if (index >= 0) {
        kvm_slot gone = s->slots[index];
        gone.used = false;
        if (kvm_slot_commit(s, (unsigned)index, &gone))
            s->slots[index].used = false;
    }
    g_mutex_unlock(&s->lock);
}

bool kvm_memslots_init(kvm_state_t *s, mm_address_space *as, mm_error **errp)
{
    int max = ioctl(s->dev_fd, KVM_CHECK_EXTENSION, KVM_CAP_NR_MEMSLOTS);
    s->nr_slots = max > 0 ? MIN((unsigned)max, KVM_MAX_SLOTS) : 32;
    s->slots = g_new0(kvm_slot, s->nr_slots);
    s->memory_as = as;
    s->listener = (mm_memory_listener){
        .region_add = kvm_listener_region_add,
        .region_del = kvm_listener_region_del,
        .opaque = s,
    };
    mm_memory_listener_register(as, &s->listener);
    return true;
}

void kvm_memslots_fini(kvm_state_t *s)
{
    if (s->memory_as)
        mm_memory_listener_unregister(s->memory_as, &s->listener);
    s->memory_as = NULL;
    g_free(s->slots);
    s->slots = NULL;
    s->nr_slots = 0;
}

unsigned mm_kvm_memslot_count(void)
{
    kvm_state_t *s = kvm_state();
    unsigned n = 0;
    g_mutex_lock(&s->lock);
    for (unsigned i = 0; i < s->nr_slots; i++)
        n += s->slots[i].used;
    g_mutex_unlock(&s->lock);
    return n;
}
