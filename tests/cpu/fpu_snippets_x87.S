/*
 * x87 snippets for the FPU differential test (test_diff_fpu.c).  Entry:
 * code start, code end, name, status-word bits the SDM leaves undefined
 * for it (ignored), undefined EFLAGS bits, setup kind.  RDI and RSI point
 * into the data window (16-byte aligned), which holds FP edge values.
 */
#include "fpu_snippet_macros.h"

    .section .data.fpusniptab, "aw"
    .balign 8
    .globl fpu_snippets_x87
fpu_snippets_x87:
    /* arithmetic, register forms */
    FSNIP fadd_st0_sti, C023, 0, K_X87, fadd %st(3), %st
    FSNIP fadd_sti_st0, C023, 0, K_X87, fadd %st, %st(2)
    FSNIP faddp, C023, 0, K_X87, faddp %st, %st(1)
    FSNIP fmul_st0_sti, C023, 0, K_X87FULL, fmul %st(1), %st
    FSNIP fmulp, C023, 0, K_X87, fmulp %st, %st(3)
    FSNIP fsub_st0_sti, C023, 0, K_X87FULL, fsub %st(1), %st
    FSNIP fsubr_st0_sti, C023, 0, K_X87FULL, fsubr %st(2), %st
    FSNIP fsub_sti_st0, C023, 0, K_X87FULL, .byte 0xdc, 0xe9   /* DC E8+i */
    FSNIP fsubr_sti_st0, C023, 0, K_X87FULL, .byte 0xdc, 0xe1  /* DC E0+i */
    FSNIP fsubp, C023, 0, K_X87FULL, .byte 0xde, 0xe9
    FSNIP fsubrp, C023, 0, K_X87FULL, .byte 0xde, 0xe1
    FSNIP fdiv_st0_sti, C023, 0, K_X87FULL, fdiv %st(1), %st
    FSNIP fdivr_st0_sti, C023, 0, K_X87FULL, fdivr %st(1), %st
    FSNIP fdiv_sti_st0, C023, 0, K_X87FULL, .byte 0xdc, 0xfa
    FSNIP fdivr_sti_st0, C023, 0, K_X87FULL, .byte 0xdc, 0xf2
    FSNIP fdivp, C023, 0, K_X87FULL, .byte 0xde, 0xf9
    FSNIP fdivrp, C023, 0, K_X87FULL, .byte 0xde, 0xf1
    /* arithmetic, memory forms */
    FSNIP fadds, C023, 0, K_X87, fadds 4(%rdi)
    FSNIP faddl, C023, 0, K_X87, faddl 8(%rdi)
    FSNIP fmuls, C023, 0, K_X87FULL, fmuls 12(%rdi)
    FSNIP fsubl, C023, 0, K_X87FULL, fsubl 16(%rdi)
    FSNIP fsubrs, C023, 0, K_X87FULL, fsubrs 20(%rdi)
    FSNIP fdivl, C023, 0, K_X87FULL, fdivl 24(%rdi)
    FSNIP fdivrl, C023, 0, K_X87FULL, fdivrl 32(%rdi)
    FSNIP fiadds, C023, 0, K_X87FULL, fiadds 2(%rsi)
    FSNIP fimull, C023, 0, K_X87FULL, fimull 4(%rsi)
    FSNIP fisubl, C023, 0, K_X87FULL, fisubl 8(%rsi)
    FSNIP fisubrs, C023, 0, K_X87FULL, fisubrs 12(%rsi)
    FSNIP fidivl, C023, 0, K_X87FULL, fidivl 16(%rsi)
    FSNIP fidivrs, C023, 0, K_X87FULL, fidivrs 18(%rsi)
    /* compares */
    FSNIP fcom_sti, 0, 0, K_X87, fcom %st(2)
    FSNIP fcomp_sti, 0, 0, K_X87, fcomp %st(1)
    FSNIP fcompp, 0, 0, K_X87, fcompp
    FSNIP fucom, 0, 0, K_X87FULL, fucom %st(3)
    FSNIP fucomp, 0, 0, K_X87FULL, fucomp %st(1)
    FSNIP fucompp, 0, 0, K_X87, fucompp
    FSNIP fcoms, 0, 0, K_X87FULL, fcoms 4(%rdi)
    FSNIP fcompl, 0, 0, K_X87FULL, fcompl 8(%rdi)
    FSNIP ficoms, 0, 0, K_X87FULL, ficoms 2(%rsi)
    FSNIP ficompl, 0, 0, K_X87FULL, ficompl 4(%rsi)
    FSNIP fcomi, C023, 0, K_X87, fcomi %st(1), %st
    FSNIP fcomip, C023, 0, K_X87FULL, fcomip %st(2), %st
    FSNIP fucomi, C023, 0, K_X87FULL, fucomi %st(1), %st
    FSNIP fucomip, C023, 0, K_X87, fucomip %st(1), %st
    FSNIP ftst, 0, 0, K_X87, ftst
    FSNIP fxam, 0, 0, K_X87, fxam
    /* one-operand */
    FSNIP fchs, C023, 0, K_X87, fchs
    FSNIP fabs, C023, 0, K_X87, fabs
    FSNIP fsqrt, C023, 0, K_X87FULL, fsqrt
    FSNIP frndint, C023, 0, K_X87FULL, frndint
    FSNIP f2xm1, C023, 0, K_X87FULL, f2xm1
    FSNIP fsin, C0|C3, 0, K_X87FULL, fsin
    FSNIP fcos, C0|C3, 0, K_X87FULL, fcos
    FSNIP fptan, C0|C3, 0, K_X87, fptan
    FSNIP fsincos, C0|C3, 0, K_X87, fsincos
    FSNIP fxtract, C023, 0, K_X87, fxtract
    /* two-operand */
    FSNIP fscale, C023, 0, K_X87FULL, fscale
    FSNIP fprem, 0, 0, K_X87FULL, fprem
    FSNIP fprem1, 0, 0, K_X87FULL, fprem1
    FSNIP fyl2x, C023, 0, K_X87FULL, fyl2x
    FSNIP fyl2xp1, C023, 0, K_X87FULL, fyl2xp1
    FSNIP fpatan, C023, 0, K_X87FULL, fpatan
    /* loads, stores, constants, stack */
    FSNIP fld_sti, C023, 0, K_X87, fld %st(3)
    FSNIP flds, C023, 0, K_X87, flds 4(%rdi)
    FSNIP fldl, C023, 0, K_X87, fldl 8(%rdi)
    FSNIP fldt, C023, 0, K_X87, fldt 16(%rdi)
    FSNIP filds, C023, 0, K_X87, filds 2(%rsi)
    FSNIP fildl, C023, 0, K_X87, fildl 4(%rsi)
    FSNIP fildll, C023, 0, K_X87, fildll 8(%rsi)
    FSNIP fst_sti, C023, 0, K_X87, fst %st(2)
    FSNIP fstp_sti, C023, 0, K_X87, fstp %st(1)
    FSNIP fsts, C023, 0, K_X87, fsts 4(%rdi)
    FSNIP fstpl, C023, 0, K_X87, fstpl 8(%rdi)
    FSNIP fstpt, C023, 0, K_X87, fstpt 16(%rdi)
    FSNIP fists, C023, 0, K_X87, fists 2(%rsi)
    FSNIP fistpl, C023, 0, K_X87, fistpl 4(%rsi)
    FSNIP fistpll, C023, 0, K_X87, fistpll 8(%rsi)
    FSNIP fisttps, C023, 0, K_X87, fisttps 2(%rsi)
    FSNIP fisttpl, C023, 0, K_X87, fisttpl 4(%rsi)
    FSNIP fisttpll, C023, 0, K_X87, fisttpll 8(%rsi)
    FSNIP fbstp, C023, 0, K_X87, fbstp 32(%rsi)
    FSNIP fbld, C023, 0, K_X87, fbld 48(%rsi)
    FSNIP fld1, C023, 0, K_X87, fld1
    FSNIP fldz, C023, 0, K_X87, fldz
    FSNIP fldpi, C023, 0, K_X87, fldpi
    FSNIP fldl2e, C023, 0, K_X87, fldl2e
    FSNIP fldl2t, C023, 0, K_X87, fldl2t
    FSNIP fldlg2, C023, 0, K_X87, fldlg2
    FSNIP fldln2, C023, 0, K_X87, fldln2
    FSNIP fxch, C023, 0, K_X87, fxch %st(2)
    FSNIP ffree, 0, 0, K_X87, ffree %st(1)
    FSNIP fincstp, C023, 0, K_X87, fincstp
    FSNIP fdecstp, C023, 0, K_X87, fdecstp
    FSNIP fcmovb, 0, 0, K_X87, fcmovb %st(1), %st
    FSNIP fcmove, 0, 0, K_X87, fcmove %st(2), %st
    FSNIP fcmovbe, 0, 0, K_X87FULL, fcmovbe %st(3), %st
    FSNIP fcmovu, 0, 0, K_X87FULL, fcmovu %st(1), %st
    FSNIP fcmovnb, 0, 0, K_X87FULL, fcmovnb %st(1), %st
    FSNIP fcmovne, 0, 0, K_X87FULL, fcmovne %st(1), %st
    FSNIP fcmovnbe, 0, 0, K_X87, fcmovnbe %st(1), %st
    FSNIP fcmovnu, 0, 0, K_X87, fcmovnu %st(1), %st
    FSNIP fnstsw_ax, 0, 0, K_X87, fnstsw %ax
    FSNIP fnstsw_m, 0, 0, K_X87, fnstsw 2(%rdi)
    FSNIP fnstcw, 0, 0, K_X87, fnstcw 2(%rdi)
    FSNIP fnclex, 0, 0, K_X87, fnclex
    FSNIP fninit, 0, 0, K_X87, fninit
    FSNIP_BEGIN fldcw_add, C023, 0, K_X87FULL
    movw $0x0b7f, 2(%rdi)
    fldcw 2(%rdi)
    fadd %st(1), %st
    FSNIP_END fldcw_add
    FSNIP_BEGIN fnstenv, 0, 0, K_X87
    fnstenv (%rdi)
    movq $0, 12(%rdi)
    movq $0, 20(%rdi)
    movw $0, 18(%rdi)
    FSNIP_END fnstenv
    FSNIP_BEGIN fnsave_frstor, 0, 0, K_X87
    fnsave (%rdi)
    fadd %st(1), %st
    frstor (%rdi)
    movq $0, 12(%rdi)
    movq $0, 20(%rdi)
    FSNIP_END fnsave_frstor
    FSNIP_BEGIN fldenv_fadd, C023, 0, K_X87
    fnstenv (%rdi)
    fldenv (%rdi)
    faddp
    movq $0, 12(%rdi)
    movq $0, 20(%rdi)
    FSNIP_END fldenv_fadd
    /* 66 prefix: the 14-byte 16-bit environment and 94-byte save area */
    FSNIP_BEGIN fnstenv16, 0, 0, K_X87
    .byte 0x66
    fnstenv (%rdi)
    movq $0, 6(%rdi)
    FSNIP_END fnstenv16
    FSNIP_BEGIN fnsave16_frstor16, 0, 0, K_X87
    .byte 0x66
    fnsave (%rdi)
    fld1
    .byte 0x66
    frstor (%rdi)
    movq $0, 6(%rdi)
    FSNIP_END fnsave16_frstor16
    FSNIP_BEGIN sequence_poly, C023, 0, K_X87FULL
    fld %st(0)
    fmul %st(0), %st
    fldl 8(%rdi)
    fmul %st(1), %st
    faddp %st, %st(2)
    fstpl 8(%rdi)
    fsqrt
    FSNIP_END sequence_poly

    /* what compiled long double code does: loads, arithmetic, compare and
     * branch, rounding, integer stores; flags accumulate over the sequence */
    FSNIP_BEGIN sequence_longdouble, C023, 0, K_X87
    fldt 16(%rdi)
    fldl 8(%rdi)
    fmulp
    fld1
    fdivrp
    fucomi %st(1), %st
    jp 1f
    fadd %st(1), %st
1:  frndint
    fistpll 40(%rdi)
    fstpt 48(%rdi)
    fildl 4(%rsi)
    fcomip %st(1), %st
    setb %al
    FSNIP_END sequence_longdouble
    FSNIP_BEGIN sequence_x87_sse, C023, 0, K_X87FULL
    fstpl 8(%rdi)
    movsd 8(%rdi), %xmm0
    mulsd %xmm0, %xmm0
    movsd %xmm0, 24(%rdi)
    faddl 24(%rdi)
    fsqrt
    fstps 32(%rdi)
    FSNIP_END sequence_x87_sse

    .section .data.fpusniptab, "aw"
    .globl fpu_snippets_x87_end
fpu_snippets_x87_end:
    .section .note.GNU-stack,"",@progbits
