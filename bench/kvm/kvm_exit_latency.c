/*
 * Cost of one I/O exit round trip under KVM: a 64-bit guest writes a port
 * (and then an MMIO register) N times; every write exits to userspace, is
 * dispatched through the memory API under the machine lock, and resumes the
 * guest.  Prints ns per exit for each kind, and a guest loop without exits
 * for reference.
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

#define RAM_SIZE (4u << 20)
#define MMIO_ADDR 0xd0000u
#define PML4 0x10000u

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

static GMutex lock;
static GCond cond;
static bool done;
static uint8_t *ram;

static void port_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    if (offset == 4) {
        g_mutex_lock(&lock);
        done = true;
        g_cond_broadcast(&cond);
        g_mutex_unlock(&lock);
    }
}

static void mmio_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
}

static const mm_region_ops port_ops = { .write = port_write };
static const mm_region_ops mmio_ops = { .write = mmio_write };

static void put64(uint64_t gpa, uint64_t v)
{
    memcpy(ram + gpa, &v, 8);
}

static void setup_guest(void)
{
    mm_error *err = NULL;
    mm_memory_region *r = mm_region_new_ram(NULL, "ram", RAM_SIZE, &err);
    ram = mm_region_host_ptr(r);
    mm_memory_region *root = mm_address_space_root(mm_machine_memory_space());
    mm_region_add_subregion(root, 0, r, 0);
    mm_region_add_subregion(root, MMIO_ADDR, mm_region_new_io(NULL, "mmio", 0x1000, &mmio_ops,
                                                              NULL), 1);
    mm_region_add_subregion(mm_address_space_root(mm_machine_io_space()), 0xe0,
                            mm_region_new_io(NULL, "ports", 8, &port_ops, NULL), 0);
    memcpy(ram + 0x1000, lat_guest_start, (size_t)(lat_guest_end - lat_guest_start));
    put64(PML4, (PML4 + 0x1000) | 3);
    put64(PML4 + 0x1000, (PML4 + 0x2000) | 3);
    for (uint64_t i = 0; i < 512; i++)
        put64(PML4 + 0x2000 + i * 8, (i << 21) | 0x83);
    put64(0x500, 0);
    put64(0x508, 0x00af9b000000ffffull);
    put64(0x510, 0x00cf93000000ffffull);
}

static struct kvm_segment seg(uint16_t sel, bool code)
{
    struct kvm_segment s = { .limit = 0xffffffff, .selector = sel, .type = code ? 0xb : 0x3,
                             .present = 1, .s = 1, .g = 1, .l = code, .db = !code };
    return s;
}

static double run_mode(unsigned mode, uint64_t iterations)
{
    mm_kvm_vcpu_state st;
    mm_kvm_get_vcpu_state(0, &st, NULL);
    st.sregs.cs = seg(8, true);
    st.sregs.ds = st.sregs.es = st.sregs.ss = seg(0x10, false);
    st.sregs.gdt.base = 0x500;
    st.sregs.gdt.limit = 0x17;
    st.sregs.cr3 = PML4;
    st.sregs.cr4 = 0x20;
    st.sregs.efer = 0x500;
    st.sregs.cr0 = 0x80000011;
    st.regs.rip = 0x1000;
    st.regs.rsp = 0x8000;
    st.regs.rflags = 2;
    st.regs.rcx = iterations;
    st.regs.rdi = mode;
    mm_kvm_set_vcpu_state(0, &st, NULL);
    done = false;
    gint64 t0 = g_get_monotonic_time();
    mm_kvm_start();
    g_mutex_lock(&lock);
    while (!done)
        g_cond_wait(&cond, &lock);
    g_mutex_unlock(&lock);
    gint64 t1 = g_get_monotonic_time();
    mm_kvm_stop();
    return (double)(t1 - t0) * 1000.0 / (double)iterations;
}

int main(int argc, char **argv)
{
    uint64_t n = argc > 1 ? strtoull(argv[1], NULL, 0) : 20000;
    mm_error *err = NULL;
    mm_machine_lock();
    setup_guest();
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
