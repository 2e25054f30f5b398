/*
 * Cost of one I/O exit round trip under KVM: a 64-bit guest writes a port
 * (and then an MMIO register) N times; every write exits to userspace, is
 * dispatched through the memory API under the machine lock, and resumes the
 * guest.  Prints ns per exit for each kind, and a guest loop without exits
 * for reference.  The device handlers are the KVM tests' recording test
 * device (a mutex and an array append per write), as a device costs something.
 *
 * Usage: bench-kvm-exit-latency [iterations]   (default 20000)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <modemu/error.h>
#include <modemu/event.h>
#include <modemu/memory.h>

#include "accel/kvm/kvm.h"
#include "kvm_test_util.h"   /* the tests' VM: RAM, test ports and MMIO, 64-bit entry */

#define GDT_ADDR 0x500u

/* RCX = iterations, RDI = mode (0 port, 1 MMIO, 2 no exit); then port 0xe4. */
__asm__(
    ".pushsection .rodata\n"
    ".globl lat_guest_start, lat_guest_end\n"
    "lat_guest_start:\n"
    ".code64\n"
    "    cmp $1, %edi\n"
    "    je 2f\n"
    "    cmp $2, %edi\n"
    "    je 3f\n"
    "1:  out %al, $0xe0\n"
    "    dec %rcx\n"
    "    jnz 1b\n"
    "    jmp 9f\n"
    "2:  movl %eax, 0xd0000\n"
    "    dec %rcx\n"
    "    jnz 2b\n"
    "    jmp 9f\n"
    "3:  add %eax, %edx\n"
    "    dec %rcx\n"
    "    jnz 3b\n"
    "9:  out %al, $0xe4\n"
    "4:  hlt\n"
    "    jmp 4b\n"
    "lat_guest_end:\n"
    ".popsection\n");
extern const uint8_t lat_guest_start[], lat_guest_end[];

static double run_mode(unsigned mode, uint64_t iterations)
{
    test_set_long_mode_entry(0, GDT_ADDR, 0x1000);
    mm_kvm_vcpu_state st;
    mm_kvm_get_vcpu_state(0, &st, NULL);
    st.regs.rcx = iterations;
    st.regs.rdi = mode;
    mm_kvm_set_vcpu_state(0, &st, NULL);
    g_mutex_lock(&test_dev.lock);
    test_dev.done = false;
    g_array_set_size(test_dev.port_writes, 0);
    g_array_set_size(test_dev.mmio_writes, 0);
    g_mutex_unlock(&test_dev.lock);
    gint64 t0 = g_get_monotonic_time();
    mm_kvm_start();
    test_wait(&test_dev.done, 600);
    gint64 t1 = g_get_monotonic_time();
    mm_kvm_stop();
    return (double)(t1 - t0) * 1000.0 / (double)iterations;
}

int main(int argc, char **argv)
{
    uint64_t n = argc > 1 ? strtoull(argv[1], NULL, 0) : 20000;
    test_kvm_require();
    test_machine_build();
    test_load(0x1000, lat_guest_start, (size_t)(lat_guest_end - lat_guest_start));
    mm_error *err = NULL;
    mm_machine_lock();
    mm_kvm_options opts = { .ncpus = 1 };
    bool ok = mm_kvm_init(&opts, mm_machine_memory_space(), &err);
    mm_machine_unlock();
    if (!ok) {
        mm_error_report_and_free(err);
        return 77;
    }
    printf("KVM exit round trips, %" G_GUINT64_FORMAT " iterations each (1 vCPU, in-kernel irqchip)\n", n);
    printf("  port write (OUT) exit : %9.0f ns\n", run_mode(0, n));
    printf("  MMIO write exit       : %9.0f ns\n", run_mode(1, n));
    printf("  guest loop, no exit   : %9.1f ns per iteration\n", run_mode(2, n * 100) );
    mm_kvm_destroy();
    return 0;
}
