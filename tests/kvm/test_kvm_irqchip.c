/*
 * An interrupt through the in-kernel irqchip: a real-mode guest programs the
 * kernel's 8259 (vector base 0x08, only IRQ5 unmasked), installs an IVT
 * handler, enables interrupts and halts.  The host raises GSI 5 twice as an
 * edge; each time the handler reports on a port, sends EOI and returns to
 * the HLT loop.  The LAPIC's LINT0 in ExtINT mode (our reset state) is what
 * lets the 8259 reach the CPU in real mode.
 */
#include <stdio.h>
#include <modemu/error.h>
#include <modemu/event.h>

#include "kvm_test_util.h"

#define TEST_IRQ 5
#define TEST_VECTOR (0x08 + TEST_IRQ)


int main(void)
{
    test_kvm_require();
    test_machine_build();
    test_load(0x1000, pic_irq5_guest_start, TEST_GUEST_LEN(pic_irq5_guest));

    mm_error *err = NULL;
    test_kvm_init(&(mm_kvm_options){ .ncpus = 1, .irqchip = MM_KVM_IRQCHIP_ON });
    g_assert_true(mm_kvm_irqchip_in_kernel());
    test_set_real_mode_entry(0, 0x1000);
    mm_kvm_start();
    g_assert_true(test_wait(&test_dev.ready, 120));
    g_assert_cmpuint(test_dev.irqs, ==, 0);

    for (unsigned n = 1; n <= 2; n++) {
        mm_kvm_set_gsi(TEST_IRQ, 1);
        mm_kvm_set_gsi(TEST_IRQ, 0);
        g_assert_true(test_wait_irqs(n, 120));
    }
    mm_kvm_stop();
    g_assert_cmpuint(test_dev.irqs, ==, 2);

    /* In the HLT loop or the handler (stopped at any point). */
    mm_kvm_vcpu_state st;
    g_assert_true(mm_kvm_get_vcpu_state(0, &st, &err));
    printf("rip=0x%llx rflags=0x%llx irqs=%u\n", st.regs.rip, st.regs.rflags, test_dev.irqs);
    g_assert_cmpuint(st.regs.rip, >=, 0x1000);
    g_assert_cmpuint(st.regs.rip, <, 0x1000 + TEST_GUEST_LEN(pic_irq5_guest));

    /* A masked line does nothing. */
    mm_kvm_start();
    mm_kvm_set_gsi(TEST_IRQ + 1, 1);
    mm_kvm_set_gsi(TEST_IRQ + 1, 0);
    g_usleep(100 * 1000);
    mm_kvm_stop();
    g_assert_cmpuint(test_dev.irqs, ==, 2);
    mm_kvm_destroy();
    printf("ok\n");
    return 0;
}
