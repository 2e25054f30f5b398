/*
 * Interrupts without the in-kernel irqchip: the board's own 8259 model
 * (created here on an ISA bus of our own) is programmed by a real-mode guest
 * through port I/O exits, and the IRQ5 edges the host raises on its input
 * reach the vCPU through KVM_INTERRUPT (interrupt windows, HLT wake-ups).
 */
#include <stdio.h>
#include <string.h>
#include <modemu/error.h>
#include <modemu/event.h>
#include <modemu/irq.h>
#include <modemu/object.h>

#include "kvm_test_util.h"
#include "isa/isa_bus.h"
#include "machine/pc/pic.h"

#define TEST_IRQ 5


static mm_object *pic;

static void isa_irq_to_pic(void *opaque, int n, int level)
{
    mm_irq_set(mm_gpio_in_get(pic, NULL, n), level);
}

static void build_pic(void)
{
    static mm_irq *isa_irqs[16];
    mm_error *err = NULL;
    for (int i = 0; i < 16; i++)
        isa_irqs[i] = mm_irq_new(isa_irq_to_pic, NULL, i);
    mm_machine_lock();
    mm_isa_bus_set_irqs(isa_irqs);
    pic = mm_object_new(MM_KIND_DEVICE, MM_TYPE_I8259, NULL, &err);
    test_assert_ok(err);
    g_assert_true(mm_object_realize(pic, &err));
    test_assert_ok(err);
    mm_machine_unlock();
}

static void pulse_irq(void)
{
    mm_machine_lock();
    mm_irq_set(mm_gpio_in_get(pic, NULL, TEST_IRQ), 1);
    mm_irq_set(mm_gpio_in_get(pic, NULL, TEST_IRQ), 0);
    mm_machine_unlock();
}

int main(void)
{
    test_kvm_require();
    test_machine_build();
    build_pic();
    test_load(0x1000, pic_irq5_guest_start, TEST_GUEST_LEN(pic_irq5_guest));

    mm_kvm_options opts = { .ncpus = 1, .irqchip = MM_KVM_IRQCHIP_OFF };
    test_kvm_init(&opts);
    g_assert_false(mm_kvm_irqchip_in_kernel());
    test_set_real_mode_entry(0, 0x1000);
    mm_kvm_start();
    g_assert_true(test_wait(&test_dev.ready, 120));
    for (unsigned n = 1; n <= 3; n++) {
        pulse_irq();
        g_assert_true(test_wait_irqs(n, 120));
    }
    mm_kvm_stop();
    printf("irqs %u, exits %" G_GUINT64_FORMAT "\n", test_dev.irqs, mm_kvm_vcpu_exits(0));
    g_assert_cmpuint(test_dev.irqs, ==, 3);

    /* -smp 2 cannot work without the kernel's local APICs: refused in one line. */
    mm_kvm_destroy();
    mm_error *err = NULL;
    opts.ncpus = 2;
    g_assert_false(mm_kvm_init(&opts, mm_machine_memory_space(), &err));
    printf("smp 2 without irqchip: %s\n", err->message);
    g_assert_nonnull(strstr(err->message, "irqchip"));
    mm_error_free(err);
    printf("ok\n");
    return 0;
}
