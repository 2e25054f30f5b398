/*
 * Architectural bit definitions of x86-64 (Intel SDM vol. 3): EFLAGS, control
 * registers, EFER, segment descriptor attributes, exception vectors.  Shared
 * by the software CPU and the KVM accelerator.
 */
#ifndef MODEMU_CPU_X86_REGS_H
#define MODEMU_CPU_X86_REGS_H

/* EFLAGS */
#define X86_FLAG_CF   (1u << 0)
#define X86_FLAG_FIXED1 (1u << 1)   /* always reads as 1 */
#define X86_FLAG_PF   (1u << 2)
#define X86_FLAG_AF   (1u << 4)
#define X86_FLAG_ZF   (1u << 6)
#define X86_FLAG_SF   (1u << 7)
#define X86_FLAG_TF   (1u << 8)
#define X86_FLAG_IF   (1u << 9)
#define X86_FLAG_DF   (1u << 10)
#define X86_FLAG_OF   (1u << 11)
#define X86_FLAG_IOPL (3u << 12)
#define X86_FLAG_IOPL_SHIFT 12
#define X86_FLAG_NT   (1u << 14)
#define X86_FLAG_RF   (1u << 16)
#define X86_FLAG_VM   (1u << 17)
#define X86_FLAG_AC   (1u << 18)
#define X86_FLAG_VIF  (1u << 19)
#define X86_FLAG_VIP  (1u << 20)
#define X86_FLAG_ID   (1u << 21)
/* The six flags that arithmetic produces (kept lazily by the interpreter). */
#define X86_FLAGS_ARITH (X86_FLAG_CF | X86_FLAG_PF | X86_FLAG_AF | X86_FLAG_ZF | \
                         X86_FLAG_SF | X86_FLAG_OF)

/* CR0 */
#define X86_CR0_PE (1u << 0)
#define X86_CR0_MP (1u << 1)
#define X86_CR0_EM (1u << 2)
#define X86_CR0_TS (1u << 3)
#define X86_CR0_ET (1u << 4)
#define X86_CR0_NE (1u << 5)
#define X86_CR0_WP (1u << 16)
#define X86_CR0_AM (1u << 18)
#define X86_CR0_NW (1u << 29)
#define X86_CR0_CD (1u << 30)
#define X86_CR0_PG (1u << 31)

/* CR4 */
#define X86_CR4_VME (1u << 0)
#define X86_CR4_PVI (1u << 1)
#define X86_CR4_TSD (1u << 2)
#define X86_CR4_DE  (1u << 3)
#define X86_CR4_PSE (1u << 4)
#define X86_CR4_PAE (1u << 5)
#define X86_CR4_MCE (1u << 6)
#define X86_CR4_PGE (1u << 7)
#define X86_CR4_PCE (1u << 8)
#define X86_CR4_OSFXSR (1u << 9)
#define X86_CR4_OSXMMEXCPT (1u << 10)

/* EFER */
#define X86_EFER_SCE (1u << 0)
#define X86_EFER_LME (1u << 8)
#define X86_EFER_LMA (1u << 10)
#define X86_EFER_NXE (1u << 11)

/* Segment descriptor attribute word as cached (QEMU's layout: the descriptor's
 * high dword with base and limit bits cleared, so bits 8..23 hold
 * type/S/DPL/P/AVL/L/DB/G).  The -d cpu trace prints it in this form. */
#define X86_DESC_TYPE_SHIFT 8
#define X86_DESC_TYPE_MASK  (15u << 8)
#define X86_DESC_A    (1u << 8)     /* accessed (code/data) */
#define X86_DESC_W    (1u << 9)     /* data: writable; code: readable */
#define X86_DESC_R    (1u << 9)
#define X86_DESC_E    (1u << 10)    /* data: expand-down; code: conforming */
#define X86_DESC_C    (1u << 10)
#define X86_DESC_CS   (1u << 11)    /* code segment */
#define X86_DESC_S    (1u << 12)    /* code/data (not system) */
#define X86_DESC_DPL_SHIFT 13
#define X86_DESC_DPL_MASK (3u << 13)
#define X86_DESC_P    (1u << 15)
#define X86_DESC_AVL  (1u << 20)
#define X86_DESC_L    (1u << 21)
#define X86_DESC_B    (1u << 22)    /* D/B: 32-bit default size */
#define X86_DESC_G    (1u << 23)

/* System descriptor types (S=0). */
#define X86_SYS_TSS16_AVAIL 1
#define X86_SYS_LDT         2
#define X86_SYS_TSS16_BUSY  3
#define X86_SYS_CALL16      4
#define X86_SYS_TASK        5
#define X86_SYS_INT16       6
#define X86_SYS_TRAP16      7
#define X86_SYS_TSS_AVAIL   9   /* 32-bit, or 64-bit in long mode */
#define X86_SYS_TSS_BUSY    11
#define X86_DESC_TSS_BUSY (2u << 8)   /* the busy bit of a TSS type (1<->3, 9<->11) */
#define X86_SYS_CALL        12
#define X86_SYS_INT         14
#define X86_SYS_TRAP        15

/* Exception vectors. */
enum {
    X86_EXC_DE = 0, X86_EXC_DB = 1, X86_EXC_NMI = 2, X86_EXC_BP = 3, X86_EXC_OF = 4,
    X86_EXC_BR = 5, X86_EXC_UD = 6, X86_EXC_NM = 7, X86_EXC_DF = 8, X86_EXC_TS = 10,
    X86_EXC_NP = 11, X86_EXC_SS = 12, X86_EXC_GP = 13, X86_EXC_PF = 14, X86_EXC_MF = 16,
    X86_EXC_AC = 17, X86_EXC_MC = 18, X86_EXC_XM = 19,
};

/* #PF error code bits. */
#define X86_PF_P    (1u << 0)
#define X86_PF_W    (1u << 1)
#define X86_PF_U    (1u << 2)
#define X86_PF_RSVD (1u << 3)
#define X86_PF_I    (1u << 4)

/* Page-table entry bits. */
#define X86_PTE_P   (1ull << 0)
#define X86_PTE_W   (1ull << 1)
#define X86_PTE_U   (1ull << 2)
#define X86_PTE_A   (1ull << 5)
#define X86_PTE_D   (1ull << 6)
#define X86_PTE_PS  (1ull << 7)
#define X86_PTE_G   (1ull << 8)
#define X86_PTE_NX  (1ull << 63)

#endif
