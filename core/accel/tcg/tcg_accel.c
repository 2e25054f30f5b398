/*
 * The "tcg" accelerator (-accel tcg, the default): creates the vCPUs and
 * their local APICs, loads the direct-boot state, and runs the vCPUs
 * round-robin on the main thread in slices bounded by the next virtual-clock
 * deadline (core/event/main_loop.h).
 */
#include <glib.h>
#include <modemu/event.h>
#include <modemu/log.h>

#include "accel/accel.h"
#include "accel/tcg/cpu_exec.h"
#include "accel/tcg/phys_port.h"
#include "accel/tcg/segmentation.h"
#include "accel/tcg/mem.h"
#include "accel/tcg/code_cache.h"
#include "boot/boot_state.h"
#include "cpu/apic.h"
#include "event/main_loop.h"
#include "machine/pc/a20.h"
#include "memory/address_space.h"
#include "machine/pc/pic.h"

/* Instructions between checks of the clock and the main loop's requests. */
#define TCG_SLICE_INSNS 20000

static tcg_machine *tcg_mach;
static mm_x86_cpuid_model *tcg_model;
static unsigned next_cpu;
static const mm_boot_state *boot_applied;   /* the direct-boot state the BSP got */

static bool vcpu_intr_pending(void *opaque)
{
    tcg_vcpu *v = opaque;
    return mm_apic_interrupt_pending(v->s.apic);
}

static int vcpu_intr_ack(void *opaque)
{
    tcg_vcpu *v = opaque;
    return mm_apic_acknowledge(v->s.apic);
}

static void apic_kick(void *opaque)
{
    tcg_vcpu_kick(opaque);
    mm_main_loop_wakeup();
}

static void apic_init(void *opaque)
{
    tcg_vcpu *v = opaque;
    v->s.pending |= X86_PENDING_INIT;
    apic_kick(v);
}

static void apic_sipi(void *opaque, uint8_t vector)
{
    tcg_vcpu *v = opaque;
    v->s.sipi_vector = vector;
    v->s.pending |= X86_PENDING_SIPI;
    apic_kick(v);
}

static void apic_nmi(void *opaque)
{
    tcg_vcpu *v = opaque;
    v->s.pending |= X86_PENDING_NMI;
    apic_kick(v);
}

static const mm_apic_cpu_ops tcg_apic_ops = {
    .kick = apic_kick, .init = apic_init, .sipi = apic_sipi, .nmi = apic_nmi,
};

static void pic_intr_changed(void *opaque, int level)
{
    if (level && tcg_mach && tcg_mach->nr_vcpus)
        apic_kick(tcg_mach->vcpus[0]);
}

static void a20_changed(void *opaque, bool enabled)
{
    for (unsigned i = 0; tcg_mach && i < tcg_mach->nr_vcpus; i++) {
        tcg_vcpu *v = tcg_mach->vcpus[i];
        v->s.a20_mask = enabled ? ~0ull : ~(1ull << 20);
        tcg_tlb_flush(v);
        v->exit_request = true;
    }
}

/* Power-on state of every vCPU; the boot CPU gets the direct-boot state. */
static void vcpus_reset(void)
{
    const mm_boot_state *boot = mm_boot_state_current();
    for (unsigned i = 0; i < tcg_mach->nr_vcpus; i++) {
        tcg_vcpu *v = tcg_mach->vcpus[i];
        mm_x86_cpu_reset(&v->s);
        mm_apic_reset(v->s.apic);
        v->s.wait_for_sipi = i != 0;
        v->s.halted = i != 0;
        v->shutdown = false;
        v->exc_pending_class = -1;
        if (i == 0 && boot)
            mm_boot_state_apply(boot, &v->s);
        if (i == 0)
            boot_applied = boot;
        if (!mm_a20_enabled() && !(i == 0 && boot))
            v->s.a20_mask = ~(1ull << 20);
        tcg_vcpu_state_changed(v);
    }
}

static bool vcpu_runnable(tcg_vcpu *v)
{
    if (v->s.pending)
        return true;
    if (v->s.wait_for_sipi)
        return false;
    return !v->s.halted || ((v->s.rflags & X86_FLAG_IF) && vcpu_intr_pending(v));
}

