/*
 * The KVM accelerator (core-internal API).
 *
 * The accelerator registered as "kvm" (accel/accel.h) is a thin wrapper over
 * these functions; tests and benchmarks call them directly to build a VM
 * from the memory API without the rest of the machine.
 *
 * Life cycle: mm_kvm_init() opens /dev/kvm, creates the VM, registers guest
 * RAM as memory slots (from a listener on `memory`, so later changes of the
 * flat view follow), creates the in-kernel irqchip where available, the
 * vCPUs in their power-on state and one parked thread per vCPU.
 * mm_kvm_start() lets them run, mm_kvm_stop() parks them again, and
 * mm_kvm_destroy() ends the threads and closes the VM.
 */
#ifndef MODEMU_ACCEL_KVM_KVM_H
#define MODEMU_ACCEL_KVM_KVM_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/kvm.h>
#include <modemu/error.h>
#include <modemu/memory.h>

typedef enum mm_kvm_irqchip_mode {
    MM_KVM_IRQCHIP_AUTO = 0,  /* in-kernel when the host offers it */
    MM_KVM_IRQCHIP_ON,        /* in-kernel or fail */
    MM_KVM_IRQCHIP_OFF,       /* userspace: 1 vCPU, interrupts from the board's PIC */
} mm_kvm_irqchip_mode;

typedef struct mm_kvm_options {
    unsigned ncpus;                 /* 0 means 1 */
    mm_kvm_irqchip_mode irqchip;
    bool no_pit;                    /* leave the PIT to userspace even with the irqchip */
    const char *cpu_model;          /* NULL or "host": what KVM supports */
    const char *cpu_flags;          /* ",+flag,-flag" or NULL */
} mm_kvm_options;

/* Registers of one vCPU as KVM sees them. */
typedef struct mm_kvm_vcpu_state {
    struct kvm_regs regs;
    struct kvm_sregs sregs;
} mm_kvm_vcpu_state;

/* Whether /dev/kvm is usable; the error says why not in one line. */
bool mm_kvm_available(mm_error **errp);

bool mm_kvm_init(const mm_kvm_options *opts, mm_address_space *memory, mm_error **errp);
void mm_kvm_start(void);
/* Parks every vCPU before returning; a vCPU waiting for the machine lock
 * (held by the caller) finishes that access after the caller unlocks, then
 * parks without running guest code. */
void mm_kvm_stop(void);
/* Power-on state for every vCPU and the in-kernel irqchip (applied by each
 * vCPU thread before it next runs). */
void mm_kvm_reset(void);
void mm_kvm_destroy(void);
bool mm_kvm_initialized(void);

unsigned mm_kvm_vcpu_count(void);
/* Stages a register state applied before the vCPU next runs (boot loaders). */
bool mm_kvm_set_vcpu_state(unsigned cpu, const mm_kvm_vcpu_state *st, mm_error **errp);
/* Reads a vCPU's registers; only while stopped. */
bool mm_kvm_get_vcpu_state(unsigned cpu, mm_kvm_vcpu_state *st, mm_error **errp);
/* Wakes a vCPU halted in userspace (irqchip off) because an interrupt is pending. */
void mm_kvm_kick(unsigned cpu);

/* Interrupts through the in-kernel irqchip. */
bool mm_kvm_irqchip_in_kernel(void);
void mm_kvm_set_gsi(unsigned gsi, int level);
void mm_kvm_signal_msi(uint64_t addr, uint32_t data);

/* Writes to [addr, addr+size) are batched in the kernel and delivered, in
 * order, to mm_as_write() at the next exit of any vCPU; only for registers
 * whose writes have no immediate side effect the guest waits for. */
bool mm_kvm_coalesced_mmio_add(uint64_t addr, uint64_t size, mm_error **errp);
void mm_kvm_coalesced_mmio_del(uint64_t addr, uint64_t size);

/* Figures for tests and benchmarks. */
int mm_kvm_vm_fd(void);
int64_t mm_kvm_first_run_ns(void);   /* g_get_monotonic_time()-based, ns; 0 before */
uint64_t mm_kvm_vcpu_exits(unsigned cpu);
uint32_t mm_kvm_vcpu_last_exit(unsigned cpu);   /* KVM_EXIT_* of the last exit handled */
/* A CPUID leaf of a vCPU: as we asked KVM to set it (requested), or as KVM
 * holds it (KVM_GET_CPUID2; some hosts, such as PVM, override feature bits). */
bool mm_kvm_vcpu_cpuid(unsigned cpu, uint32_t leaf, uint32_t index, bool requested,
                       uint32_t regs[4]);
unsigned mm_kvm_memslot_count(void);

#endif
