/*
 * The APIC bus (core-internal): where MSI-format interrupt messages go.
 *
 * PCI MSI/MSI-X writes into 0xFEExxxxx and IOAPIC redirections both end up
 * here as (address, data) pairs in the MSI format (address bits 19:12 the
 * destination, bit 2 the destination mode; data bits 7:0 the vector, 10:8 the
 * delivery mode, 15 the trigger mode).  The local-APIC implementation of
 * the CPU accelerator in use (TCG or KVM) provides the strong definition; the
 * weak default in apic_bus.c only logs, so a machine without CPUs (qtest)
 * still links and runs.
 */
#ifndef MODEMU_MACHINE_PC_APIC_BUS_H
#define MODEMU_MACHINE_PC_APIC_BUS_H

#include <stdint.h>

#define MM_APIC_MSI_ADDR_BASE 0xfee00000ull

typedef void (*mm_apic_msi_sink)(uint64_t addr, uint32_t data);

void mm_apic_deliver_msi(uint64_t addr, uint32_t data);
/* Routes messages to `sink`; NULL restores the software APICs. */
void mm_apic_bus_set_msi_sink(mm_apic_msi_sink sink);

#endif