/* One slice of the main loop: run vCPUs until the virtual-clock deadline. */
static bool tcg_run_slice(int64_t deadline_ns)
{
    unsigned n = tcg_mach->nr_vcpus;
    /* A direct-boot state recorded after the accelerator started counts as
     * the power-on state (the loader may run after tcg_accel_init). */
    if (mm_boot_state_current() != boot_applied && tcg_mach->vcpus[0]->icount == 0)
        vcpus_reset();
    for (;;) {
        bool any = false;
        for (unsigned k = 0; k < n; k++) {
            tcg_vcpu *v = tcg_mach->vcpus[(next_cpu + k) % n];
            if (!vcpu_runnable(v))
                continue;
            any = true;
            mm_apic_set_current(v->s.apic);
            tcg_exit why = tcg_cpu_exec(v, TCG_SLICE_INSNS);
            if (why == TCG_EXIT_SHUTDOWN)
                return false;
        }
        next_cpu = (next_cpu + 1) % n;
        if (!any)
            return false;
        if (mm_main_loop_cpu_should_yield() || mm_clock_get_ns(MM_CLOCK_VIRTUAL) >= deadline_ns)
            break;
    }
    for (unsigned k = 0; k < n; k++)
        if (vcpu_runnable(tcg_mach->vcpus[k]))
            return true;
    return false;
}

/* Device DMA, loaders and qtest wrote guest RAM through the memory API:
 * code decoded from those bytes is stale (CPU stores are caught by the TLB). */
static void tcg_ram_written(void *opaque, uint64_t addr, uint64_t len)
{
    tcg_code_invalidate_phys(opaque, addr, len);
}

static bool tcg_accel_init(mm_machine_state *machine, mm_error **errp)
{
    unsigned ncpus = machine->smp.cpus ? machine->smp.cpus : 1;
    if (mm_cpuid_model_is_host(machine->cpu_model)) {
        mm_error_set(errp, "CPU model '%s' requires KVM", machine->cpu_model);
        return false;
    }
    tcg_model = mm_cpuid_model_new(machine->cpu_model, machine->cpu_flags, true, errp);
    if (!tcg_model)
        return false;
    tcg_model->logical_cpus = ncpus;
    tcg_mach = tcg_machine_new(&tcg_machine_phys_ops, NULL);
    mm_as_observe_ram_writes(mm_machine_memory_space(), tcg_ram_written, tcg_mach);
    for (unsigned i = 0; i < ncpus; i++) {
        tcg_vcpu *v = tcg_vcpu_new(tcg_mach, i, tcg_model);
        v->s.apic = mm_apic_new(i, i == 0, &tcg_apic_ops, v);
        v->intr_pending = vcpu_intr_pending;
        v->intr_ack = vcpu_intr_ack;
        v->intr_opaque = v;
    }
    mm_apic_map_mmio();
    mm_pic_connect_intr(pic_intr_changed, NULL);
    mm_a20_set_listener(a20_changed, NULL);
    vcpus_reset();
    mm_main_loop_set_cpu_runner(tcg_run_slice);
    return true;
}

static void tcg_accel_reset(void)
{
    if (tcg_mach) {
        tcg_code_flush_all(tcg_mach);
        vcpus_reset();
    }
}

static void tcg_accel_kick(int cpu_index)
{
    if (!tcg_mach)
        return;
    for (unsigned i = 0; i < tcg_mach->nr_vcpus; i++)
        if (cpu_index < 0 || (unsigned)cpu_index == i)
            tcg_vcpu_kick(tcg_mach->vcpus[i]);
    mm_main_loop_wakeup();
}

static const mm_accel_ops tcg_accel_ops = {
    .name = "tcg",
    .description = "software x86-64 CPU (interpreter with decoded-code cache)",
    .init = tcg_accel_init,
    .reset = tcg_accel_reset,
    .kick = tcg_accel_kick,
};

MM_ACCEL_REGISTER(tcg_accel_ops)
