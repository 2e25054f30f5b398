/*
 * The KVM accelerator's life cycle (see accel/kvm/kvm.h).
 */
#include <string.h>

#include "accel/kvm/kvm_int.h"
#include "event/machine_lock.h"

static bool kvm_vcpus_create(kvm_state_t *s, const mm_kvm_options *opts, mm_error **errp)
{
    s->vcpus = g_new0(kvm_vcpu, s->ncpus);
    for (unsigned i = 0; i < s->ncpus; i++)
        s->vcpus[i].fd = -1;
    for (unsigned i = 0; i < s->ncpus; i++) {
        if (!kvm_vcpu_create(s, &s->vcpus[i], i, errp) ||
            !kvm_cpuid_setup_vcpu(s, &s->vcpus[i], opts, errp))
            return false;
    }
    return true;
}

static bool kvm_options_check(const mm_kvm_options *opts, unsigned ncpus, mm_error **errp)
{
    if (ncpus > 1 && opts->irqchip == MM_KVM_IRQCHIP_OFF) {
        mm_error_set(errp, "KVM: -smp %u needs the in-kernel irqchip (kernel-irqchip=off "
                     "supports one vCPU)", ncpus);
        return false;
    }
    return true;
}

bool mm_kvm_init(const mm_kvm_options *opts, mm_address_space *memory, mm_error **errp)
{
    kvm_state_t *s = kvm_state();
    if (s->vm_fd >= 0) {
        mm_error_set(errp, "KVM: the VM already exists");
        return false;
    }
    unsigned ncpus = opts->ncpus ? opts->ncpus : 1;
    if (!kvm_options_check(opts, ncpus, errp))
        return false;
    g_mutex_init(&s->lock);
    g_cond_init(&s->cond);
    s->ncpus = ncpus;
    s->running = s->quit = false;
    s->first_run_ns = 0;
    bool ok = kvm_vm_create(s, opts, errp) && kvm_cpuid_load_supported(s, errp);
    if (ok && ncpus > 1 && !s->irqchip_in_kernel) {
        mm_error_set(errp, "KVM: -smp %u needs an in-kernel irqchip, which this host lacks",
                     ncpus);
        ok = false;
    }
    ok = ok && kvm_memslots_init(s, memory, errp) && kvm_vcpus_create(s, opts, errp);
    if (ok)
        kvm_userspace_irq_init(s);
    ok = ok && kvm_threads_start(s, errp);
    if (!ok)
        mm_kvm_destroy();
    return ok;
}

bool mm_kvm_initialized(void)
{
    return kvm_state()->vm_fd >= 0;
}

void mm_kvm_start(void)
{
    kvm_state_t *s = kvm_state();
    g_mutex_lock(&s->lock);
    s->running = true;
    g_cond_broadcast(&s->cond);
    g_mutex_unlock(&s->lock);
}

/*
 * A vCPU waiting for the machine lock cannot park while our caller holds
 * that lock: such a vCPU counts as stopped (it parks, without entering the
 * guest, as soon as its access is done).  So does the caller's own vCPU when
 * device code on a vCPU thread stops the machine.
 */
static bool kvm_all_parked(kvm_state_t *s, bool caller_holds_machine_lock)
{
    for (unsigned i = 0; i < s->ncpus; i++) {
        kvm_vcpu *v = &s->vcpus[i];
        if (!v->thread_started || v->parked || kvm_is_vcpu_thread_of(v))
            continue;
        if (caller_holds_machine_lock && v->in_io)
            continue;
        return false;
    }
    return true;
}

void mm_kvm_stop(void)
{
    kvm_state_t *s = kvm_state();
    if (!s->vcpus)
        return;
    bool holds = mm_machine_lock_held();
    g_mutex_lock(&s->lock);
    s->running = false;
    for (unsigned i = 0; i < s->ncpus; i++)
        kvm_vcpu_kick_locked(&s->vcpus[i]);
    while (!kvm_all_parked(s, holds))
        g_cond_wait(&s->cond, &s->lock);
    g_mutex_unlock(&s->lock);
}

