/*
 * The software CPU's per-vCPU state and the interfaces between its parts
 * (see README.md in this folder for the structure).
 */
#ifndef MODEMU_TCG_VCPU_H
#define MODEMU_TCG_VCPU_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "cpu/x86_cpu.h"

typedef struct tcg_vcpu tcg_vcpu;
typedef struct tcg_insn tcg_insn;
typedef struct tcg_machine tcg_machine;
typedef void (*tcg_op_fn)(tcg_vcpu *v, const tcg_insn *in);

/* Operand sizes as log2 of bytes. */
enum { SZ8 = 0, SZ16 = 1, SZ32 = 2, SZ64 = 3 };

#define TCG_REG_NONE 0xff
#define TCG_REG_RIP  0xfe   /* base of RIP-relative addressing */

/* Prefix bits of tcg_insn.prefix. */
enum {
    PFX_LOCK = 1u << 0,
    PFX_REP = 1u << 1,      /* F3 */
    PFX_REPNE = 1u << 2,    /* F2 */
    PFX_OPSIZE = 1u << 3,   /* 66 */
    PFX_ADSIZE = 1u << 4,   /* 67 */
    PFX_REX = 1u << 5,      /* any REX prefix: SPL/BPL/SIL/DIL instead of AH..BH */
    PFX_REXW = 1u << 6,
};

/* One decoded instruction, cached in a block. */
struct tcg_insn {
    tcg_op_fn fn;           /* threaded entry (dispatch.h) once in a block */
    tcg_op_fn impl;         /* the handler itself */
    uint64_t imm;
    int32_t disp;
    uint16_t imm2;          /* ENTER's second operand, far pointer selector */
    uint16_t opcode;        /* 0x000-0x0ff one byte, 0x100-0x1ff 0F xx */
    uint8_t len;
    uint8_t opsize;         /* SZ* */
    uint8_t adsize;         /* SZ16, SZ32 or SZ64 */
    uint8_t mod, reg, rm;   /* reg/rm include REX.R/REX.B; for byte registers see reg8 */
    uint8_t base, index, scale;
    uint8_t seg;            /* effective segment of the memory operand */
    uint8_t prefix;
    uint8_t sub;            /* operation selector for shared handlers (ALU op, cc...) */
};

/* Lazy condition codes: the last flag-setting operation and its operands. */
enum {
    CC_OP_EFLAGS,   /* cc_src1 holds the six arithmetic flags */
    CC_OP_ADD, CC_OP_ADC, CC_OP_SUB, CC_OP_SBB, CC_OP_LOGIC, CC_OP_INC, CC_OP_DEC,
    CC_OP_SHL, CC_OP_SHR, CC_OP_SAR,   /* cc_src1 = operand, cc_src2 = count (1..63) */
    CC_OP_MUL,      /* cc_res = low result, cc_src1 = 1 when the high half is significant */
};

/* Software TLB: linear page -> host address, separate tags per access kind. */
#define TCG_TLB_BITS 10
#define TCG_TLB_SIZE (1u << TCG_TLB_BITS)
#define TCG_TLB_INVALID 1ull   /* never equals a page-aligned tag */
typedef struct tcg_tlb_entry {
    uint64_t tag_read, tag_write, tag_exec;
    uintptr_t addend;        /* host pointer = linear + addend */
    uint64_t phys_page;
} tcg_tlb_entry;
enum { TCG_MMU_KERNEL, TCG_MMU_USER, TCG_MMU_COUNT };
/* Entries evicted from the direct-mapped TLB by another page with the same
 * index, kept for the slow path to swap back (pages 4 MiB apart, such as a
 * kernel's text and its direct-map alias, otherwise evict each other). */
#define TCG_TLB_VICTIMS 8

enum tcg_access { ACC_READ = 0, ACC_WRITE = 1, ACC_EXEC = 2 };

#define TCG_JC_BITS 12
#define TCG_JC_SIZE (1u << TCG_JC_BITS)
struct tcg_block;

/* Why tcg_cpu_exec returned. */
typedef enum tcg_exit {
    TCG_EXIT_BUDGET,    /* instruction budget used up */
    TCG_EXIT_HALTED,    /* HLT (or waiting for SIPI) with nothing pending */
    TCG_EXIT_REQUEST,   /* tcg_vcpu_kick or a machine request */
    TCG_EXIT_SHUTDOWN,  /* triple fault */
} tcg_exit;

