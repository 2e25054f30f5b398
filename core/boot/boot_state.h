/*
 * The initial CPU state a direct kernel boot produces (core-internal).
 *
 * A loader (core/boot/linux_boot.c) fills an mm_boot_state instead of a
 * firmware reset vector; the CPU accelerators load it into the boot CPU
 * after its power-on reset with mm_boot_state_apply() (application processors
 * keep waiting for INIT/SIPI as usual).  The struct names architectural state
 * only, so the software CPU and KVM read the same thing.
 */
#ifndef MODEMU_BOOT_BOOT_STATE_H
#define MODEMU_BOOT_BOOT_STATE_H

#include <stdbool.h>
#include <stdint.h>

struct mm_x86_cpu;

/* A segment register as loaded from a descriptor: selector plus the hidden
 * cache in the CPU's attribute layout (X86_DESC_* of cpu/x86_regs.h). */
typedef struct mm_boot_segment {
    uint16_t selector;
    uint64_t base;
    uint32_t limit;      /* byte granular */
    uint32_t flags;
} mm_boot_segment;

/* Order of mm_boot_state.seg: the same as X86_SEG_* (ES CS SS DS FS GS). */
enum { MM_BOOT_SEG_ES, MM_BOOT_SEG_CS, MM_BOOT_SEG_SS, MM_BOOT_SEG_DS, MM_BOOT_SEG_FS,
       MM_BOOT_SEG_GS, MM_BOOT_SEG_COUNT };

typedef struct mm_boot_state {
    uint64_t regs[16];   /* RAX RCX RDX RBX RSP RBP RSI RDI R8..R15 */
    uint64_t rip;
    uint64_t rflags;
    uint64_t cr0, cr3, cr4, efer;
    mm_boot_segment seg[MM_BOOT_SEG_COUNT];
    /* Not used by the kernel's entry code, but a CPU in protected or long
     * mode needs valid ones (KVM refuses to enter with a 16-bit TSS). */
    mm_boot_segment tr, ldtr;
    uint64_t gdt_base, idt_base;
    uint16_t gdt_limit, idt_limit;
} mm_boot_state;

/* The machine's direct-boot state, set by the loader while the board is
 * built; NULL when the machine starts from its firmware reset vector. */
const mm_boot_state *mm_boot_state_current(void);
void mm_boot_state_set_current(const mm_boot_state *state);

/* Loads `state` into a CPU that has just been reset (the boot CPU). */
void mm_boot_state_apply(const mm_boot_state *state, struct mm_x86_cpu *cpu);

#endif
