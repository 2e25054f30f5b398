/*
 * Coalesced MMIO: the kernel appends guest writes to registered zones to a
 * ring shared with userspace instead of exiting; we replay them, in order,
 * into the memory API before handling the next exit of any vCPU.  Worth it
 * for write-only registers written in bursts (a framebuffer-like window, a
 * debug port), wrong for registers whose writes the guest expects to take
 * effect at once.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>

#include "accel/kvm/kvm_int.h"

#define KVM_RING_PAGE_SIZE 4096u

void kvm_coalesced_init(kvm_state_t *s, kvm_vcpu *first)
{
    if (s->coalesced_page <= 0 || s->coalesced_ring)
        return;
    s->coalesced_ring = (struct kvm_coalesced_mmio_ring *)
        ((uint8_t *)first->run + (size_t)s->coalesced_page * KVM_RING_PAGE_SIZE);
    s->coalesced_max = (KVM_RING_PAGE_SIZE - sizeof(struct kvm_coalesced_mmio_ring)) /
                       sizeof(struct kvm_coalesced_mmio);
}

/* Called with the machine lock held, which also serialises the drainers. */
void kvm_coalesced_drain(kvm_state_t *s)
{
    struct kvm_coalesced_mmio_ring *ring = s->coalesced_ring;
    if (!ring)
        return;
    uint32_t first = ring->first;
    while (first != __atomic_load_n(&ring->last, __ATOMIC_ACQUIRE)) {
        if (first >= s->coalesced_max)
            break;   /* a corrupt index: never index past the page */
        struct kvm_coalesced_mmio *e = &ring->coalesced_mmio[first];
        unsigned len = MIN(e->len, (uint32_t)sizeof(e->data));
        if (e->pio)
            mm_as_write_buf(mm_machine_io_space(), e->phys_addr, e->data, len);
        else
            mm_as_write_buf(s->memory_as, e->phys_addr, e->data, len);
        first = (first + 1) % s->coalesced_max;
        __atomic_store_n(&ring->first, first, __ATOMIC_RELEASE);
    }
}

static bool kvm_coalesced_zone(long request, uint64_t addr, uint64_t size, mm_error **errp)
{
    kvm_state_t *s = kvm_state();
    if (s->vm_fd < 0 || s->coalesced_page <= 0 || size > UINT32_MAX) {
        mm_error_set(errp, "KVM: coalesced MMIO is not available");
        return false;
    }
    struct kvm_coalesced_mmio_zone zone = { .addr = addr, .size = (uint32_t)size };
    if (ioctl(s->vm_fd, request, &zone) < 0) {
        mm_error_set(errp, "KVM: coalesced MMIO zone 0x%" G_GINT64_MODIFIER "x: %s", addr,
                     strerror(errno));
        return false;
    }
    return true;
}

bool mm_kvm_coalesced_mmio_add(uint64_t addr, uint64_t size, mm_error **errp)
{
    return kvm_coalesced_zone(KVM_REGISTER_COALESCED_MMIO, addr, size, errp);
}

void mm_kvm_coalesced_mmio_del(uint64_t addr, uint64_t size)
{
    kvm_coalesced_zone(KVM_UNREGISTER_COALESCED_MMIO, addr, size, NULL);
}
