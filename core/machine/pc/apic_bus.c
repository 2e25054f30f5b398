/* The APIC bus: one switch between the software APICs and an accelerator's. */
#include <stddef.h>

#include "cpu/apic.h"
#include "machine/pc/apic_bus.h"

static mm_apic_msi_sink msi_sink = mm_apic_soft_deliver_msi;

void mm_apic_bus_set_msi_sink(mm_apic_msi_sink sink)
{
    msi_sink = sink ? sink : mm_apic_soft_deliver_msi;
}

void mm_apic_deliver_msi(uint64_t addr, uint32_t data)
{
    msi_sink(addr, data);
}
