/*
 * The shared x86 vCPU state (core/cpu/x86_cpu.h) in KVM's terms.
 */
#ifndef MODEMU_ACCEL_KVM_KVM_X86_STATE_H
#define MODEMU_ACCEL_KVM_KVM_X86_STATE_H

#include <linux/kvm.h>
#include <glib.h>

#include "cpu/x86_cpu.h"

void kvm_x86_regs_from_cpu(const mm_x86_cpu *c, struct kvm_regs *r);
void kvm_x86_regs_to_cpu(struct kvm_regs *r, mm_x86_cpu *c);
void kvm_x86_sregs_from_cpu(const mm_x86_cpu *c, struct kvm_sregs *s);
void kvm_x86_sregs_to_cpu(struct kvm_sregs *s, mm_x86_cpu *c);
void kvm_x86_fpu_from_cpu(const mm_x86_cpu *c, struct kvm_fpu *f);
/* A g_malloc'ed KVM_SET_MSRS list of the MSRs KVM keeps per vCPU. */
struct kvm_msrs *kvm_x86_msrs_from_cpu(const mm_x86_cpu *c);
/* Sets what the vCPU accepts; returns how many MSRs it refused. */
unsigned kvm_x86_set_msrs(int vcpu_fd, struct kvm_msrs *m);

#endif
