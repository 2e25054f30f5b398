/*
 * One thread per vCPU.  The loop: apply pending work (reset, staged state),
 * park while the machine is stopped or the vCPU is halted/dead, otherwise
 * KVM_RUN and handle the exit.
 *
 * Kicking a vCPU out of KVM_RUN (stop, reset, wake-up) uses the kernel's
 * race-free protocol: set run->immediate_exit, then signal the thread.  A
 * signal that arrives while the thread is in the guest makes KVM_RUN return
 * EINTR; one that arrives just before entry is covered by immediate_exit,
 * which the kernel checks on entry.  Both are done under state->lock, and the
 * thread clears immediate_exit under the same lock once it is out, so a kick
 * is never lost.
 *
 * After an I/O or MMIO exit the instruction completes only on the next
 * KVM_RUN; before parking or touching registers the thread runs once more
 * with immediate_exit set, which completes it without running guest code.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

#include "accel/kvm/kvm_int.h"

#define KVM_KICK_SIGNAL SIGUSR1

static void kvm_kick_signal_handler(int sig)
{
    (void)sig;   /* its only purpose is to interrupt KVM_RUN */
}

static void kvm_kick_signal_install(void)
{
    static gsize done;
    if (g_once_init_enter(&done)) {
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = kvm_kick_signal_handler;
        /* SA_RESTART: a kick landing while the vCPU thread is in device code
         * must not fail that code's read()/write() with EINTR.  KVM_RUN still
         * returns EINTR (the kernel does not restart it). */
        sa.sa_flags = SA_RESTART;
        sigemptyset(&sa.sa_mask);
        sigaction(KVM_KICK_SIGNAL, &sa, NULL);
        g_once_init_leave(&done, 1);
    }
}

/* Other signals (SIGINT, SIGTERM, SIGCHLD...) belong to the main thread. */
static void kvm_thread_signal_mask(void)
{
    sigset_t set;
    sigfillset(&set);
    sigdelset(&set, KVM_KICK_SIGNAL);
    sigdelset(&set, SIGSEGV);
    sigdelset(&set, SIGBUS);
    sigdelset(&set, SIGFPE);
    sigdelset(&set, SIGILL);
    pthread_sigmask(SIG_SETMASK, &set, NULL);
}

void kvm_vcpu_kick_locked(kvm_vcpu *v)
{
    if (!v->run)
        return;
    __atomic_store_n(&v->run->immediate_exit, 1, __ATOMIC_SEQ_CST);
    if (v->thread_started)
        pthread_kill(v->thread, KVM_KICK_SIGNAL);
}

static bool kvm_vcpu_must_park(kvm_state_t *s, kvm_vcpu *v)
{
    return !s->running || v->halted || v->dead;
}

/* Runs once with immediate_exit set: finishes a pending I/O instruction. */
static void kvm_vcpu_complete_io(kvm_state_t *s, kvm_vcpu *v)
{
    for (int i = 0; i < 16; i++) {
        v->run->immediate_exit = 1;
        int r = ioctl(v->fd, KVM_RUN, 0);
        v->run->immediate_exit = 0;
        if (r < 0)
            return;   /* EINTR: done */
        if (v->run->exit_reason != KVM_EXIT_IO && v->run->exit_reason != KVM_EXIT_MMIO) {
            kvm_exit_handle(s, v);
            return;
        }
        kvm_exit_handle(s, v);   /* a string instruction's next piece */
    }
}

/* Applies KVM_WORK_* with state->lock held; the ioctls do not block. */
static void kvm_vcpu_apply_work(kvm_state_t *s, kvm_vcpu *v)
{
    unsigned work = v->work;
    v->work = 0;
    mm_error *err = NULL;
    if (work & KVM_WORK_RESET) {
        v->dead = v->halted = false;
        if (!kvm_vcpu_reset(s, v, &err))
            v->dead = true;
    }
    if ((work & KVM_WORK_LOAD_STATE) && !v->dead) {
        if (!kvm_vcpu_load_state(v, &v->staged, &err))
            v->dead = true;
        v->halted = false;
    }
    if (err)
        mm_error_report_and_free(err);
}

