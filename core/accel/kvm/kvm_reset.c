/*
 * Power-on state of a vCPU under KVM: the same values the software CPU uses
 * (mm_x86_cpu_reset), written with KVM's ioctls, plus what only KVM keeps:
 * the in-kernel local APIC, XCR0, debug registers and the MP state that
 * parks application processors until a SIPI.  Runs on the vCPU's thread.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>

#include "accel/kvm/kvm_cpuid_model.h"
#include "accel/kvm/kvm_int.h"
#include "accel/kvm/kvm_x86_state.h"
#include "boot/boot_state.h"

#define XCR0_X87 1ull

/* CPUID.1:EAX of this vCPU: EDX holds it after reset. */
static uint32_t kvm_vcpu_signature(const kvm_vcpu *v)
{
    struct kvm_cpuid_entry2 *e = v->cpuid ? kvm_cpuid_entry_find(v->cpuid, 1, 0) : NULL;
    return e ? e->eax : 0;
}

static bool kvm_vcpu_ioctl(kvm_vcpu *v, unsigned long request, void *arg, const char *name,
                           mm_error **errp)
{
    if (ioctl(v->fd, request, arg) == 0)
        return true;
    mm_error_set(errp, "KVM: %s on vCPU %u failed: %s", name, v->index, strerror(errno));
    return false;
}

bool kvm_vcpu_put_x86(kvm_vcpu *v, const mm_x86_cpu *c, mm_error **errp)
{
    struct kvm_regs regs;
    struct kvm_sregs sregs;
    struct kvm_fpu fpu;
    kvm_x86_regs_from_cpu(c, &regs);
    kvm_x86_sregs_from_cpu(c, &sregs);
    kvm_x86_fpu_from_cpu(c, &fpu);
    if (!kvm_vcpu_ioctl(v, KVM_SET_SREGS, &sregs, "KVM_SET_SREGS", errp) ||
        !kvm_vcpu_ioctl(v, KVM_SET_REGS, &regs, "KVM_SET_REGS", errp) ||
        !kvm_vcpu_ioctl(v, KVM_SET_FPU, &fpu, "KVM_SET_FPU", errp))
        return false;
    struct kvm_msrs *msrs = kvm_x86_msrs_from_cpu(c);
    kvm_x86_set_msrs(v->fd, msrs);
    g_free(msrs);
    struct kvm_debugregs dbg;
    memset(&dbg, 0, sizeof(dbg));
    memcpy(dbg.db, c->dr, sizeof(dbg.db));
    dbg.dr6 = c->dr[6];
    dbg.dr7 = c->dr[7];
    return kvm_vcpu_ioctl(v, KVM_SET_DEBUGREGS, &dbg, "KVM_SET_DEBUGREGS", errp);
}

static void kvm_vcpu_reset_xcr0(kvm_state_t *s, kvm_vcpu *v)
{
    if (!kvm_device_has_cap(s->vm_fd, KVM_CAP_XCRS))
        return;
    struct kvm_xcrs xcrs;
    memset(&xcrs, 0, sizeof(xcrs));
    xcrs.nr_xcrs = 1;
    xcrs.xcrs[0].xcr = 0;
    xcrs.xcrs[0].value = XCR0_X87;
    kvm_vcpu_ioctl(v, KVM_SET_XCRS, &xcrs, "KVM_SET_XCRS", NULL);
}

bool kvm_vcpu_reset(kvm_state_t *s, kvm_vcpu *v, mm_error **errp)
{
    mm_x86_cpu cpu;
    memset(&cpu, 0, sizeof(cpu));
    cpu.cpu_index = v->index;
    mm_x86_cpu_reset(&cpu);
    cpu.regs[X86_R_DX] = kvm_vcpu_signature(v);
    /* A direct kernel boot starts the boot CPU where the loader says. */
    const mm_boot_state *boot = mm_boot_state_current();
    if (boot && v->index == 0)
        mm_boot_state_apply(boot, &cpu);
    kvm_lapic_reset(s, v);
    if (!kvm_vcpu_put_x86(v, &cpu, errp))
        return false;
    kvm_vcpu_reset_xcr0(s, v);
    /* With the kernel's APIC, APs wait for INIT/SIPI from the BSP. */
    struct kvm_mp_state mp = { .mp_state = KVM_MP_STATE_RUNNABLE };
    if (s->irqchip_in_kernel && v->index != 0)
        mp.mp_state = KVM_MP_STATE_UNINITIALIZED;
    if (s->irqchip_in_kernel)
        return kvm_vcpu_ioctl(v, KVM_SET_MP_STATE, &mp, "KVM_SET_MP_STATE", errp);
    return true;
}

bool kvm_vcpu_load_state(kvm_vcpu *v, const mm_kvm_vcpu_state *st, mm_error **errp)
{
    struct kvm_sregs sregs = st->sregs;
    struct kvm_regs regs = st->regs;
    if (!kvm_vcpu_ioctl(v, KVM_SET_SREGS, &sregs, "KVM_SET_SREGS", errp) ||
        !kvm_vcpu_ioctl(v, KVM_SET_REGS, &regs, "KVM_SET_REGS", errp))
        return false;
    struct kvm_mp_state mp = { .mp_state = KVM_MP_STATE_RUNNABLE };
    if (kvm_state()->irqchip_in_kernel)
        return kvm_vcpu_ioctl(v, KVM_SET_MP_STATE, &mp, "KVM_SET_MP_STATE", errp);
    return true;
}

bool kvm_vcpu_save_state(kvm_vcpu *v, mm_kvm_vcpu_state *st, mm_error **errp)
{
    return kvm_vcpu_ioctl(v, KVM_GET_REGS, &st->regs, "KVM_GET_REGS", errp) &&
           kvm_vcpu_ioctl(v, KVM_GET_SREGS, &st->sregs, "KVM_GET_SREGS", errp);
}
