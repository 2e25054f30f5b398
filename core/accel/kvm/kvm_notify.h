/*
 * ioeventfd and irqfd (core-internal), the KVM side of <modemu/notify.h>.
 */
#ifndef MODEMU_ACCEL_KVM_KVM_NOTIFY_H
#define MODEMU_ACCEL_KVM_KVM_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/error.h>

/* Whether the running VM can take ioeventfds / irqfds (MSI routes). */
bool kvm_notify_ioeventfd_usable(void);
bool kvm_notify_irqfd_usable(void);

/* Guest writes matching (io, addr, size[, value]) signal `fd` instead of exiting. */
bool kvm_ioeventfd_assign(int fd, bool io, uint64_t addr, unsigned size, bool match_value,
                          uint64_t value, bool assign, mm_error **errp);

/* MSI routes: a GSI above the IOAPIC pins whose irqfd sends (addr, data). */
int kvm_msi_route_add(uint64_t addr, uint32_t data, mm_error **errp);
bool kvm_msi_route_update(int gsi, uint64_t addr, uint32_t data, mm_error **errp);
void kvm_msi_route_del(int gsi);
bool kvm_irqfd_assign(int fd, int gsi, bool assign, mm_error **errp);

#endif
