/*
 * What a vCPU does when KVM_RUN returns: port I/O and MMIO go to the memory
 * API under the machine lock (the same flat views the software CPU uses);
 * halts, shutdowns and failures change the vCPU's run state.
 *
 * The kvm_run fields come from the kernel, but the lengths and offsets are
 * still checked against the mapping before they index it.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/ioctl.h>
#include <modemu/event.h>
#include <modemu/machine.h>

#include "accel/kvm/kvm_int.h"
#include "machine/pc/pic.h"

static void kvm_exit_io(kvm_state_t *s, struct kvm_run *run)
{
    unsigned size = run->io.size;
    uint64_t bytes = (uint64_t)size * run->io.count;
    if ((size != 1 && size != 2 && size != 4) || run->io.data_offset > (uint64_t)s->run_mmap_size ||
        bytes > (uint64_t)s->run_mmap_size - run->io.data_offset)
        return;
    uint8_t *data = (uint8_t *)run + run->io.data_offset;
    mm_address_space *io = mm_machine_io_space();
    for (uint32_t i = 0; i < run->io.count; i++, data += size) {
        uint64_t value = 0;
        if (run->io.direction == KVM_EXIT_IO_OUT) {
            memcpy(&value, data, size);
            mm_as_write(io, run->io.port, size, value);
        } else {
            mm_as_read(io, run->io.port, size, &value);
            memcpy(data, &value, size);
        }
    }
}

static bool kvm_size_is_power_of_two(unsigned len)
{
    return len == 1 || len == 2 || len == 4 || len == 8;
}

static void kvm_exit_mmio(kvm_state_t *s, struct kvm_run *run)
{
    unsigned len = MIN(run->mmio.len, (uint32_t)sizeof(run->mmio.data));
    uint64_t addr = run->mmio.phys_addr;
    if (run->mmio.is_write) {
        uint64_t value = 0;
        memcpy(&value, run->mmio.data, len);
        if (kvm_size_is_power_of_two(len))
            mm_as_write(s->memory_as, addr, len, value);
        else
            mm_as_write_buf(s->memory_as, addr, run->mmio.data, len);
    } else if (kvm_size_is_power_of_two(len)) {
        uint64_t value = 0;
        mm_as_read(s->memory_as, addr, len, &value);
        memcpy(run->mmio.data, &value, len);
    } else {
        mm_as_read_buf(s->memory_as, addr, run->mmio.data, len);
    }
}

/* Device dispatch: coalesced writes first, so the guest's order is kept. */
static void kvm_exit_dispatch(kvm_state_t *s, kvm_vcpu *v, bool mmio)
{
    g_mutex_lock(&s->lock);
    v->in_io = true;
    g_cond_broadcast(&s->cond);
    g_mutex_unlock(&s->lock);

    mm_machine_lock();
    kvm_coalesced_drain(s);
    if (mmio)
        kvm_exit_mmio(s, v->run);
    else
        kvm_exit_io(s, v->run);
    mm_machine_unlock();

    g_mutex_lock(&s->lock);
    v->in_io = false;
    g_mutex_unlock(&s->lock);
}

static const char *kvm_internal_error_name(uint32_t suberror)
{
    switch (suberror) {
    case KVM_INTERNAL_ERROR_EMULATION:
        return "instruction emulation failed";
    case KVM_INTERNAL_ERROR_SIMUL_EX:
        return "exception while delivering an exception";
    case KVM_INTERNAL_ERROR_DELIVERY_EV:
        return "exit while delivering an event";
    case KVM_INTERNAL_ERROR_UNEXPECTED_EXIT_REASON:
        return "unexpected exit reason";
    default:
        return "unknown internal error";
    }
}

/* Where the vCPU was, for the one-line failure reports. */
static void kvm_vcpu_where(kvm_vcpu *v, char *buf, size_t len)
{
    struct kvm_regs regs;
    struct kvm_sregs sregs;
    if (ioctl(v->fd, KVM_GET_REGS, &regs) < 0 || ioctl(v->fd, KVM_GET_SREGS, &sregs) < 0) {
        g_strlcpy(buf, "at an unknown address", len);
        return;
    }
    g_snprintf(buf, len, "at CS=%04x RIP=0x%" PRIx64 " (CR0=0x%" PRIx64 ")", sregs.cs.selector,
               (uint64_t)regs.rip, (uint64_t)sregs.cr0);
}

