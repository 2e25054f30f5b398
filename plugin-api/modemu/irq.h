/*
 * Interrupt lines (QEMU's qemu_irq / GPIO idea).
 *
 * A line is a handler plus an opaque pointer and an index; a device raising
 * its output calls mm_irq_set(line, level).  Devices with inputs declare named
 * input arrays on their object (mm_gpio_in_init) so that the board can wire
 * them and qtest can intercept them by path ("ioapic", "unnamed-gpio-in").
 */
#ifndef MODEMU_IRQ_H
#define MODEMU_IRQ_H

#include <stdbool.h>
#include <modemu/abi.h>
#include <modemu/object.h>

typedef void (*mm_irq_handler)(void *opaque, int n, int level);
typedef struct mm_irq mm_irq;

MM_API mm_irq *mm_irq_new(mm_irq_handler handler, void *opaque, int n);
MM_API void mm_irq_free(mm_irq *irq);
/* NULL lines are allowed and ignored (an unconnected output). */
MM_API void mm_irq_set(mm_irq *irq, int level);
static inline void mm_irq_raise(mm_irq *irq) { mm_irq_set(irq, 1); }
static inline void mm_irq_lower(mm_irq *irq) { mm_irq_set(irq, 0); }
static inline void mm_irq_pulse(mm_irq *irq) { mm_irq_set(irq, 1); mm_irq_set(irq, 0); }

/* Named input arrays on an object; name NULL means "unnamed-gpio-in". */
MM_API void mm_gpio_in_init(mm_object *obj, const char *name, mm_irq_handler handler,
                            void *opaque, int count);
MM_API mm_irq *mm_gpio_in_get(mm_object *obj, const char *name, int n);

#endif
