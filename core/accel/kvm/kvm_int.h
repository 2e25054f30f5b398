/*
 * KVM accelerator internals (shared by the files of core/accel/kvm/ only).
 *
 * One process holds one VM: the state is a singleton (kvm_state()), as the
 * accelerator ops in accel/accel.h take no state argument.
 *
 * Threads and locks:
 *  - each vCPU has its own thread running KVM_RUN; device dispatch on I/O and
 *    MMIO exits happens under the machine lock (mm_machine_lock);
 *  - state->lock (a GMutex) protects the run/pause flags of every vCPU and the
 *    memory-slot table; state->cond signals changes of those flags;
 *  - anything that changes a vCPU's registers runs on the vCPU's own thread
 *    (a "pending work" bit), because a vCPU ioctl from another thread would
 *    block until that vCPU leaves KVM_RUN.
 */
#ifndef MODEMU_ACCEL_KVM_KVM_INT_H
#define MODEMU_ACCEL_KVM_KVM_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <pthread.h>
#include <glib.h>
#include <linux/kvm.h>
#include <modemu/error.h>
#include <modemu/memory.h>

#include "accel/kvm/kvm.h"

struct mm_x86_cpu;

/* Work a vCPU thread applies to itself before its next KVM_RUN. */
enum {
    KVM_WORK_RESET      = 1u << 0,  /* power-on register state */
    KVM_WORK_LOAD_STATE = 1u << 1,  /* the state staged in vcpu->staged */
};

typedef struct kvm_vcpu {
    unsigned index;
    int fd;
    struct kvm_run *run;
    pthread_t thread;
    bool thread_started;

    /* Protected by state->lock. */
    bool parked;         /* waiting in the thread loop, not in KVM_RUN */
    bool in_io;          /* dispatching an exit (may wait for the machine lock) */
    bool halted;         /* KVM_EXIT_HLT with the irqchip in userspace */
    bool dead;           /* shutdown or failed entry: waits for a reset */
    bool wake_pending;   /* a kick arrived: the next HLT does not sleep */
    unsigned work;       /* KVM_WORK_* */
    mm_kvm_vcpu_state staged;

    struct kvm_cpuid2 *cpuid;
    uint64_t exits;      /* exits handled (statistics, tests) */
    uint32_t last_exit;  /* KVM_EXIT_* of the last one */
} kvm_vcpu;

typedef struct kvm_slot {
    bool used;
    uint64_t gpa, size;
    void *host;
    uint32_t flags;
} kvm_slot;

typedef struct kvm_state_t {
    int dev_fd, vm_fd;
    int run_mmap_size;
    bool irqchip_in_kernel, pit_in_kernel;
    bool readonly_mem;
    bool warned_rom_writable;

    /* Coalesced MMIO: a ring in the vCPU mapping (page coalesced_page). */
    struct kvm_coalesced_mmio_ring *coalesced_ring;
    unsigned coalesced_max;
    int coalesced_page;

    unsigned ncpus;
    kvm_vcpu *vcpus;
    GMutex lock;
    GCond cond;
    bool running;        /* start() was called and stop() not since */
    bool quit;           /* threads must end */

    kvm_slot *slots;
    unsigned nr_slots;
    mm_memory_listener listener;
    mm_address_space *memory_as;

    GArray *routes;              /* struct kvm_irq_routing_entry: the GSI table */
    uint32_t next_msi_gsi;

    struct kvm_cpuid2 *supported_cpuid;
    int64_t first_run_ns;        /* host monotonic time of the first KVM_RUN */
} kvm_state_t;

kvm_state_t *kvm_state(void);

/* kvm_device.c: /dev/kvm checks. */
int kvm_device_open(mm_error **errp);
bool kvm_device_has_cap(int dev_or_vm_fd, long cap);

/* kvm_vm.c: the VM file descriptor and its fixed set-up. */
bool kvm_vm_create(kvm_state_t *s, const mm_kvm_options *opts, mm_error **errp);
void kvm_vm_destroy(kvm_state_t *s);

/* kvm_memslot.c: guest RAM as KVM memory slots from a memory listener. */
bool kvm_memslots_init(kvm_state_t *s, mm_address_space *as, mm_error **errp);
void kvm_memslots_fini(kvm_state_t *s);

/* kvm_irqchip.c: in-kernel PIC, IOAPIC, LAPIC and PIT. */
bool kvm_irqchip_create(kvm_state_t *s, const mm_kvm_options *opts, mm_error **errp);
void kvm_irqchip_reset(kvm_state_t *s);
void kvm_lapic_reset(kvm_state_t *s, kvm_vcpu *v);

/* kvm_irq_routes.c: the GSI routing table (pc routes, then MSI routes). */
#define KVM_IOAPIC_PINS 24
bool kvm_routes_init_pc(kvm_state_t *s, mm_error **errp);
void kvm_routes_fini(kvm_state_t *s);

/* kvm_userspace_irq.c: the board's 8259 feeding the boot vCPU (no kernel irqchip). */
void kvm_userspace_irq_init(kvm_state_t *s);
void kvm_userspace_irq_prepare(kvm_state_t *s, kvm_vcpu *v);

/* kvm_coalesced.c: draining the coalesced MMIO ring. */
void kvm_coalesced_init(kvm_state_t *s, kvm_vcpu *first);
void kvm_coalesced_drain(kvm_state_t *s);

/* kvm_cpuid.c: CPUID tables. */
bool kvm_cpuid_load_supported(kvm_state_t *s, mm_error **errp);
bool kvm_cpuid_setup_vcpu(kvm_state_t *s, kvm_vcpu *v, const mm_kvm_options *opts,
                          mm_error **errp);

/* kvm_vcpu.c: creation, mapping, destruction. */
bool kvm_vcpu_create(kvm_state_t *s, kvm_vcpu *v, unsigned index, mm_error **errp);
void kvm_vcpu_destroy(kvm_vcpu *v);

/* kvm_reset.c: x86 power-on state of a vCPU (runs on the vCPU thread), and
 * whole register states (on the vCPU thread, or while it is parked). */
bool kvm_vcpu_reset(kvm_state_t *s, kvm_vcpu *v, mm_error **errp);
bool kvm_vcpu_put_x86(kvm_vcpu *v, const struct mm_x86_cpu *c, mm_error **errp);
bool kvm_vcpu_load_state(kvm_vcpu *v, const mm_kvm_vcpu_state *st, mm_error **errp);
bool kvm_vcpu_save_state(kvm_vcpu *v, mm_kvm_vcpu_state *st, mm_error **errp);

/* kvm_exit.c: handling one KVM_RUN exit; returns true when it was port I/O or
 * MMIO, whose instruction completes only at the next KVM_RUN. */
bool kvm_exit_handle(kvm_state_t *s, kvm_vcpu *v);

/* kvm_thread.c: the vCPU threads and their kicks. */
bool kvm_threads_start(kvm_state_t *s, mm_error **errp);
void kvm_threads_join(kvm_state_t *s);
void kvm_vcpu_kick_locked(kvm_vcpu *v);
/* Whether the calling thread is v's own (device code runs there on exits). */
bool kvm_is_vcpu_thread_of(const kvm_vcpu *v);

#endif
