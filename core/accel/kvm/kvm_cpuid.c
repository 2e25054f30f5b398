/*
 * CPUID of the vCPUs: what the host's KVM supports (KVM_GET_SUPPORTED_CPUID),
 * narrowed to the -cpu model, with each vCPU's APIC id and the -smp topology
 * filled in.  `-cpu host` (or no model) passes the supported set unchanged.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>

#include "accel/kvm/kvm_int.h"
#include "accel/kvm/kvm_cpuid_model.h"

#define CPUID_1_EDX_HTT (1u << 28)

bool kvm_cpuid_load_supported(kvm_state_t *s, mm_error **errp)
{
    for (unsigned nent = 64; nent <= 4096; nent *= 2) {
        struct kvm_cpuid2 *c =
            g_malloc0(sizeof(*c) + nent * sizeof(struct kvm_cpuid_entry2));
        c->nent = nent;
        if (ioctl(s->dev_fd, KVM_GET_SUPPORTED_CPUID, c) == 0) {
            s->supported_cpuid = c;
            return true;
        }
        int err = errno;
        g_free(c);
        if (err != E2BIG) {
            mm_error_set(errp, "KVM: KVM_GET_SUPPORTED_CPUID failed: %s", strerror(err));
            return false;
        }
    }
    mm_error_set(errp, "KVM: KVM_GET_SUPPORTED_CPUID: table too large");
    return false;
}

/* Bits of the x2APIC id that number `count` items (CPUID 0xB EAX). */
static uint32_t cpuid_bits_for(unsigned count)
{
    uint32_t shift = 0;
    while ((1u << shift) < count)
        shift++;
    return shift;
}

/* One package of `ncpus` single-threaded cores; APIC id = vCPU index. */
static void cpuid_set_topology(struct kvm_cpuid2 *c, unsigned index, unsigned ncpus)
{
    struct kvm_cpuid_entry2 *e = kvm_cpuid_entry_find(c, 1, 0);
    if (e) {
        e->ebx = (e->ebx & 0x0000ffffu) | (index << 24) | ((ncpus & 0xff) << 16);
        if (ncpus > 1)
            e->edx |= CPUID_1_EDX_HTT;
        else
            e->edx &= ~CPUID_1_EDX_HTT;
    }
    for (uint32_t i = 0; i < c->nent; i++) {
        e = &c->entries[i];
        if (e->function == 4) {
            /* EAX[31:26]: cores per package - 1; EAX[25:14]: threads sharing - 1. */
            e->eax = (e->eax & 0x3fffu) | ((ncpus - 1) << 26);
        } else if (e->function == 0xb || e->function == 0x1f) {
            e->edx = index;   /* x2APIC id */
            if (e->index == 0) {          /* SMT level: one thread per core */
                e->eax = 0;
                e->ebx = 1;
                e->ecx = (1u << 8) | 0;
            } else if (e->index == 1) {   /* core level */
                e->eax = cpuid_bits_for(ncpus);
                e->ebx = ncpus;
                e->ecx = (2u << 8) | 1;
            } else {
                e->eax = e->ebx = 0;
                e->ecx = e->index;
            }
        }
    }
}

bool kvm_cpuid_setup_vcpu(kvm_state_t *s, kvm_vcpu *v, const mm_kvm_options *opts,
                          mm_error **errp)
{
    struct kvm_cpuid2 *sup = s->supported_cpuid;
    size_t bytes = sizeof(*sup) + sup->nent * sizeof(struct kvm_cpuid_entry2);
    struct kvm_cpuid2 *c = g_memdup2(sup, bytes);
    if (!kvm_cpuid_apply_model(c, opts->cpu_model, opts->cpu_flags, errp)) {
        g_free(c);
        return false;
    }
    cpuid_set_topology(c, v->index, s->ncpus);
    if (ioctl(v->fd, KVM_SET_CPUID2, c) < 0) {
        mm_error_set(errp, "KVM: KVM_SET_CPUID2 failed: %s", strerror(errno));
        g_free(c);
        return false;
    }
    v->cpuid = c;
    return true;
}

static bool cpuid_copy_leaf(struct kvm_cpuid2 *c, uint32_t leaf, uint32_t index,
                            uint32_t regs[4])
{
    struct kvm_cpuid_entry2 *e = kvm_cpuid_entry_find(c, leaf, index);
    if (!e)
        return false;
    regs[0] = e->eax;
    regs[1] = e->ebx;
    regs[2] = e->ecx;
    regs[3] = e->edx;
    return true;
}

bool mm_kvm_vcpu_cpuid(unsigned cpu, uint32_t leaf, uint32_t index, bool requested,
                       uint32_t regs[4])
{
    kvm_state_t *s = kvm_state();
    if (!s->vcpus || cpu >= s->ncpus || !s->vcpus[cpu].cpuid)
        return false;
    kvm_vcpu *v = &s->vcpus[cpu];
    if (requested)
        return cpuid_copy_leaf(v->cpuid, leaf, index, regs);
    uint32_t nent = v->cpuid->nent;
    struct kvm_cpuid2 *held = g_malloc0(sizeof(*held) + nent * sizeof(struct kvm_cpuid_entry2));
    held->nent = nent;
    bool ok = ioctl(v->fd, KVM_GET_CPUID2, held) == 0 && cpuid_copy_leaf(held, leaf, index, regs);
    g_free(held);
    return ok;
}
