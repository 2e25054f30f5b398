/*
 * ioeventfd and irqfd registration (see kvm_notify.h).
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>

#include "accel/kvm/kvm_int.h"
#include "accel/kvm/kvm_notify.h"

bool kvm_notify_ioeventfd_usable(void)
{
    kvm_state_t *s = kvm_state();
    return s->vm_fd >= 0 && kvm_device_has_cap(s->vm_fd, KVM_CAP_IOEVENTFD);
}

bool kvm_notify_irqfd_usable(void)
{
    kvm_state_t *s = kvm_state();
    return s->vm_fd >= 0 && s->irqchip_in_kernel && kvm_device_has_cap(s->vm_fd, KVM_CAP_IRQFD);
}

bool kvm_ioeventfd_assign(int fd, bool io, uint64_t addr, unsigned size, bool match_value,
                          uint64_t value, bool assign, mm_error **errp)
{
    struct kvm_ioeventfd ev = {
        .datamatch = match_value ? value : 0,
        .addr = addr,
        .len = size,
        .fd = fd,
    };
    if (io)
        ev.flags |= KVM_IOEVENTFD_FLAG_PIO;
    if (match_value)
        ev.flags |= KVM_IOEVENTFD_FLAG_DATAMATCH;
    if (!assign)
        ev.flags |= KVM_IOEVENTFD_FLAG_DEASSIGN;
    if (ioctl(kvm_state()->vm_fd, KVM_IOEVENTFD, &ev) < 0) {
        mm_error_set(errp, "KVM: %s ioeventfd at %s 0x%" G_GINT64_MODIFIER "x failed: %s",
                     assign ? "adding" : "removing", io ? "port" : "address", addr,
                     strerror(errno));
        return false;
    }
    return true;
}

bool kvm_irqfd_assign(int fd, int gsi, bool assign, mm_error **errp)
{
    struct kvm_irqfd irqfd = {
        .fd = (uint32_t)fd,
        .gsi = (uint32_t)gsi,
        .flags = assign ? 0 : KVM_IRQFD_FLAG_DEASSIGN,
    };
    if (ioctl(kvm_state()->vm_fd, KVM_IRQFD, &irqfd) < 0) {
        mm_error_set(errp, "KVM: %s irqfd for GSI %d failed: %s", assign ? "adding" : "removing",
                     gsi, strerror(errno));
        return false;
    }
    return true;
}
