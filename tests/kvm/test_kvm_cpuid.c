/*
 * CPUID under KVM, as the guest sees it: with -cpu qemu64 the model's
 * identity (vendor "AuthenticAMD", its family/model/stepping) and only
 * model features the host also has (never AVX, which qemu64 lacks), plus
 * the hypervisor bit; with -cpu host the host's own vendor; the APIC id of
 * each vCPU in CPUID.1:EBX[31:24]; an unknown +flag refused in one line.
 * A 64-bit guest runs CPUID 0 and 1 and reports EAX..EDX on port 0xE0.
 *
 * Feature bits: what we ask KVM to set must be the filtered set; what the
 * guest sees must be what KVM holds.  (A host KVM may override leaf 1
 * features itself: PVM does; the test then says so rather than fail.)
 */
#include <cpuid.h>
#include <stdio.h>
#include <string.h>
#include <modemu/error.h>
#include <modemu/event.h>

#include "kvm_test_util.h"

#define GDT_ADDR 0x500u

__asm__(
    ".pushsection .rodata\n"
    ".globl cpuid_guest_start, cpuid_guest_end\n"
    "cpuid_guest_start:\n"
    ".code64\n"
    "    xor %esi, %esi\n"
    "1:  mov %esi, %eax\n"
    "    xor %ecx, %ecx\n"
    "    cpuid\n"
    "    out %eax, $0xe0\n"
    "    mov %ebx, %eax\n  out %eax, $0xe0\n"
    "    mov %ecx, %eax\n  out %eax, $0xe0\n"
    "    mov %edx, %eax\n  out %eax, $0xe0\n"
    "    inc %esi\n"
    "    cmp $2, %esi\n"
    "    jb 1b\n"
    "    out %al, $0xe4\n"
    "2:  hlt\n"
    "    jmp 2b\n"
    "cpuid_guest_end:\n"
    ".popsection\n");
TEST_GUEST_CODE(cpuid_guest);

#define CPUID_1_ECX_AVX (1u << 28)
#define CPUID_1_ECX_HYPERVISOR (1u << 31)

typedef struct cpuid_seen {
    uint32_t leaf0[4], leaf1[4];
    uint32_t requested1[4], held1[4];   /* leaf 1 as set, and as KVM holds it */
} cpuid_seen;

static void run_model(const char *model, const char *flags, cpuid_seen *seen)
{
    test_kvm_init(&(mm_kvm_options){ .ncpus = 1, .cpu_model = model, .cpu_flags = flags });
    g_mutex_lock(&test_dev.lock);
    test_dev.done = false;
    g_array_set_size(test_dev.port_writes, 0);
    g_mutex_unlock(&test_dev.lock);
    test_set_long_mode_entry(0, GDT_ADDR, 0x1000);
    g_assert_true(mm_kvm_vcpu_cpuid(0, 1, 0, true, seen->requested1));
    g_assert_true(mm_kvm_vcpu_cpuid(0, 1, 0, false, seen->held1));
    mm_kvm_start();
    g_assert_true(test_wait(&test_dev.done, 120));
    mm_kvm_stop();
    mm_kvm_destroy();
    g_assert_cmpuint(test_dev.port_writes->len, ==, 8);
    for (unsigned i = 0; i < 4; i++) {
        seen->leaf0[i] = (uint32_t)g_array_index(test_dev.port_writes, test_write, i).value;
        seen->leaf1[i] = (uint32_t)g_array_index(test_dev.port_writes, test_write, i + 4).value;
    }
    /* The guest sees what KVM holds (OSXSAVE/APIC bits may follow guest state). */
    g_assert_cmphex(seen->leaf1[0], ==, seen->held1[0]);
    g_assert_cmphex(seen->leaf1[2] & ~(1u << 27), ==, seen->held1[2] & ~(1u << 27));
    if (seen->requested1[2] != seen->held1[2] || seen->requested1[3] != seen->held1[3])
        printf("note: this host's KVM replaced leaf 1 features: asked ecx %08x edx %08x, "
               "holds ecx %08x edx %08x\n", seen->requested1[2], seen->requested1[3],
               seen->held1[2], seen->held1[3]);
    printf("-cpu %s%s: leaf0 %08x %08x %08x %08x leaf1 %08x %08x %08x %08x\n", model,
           flags ? flags : "", seen->leaf0[0], seen->leaf0[1], seen->leaf0[2], seen->leaf0[3],
           seen->leaf1[0], seen->leaf1[1], seen->leaf1[2], seen->leaf1[3]);
}

int main(void)
{
    test_kvm_require();
    test_machine_build();
    test_load(0x1000, cpuid_guest_start, TEST_GUEST_LEN(cpuid_guest));
    unsigned host[4];
    __cpuid(0, host[0], host[1], host[2], host[3]);
    unsigned host1[4];
    __cpuid(1, host1[0], host1[1], host1[2], host1[3]);

    cpuid_seen q;
    run_model("qemu64", NULL, &q);
    g_assert_cmphex(q.leaf0[1], ==, 0x68747541);   /* "Auth" */
    g_assert_cmphex(q.leaf0[3], ==, 0x69746e65);   /* "enti" */
    g_assert_cmphex(q.leaf0[2], ==, 0x444d4163);   /* "cAMD" */
    g_assert_cmphex(q.leaf0[0], ==, 0xd);          /* the model's maximum leaf */
    g_assert_true(q.leaf1[2] & CPUID_1_ECX_HYPERVISOR);
    g_assert_cmphex(q.requested1[2], ==, 0x80002000);  /* qemu64: cx16, hypervisor */
    g_assert_false(q.requested1[2] & CPUID_1_ECX_AVX);
    g_assert_cmphex(q.leaf1[1] >> 24, ==, 0);      /* APIC id of vCPU 0 */
    /* Family 15 model 107 stepping 1, as qemu64's table says. */
    g_assert_cmphex(q.leaf1[0], ==, 0x00060fb1);

    cpuid_seen h;
    run_model("host", NULL, &h);
    g_assert_cmphex(h.leaf0[1], ==, host[1]);
    g_assert_cmphex(h.leaf0[2], ==, host[2]);
    g_assert_cmphex(h.leaf0[3], ==, host[3]);
    g_assert_true(h.leaf1[2] & CPUID_1_ECX_HYPERVISOR);

    /* The host's signature: -cpu host keeps what KVM reports, not a model's. */
    g_assert_cmphex(h.leaf1[0] & 0x0fff3ff0, ==, host1[0] & 0x0fff3ff0);

    /* -cpu host,+cx16,-popcnt edits what we ask for. */
    cpuid_seen m;
    run_model("host", ",+cx16,-popcnt", &m);
    g_assert_true(m.requested1[2] & (1u << 13));
    g_assert_false(m.requested1[2] & (1u << 23));

    mm_error *err = NULL;
    mm_kvm_options bad = { .ncpus = 1, .cpu_model = "qemu64", .cpu_flags = ",+nonsense" };
    g_assert_false(mm_kvm_init(&bad, mm_machine_memory_space(), &err));
    g_assert_nonnull(err);
    printf("+nonsense: %s\n", err->message);
    g_assert_nonnull(strstr(err->message, "nonsense"));
    mm_error_free(err);
    printf("ok\n");
    return 0;
}