struct tcg_vcpu {
    mm_x86_cpu s;                 /* architectural state (rflags arith bits are lazy) */
    uint64_t cc_res, cc_src1, cc_src2;
    uint8_t cc_op, cc_size;

    uint64_t insn_start;          /* RIP of the executing instruction (faults restart here) */
    uint8_t code_size;            /* SZ16/SZ32/SZ64 of the current CS */
    bool exit_block;              /* leave the current block after this instruction */
    bool event_delivered;         /* tcg_deliver_event ran (single-stepping looks) */
    uint8_t debug_data_hits;      /* DR6 B0-B3 of data breakpoints the instruction hit */
    /* Where the threaded chain stopped early (dispatch.h): the entry after
     * the last instruction run; NULL when it stopped at a block end. */
    const tcg_insn *exit_insn;
    uint64_t chain_end;           /* icount at which a chain returns to the run loop */
    volatile bool exit_request;   /* leave tcg_cpu_exec soon (another thread may set it) */
    uint64_t irq_shadow_rip;      /* no interrupt before the instruction here (STI, MOV SS) */
    uint8_t mmu_idx;
    uint64_t cr8;                 /* task priority (mirrors the local APIC TPR) */

    /* Per privilege: TCG_TLB_SIZE direct-mapped entries, then the victims. */
    tcg_tlb_entry tlb[TCG_MMU_COUNT][TCG_TLB_SIZE + TCG_TLB_VICTIMS];
    unsigned tlb_victim_next;     /* round-robin replacement */
    uint64_t tlb_generation;      /* flat-view generation the TLB was filled under */
    struct tcg_block *jump_cache[TCG_JC_SIZE];

    /* Exception in flight (between tcg_raise and delivery). */
    jmp_buf jmp_env;
    int exc_vector;
    uint32_t exc_error;
    bool exc_has_error;
    int exc_pending_class;        /* for double-fault escalation */

    tcg_machine *mach;
    uint64_t icount;              /* guest instructions retired */
    uint64_t icount_limit;        /* tcg_cpu_exec returns when icount reaches it */
    bool shutdown;

    /* Source of maskable interrupts: returns the vector, or -1 if none
     * (spurious).  A source must call tcg_vcpu_kick when its answer to
     * intr_pending may turn true. */
    int (*intr_ack)(void *opaque);
    bool (*intr_pending)(void *opaque);
    void *intr_opaque;
};

/* Physical memory and ports as the CPU sees them (core/accel/tcg/phys_port.c
 * connects them to the memory API; tests plug in a flat RAM). */
typedef struct tcg_phys_ops {
    /* Host pointer of the 4 KiB page holding paddr if it is RAM or ROM
     * (*writable false for ROM), else NULL (MMIO or unassigned). */
    uint8_t *(*ram_page)(void *opaque, uint64_t paddr, bool *writable);
    uint64_t (*mmio_read)(void *opaque, uint64_t paddr, unsigned size);
    void (*mmio_write)(void *opaque, uint64_t paddr, unsigned size, uint64_t value);
    uint64_t (*io_in)(void *opaque, uint16_t port, unsigned size);
    void (*io_out)(void *opaque, uint16_t port, unsigned size, uint64_t value);
    /* Changes whenever ram_page answers may change (memory map rebuilt). */
    uint64_t (*generation)(void *opaque);
    /* Guest time in ns (virtual clock), for RDTSC. */
    int64_t (*clock_ns)(void *opaque);
    /* Triple fault / shutdown. */
    void (*request_reset)(void *opaque);
} tcg_phys_ops;

/* State shared by all vCPUs of a machine: memory port and decoded-code cache. */
struct tcg_machine {
    const tcg_phys_ops *phys;
    void *phys_opaque;
    struct tcg_code_cache *code;
    bool code_garbage;            /* invalidated blocks wait to be freed */
    uint64_t code_epoch;          /* counts frees of blocks (stale chain links) */
    tcg_vcpu **vcpus;
    unsigned nr_vcpus;
};

#endif