/*
 * The first KVM_RUN of the process: remembered for mm_kvm_first_run_ns(),
 * and with MODEMU_KVM_REPORT_START=1 printed as wall-clock time so that a
 * script can measure the VMM's start-up from its own launch (bench/kvm).
 */
static void kvm_note_first_run(kvm_state_t *s)
{
    int64_t zero = 0;
    if (!__atomic_compare_exchange_n(&s->first_run_ns, &zero, g_get_monotonic_time() * 1000,
                                     false, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
        return;
    if (g_strcmp0(g_getenv("MODEMU_KVM_REPORT_START"), "1") == 0)
        fprintf(stderr, "kvm: first KVM_RUN at %" G_GINT64_FORMAT " ns (realtime)\n",
                g_get_real_time() * 1000);
}

static void kvm_vcpu_enter(kvm_state_t *s, kvm_vcpu *v, bool *io_pending)
{
    if (!__atomic_load_n(&s->first_run_ns, __ATOMIC_RELAXED))
        kvm_note_first_run(s);
    kvm_userspace_irq_prepare(s, v);
    int r = ioctl(v->fd, KVM_RUN, 0);
    int err = errno;
    g_mutex_lock(&s->lock);
    v->run->immediate_exit = 0;
    g_mutex_unlock(&s->lock);
    if (r < 0) {
        if (err != EINTR && err != EAGAIN) {
            mm_error_report("KVM: vCPU %u: KVM_RUN failed: %s", v->index, strerror(err));
            g_mutex_lock(&s->lock);
            v->dead = true;
            g_mutex_unlock(&s->lock);
        }
        return;
    }
    *io_pending = kvm_exit_handle(s, v);
}

/* The vCPU whose thread this is (NULL on other threads). */
static __thread kvm_vcpu *kvm_this_vcpu;

bool kvm_is_vcpu_thread_of(const kvm_vcpu *v)
{
    return kvm_this_vcpu == v;
}

static void *kvm_vcpu_thread(void *opaque)
{
    kvm_vcpu *v = opaque;
    kvm_state_t *s = kvm_state();
    bool io_pending = false;
    kvm_this_vcpu = v;
    kvm_thread_signal_mask();
    g_mutex_lock(&s->lock);
    for (;;) {
        if (io_pending && (v->work || kvm_vcpu_must_park(s, v) || s->quit)) {
            g_mutex_unlock(&s->lock);
            kvm_vcpu_complete_io(s, v);
            io_pending = false;
            g_mutex_lock(&s->lock);
            continue;
        }
        if (v->work) {
            kvm_vcpu_apply_work(s, v);
            continue;
        }
        if (s->quit)
            break;
        if (kvm_vcpu_must_park(s, v)) {
            v->parked = true;
            g_cond_broadcast(&s->cond);
            g_cond_wait(&s->cond, &s->lock);
            v->parked = false;
            continue;
        }
        g_mutex_unlock(&s->lock);
        kvm_vcpu_enter(s, v, &io_pending);
        g_mutex_lock(&s->lock);
    }
    v->parked = true;
    g_cond_broadcast(&s->cond);
    g_mutex_unlock(&s->lock);
    return NULL;
}

bool kvm_threads_start(kvm_state_t *s, mm_error **errp)
{
    kvm_kick_signal_install();
    for (unsigned i = 0; i < s->ncpus; i++) {
        kvm_vcpu *v = &s->vcpus[i];
        int err = pthread_create(&v->thread, NULL, kvm_vcpu_thread, v);
        if (err) {
            mm_error_set(errp, "KVM: cannot start the thread of vCPU %u: %s", i, strerror(err));
            return false;
        }
        g_mutex_lock(&s->lock);
        v->thread_started = true;
        g_mutex_unlock(&s->lock);
    }
    return true;
}

void kvm_threads_join(kvm_state_t *s)
{
    g_mutex_lock(&s->lock);
    s->quit = true;
    for (unsigned i = 0; i < s->ncpus; i++)
        kvm_vcpu_kick_locked(&s->vcpus[i]);
    g_cond_broadcast(&s->cond);
    g_mutex_unlock(&s->lock);
    for (unsigned i = 0; i < s->ncpus; i++) {
        if (s->vcpus[i].thread_started)
            pthread_join(s->vcpus[i].thread, NULL);
        s->vcpus[i].thread_started = false;
    }
}
