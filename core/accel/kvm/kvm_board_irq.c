/*
 * With the in-kernel irqchip the board's own PIC and IOAPIC models never see
 * guest accesses (the kernel claims their ports and MMIO), so the interrupt
 * lines that feed them are taken over and forwarded to KVM as GSIs instead:
 * the board's ISA IRQ n reaches IOAPIC input n (IRQ0 counted as 0, see
 * kvm_irqchip.c for the routing), and the 8259 inputs carry the same lines.
 */
#include <modemu/object.h>

#include "accel/kvm/kvm_board_irq.h"
#include "accel/kvm/kvm.h"
#include "irq/irq_intercept.h"

static void kvm_board_irq_to_gsi(void *opaque, int n, int level)
{
    (void)opaque;
    if (n >= 0)
        mm_kvm_set_gsi((unsigned)n, level);
}

/* The same lines also reach the 8259 model: one GSI already covers both. */
static void kvm_board_irq_drop(void *opaque, int n, int level)
{
    (void)opaque;
    (void)n;
    (void)level;
}

void kvm_board_irq_redirect(void)
{
    if (!mm_kvm_irqchip_in_kernel())
        return;
    mm_object *ioapic = mm_object_find_by_path("ioapic");
    if (ioapic)
        mm_gpio_intercept_in(ioapic, kvm_board_irq_to_gsi, NULL);
    mm_object *pic = mm_object_find_by_path("pic");
    if (pic)
        mm_gpio_intercept_in(pic, kvm_board_irq_drop, NULL);
}
