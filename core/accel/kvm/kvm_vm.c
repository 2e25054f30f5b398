/*
 * The VM: creation and the fixed x86 set-up every VM needs.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include "accel/kvm/kvm_int.h"
#include "machine/pc/apic_bus.h"

/*
 * Intel VMX needs three pages of guest-physical space for the real-mode TSS
 * and one for the EPT identity map; they must not overlap guest RAM or MMIO
 * the guest uses.  QEMU puts them just below the BIOS at 4 GiB - 16 MiB - ...;
 * we use the same spot, between the IOAPIC/HPET area and the BIOS ROM.
 */
#define KVM_TSS_ADDR          0xfeffd000ull
#define KVM_IDENTITY_MAP_ADDR 0xfeffc000ull

static kvm_state_t kvm_the_state = { .dev_fd = -1, .vm_fd = -1 };

kvm_state_t *kvm_state(void)
{
    return &kvm_the_state;
}

static int kvm_create_vm_fd(int dev_fd, mm_error **errp)
{
    int fd;
    do {
        fd = ioctl(dev_fd, KVM_CREATE_VM, 0);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        mm_error_set(errp, "KVM is not usable: KVM_CREATE_VM failed: %s", strerror(errno));
    return fd;
}

bool kvm_vm_create(kvm_state_t *s, const mm_kvm_options *opts, mm_error **errp)
{
    s->dev_fd = kvm_device_open(errp);
    if (s->dev_fd < 0)
        return false;
    s->run_mmap_size = ioctl(s->dev_fd, KVM_GET_VCPU_MMAP_SIZE, 0);
    if (s->run_mmap_size < (int)sizeof(struct kvm_run)) {
        mm_error_set(errp, "KVM is not usable: bad vCPU mapping size %d", s->run_mmap_size);
        return false;
    }
    s->vm_fd = kvm_create_vm_fd(s->dev_fd, errp);
    if (s->vm_fd < 0)
        return false;
    if (ioctl(s->vm_fd, KVM_SET_TSS_ADDR, (unsigned long)KVM_TSS_ADDR) < 0) {
        mm_error_set(errp, "KVM: KVM_SET_TSS_ADDR failed: %s", strerror(errno));
        return false;
    }
    if (kvm_device_has_cap(s->vm_fd, KVM_CAP_SET_IDENTITY_MAP_ADDR)) {
        uint64_t addr = KVM_IDENTITY_MAP_ADDR;
        if (ioctl(s->vm_fd, KVM_SET_IDENTITY_MAP_ADDR, &addr) < 0) {
            mm_error_set(errp, "KVM: KVM_SET_IDENTITY_MAP_ADDR failed: %s", strerror(errno));
            return false;
        }
    }
    s->readonly_mem = kvm_device_has_cap(s->vm_fd, KVM_CAP_READONLY_MEM);
    s->coalesced_page = ioctl(s->vm_fd, KVM_CHECK_EXTENSION, KVM_CAP_COALESCED_MMIO);
    if (s->coalesced_page < 0)
        s->coalesced_page = 0;
    return kvm_irqchip_create(s, opts, errp);
}

void kvm_vm_destroy(kvm_state_t *s)
{
    if (s->vm_fd >= 0)
        close(s->vm_fd);
    if (s->dev_fd >= 0)
        close(s->dev_fd);
    s->vm_fd = s->dev_fd = -1;
    if (s->irqchip_in_kernel)
        mm_apic_bus_set_msi_sink(NULL);
    s->irqchip_in_kernel = false;
}
