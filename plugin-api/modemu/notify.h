/*
 * Doorbells and interrupt notifiers: notification fast paths for devices
 * such as virtio, neutral about the accelerator.
 *
 * A doorbell is a guest write that only says "look at the queue".  Under KVM
 * the kernel catches it (ioeventfd): the vCPU does not exit to userspace and
 * the doorbell's callback runs later on the main loop.  Under other
 * accelerators (tcg, qtest) nothing is intercepted: the write reaches the
 * device's region write handler as usual.  A device therefore handles the
 * notification in both places (the handler and the callback), and
 * mm_doorbell_is_accelerated() says which one will see it.
 *
 * An interrupt notifier sends one MSI message from any thread.  Under KVM
 * with the in-kernel irqchip it is an irqfd (a write to an eventfd injects
 * the interrupt without taking the machine lock); otherwise it is delivered
 * through the board's APIC bus, as the device's own MSI write would be.
 */
#ifndef MODEMU_NOTIFY_H
#define MODEMU_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/abi.h>
#include <modemu/error.h>

typedef struct mm_doorbell mm_doorbell;
typedef void (*mm_doorbell_fn)(void *opaque);

typedef struct mm_doorbell_config {
    bool io;               /* port in the I/O space, else a memory address */
    uint64_t addr;
    unsigned size;         /* 1, 2, 4 or 8 (memory) bytes; 0 = any size (memory only) */
    bool match_value;      /* only writes of `value` ring it */
    uint64_t value;
} mm_doorbell_config;

/* Called with the machine lock held, on the main loop. */
MM_API mm_doorbell *mm_doorbell_new(const mm_doorbell_config *config, mm_doorbell_fn fn,
                                    void *opaque, mm_error **errp);
MM_API bool mm_doorbell_is_accelerated(const mm_doorbell *db);
MM_API void mm_doorbell_free(mm_doorbell *db);

typedef struct mm_irq_notifier mm_irq_notifier;

MM_API mm_irq_notifier *mm_irq_notifier_new_msi(uint64_t addr, uint32_t data,
                                                mm_error **errp);
/* The guest reprogrammed the vector (MSI-X table write). */
MM_API bool mm_irq_notifier_set_msi(mm_irq_notifier *n, uint64_t addr, uint32_t data,
                                    mm_error **errp);
/* Sends the message; safe from any thread. */
MM_API void mm_irq_notifier_trigger(mm_irq_notifier *n);
MM_API bool mm_irq_notifier_is_accelerated(const mm_irq_notifier *n);
MM_API void mm_irq_notifier_free(mm_irq_notifier *n);

#endif
