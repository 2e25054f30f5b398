/*
 * Interrupts without the in-kernel irqchip (kernel-irqchip=off, or a host
 * without one): the board's own 8259 model is the interrupt controller and
 * the boot vCPU takes its interrupts through KVM_INTERRUPT, as on a PC
 * without an APIC.  (SMP needs the kernel's local APICs; mm_kvm_init refuses
 * it here.)
 *
 * KVM only accepts an injection when the guest can take it: the last exit
 * says so (ready_for_interrupt_injection with IF set); otherwise we ask for
 * an exit as soon as it can (request_interrupt_window) and inject then.  A
 * rising INTR also wakes the vCPU from HLT, which in this mode exits to us.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <modemu/event.h>
#include <modemu/log.h>

#include "accel/kvm/kvm_int.h"
#include "machine/pc/pic.h"

static void kvm_pic_intr_changed(void *opaque, int level)
{
    if (level)
        mm_kvm_kick(0);
}

void kvm_userspace_irq_init(kvm_state_t *s)
{
    if (!s->irqchip_in_kernel)
        mm_pic_connect_intr(kvm_pic_intr_changed, s);
}

/* Before KVM_RUN of the boot vCPU: inject, or ask for an interrupt window. */
void kvm_userspace_irq_prepare(kvm_state_t *s, kvm_vcpu *v)
{
    if (s->irqchip_in_kernel || v->index != 0)
        return;
    struct kvm_run *run = v->run;
    mm_machine_lock();
    bool pending = mm_pic_intr_pending();
    if (pending && run->ready_for_interrupt_injection && run->if_flag) {
        int vector = mm_pic_acknowledge();
        if (vector >= 0) {
            struct kvm_interrupt irq = { .irq = (uint32_t)vector };
            if (ioctl(v->fd, KVM_INTERRUPT, &irq) < 0)
                mm_log(MM_LOG_GUEST_ERROR, "kvm: KVM_INTERRUPT %d failed: %s\n", vector,
                       strerror(errno));
        }
        pending = mm_pic_intr_pending();
    }
    run->request_interrupt_window = pending;
    mm_machine_unlock();
}
