/* Default APIC bus: no local APIC is present, so messages are only logged. */
#include <inttypes.h>
#include <modemu/log.h>

#include "machine/pc/apic_bus.h"

__attribute__((weak)) void mm_apic_deliver_msi(uint64_t addr, uint32_t data)
{
    mm_log(MM_LOG_INT, "apic-bus: no local APIC for message addr=0x%" PRIx64
           " data=0x%08" PRIx32 "\n", addr, data);
}
