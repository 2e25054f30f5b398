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

/* Loaded at 0x1000 and entered at 0000:1000; the handler's offset follows. */
__asm__(
    ".pushsection .rodata\n"
    ".globl uirq_guest_start, uirq_guest_end\n"
    "uirq_guest_start:\n"
    ".code16\n"
    "    cli\n"
    "    xor %ax, %ax\n"
    "    mov %ax, %ds\n"
    "    mov %ax, %ss\n"
    "    mov $0x8000, %sp\n"
    "    movw $(uirq_handler - uirq_guest_start + 0x1000), (0x0d * 4)\n"
    "    movw $0, (0x0d * 4 + 2)\n"
    "    mov $0x11, %al\n  out %al, $0x20\n"   /* ICW1: edge, cascade, ICW4 */
    "    mov $0x08, %al\n  out %al, $0x21\n"   /* ICW2: vectors 0x08-0x0f */
    "    mov $0x04, %al\n  out %al, $0x21\n"   /* ICW3: slave on IRQ2 */
    "    mov $0x01, %al\n  out %al, $0x21\n"   /* ICW4: 8086 mode */
    "    mov $0xdf, %al\n  out %al, $0x21\n"   /* OCW1: only IRQ5 */
    "    out %al, $0xe5\n"                     /* ready */
    "    sti\n"
    "1:  hlt\n"
    "    jmp 1b\n"
    "uirq_handler:\n"
    "    push %ax\n"
    "    out %al, $0xe6\n"                     /* interrupt seen */
    "    mov $0x20, %al\n  out %al, $0x20\n"   /* non-specific EOI */
    "    pop %ax\n"
    "    iret\n"
    ".code64\n"
    "uirq_guest_end:\n"
    ".popsection\n");
TEST_GUEST_CODE(uirq_guest);

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
    test_load(0x1000, uirq_guest_start, TEST_GUEST_LEN(uirq_guest));

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
