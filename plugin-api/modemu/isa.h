/*
 * ISA devices: port-I/O devices behind the PIIX3 bridge (UARTs, parallel,
 * i8042, RTC...).  An ISA device type derives from "isa-device"; its instance
 * struct embeds mm_isa_device first.
 */
#ifndef MODEMU_ISA_H
#define MODEMU_ISA_H

#include <stdint.h>
#include <modemu/abi.h>
#include <modemu/irq.h>
#include <modemu/memory.h>
#include <modemu/object.h>

#define MM_TYPE_ISA_DEVICE "isa-device"

typedef struct mm_isa_device {
    mm_object obj;
} mm_isa_device;

/* Maps `region` at I/O port `port` in the machine's I/O space. */
MM_API void mm_isa_register_ioport(mm_isa_device *dev, mm_memory_region *region,
                                   uint16_t port);
MM_API void mm_isa_unregister_ioport(mm_isa_device *dev, mm_memory_region *region);
/* The line for ISA IRQ `isa_irq` (0..15): drives the PIC and the IOAPIC. */
MM_API mm_irq *mm_isa_get_irq(int isa_irq);
/* The n-th instance index of a device type, for default base/IRQ tables
 * (COM1..COM4, LPT1..LPT3): returns 0 for the first realized, and so on. */
MM_API int mm_isa_next_index(const char *type_name);

#endif
