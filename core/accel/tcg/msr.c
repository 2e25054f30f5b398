/*
 * Model-specific registers of the software CPU.  Unknown MSRs raise #GP, as
 * QEMU's TCG does; Linux probes several with rdmsr_safe and copes.
 */
#include "accel/tcg/msr.h"
#include "accel/tcg/ops.h"
#include "accel/tcg/segmentation.h"
#include "cpu/x86_msr.h"
#include "cpu/cpuid.h"
#include "cpu/apic.h"

static uint64_t *msr_slot(tcg_vcpu *v, uint32_t index)
{
    mm_x86_msrs *m = &v->s.msr;
    switch (index) {
    case X86_MSR_STAR: return &m->star;
    case X86_MSR_LSTAR: return &m->lstar;
    case X86_MSR_CSTAR: return &m->cstar;
    case X86_MSR_SFMASK: return &m->sfmask;
    case X86_MSR_KERNEL_GS_BASE: return &m->kernel_gs_base;
    case X86_MSR_SYSENTER_CS: return &m->sysenter_cs;
    case X86_MSR_SYSENTER_ESP: return &m->sysenter_esp;
    case X86_MSR_SYSENTER_EIP: return &m->sysenter_eip;
    case X86_MSR_TSC_AUX: return &m->tsc_aux;
    case X86_MSR_PAT: return &m->pat;
    case X86_MSR_MTRR_DEF_TYPE: return &m->mtrr_def_type;
    case X86_MSR_MISC_ENABLE: return &m->misc_enable;
    case X86_MSR_MCG_STATUS: return &m->mcg_status;
    case X86_MSR_MCG_CTL: return &m->mcg_ctl;
    case X86_MSR_VM_HSAVE_PA: return &m->vm_hsave_pa;
    case X86_MSR_FS_BASE: return &v->s.seg[X86_SEG_FS].base;
    case X86_MSR_GS_BASE: return &v->s.seg[X86_SEG_GS].base;
    default: break;
    }
    if (index >= X86_MSR_MTRR_PHYSBASE0 && index <= X86_MSR_MTRR_PHYSMASK7)
        return &m->mtrr_var[index - X86_MSR_MTRR_PHYSBASE0];
    if (index == X86_MSR_MTRR_FIX64K_00000)
        return &m->mtrr_fixed[0];
    if (index == X86_MSR_MTRR_FIX16K_80000 || index == X86_MSR_MTRR_FIX16K_A0000)
        return &m->mtrr_fixed[1 + index - X86_MSR_MTRR_FIX16K_80000];
    if (index >= X86_MSR_MTRR_FIX4K_C0000 && index <= X86_MSR_MTRR_FIX4K_F8000)
        return &m->mtrr_fixed[3 + index - X86_MSR_MTRR_FIX4K_C0000];
    if (index >= X86_MSR_MC0_CTL && index <= X86_MSR_MC_LAST)
        return &m->mc_bank[index - X86_MSR_MC0_CTL];
    return NULL;
}

bool tcg_msr_read(tcg_vcpu *v, uint32_t index, uint64_t *value)
{
    switch (index) {
    case X86_MSR_TSC:
        *value = tcg_read_tsc(v);
        return true;
    case X86_MSR_EFER:
        *value = v->s.efer;
        return true;
    case X86_MSR_APIC_BASE:
        *value = v->s.msr.apic_base;
        return true;
    case X86_MSR_MTRRCAP:
        *value = 0x508;   /* 8 variable ranges, fixed ranges, write-combining */
        return true;
    case X86_MSR_MCG_CAP:
        *value = X86_MCE_BANKS | (1u << 8);   /* banks, MCG_CTL present */
        return true;
    case X86_MSR_VM_CR:
        *value = 0;
        return true;
    default:
        break;
    }
    uint64_t *slot = msr_slot(v, index);
    if (!slot)
        return false;
    *value = *slot;
    return true;
}

static bool write_efer(tcg_vcpu *v, uint64_t value)
{
    uint64_t allowed = X86_EFER_SCE | X86_EFER_LME | X86_EFER_LMA;
    if (mm_cpuid_has(v->s.model, MM_FEAT_8000_0001_EDX, MM_CPUID_8001_EDX_NX))
        allowed |= X86_EFER_NXE;
    if (value & ~allowed)
        return false;
    /* LME cannot change while paging is on; LMA is read-only. */
    if ((v->s.cr0 & X86_CR0_PG) && ((value ^ v->s.efer) & X86_EFER_LME))
        return false;
    v->s.efer = (value & ~(uint64_t)X86_EFER_LMA) | (v->s.efer & X86_EFER_LMA);
    tcg_tlb_flush(v);
    tcg_update_mode(v);
    return true;
}

bool tcg_msr_write(tcg_vcpu *v, uint32_t index, uint64_t value)
{
    switch (index) {
    case X86_MSR_TSC:
        v->s.msr.tsc_offset += (int64_t)(value - tcg_read_tsc(v));
        return true;
    case X86_MSR_EFER:
        return write_efer(v, value);
    case X86_MSR_APIC_BASE:
        /* The BSP flag is read-only; x2APIC is not advertised. */
        if (value & X86_APIC_BASE_EXTD)
            return false;
        v->s.msr.apic_base = (value & ~(uint64_t)X86_APIC_BASE_BSP) |
                             (v->s.msr.apic_base & X86_APIC_BASE_BSP);
        if (v->s.apic)
            mm_apic_set_base_msr(v->s.apic, v->s.msr.apic_base);
        return true;
    case X86_MSR_MTRRCAP:
    case X86_MSR_MCG_CAP:
        return false;
    case X86_MSR_VM_CR:
        return true;
    case X86_MSR_FS_BASE:
    case X86_MSR_GS_BASE:
    case X86_MSR_KERNEL_GS_BASE:
    case X86_MSR_LSTAR:
    case X86_MSR_CSTAR:
        if ((uint64_t)((int64_t)(value << 16) >> 16) != value)
            return false;
        break;
    default:
        break;
    }
    uint64_t *slot = msr_slot(v, index);
    if (!slot)
        return false;
    *slot = value;
    return true;
}
