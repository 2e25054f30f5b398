/*
 * Guest programs of test_fpu_system.c (64-bit, copied to GUEST_CODE; RDI
 * points to scratch data).  Each is a start/end symbol pair; a label
 * <name>_fault marks the instruction expected to take the exception.
 */
.macro PROG name
    .globl \name, \name\()_end
\name:
.endm

/* FDIV by zero with ZE unmasked (control word 037B): sets ES, leaving an
 * #MF pending for the next waiting x87 or MMX instruction. */
.macro PENDING_ZE
    fninit
    movw $0x037b, (%rdi)
    fldcw (%rdi)
    fld1
    fldz
    fdivrp
.endm

    .section .rodata.fpuprogs, "a"

    /* ZE unmasked: FDIV by zero sets ES; the next waiting x87 instruction
     * takes #MF (CR0.NE=1).  FNSTSW before it does not wait. */
PROG prog_x87_mf
    PENDING_ZE
    fnstsw %ax
    .globl prog_x87_mf_fault
prog_x87_mf_fault:
    fld1
    hlt
prog_x87_mf_end:

    /* FWAIT is a waiting instruction too: it takes the pending #MF. */
PROG prog_x87_fwait_mf
    PENDING_ZE
    .globl prog_x87_fwait_mf_fault
prog_x87_fwait_mf_fault:
    fwait
    hlt
prog_x87_fwait_mf_end:

    /* Masked invalid: FSQRT(-1) gives the indefinite, no exception. */
PROG prog_x87_masked
    fninit
    fld1
    fchs
    fsqrt
    fstpl (%rdi)
    fnstsw %ax
    hlt
prog_x87_masked_end:

    /* ZM unmasked in MXCSR: DIVSS by zero -> #XM (or #UD without
     * CR4.OSXMMEXCPT), destination unchanged. */
PROG prog_sse_xm
    movl $0x1d80, (%rdi)
    ldmxcsr (%rdi)
    movl $0x3f800000, %eax
    movd %eax, %xmm0
    xorps %xmm1, %xmm1
    .globl prog_sse_xm_fault
prog_sse_xm_fault:
    divss %xmm1, %xmm0
    hlt
prog_sse_xm_end:

PROG prog_sse_add
    .globl prog_sse_add_fault
prog_sse_add_fault:
    addps %xmm1, %xmm0
    hlt
prog_sse_add_end:

PROG prog_x87_fld1
    .globl prog_x87_fld1_fault
prog_x87_fld1_fault:
    fld1
    hlt
prog_x87_fld1_end:

PROG prog_mmx_paddw
    .globl prog_mmx_paddw_fault
prog_mmx_paddw_fault:
    paddw %mm1, %mm0
    hlt
prog_mmx_paddw_end:

    /* Unmasked IE by an SNaN load: the invalid FADD leaves ST(0) alone. */
PROG prog_x87_ie_keep
    fninit
    movw $0x037e, (%rdi)
    fldcw (%rdi)
    fld1
    movl $0x7f800001, 8(%rdi)
    fadds 8(%rdi)
    fnstsw %ax
    fnstenv 16(%rdi)
    fninit
    hlt
prog_x87_ie_keep_end:

    /* A pending x87 exception is reported by the next MMX instruction. */
PROG prog_mmx_pending
    PENDING_ZE
    .globl prog_mmx_pending_fault
prog_mmx_pending_fault:
    paddw %mm1, %mm0
    hlt
prog_mmx_pending_end:

    /* OE (then UE) unmasked: the squares of the largest and the smallest
     * normal are stored with the exponent wrapped by 24576 (SDM 8.5.4/5);
     * FNSAVE does not wait, so the registers can be read back. */
PROG prog_x87_wrap
    fninit
    movw $0x0377, (%rdi)
    fldcw (%rdi)
    fldt 32(%rdi)
    fmul %st(0), %st
    fnstsw %ax
    fnclex
    movw $0x036f, (%rdi)
    fldcw (%rdi)
    fldt 48(%rdi)
    fmul %st(0), %st
    mov %ax, %bx
    fnstsw %ax
    xchg %ax, %bx
    fnsave 64(%rdi)
    hlt
prog_x87_wrap_end:

    /* 16-byte SSE memory operands must be aligned (#GP(0)), except for
     * the unaligned moves and the scalar forms. */
PROG prog_sse_unaligned_ok
    movups 4(%rdi), %xmm0
    movdqu 3(%rdi), %xmm1
    addss 1(%rdi), %xmm2
    addsd 5(%rdi), %xmm3
    movsd %xmm3, 7(%rdi)
    hlt
prog_sse_unaligned_ok_end:

PROG prog_sse_misaligned_add
    .globl prog_sse_misaligned_add_fault
prog_sse_misaligned_add_fault:
    addps 4(%rdi), %xmm0
    hlt
prog_sse_misaligned_add_end:

PROG prog_sse_misaligned_store
    .globl prog_sse_misaligned_store_fault
prog_sse_misaligned_store_fault:
    movdqa %xmm0, 8(%rdi)
    hlt
prog_sse_misaligned_store_end:

PROG prog_x87_lock
    .globl prog_x87_lock_fault
prog_x87_lock_fault:
    .byte 0xf0
    fadd %st(1), %st
    hlt
prog_x87_lock_end:

    /* Real mode (CS base 0x20000, DS base 0x30000): FNSTENV's 16-bit and
     * 32-bit real-mode layouts hold linear pointers split around FOP. */
    .code16
PROG prog_real_fnstenv
    fninit
    fld1
    .globl prog_real_fnstenv_fstp
prog_real_fnstenv_fstp:
    fstps 0x20
    fnstenv 0x40
    .byte 0x66
    fnstenv 0x60
    hlt
prog_real_fnstenv_end:
    .code64

    .section .note.GNU-stack,"",@progbits
