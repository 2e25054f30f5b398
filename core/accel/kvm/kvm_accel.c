/*
 * The "kvm" accelerator as the machine sees it (accel/accel.h): -accel kvm,
 * -enable-kvm, -machine accel=kvm.
 */
#include <modemu/memory.h>

#include "accel/accel.h"
#include "accel/kvm/kvm.h"
#include "accel/kvm/kvm_board_irq.h"

static bool kvm_accel_init(mm_machine_state *machine, mm_error **errp)
{
    mm_kvm_options opts = {
        .ncpus = machine->smp.cpus,
        .irqchip = MM_KVM_IRQCHIP_AUTO,
        .cpu_model = machine->cpu_model,
        .cpu_flags = machine->cpu_flags,
    };
    if (!mm_kvm_init(&opts, mm_machine_memory_space(), errp))
        return false;
    kvm_board_irq_redirect();
    return true;
}

static void kvm_accel_kick(int cpu_index)
{
    if (cpu_index >= 0)
        mm_kvm_kick((unsigned)cpu_index);
}

static const mm_accel_ops kvm_accel_ops = {
    .name = "kvm",
    .description = "Linux KVM: hardware virtualisation through /dev/kvm",
    .available = mm_kvm_available,
    .init = kvm_accel_init,
    .start = mm_kvm_start,
    .stop = mm_kvm_stop,
    .reset = mm_kvm_reset,
    .kick = kvm_accel_kick,
};

MM_ACCEL_REGISTER(kvm_accel_ops)
