/*
 * Core-internal side of the ISA bus: the board hands over its 16 ISA IRQ
 * lines (each feeding the 8259 input and the IOAPIC pin of the same number).
 */
#ifndef MODEMU_ISA_ISA_BUS_H
#define MODEMU_ISA_ISA_BUS_H

#include <stdbool.h>
#include <modemu/irq.h>

/* NULL detaches the bus (machine "none" or teardown). */
void mm_isa_bus_set_irqs(mm_irq *const irqs[16]);
bool mm_isa_bus_present(void);

#endif
