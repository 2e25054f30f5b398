/* RDMSR/WRMSR of the software CPU: the MSRs Linux touches; others #GP as in QEMU. */
#ifndef MODEMU_TCG_MSR_H
#define MODEMU_TCG_MSR_H

#include "accel/tcg/tcg_vcpu.h"

bool tcg_msr_read(tcg_vcpu *v, uint32_t index, uint64_t *value);
bool tcg_msr_write(tcg_vcpu *v, uint32_t index, uint64_t value);

#endif
