/*
 * Narrowing KVM's supported CPUID to a -cpu model (core/cpu/cpuid.h).
 */
#ifndef MODEMU_ACCEL_KVM_KVM_CPUID_MODEL_H
#define MODEMU_ACCEL_KVM_KVM_CPUID_MODEL_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/kvm.h>
#include <modemu/error.h>

/* The entry for leaf/subleaf in a KVM CPUID table, or NULL. */
struct kvm_cpuid_entry2 *kvm_cpuid_entry_find(struct kvm_cpuid2 *c, uint32_t leaf,
                                              uint32_t subleaf);

/* model NULL, "host" or "max": the supported set, with flags applied. */
bool kvm_cpuid_apply_model(struct kvm_cpuid2 *c, const char *model, const char *flags,
                           mm_error **errp);

#endif