void mm_kvm_reset(void)
{
    kvm_state_t *s = kvm_state();
    if (!s->vcpus)
        return;
    g_mutex_lock(&s->lock);
    bool was_running = s->running;
    g_mutex_unlock(&s->lock);
    mm_kvm_stop();
    kvm_irqchip_reset(s);
    g_mutex_lock(&s->lock);
    for (unsigned i = 0; i < s->ncpus; i++)
        s->vcpus[i].work = KVM_WORK_RESET;
    s->running = was_running;
    g_cond_broadcast(&s->cond);
    g_mutex_unlock(&s->lock);
}

void mm_kvm_destroy(void)
{
    kvm_state_t *s = kvm_state();
    if (s->vcpus) {
        kvm_threads_join(s);
        for (unsigned i = 0; i < s->ncpus; i++)
            kvm_vcpu_destroy(&s->vcpus[i]);
    }
    kvm_memslots_fini(s);
    kvm_routes_fini(s);
    kvm_vm_destroy(s);
    g_free(s->vcpus);
    g_free(s->supported_cpuid);
    s->vcpus = NULL;
    s->supported_cpuid = NULL;
    s->coalesced_ring = NULL;
    s->ncpus = 0;
    s->irqchip_in_kernel = s->pit_in_kernel = false;
}

static kvm_vcpu *kvm_vcpu_get(unsigned cpu, mm_error **errp)
{
    kvm_state_t *s = kvm_state();
    if (!s->vcpus || cpu >= s->ncpus) {
        mm_error_set(errp, "KVM: no vCPU %u", cpu);
        return NULL;
    }
    return &s->vcpus[cpu];
}

unsigned mm_kvm_vcpu_count(void)
{
    return kvm_state()->ncpus;
}

bool mm_kvm_set_vcpu_state(unsigned cpu, const mm_kvm_vcpu_state *st, mm_error **errp)
{
    kvm_state_t *s = kvm_state();
    kvm_vcpu *v = kvm_vcpu_get(cpu, errp);
    if (!v)
        return false;
    g_mutex_lock(&s->lock);
    v->staged = *st;
    v->work |= KVM_WORK_LOAD_STATE;
    kvm_vcpu_kick_locked(v);
    g_cond_broadcast(&s->cond);
    g_mutex_unlock(&s->lock);
    return true;
}

bool mm_kvm_get_vcpu_state(unsigned cpu, mm_kvm_vcpu_state *st, mm_error **errp)
{
    kvm_state_t *s = kvm_state();
    kvm_vcpu *v = kvm_vcpu_get(cpu, errp);
    if (!v)
        return false;
    g_mutex_lock(&s->lock);
    /* Pending work (a reset) lands first, so the answer is what will run. */
    while (v->work || !v->parked) {
        if (s->running) {
            g_mutex_unlock(&s->lock);
            mm_error_set(errp, "KVM: vCPU %u is running; stop the machine first", cpu);
            return false;
        }
        g_cond_wait(&s->cond, &s->lock);
    }
    bool ok = kvm_vcpu_save_state(v, st, errp);
    g_mutex_unlock(&s->lock);
    return ok;
}

void mm_kvm_kick(unsigned cpu)
{
    kvm_state_t *s = kvm_state();
    kvm_vcpu *v = kvm_vcpu_get(cpu, NULL);
    if (!v)
        return;
    g_mutex_lock(&s->lock);
    v->wake_pending = true;
    v->halted = false;
    kvm_vcpu_kick_locked(v);
    g_cond_broadcast(&s->cond);
    g_mutex_unlock(&s->lock);
}

int mm_kvm_vm_fd(void)
{
    return kvm_state()->vm_fd;
}

int64_t mm_kvm_first_run_ns(void)
{
    return __atomic_load_n(&kvm_state()->first_run_ns, __ATOMIC_RELAXED);
}

uint64_t mm_kvm_vcpu_exits(unsigned cpu)
{
    kvm_vcpu *v = kvm_vcpu_get(cpu, NULL);
    return v ? __atomic_load_n(&v->exits, __ATOMIC_RELAXED) : 0;
}

uint32_t mm_kvm_vcpu_last_exit(unsigned cpu)
{
    kvm_vcpu *v = kvm_vcpu_get(cpu, NULL);
    return v ? __atomic_load_n(&v->last_exit, __ATOMIC_RELAXED) : 0;
}
