/* Which PIRQ line a PCI slot's INTx pin drives on the pc board (core-internal).
 * Shared by the firmware-lite interrupt-line setup and the DSDT's _PRT so the
 * two can never disagree. */
#ifndef MODEMU_BOOT_PCI_IRQ_SWIZZLE_H
#define MODEMU_BOOT_PCI_IRQ_SWIZZLE_H

/* pin 0-3 = INTA-D; returns 0-3 = PIRQA-D.  QEMU's PIIX wiring: slot 1 INTA
 * is PIRQA, slot 2 INTA is PIRQB, and so on round the four lines. */
static inline unsigned mm_pci_slot_pirq(unsigned slot, unsigned pin)
{
    return (slot + pin - 1) & 3;
}

#endif
