/* Power-on and INIT state of an x86 vCPU (Intel SDM vol. 3, 9.1.1 and table 9-1). */
#include <string.h>

#include "cpu/x86_cpu.h"
#include "cpu/x86_msr.h"
#include "cpu/cpuid.h"

static void segment_reset_real(mm_x86_segment *s, uint16_t selector, uint64_t base,
                               uint32_t type_bits)
{
    s->selector = selector;
    s->base = base;
    s->limit = 0xffff;
    s->flags = X86_DESC_P | X86_DESC_S | type_bits;
}

/* What INIT and RESET share: registers, segments, control registers. */
static void cpu_reset_common(mm_x86_cpu *cpu)
{
    memset(cpu->regs, 0, sizeof(cpu->regs));
    /* EDX holds the processor signature (CPUID.1:EAX) after reset. */
    cpu->regs[X86_R_DX] = cpu->model ? mm_cpuid_signature(cpu->model) : 0;
    cpu->rip = 0xfff0;
    cpu->rflags = X86_FLAG_FIXED1;
    for (int i = 0; i < X86_SEG_COUNT; i++)
        segment_reset_real(&cpu->seg[i], 0, 0, X86_DESC_W | X86_DESC_A);
    /* CS = F000 with base FFFF0000: the first fetch is at 0xFFFFFFF0. */
    segment_reset_real(&cpu->seg[X86_SEG_CS], 0xf000, 0xffff0000,
                       X86_DESC_CS | X86_DESC_R | X86_DESC_A);
    cpu->ldtr = (mm_x86_segment){ .limit = 0xffff, .flags = X86_DESC_P | (X86_SYS_LDT << 8) };
    cpu->tr = (mm_x86_segment){ .limit = 0xffff, .flags = X86_DESC_P | (X86_SYS_TSS_BUSY << 8) };
    cpu->gdtr = (mm_x86_dtable){ 0, 0xffff };
    cpu->idtr = (mm_x86_dtable){ 0, 0xffff };
    cpu->cr0 = X86_CR0_ET | X86_CR0_CD | X86_CR0_NW;
    cpu->cr2 = cpu->cr3 = cpu->cr4 = 0;
    cpu->efer = 0;
    memset(cpu->dr, 0, sizeof(cpu->dr));
    cpu->dr[6] = 0xffff0ff0;
    cpu->dr[7] = 0x400;
    cpu->pending = 0;
    cpu->halted = false;
    cpu->a20_mask = ~0ull;
}

static void fpu_sse_reset(mm_x86_cpu *cpu)
{
    memset(&cpu->fpu, 0, sizeof(cpu->fpu));
    cpu->fpu.fcw = 0x037f;
    memset(cpu->xmm, 0, sizeof(cpu->xmm));
    cpu->mxcsr = 0x1f80;
}

void mm_x86_cpu_reset(mm_x86_cpu *cpu)
{
    cpu_reset_common(cpu);
    fpu_sse_reset(cpu);
    memset(&cpu->msr, 0, sizeof(cpu->msr));
    cpu->msr.pat = 0x0007040600070406ull;
    cpu->msr.apic_base = X86_APIC_DEFAULT_ADDR | X86_APIC_BASE_ENABLE |
                         (cpu->cpu_index == 0 ? X86_APIC_BASE_BSP : 0);
    cpu->msr.misc_enable = 1;   /* fast strings, as QEMU reports */
    cpu->wait_for_sipi = false;
}

void mm_x86_cpu_init_signal(mm_x86_cpu *cpu)
{
    /* INIT keeps MSRs (except as the APIC resets itself), x87/SSE state and caches. */
    cpu_reset_common(cpu);
    cpu->wait_for_sipi = cpu->cpu_index != 0;
    cpu->halted = cpu->wait_for_sipi;
}
