/*
 * Flag and miscellaneous instructions: CLC/STC/CMC/CLD/STD/CLI/STI, HLT,
 * CPUID, RDTSC/RDTSCP, UD2, NOP forms, prefetch and cache/fence hints.
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/exceptions.h"
#include "cpu/cpuid.h"

void op_ud(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_raise(v, X86_EXC_UD);
}

void op_nop(tcg_vcpu *v, const tcg_insn *in)
{
}

/* F5, F8, F9: CMC, CLC, STC. */
void op_carry_flag(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t f = cc_compute(v);
    switch (in->opcode) {
    case 0xf5: f ^= X86_FLAG_CF; break;
    case 0xf8: f &= ~(uint64_t)X86_FLAG_CF; break;
    default: f |= X86_FLAG_CF; break;
    }
    cc_set_eflags(v, f);
}

void op_cld(tcg_vcpu *v, const tcg_insn *in) { v->s.rflags &= ~(uint64_t)X86_FLAG_DF; }
void op_std(tcg_vcpu *v, const tcg_insn *in) { v->s.rflags |= X86_FLAG_DF; }

static void check_iopl(tcg_vcpu *v)
{
    if ((v->s.cr0 & X86_CR0_PE) && mm_x86_cpl(&v->s) > ((v->s.rflags & X86_FLAG_IOPL) >> 12))
        tcg_raise_error(v, X86_EXC_GP, 0);
}

void op_cli(tcg_vcpu *v, const tcg_insn *in)
{
    check_iopl(v);
    v->s.rflags &= ~(uint64_t)X86_FLAG_IF;
}

void op_sti(tcg_vcpu *v, const tcg_insn *in)
{
    check_iopl(v);
    if (!(v->s.rflags & X86_FLAG_IF)) {
        /* Interrupts stay blocked until after the next instruction. */
        v->irq_shadow_rip = v->s.rip;
        v->exit_block = true;
    }
    v->s.rflags |= X86_FLAG_IF;
}

void op_hlt(tcg_vcpu *v, const tcg_insn *in)
{
    if (mm_x86_cpl(&v->s) != 0)
        tcg_raise_error(v, X86_EXC_GP, 0);
    v->s.halted = true;
    v->exit_block = true;
}

void op_cpuid(tcg_vcpu *v, const tcg_insn *in)
{
    mm_x86_cpuid_result r = mm_cpuid_query(v->s.model, v->s.apic_id,
                                           (uint32_t)v->s.regs[X86_R_AX],
                                           (uint32_t)v->s.regs[X86_R_CX]);
    v->s.regs[X86_R_AX] = r.eax;
    v->s.regs[X86_R_BX] = r.ebx;
    v->s.regs[X86_R_CX] = r.ecx;
    v->s.regs[X86_R_DX] = r.edx;
}

uint64_t tcg_read_tsc(tcg_vcpu *v)
{
    /* The TSC ticks at 1 GHz of virtual time, so it agrees with every other
     * clock the guest can calibrate against (PIT, HPET, PM timer, APIC). */
    int64_t ns = v->mach->phys->clock_ns ? v->mach->phys->clock_ns(v->mach->phys_opaque) : 0;
    return (uint64_t)(ns + v->s.msr.tsc_offset);
}

void op_rdtsc(tcg_vcpu *v, const tcg_insn *in)
{
    if ((v->s.cr4 & X86_CR4_TSD) && mm_x86_cpl(&v->s) != 0)
        tcg_raise_error(v, X86_EXC_GP, 0);
    uint64_t tsc = tcg_read_tsc(v);
    v->s.regs[X86_R_AX] = (uint32_t)tsc;
    v->s.regs[X86_R_DX] = tsc >> 32;
}

void op_rdtscp(tcg_vcpu *v)
{
    if (!mm_cpuid_has(v->s.model, MM_FEAT_8000_0001_EDX, MM_CPUID_8001_EDX_RDTSCP))
        tcg_raise(v, X86_EXC_UD);
    op_rdtsc(v, NULL);
    v->s.regs[X86_R_CX] = (uint32_t)v->s.msr.tsc_aux;
}

/* 0F AE: fences and CLFLUSH are ordering/cache hints: nothing to do for a
 * single-threaded interpreter, but the memory operand of CLFLUSH must exist.
 * FXSAVE/FXRSTOR/LDMXCSR/STMXCSR live in ops_fpu_state.c. */
void op_group15(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned op = in->reg & 7;
    if (in->mod == 3) {
        if (op >= 5)   /* LFENCE, MFENCE, SFENCE */
            return;
        tcg_raise(v, X86_EXC_UD);
    }
    switch (op) {
    case 0: tcg_fxsave(v, in); return;
    case 1: tcg_fxrstor(v, in); return;
    case 2: tcg_ldmxcsr(v, in); return;
    case 3: tcg_stmxcsr(v, in); return;
    case 7:
        if (in->prefix & PFX_OPSIZE)   /* CLFLUSHOPT not advertised */
            tcg_raise(v, X86_EXC_UD);
        rm_linear(v, in, 1, ACC_READ);
        return;
    default:
        tcg_raise(v, X86_EXC_UD);
    }
}
