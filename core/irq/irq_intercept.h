/*
 * Core-internal GPIO services for qtest and object teardown.
 *
 * `irq_intercept_in PATH` (qtest) replaces the handlers of every input line of
 * the object at PATH: from then on the device no longer sees its inputs and
 * each change is reported through fn(opaque, line index, level) instead, the
 * way QEMU's qtest reports "IRQ raise N".
 */
#ifndef MODEMU_IRQ_IRQ_INTERCEPT_H
#define MODEMU_IRQ_IRQ_INTERCEPT_H

#include <stdbool.h>
#include <modemu/irq.h>

#define MM_GPIO_UNNAMED_IN "unnamed-gpio-in"

typedef void (*mm_gpio_intercept_fn)(void *opaque, int n, int level);

/* Returns false if the object has no GPIO inputs. */
bool mm_gpio_intercept_in(mm_object *obj, mm_gpio_intercept_fn fn, void *opaque);
bool mm_gpio_has_inputs(mm_object *obj);
/* Frees the object's input arrays (object finalization). */
void mm_gpio_in_free_all(mm_object *obj);

#endif
