/*
 * vCPU creation: the vCPU file descriptor, its shared kvm_run mapping and its
 * CPUID table.  Registers are set later, on the vCPU's own thread.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include "accel/kvm/kvm_int.h"

bool kvm_vcpu_create(kvm_state_t *s, kvm_vcpu *v, unsigned index, mm_error **errp)
{
    v->index = index;
    v->fd = ioctl(s->vm_fd, KVM_CREATE_VCPU, (unsigned long)index);
    if (v->fd < 0) {
        mm_error_set(errp, "KVM: KVM_CREATE_VCPU %u failed: %s", index, strerror(errno));
        return false;
    }
    void *run = mmap(NULL, (size_t)s->run_mmap_size, PROT_READ | PROT_WRITE, MAP_SHARED,
                     v->fd, 0);
    if (run == MAP_FAILED) {
        mm_error_set(errp, "KVM: mapping vCPU %u's run area failed: %s", index,
                     strerror(errno));
        close(v->fd);
        v->fd = -1;
        return false;
    }
    v->run = run;
    if (index == 0)
        kvm_coalesced_init(s, v);
    /* Until the first reset, a vCPU has no defined state: make it reset first. */
    v->work = KVM_WORK_RESET;
    return true;
}

void kvm_vcpu_destroy(kvm_vcpu *v)
{
    kvm_state_t *s = kvm_state();
    if (v->run)
        munmap(v->run, (size_t)s->run_mmap_size);
    if (v->fd >= 0)
        close(v->fd);
    g_free(v->cpuid);
    v->run = NULL;
    v->fd = -1;
    v->cpuid = NULL;
}
