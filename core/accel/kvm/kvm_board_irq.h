/* Routing the board's interrupt lines to the in-kernel irqchip. */
#ifndef MODEMU_ACCEL_KVM_KVM_BOARD_IRQ_H
#define MODEMU_ACCEL_KVM_KVM_BOARD_IRQ_H

/* Takes over the board's IOAPIC/PIC inputs when the kernel irqchip is used. */
void kvm_board_irq_redirect(void);

#endif
