/* Loading a direct-boot CPU state into the shared x86 CPU state. */
#include "boot/boot_state.h"

#include <string.h>

#include "cpu/x86_cpu.h"

static void apply_segment(const mm_boot_segment *from, mm_x86_segment *to)
{
    to->selector = from->selector;
    to->base = from->base;
    to->limit = from->limit;
    to->flags = from->flags;
}

void mm_boot_state_apply(const mm_boot_state *state, mm_x86_cpu *cpu)
{
    _Static_assert((int)MM_BOOT_SEG_COUNT == (int)X86_SEG_COUNT, "segment order must match X86_SEG_*");
    _Static_assert((int)MM_BOOT_SEG_CS == (int)X86_SEG_CS && (int)MM_BOOT_SEG_SS == (int)X86_SEG_SS &&
                   (int)MM_BOOT_SEG_DS == (int)X86_SEG_DS && (int)MM_BOOT_SEG_GS == (int)X86_SEG_GS,
                   "segment order must match X86_SEG_*");
    memcpy(cpu->regs, state->regs, sizeof(cpu->regs));
    cpu->rip = state->rip;
    cpu->rflags = state->rflags | X86_FLAG_FIXED1;
    cpu->cr0 = state->cr0;
    cpu->cr3 = state->cr3;
    cpu->cr4 = state->cr4;
    cpu->efer = state->efer;
    for (int i = 0; i < MM_BOOT_SEG_COUNT; i++)
        apply_segment(&state->seg[i], &cpu->seg[i]);
    apply_segment(&state->tr, &cpu->tr);
    apply_segment(&state->ldtr, &cpu->ldtr);
    cpu->gdtr.base = state->gdt_base;
    cpu->gdtr.limit = state->gdt_limit;
    cpu->idtr.base = state->idt_base;
    cpu->idtr.limit = state->idt_limit;
    /* The direct boot skips the firmware that would open the A20 gate. */
    cpu->a20_mask = ~UINT64_C(0);
}
