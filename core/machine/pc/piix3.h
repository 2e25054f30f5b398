/*
 * PIIX3 PCI-to-ISA bridge (core-internal): the INTx router of bus 0.
 * The board passes these two functions to mm_pci_bus_init().
 */
#ifndef MODEMU_MACHINE_PC_PIIX3_H
#define MODEMU_MACHINE_PC_PIIX3_H

#define MM_TYPE_PIIX3 "PIIX3"

/* QEMU's swizzle on bus 0: PIRQ = (slot - 1 + pin) & 3, pin 0 = INTA. */
int mm_piix3_map_irq(int devfn, int pin);
/* Level of PIRQ A..D (0..3) changed; drives the routed ISA IRQ. */
void mm_piix3_set_pirq(void *opaque, int pirq, int level);

#endif
