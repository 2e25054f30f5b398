/*
 * Architectural state of one x86-64 vCPU.
 *
 * This is the state both accelerators share: the software CPU executes on it
 * directly, the KVM accelerator copies it to and from KVM_SET/GET_REGS/SREGS/
 * FPU/MSRS.  Interpreter-only bookkeeping (lazy flags, TLB, decoded-code
 * cache) lives in core/accel/tcg/, not here.
 *
 * x87 registers are kept as host `long double`: modemu only runs on x86-64
 * hosts, where long double IS the 80-bit extended format (64-bit mantissa
 * with explicit integer bit, 15-bit exponent), so x87 arithmetic done in C
 * with long double gives the exact results and the 10-byte memory images
 * (FSTP m80, FXSAVE) are the first 10 bytes of the host value.  MMX registers
 * alias the mantissa of the x87 registers as on hardware.
 */
#ifndef MODEMU_CPU_X86_CPU_H
#define MODEMU_CPU_X86_CPU_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu/x86_regs.h"

enum { X86_R_AX, X86_R_CX, X86_R_DX, X86_R_BX, X86_R_SP, X86_R_BP, X86_R_SI, X86_R_DI,
       X86_R_R8, X86_R_R9, X86_R_R10, X86_R_R11, X86_R_R12, X86_R_R13, X86_R_R14, X86_R_R15 };
enum { X86_SEG_ES, X86_SEG_CS, X86_SEG_SS, X86_SEG_DS, X86_SEG_FS, X86_SEG_GS, X86_SEG_COUNT };

/* A segment register's hidden descriptor cache. */
typedef struct mm_x86_segment {
    uint16_t selector;
    uint64_t base;
    uint32_t limit;     /* byte granular (G already applied) */
    uint32_t flags;     /* X86_DESC_* attribute bits */
} mm_x86_segment;

typedef struct mm_x86_dtable {
    uint64_t base;
    uint16_t limit;
} mm_x86_dtable;

typedef union mm_x86_xmm {
    uint8_t b[16];
    uint16_t w[8];
    uint32_t d[4];
    uint64_t q[2];
    int8_t sb[16];
    int16_t sw[8];
    int32_t sd[4];
    int64_t sq[2];
    float fs[4];
    double fd[2];
} mm_x86_xmm;

/* One x87 register: the host long double, or an MMX value in its mantissa. */
typedef union mm_x86_fpreg {
    long double f;
    struct {
        uint64_t mant;
        uint16_t exp;
    } raw;
} mm_x86_fpreg;

/* Pending asynchronous events (bits of mm_x86_cpu.pending). */
enum {
    X86_PENDING_INTR = 1u << 0,   /* maskable interrupt line (PIC or APIC) */
    X86_PENDING_NMI  = 1u << 1,
    X86_PENDING_INIT = 1u << 2,
    X86_PENDING_SIPI = 1u << 3,
};

#define X86_MTRR_VAR_COUNT 8
#define X86_MTRR_FIXED_COUNT 11
#define X86_MCE_BANKS 4

typedef struct mm_x86_msrs {
    uint64_t star, lstar, cstar, sfmask, kernel_gs_base;
    uint64_t sysenter_cs, sysenter_esp, sysenter_eip;
    int64_t tsc_offset;          /* guest TSC = virtual-clock cycles + offset */
    uint64_t tsc_aux, tsc_adjust;
    uint64_t pat;
    uint64_t mtrr_def_type;
    uint64_t mtrr_fixed[X86_MTRR_FIXED_COUNT];
    uint64_t mtrr_var[X86_MTRR_VAR_COUNT * 2];   /* base, mask pairs */
    uint64_t apic_base;
    uint64_t misc_enable;
    uint64_t mcg_status, mcg_ctl;
    uint64_t mc_bank[X86_MCE_BANKS * 4];
    uint64_t vm_hsave_pa;
} mm_x86_msrs;

typedef struct mm_x86_fpu {
    mm_x86_fpreg st[8];          /* physical registers R0..R7 */
    unsigned top;                /* TOP field of the status word */
    uint16_t fcw, fsw;           /* fsw without TOP (bits 11..13 zero) */
    uint8_t ftw;                 /* abridged tag: bit i set = R_i valid */
    uint16_t fop;
    uint64_t fip, fdp;
    uint16_t fcs, fds;
} mm_x86_fpu;

typedef struct mm_x86_cpu {
    uint64_t regs[16];
    uint64_t rip;
    uint64_t rflags;             /* architectural; see the interpreter for lazy bits */
    mm_x86_segment seg[X86_SEG_COUNT];
    mm_x86_segment ldtr, tr;
    mm_x86_dtable gdtr, idtr;
    uint64_t cr0, cr2, cr3, cr4;
    uint64_t efer;
    uint64_t dr[8];
    mm_x86_msrs msr;
    mm_x86_fpu fpu;
    mm_x86_xmm xmm[16];
    uint32_t mxcsr;

    /* Interrupt and power state. */
    uint32_t pending;            /* X86_PENDING_* */
    uint8_t sipi_vector;
    bool halted;
    bool wait_for_sipi;          /* APs after INIT */
    uint64_t a20_mask;           /* ~0, or ~(1 << 20) while the A20 gate is closed */

    unsigned cpu_index;
    uint32_t apic_id;
    struct mm_x86_cpuid_model *model;   /* CPUID answers (core/cpu/cpuid.h) */
    struct mm_apic *apic;               /* local APIC, NULL if none */
} mm_x86_cpu;

/* Power-on / RESET state (SDM vol. 3 table 9-1): real mode at F000:FFF0. */
void mm_x86_cpu_reset(mm_x86_cpu *cpu);
/* INIT: like reset but keeps MSRs, caches and the x87/SSE state as the SDM says. */
void mm_x86_cpu_init_signal(mm_x86_cpu *cpu);

/* Current privilege level (CS.DPL outside real mode, 0 in real mode). */
static inline unsigned mm_x86_cpl(const mm_x86_cpu *cpu)
{
    if (!(cpu->cr0 & X86_CR0_PE))
        return 0;
    if (cpu->rflags & X86_FLAG_VM)
        return 3;
    return (cpu->seg[X86_SEG_CS].flags & X86_DESC_DPL_MASK) >> X86_DESC_DPL_SHIFT;
}

static inline bool mm_x86_long_mode(const mm_x86_cpu *cpu)
{
    return (cpu->efer & X86_EFER_LMA) != 0;
}

/* 64-bit code segment in long mode. */
static inline bool mm_x86_code64(const mm_x86_cpu *cpu)
{
    return mm_x86_long_mode(cpu) && (cpu->seg[X86_SEG_CS].flags & X86_DESC_L);
}

#endif
