/*
 * The local APIC of the software CPU (xAPIC, MMIO at 0xFEE00000; x2APIC is
 * not advertised).  Registers and behaviour per the Intel SDM vol. 3 ch. 10:
 * IRR/ISR/TMR, TPR/PPR, EOI (with broadcast to the IOAPIC for level-
 * triggered vectors), the timer (one-shot, periodic) on the virtual clock at
 * 1 GHz before the divider, LVT LINT0 in ExtINT mode taking the 8259's
 * vectors, LINT1 as NMI, spurious vector, and IPIs (fixed, lowest priority,
 * NMI, INIT, SIPI; physical and flat logical destinations; shorthands).
 *
 * The APICs of a machine form one APIC bus: IPIs, IOAPIC redirections and
 * PCI MSIs (mm_apic_deliver_msi) are routed to them by destination.
 */
#ifndef MODEMU_CPU_APIC_H
#define MODEMU_CPU_APIC_H

#include <stdbool.h>
#include <stdint.h>

typedef struct mm_apic mm_apic;

/* What the APIC asks of its CPU. */
typedef struct mm_apic_cpu_ops {
    void (*kick)(void *opaque);                 /* an interrupt may now be deliverable */
    void (*init)(void *opaque);                 /* INIT IPI */
    void (*sipi)(void *opaque, uint8_t vector); /* STARTUP IPI */
    void (*nmi)(void *opaque);                  /* NMI (IPI or LINT1) */
} mm_apic_cpu_ops;

/* Delivers an MSI-format message to the software APICs (the APIC bus's
 * default sink, see machine/pc/apic_bus.h). */
void mm_apic_soft_deliver_msi(uint64_t addr, uint32_t data);

/* Creates the APIC of one CPU and adds it to the APIC bus. */
mm_apic *mm_apic_new(uint32_t apic_id, bool bsp, const mm_apic_cpu_ops *ops, void *opaque);
void mm_apic_free(mm_apic *a);
/* Power-on state (also on INIT of the APIC itself). */
void mm_apic_reset(mm_apic *a);

uint32_t mm_apic_mmio_read(mm_apic *a, uint32_t offset);
void mm_apic_mmio_write(mm_apic *a, uint32_t offset, uint32_t value);

/* IA32_APIC_BASE: enable bit and base address (BSP bit handled by the CPU). */
void mm_apic_set_base_msr(mm_apic *a, uint64_t value);
/* CR8 <-> TPR[7:4]. */
void mm_apic_set_cr8(mm_apic *a, uint64_t cr8);
uint64_t mm_apic_get_cr8(const mm_apic *a);

/* Whether the CPU has a maskable interrupt to take (APIC vector above PPR,
 * or ExtINT from the 8259 through LINT0 / with the APIC disabled). */
bool mm_apic_interrupt_pending(mm_apic *a);
/* INTA: the vector to deliver (IRR -> ISR, or the 8259's vector). */
int mm_apic_acknowledge(mm_apic *a);

/* The APIC whose registers MMIO accesses reach (the CPU executing). */
void mm_apic_set_current(mm_apic *a);
/* Registers the 0xFEE00000 MMIO page in the machine's memory space. */
void mm_apic_map_mmio(void);

/* Nothing left on the bus (accelerator teardown). */
unsigned mm_apic_bus_count(void);

#endif
