/*
 * Two vCPUs with the in-kernel irqchip: the AP starts in wait-for-SIPI; the
 * BSP (started by the host in flat 32-bit protected mode) sends INIT and a
 * SIPI with vector 0x02 through its local APIC's ICR, so the AP starts in real
 * mode at 0200:0000, reports on a port and halts.  Checks both threads ran
 * and the AP's registers.
 */
#include <stdio.h>
#include <modemu/error.h>
#include <modemu/event.h>

#include "kvm_test_util.h"

/* BSP, flat 32-bit code at 0x1000. */
__asm__(
    ".pushsection .rodata\n"
    ".globl bsp_guest_start, bsp_guest_end\n"
    "bsp_guest_start:\n"
    ".code32\n"
    "    orl $0x100, 0xfee000f0\n"         /* APIC software enable (SVR) */
    "    movl $0x000c4500, 0xfee00300\n"    /* INIT to all but self */
    "    movl $0x000c4602, 0xfee00300\n"    /* SIPI, vector 0x02: AP at 0x2000 */
    "    mov $0x77, %al\n"
    "    out %al, $0xe4\n"                  /* done */
    "1:  hlt\n"
    "    jmp 1b\n"
    ".code64\n"
    "bsp_guest_end:\n"
    ".popsection\n");
TEST_GUEST_CODE(bsp_guest);

/* AP, real mode at 0x2000. */
__asm__(
    ".pushsection .rodata\n"
    ".globl ap_guest_start, ap_guest_end\n"
    "ap_guest_start:\n"
    ".code16\n"
    "    mov %cs, %ax\n"
    "    mov $0x5a5a, %bx\n"
    "    out %ax, $0xe8\n"                  /* AP alive: reports CS */
    "1:  hlt\n"
    "    jmp 1b\n"
    ".code64\n"
    "ap_guest_end:\n"
    ".popsection\n");
TEST_GUEST_CODE(ap_guest);

int main(void)
{
    test_kvm_require();
    test_machine_build();
    test_load(0x1000, bsp_guest_start, TEST_GUEST_LEN(bsp_guest));
    test_load(0x2000, ap_guest_start, TEST_GUEST_LEN(ap_guest));

    mm_error *err = NULL;
    test_kvm_init(&(mm_kvm_options){ .ncpus = 2, .irqchip = MM_KVM_IRQCHIP_ON });
    g_assert_cmpuint(mm_kvm_vcpu_count(), ==, 2);
    test_set_flat32_entry(0, 0x500, 0x1000);
    mm_kvm_start();
    g_assert_true(test_wait(&test_dev.done, 120));
    g_assert_true(test_wait(&test_dev.ap_alive, 120));
    mm_kvm_stop();

    g_assert_cmphex(test_dev.ap_value, ==, 0x0200);
    mm_kvm_vcpu_state ap;
    g_assert_true(mm_kvm_get_vcpu_state(1, &ap, &err));
    printf("AP: cs=0x%x rip=0x%llx rbx=0x%llx; exits bsp=%" G_GUINT64_FORMAT " ap=%"
           G_GUINT64_FORMAT "\n", ap.sregs.cs.selector, ap.regs.rip, ap.regs.rbx,
           mm_kvm_vcpu_exits(0), mm_kvm_vcpu_exits(1));
    g_assert_cmphex(ap.sregs.cs.selector, ==, 0x0200);
    g_assert_cmphex(ap.regs.rbx & 0xffff, ==, 0x5a5a);
    g_assert_cmpuint(mm_kvm_vcpu_exits(1), >=, 1);
    mm_kvm_destroy();
    printf("ok\n");
    return 0;
}
