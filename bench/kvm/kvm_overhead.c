/*
 * KVM VMM overhead, measured the way Firecracker states its own: the time
 * from process start to the first KVM_RUN, and the VMM's resident memory
 * apart from the guest RAM the guest actually touched.
 *
 * The VM: 1 vCPU, 128 MiB of RAM from the memory API, the in-kernel irqchip
 * and PIT, a real-mode guest at 0x1000 that writes one byte in each of the
 * 240 pages from 64 KiB to 1 MiB and reports on a port.  Touched guest RAM is counted with
 * mincore() on the RAM's mapping, so it is what the kernel really backs.
 *
 * Usage: bench-kvm-overhead [runs]   (prints one line per run and the best)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <glib.h>
#include <modemu/error.h>
#include <modemu/event.h>
#include <modemu/memory.h>

#include "accel/kvm/kvm.h"

#define RAM_SIZE (128ull << 20)
#define FIRECRACKER_OVERHEAD_MIB 5.0

__asm__(
    ".pushsection .rodata\n"
    ".globl bench_guest_start, bench_guest_end\n"
    "bench_guest_start:\n"
    ".code16\n"
    "    mov $0x1000, %ax\n"
    "    mov $240, %cx\n"
    "1:  mov %ax, %ds\n"
    "    movb $1, 0\n"
    "    add $0x100, %ax\n"        /* next 4 KiB page */
    "    loop 1b\n"
    "    out %al, $0xe4\n"
    "2:  hlt\n"
    "    jmp 2b\n"
    ".code64\n"
    "bench_guest_end:\n"
    ".popsection\n");
extern const uint8_t bench_guest_start[], bench_guest_end[];

#define GUEST_ENTRY 0x1000u   /* below the pages the guest touches */

static GMutex done_lock;
static GCond done_cond;
static bool done;

static void done_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    g_mutex_lock(&done_lock);
    done = true;
    g_cond_broadcast(&done_cond);
    g_mutex_unlock(&done_lock);
}

static const mm_region_ops done_ops = { .write = done_write };

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long resident_kib(void)
{
    long pages_total, pages_resident;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f || fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) {
        if (f)
            fclose(f);
        return -1;
    }
    fclose(f);
    return pages_resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static long touched_kib(void *ram, uint64_t size)
{
    long page = sysconf(_SC_PAGESIZE);
    size_t pages = size / (uint64_t)page;
    unsigned char *vec = g_malloc(pages);
    long n = 0;
    if (mincore(ram, size, vec) == 0) {
        for (size_t i = 0; i < pages; i++)
            n += vec[i] & 1;
    }
    g_free(vec);
    return n * (page / 1024);
}

static bool wait_done(int seconds)
{
    gint64 deadline = g_get_monotonic_time() + (gint64)seconds * G_USEC_PER_SEC;
    g_mutex_lock(&done_lock);
    while (!done && g_cond_wait_until(&done_cond, &done_lock, deadline))
        ;
    bool ok = done;
    g_mutex_unlock(&done_lock);
    return ok;
}

/* One measurement in a fresh process, so start-up really starts from zero. */
static int measure(double t_start)
{
    mm_error *err = NULL;
    mm_memory_region *ram = mm_region_new_ram(NULL, "ram", RAM_SIZE, &err);
    if (!ram) {
        mm_error_report_and_free(err);
        return 1;
    }
    void *host = mm_region_host_ptr(ram);
    mm_region_add_subregion(mm_address_space_root(mm_machine_memory_space()), 0, ram, 0);
    mm_region_add_subregion(mm_address_space_root(mm_machine_io_space()), 0xe4,
                            mm_region_new_io(NULL, "done", 1, &done_ops, NULL), 0);
    memcpy((uint8_t *)host + GUEST_ENTRY, bench_guest_start,
           (size_t)(bench_guest_end - bench_guest_start));

    mm_kvm_options opts = { .ncpus = 1 };
    mm_machine_lock();
    bool ok = mm_kvm_init(&opts, mm_machine_memory_space(), &err);
    mm_machine_unlock();
    if (!ok) {
        mm_error_report_and_free(err);
        return 77;
    }
    mm_kvm_vcpu_state st;
    if (!mm_kvm_get_vcpu_state(0, &st, &err)) {
        mm_error_report_and_free(err);
        return 1;
    }
    st.sregs.cs.selector = GUEST_ENTRY >> 4;
    st.sregs.cs.base = GUEST_ENTRY;
    st.regs.rip = 0;
    mm_kvm_set_vcpu_state(0, &st, NULL);
    mm_kvm_start();
    if (!wait_done(120)) {
        fprintf(stderr, "guest did not finish\n");
        return 1;
    }
    mm_kvm_stop();
    double first_run_ms = mm_kvm_first_run_ns() / 1e6 - t_start;
    long rss = resident_kib(), guest = touched_kib(host, RAM_SIZE);
    printf("first KVM_RUN after %.2f ms; RSS %ld KiB, guest RAM touched %ld KiB, "
           "VMM overhead %.2f MiB\n", first_run_ms, rss, guest, (rss - guest) / 1024.0);
    mm_kvm_destroy();
    return 0;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    if (argc > 2 && !strcmp(argv[1], "--child"))
        return measure(strtod(argv[2], NULL));
    printf("modemu KVM: 1 vCPU, 128 MiB, in-kernel irqchip (%d runs, fresh process each)\n",
           runs);
    for (int i = 0; i < runs; i++) {
        fflush(stdout);
        char start[32];
        g_snprintf(start, sizeof(start), "%.3f", now_ms());
        pid_t pid = fork();
        if (pid == 0) {
            execl("/proc/self/exe", argv[0], "--child", start, (char *)NULL);
            _exit(127);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            printf("run %d failed (status %d)\n", i, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
            return WIFEXITED(status) && WEXITSTATUS(status) == 77 ? 77 : 1;
        }
    }
    printf("Firecracker publishes a VMM memory overhead of at most %.0f MiB.\n",
           FIRECRACKER_OVERHEAD_MIB);
    return 0;
}