/* The vCPU cannot go on: say why in one line, stop it, end the machine. */
static void kvm_vcpu_fail(kvm_state_t *s, kvm_vcpu *v, const char *what)
{
    char where[96];
    kvm_vcpu_where(v, where, sizeof(where));
    mm_error_report("KVM: vCPU %u: %s %s", v->index, what, where);
    g_mutex_lock(&s->lock);
    v->dead = true;
    g_mutex_unlock(&s->lock);
    mm_machine_request_shutdown(MM_SHUTDOWN_GUEST_PANIC);
}

static void kvm_vcpu_set_dead(kvm_state_t *s, kvm_vcpu *v)
{
    g_mutex_lock(&s->lock);
    v->dead = true;
    g_mutex_unlock(&s->lock);
}

static void kvm_exit_system_event(kvm_state_t *s, kvm_vcpu *v)
{
    kvm_vcpu_set_dead(s, v);
    switch (v->run->system_event.type) {
    case KVM_SYSTEM_EVENT_RESET:
        mm_machine_request_reset(MM_SHUTDOWN_GUEST_RESET);
        break;
    case KVM_SYSTEM_EVENT_CRASH:
        mm_machine_request_shutdown(MM_SHUTDOWN_GUEST_PANIC);
        break;
    default:
        mm_machine_request_shutdown(MM_SHUTDOWN_GUEST_POWEROFF);
        break;
    }
}

/* HLT with the APICs in userspace: sleep until a kick says an interrupt is pending. */
static void kvm_exit_hlt(kvm_state_t *s, kvm_vcpu *v)
{
    mm_machine_lock();
    bool pending = v->index == 0 && mm_pic_intr_pending();
    mm_machine_unlock();
    if (pending)
        return;
    g_mutex_lock(&s->lock);
    if (v->wake_pending)
        v->wake_pending = false;
    else
        v->halted = true;
    g_mutex_unlock(&s->lock);
}

bool kvm_exit_handle(kvm_state_t *s, kvm_vcpu *v)
{
    struct kvm_run *run = v->run;
    char what[96];
    __atomic_store_n(&v->exits, v->exits + 1, __ATOMIC_RELAXED);
    __atomic_store_n(&v->last_exit, run->exit_reason, __ATOMIC_RELAXED);
    switch (run->exit_reason) {
    case KVM_EXIT_IO:
        kvm_exit_dispatch(s, v, false);
        return true;
    case KVM_EXIT_MMIO:
        kvm_exit_dispatch(s, v, true);
        return true;
    case KVM_EXIT_HLT:
        kvm_exit_hlt(s, v);
        return false;
    case KVM_EXIT_IRQ_WINDOW_OPEN:
    case KVM_EXIT_INTR:
        return false;
    case KVM_EXIT_SHUTDOWN:
        /* A triple fault: the board resets, as a PC's chipset does. */
        kvm_vcpu_set_dead(s, v);
        mm_machine_request_reset(MM_SHUTDOWN_GUEST_RESET);
        return false;
    case KVM_EXIT_SYSTEM_EVENT:
        kvm_exit_system_event(s, v);
        return false;
    case KVM_EXIT_FAIL_ENTRY:
        g_snprintf(what, sizeof(what), "failed to enter the guest (hardware reason 0x%" PRIx64 ")",
                   (uint64_t)run->fail_entry.hardware_entry_failure_reason);
        kvm_vcpu_fail(s, v, what);
        return false;
    case KVM_EXIT_INTERNAL_ERROR:
        g_snprintf(what, sizeof(what), "KVM internal error %u (%s)", run->internal.suberror,
                   kvm_internal_error_name(run->internal.suberror));
        kvm_vcpu_fail(s, v, what);
        return false;
    default:
        g_snprintf(what, sizeof(what), "unhandled KVM exit reason %u", run->exit_reason);
        kvm_vcpu_fail(s, v, what);
        return false;
    }
}
