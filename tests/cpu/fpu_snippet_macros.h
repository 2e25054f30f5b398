/*
 * Snippet-table macros and setup kinds shared by fpu_snippets_*.S (the
 * FPU/SIMD differential test, test_diff_fpu.c).
 */
#ifndef MODEMU_TESTS_CPU_FPU_SNIPPET_MACROS_H
#define MODEMU_TESTS_CPU_FPU_SNIPPET_MACROS_H

#define K_X87 0      /* random x87 stack: values, tags, TOP, CW rounding/precision */
#define K_X87FULL 1  /* like K_X87 but every register valid */
#define K_SSE 2      /* random XMM registers and MXCSR */
#define K_MMX 3      /* random MMX registers (x87 tags all valid, TOP 0) */

#define C0 0x100
#define C1 0x200
#define C2 0x400
#define C3 0x4000
#define C023 (C0|C2|C3)
#define CF 0x1
#define PF 0x4
#define AF 0x10
#define ZF 0x40
#define SF 0x80
#define OF 0x800

.macro FSNIP_BEGIN name, ufsw, uflags, kind
    .section .data.fpusniptab, "aw"
    .quad .Lstart_\name, .Lend_\name, .Lname_\name, \ufsw, \uflags, \kind
    .section .rodata.fpusnipname, "a"
.Lname_\name: .asciz "\name"
    .section .text.fpusnipcode, "ax"
.Lstart_\name:
.endm
.macro FSNIP_END name
.Lend_\name:
.endm
.macro FSNIP name, ufsw, uflags, kind, insn:vararg
    FSNIP_BEGIN \name, \ufsw, \uflags, \kind
    \insn
    FSNIP_END \name
.endm

#endif
