/*
 * MMX, SSE, SSE2 and SSE3 snippets for the FPU differential test (see
 * fpu_snippets_x87.S for the entry format).  XMM0-XMM15 and MXCSR start
 * random (all exceptions masked, random rounding, DAZ, FTZ); RDI/RSI point
 * to 16-byte aligned data.  Generated list; one snippet per form.
 */
#include "fpu_snippet_macros.h"

    .section .data.fpusniptab, "aw"
    .balign 8
    .globl fpu_snippets_sse
fpu_snippets_sse:
    FSNIP_BEGIN movaps_rr, 0, 0, K_SSE
    movaps %xmm1, %xmm0
    FSNIP_END movaps_rr
    FSNIP_BEGIN movaps_load, 0, 0, K_SSE
    movaps (%rdi), %xmm2
    FSNIP_END movaps_load
    FSNIP_BEGIN movaps_store, 0, 0, K_SSE
    movaps %xmm3, (%rdi)
    FSNIP_END movaps_store
    FSNIP_BEGIN movups_load, 0, 0, K_SSE
    movups 4(%rdi), %xmm0
    FSNIP_END movups_load
    FSNIP_BEGIN movups_store, 0, 0, K_SSE
    movups %xmm1, 3(%rdi)
    FSNIP_END movups_store
    FSNIP_BEGIN movss_rr, 0, 0, K_SSE
    movss %xmm1, %xmm0
    FSNIP_END movss_rr
    FSNIP_BEGIN movss_load, 0, 0, K_SSE
    movss 4(%rdi), %xmm0
    FSNIP_END movss_load
    FSNIP_BEGIN movss_store, 0, 0, K_SSE
    movss %xmm0, 4(%rdi)
    FSNIP_END movss_store
    FSNIP_BEGIN movsd_rr, 0, 0, K_SSE
    movsd %xmm1, %xmm0
    FSNIP_END movsd_rr
    FSNIP_BEGIN movsd_load, 0, 0, K_SSE
    movsd 8(%rdi), %xmm0
    FSNIP_END movsd_load
    FSNIP_BEGIN movsd_store, 0, 0, K_SSE
    movsd %xmm2, 8(%rdi)
    FSNIP_END movsd_store
    FSNIP_BEGIN movlps_load, 0, 0, K_SSE
    movlps 8(%rdi), %xmm0
    FSNIP_END movlps_load
    FSNIP_BEGIN movlps_store, 0, 0, K_SSE
    movlps %xmm1, 8(%rdi)
    FSNIP_END movlps_store
    FSNIP_BEGIN movhps_load, 0, 0, K_SSE
    movhps 8(%rdi), %xmm0
    FSNIP_END movhps_load
    FSNIP_BEGIN movhps_store, 0, 0, K_SSE
    movhps %xmm1, 8(%rdi)
    FSNIP_END movhps_store
    FSNIP_BEGIN movhlps, 0, 0, K_SSE
    movhlps %xmm1, %xmm0
    FSNIP_END movhlps
    FSNIP_BEGIN movlhps, 0, 0, K_SSE
    movlhps %xmm1, %xmm0
    FSNIP_END movlhps
    FSNIP_BEGIN movlpd_load, 0, 0, K_SSE
    movlpd 8(%rdi), %xmm0
    FSNIP_END movlpd_load
    FSNIP_BEGIN movhpd_store, 0, 0, K_SSE
    movhpd %xmm1, 8(%rdi)
    FSNIP_END movhpd_store
    FSNIP_BEGIN movapd_rr, 0, 0, K_SSE
    movapd %xmm9, %xmm3
    FSNIP_END movapd_rr
    FSNIP_BEGIN movupd_load, 0, 0, K_SSE
    movupd 1(%rdi), %xmm12
    FSNIP_END movupd_load
    FSNIP_BEGIN movdqa_load, 0, 0, K_SSE
    movdqa (%rdi), %xmm0
    FSNIP_END movdqa_load
    FSNIP_BEGIN movdqa_store, 0, 0, K_SSE
    movdqa %xmm8, 16(%rdi)
    FSNIP_END movdqa_store
    FSNIP_BEGIN movdqu_load, 0, 0, K_SSE
    movdqu 5(%rdi), %xmm1
    FSNIP_END movdqu_load
    FSNIP_BEGIN movdqu_store, 0, 0, K_SSE
    movdqu %xmm2, 3(%rdi)
    FSNIP_END movdqu_store
    FSNIP_BEGIN movd_to_xmm, 0, 0, K_SSE
    movd %eax, %xmm0
    FSNIP_END movd_to_xmm
    FSNIP_BEGIN movd_from_xmm, 0, 0, K_SSE
    movd %xmm1, %eax
    FSNIP_END movd_from_xmm
    FSNIP_BEGIN movq_to_xmm, 0, 0, K_SSE
    movq %rax, %xmm0
    FSNIP_END movq_to_xmm
    FSNIP_BEGIN movq_from_xmm, 0, 0, K_SSE
    movq %xmm1, %rax
    FSNIP_END movq_from_xmm
    FSNIP_BEGIN movd_load, 0, 0, K_SSE
    movd 4(%rdi), %xmm0
    FSNIP_END movd_load
    FSNIP_BEGIN movd_store, 0, 0, K_SSE
    movd %xmm0, 4(%rdi)
    FSNIP_END movd_store
    FSNIP_BEGIN movq_load, 0, 0, K_SSE
    movq 8(%rdi), %xmm0
    FSNIP_END movq_load
    FSNIP_BEGIN movq_rr, 0, 0, K_SSE
    movq %xmm1, %xmm0
    FSNIP_END movq_rr
    FSNIP_BEGIN movq_store, 0, 0, K_SSE
    movq %xmm0, 8(%rdi)
    FSNIP_END movq_store
    FSNIP_BEGIN movnti32, 0, 0, K_SSE
    movnti %eax, (%rdi)
    FSNIP_END movnti32
    FSNIP_BEGIN movnti64, 0, 0, K_SSE
    movnti %rax, 8(%rdi)
    FSNIP_END movnti64
    FSNIP_BEGIN movntps, 0, 0, K_SSE
    movntps %xmm0, (%rdi)
    FSNIP_END movntps
    FSNIP_BEGIN movntpd, 0, 0, K_SSE
    movntpd %xmm1, 16(%rdi)
    FSNIP_END movntpd
    FSNIP_BEGIN movntdq, 0, 0, K_SSE
    movntdq %xmm2, 32(%rdi)
    FSNIP_END movntdq
    FSNIP_BEGIN maskmovdqu, 0, 0, K_SSE
    maskmovdqu %xmm1, %xmm0
    FSNIP_END maskmovdqu
    FSNIP_BEGIN movmskps, 0, 0, K_SSE
    movmskps %xmm1, %eax
    FSNIP_END movmskps
    FSNIP_BEGIN movmskpd, 0, 0, K_SSE
    movmskpd %xmm1, %ecx
    FSNIP_END movmskpd
    FSNIP_BEGIN pmovmskb, 0, 0, K_SSE
    pmovmskb %xmm1, %edx
    FSNIP_END pmovmskb
    FSNIP_BEGIN stmxcsr, 0, 0, K_SSE
    stmxcsr 4(%rdi)
    FSNIP_END stmxcsr
    FSNIP_BEGIN ldmxcsr_add, 0, 0, K_SSE
    andl $0xffbf, 4(%rdi)
    orl $0x1f80, 4(%rdi)
    ldmxcsr 4(%rdi)
    addps %xmm1, %xmm0
    FSNIP_END ldmxcsr_add
    FSNIP_BEGIN addps, 0, 0, K_SSE
    addps %xmm1, %xmm0
    FSNIP_END addps
    FSNIP_BEGIN addpd, 0, 0, K_SSE
    addpd %xmm1, %xmm0
    FSNIP_END addpd
    FSNIP_BEGIN addss, 0, 0, K_SSE
    addss %xmm1, %xmm0
    FSNIP_END addss
    FSNIP_BEGIN addsd, 0, 0, K_SSE
    addsd %xmm1, %xmm0
    FSNIP_END addsd
    FSNIP_BEGIN addps_mem, 0, 0, K_SSE
    addps 16(%rdi), %xmm2
    FSNIP_END addps_mem
    FSNIP_BEGIN addsd_mem, 0, 0, K_SSE
    addsd 8(%rdi), %xmm3
    FSNIP_END addsd_mem
    FSNIP_BEGIN addss_mem, 0, 0, K_SSE
    addss 4(%rdi), %xmm4
    FSNIP_END addss_mem
    FSNIP_BEGIN subps, 0, 0, K_SSE
    subps %xmm1, %xmm0
    FSNIP_END subps
    FSNIP_BEGIN subpd, 0, 0, K_SSE
    subpd %xmm1, %xmm0
    FSNIP_END subpd
    FSNIP_BEGIN subss, 0, 0, K_SSE
    subss %xmm1, %xmm0
    FSNIP_END subss
    FSNIP_BEGIN subsd, 0, 0, K_SSE
    subsd %xmm1, %xmm0
    FSNIP_END subsd
    FSNIP_BEGIN subps_mem, 0, 0, K_SSE
    subps 16(%rdi), %xmm2
    FSNIP_END subps_mem
    FSNIP_BEGIN subsd_mem, 0, 0, K_SSE
    subsd 8(%rdi), %xmm3
    FSNIP_END subsd_mem
    FSNIP_BEGIN subss_mem, 0, 0, K_SSE
    subss 4(%rdi), %xmm4
    FSNIP_END subss_mem
    FSNIP_BEGIN mulps, 0, 0, K_SSE
    mulps %xmm1, %xmm0
    FSNIP_END mulps
    FSNIP_BEGIN mulpd, 0, 0, K_SSE
    mulpd %xmm1, %xmm0
    FSNIP_END mulpd
    FSNIP_BEGIN mulss, 0, 0, K_SSE
    mulss %xmm1, %xmm0
    FSNIP_END mulss
    FSNIP_BEGIN mulsd, 0, 0, K_SSE
    mulsd %xmm1, %xmm0
    FSNIP_END mulsd
    FSNIP_BEGIN mulps_mem, 0, 0, K_SSE
    mulps 16(%rdi), %xmm2
    FSNIP_END mulps_mem
    FSNIP_BEGIN mulsd_mem, 0, 0, K_SSE
    mulsd 8(%rdi), %xmm3
    FSNIP_END mulsd_mem
    FSNIP_BEGIN mulss_mem, 0, 0, K_SSE
    mulss 4(%rdi), %xmm4
    FSNIP_END mulss_mem
    FSNIP_BEGIN divps, 0, 0, K_SSE
    divps %xmm1, %xmm0
    FSNIP_END divps
    FSNIP_BEGIN divpd, 0, 0, K_SSE
    divpd %xmm1, %xmm0
    FSNIP_END divpd
    FSNIP_BEGIN divss, 0, 0, K_SSE
    divss %xmm1, %xmm0
    FSNIP_END divss
    FSNIP_BEGIN divsd, 0, 0, K_SSE
    divsd %xmm1, %xmm0
    FSNIP_END divsd
    FSNIP_BEGIN divps_mem, 0, 0, K_SSE
    divps 16(%rdi), %xmm2
    FSNIP_END divps_mem
    FSNIP_BEGIN divsd_mem, 0, 0, K_SSE
    divsd 8(%rdi), %xmm3
    FSNIP_END divsd_mem
    FSNIP_BEGIN divss_mem, 0, 0, K_SSE
    divss 4(%rdi), %xmm4
    FSNIP_END divss_mem
    FSNIP_BEGIN minps, 0, 0, K_SSE
    minps %xmm1, %xmm0
    FSNIP_END minps
    FSNIP_BEGIN minpd, 0, 0, K_SSE
    minpd %xmm1, %xmm0
    FSNIP_END minpd
    FSNIP_BEGIN minss, 0, 0, K_SSE
    minss %xmm1, %xmm0
    FSNIP_END minss
    FSNIP_BEGIN minsd, 0, 0, K_SSE
    minsd %xmm1, %xmm0
    FSNIP_END minsd
    FSNIP_BEGIN minps_mem, 0, 0, K_SSE
    minps 16(%rdi), %xmm2
    FSNIP_END minps_mem
    FSNIP_BEGIN minsd_mem, 0, 0, K_SSE
    minsd 8(%rdi), %xmm3
    FSNIP_END minsd_mem
    FSNIP_BEGIN minss_mem, 0, 0, K_SSE
    minss 4(%rdi), %xmm4
    FSNIP_END minss_mem
    FSNIP_BEGIN maxps, 0, 0, K_SSE
    maxps %xmm1, %xmm0
    FSNIP_END maxps
    FSNIP_BEGIN maxpd, 0, 0, K_SSE
    maxpd %xmm1, %xmm0
    FSNIP_END maxpd
    FSNIP_BEGIN maxss, 0, 0, K_SSE
    maxss %xmm1, %xmm0
    FSNIP_END maxss
    FSNIP_BEGIN maxsd, 0, 0, K_SSE
    maxsd %xmm1, %xmm0
    FSNIP_END maxsd
    FSNIP_BEGIN maxps_mem, 0, 0, K_SSE
    maxps 16(%rdi), %xmm2
    FSNIP_END maxps_mem
    FSNIP_BEGIN maxsd_mem, 0, 0, K_SSE
    maxsd 8(%rdi), %xmm3
    FSNIP_END maxsd_mem
    FSNIP_BEGIN maxss_mem, 0, 0, K_SSE
    maxss 4(%rdi), %xmm4
    FSNIP_END maxss_mem
    FSNIP_BEGIN sqrtps, 0, 0, K_SSE
    sqrtps %xmm1, %xmm0
    FSNIP_END sqrtps
    FSNIP_BEGIN sqrtpd, 0, 0, K_SSE
    sqrtpd %xmm1, %xmm0
    FSNIP_END sqrtpd
    FSNIP_BEGIN sqrtss, 0, 0, K_SSE
    sqrtss %xmm1, %xmm0
    FSNIP_END sqrtss
    FSNIP_BEGIN sqrtsd, 0, 0, K_SSE
    sqrtsd %xmm1, %xmm0
    FSNIP_END sqrtsd
    FSNIP_BEGIN sqrtsd_mem, 0, 0, K_SSE
    sqrtsd 8(%rdi), %xmm0
    FSNIP_END sqrtsd_mem
    FSNIP_BEGIN rcpps, 0, 0, K_SSE
    rcpps %xmm1, %xmm0
    FSNIP_END rcpps
    FSNIP_BEGIN rcpss, 0, 0, K_SSE
    rcpss %xmm1, %xmm0
    FSNIP_END rcpss
    FSNIP_BEGIN rsqrtps, 0, 0, K_SSE
    rsqrtps %xmm1, %xmm0
    FSNIP_END rsqrtps
    FSNIP_BEGIN rsqrtss, 0, 0, K_SSE
    rsqrtss %xmm1, %xmm0
    FSNIP_END rsqrtss
    FSNIP_BEGIN andps, 0, 0, K_SSE
    andps %xmm1, %xmm0
    FSNIP_END andps
    FSNIP_BEGIN andnps, 0, 0, K_SSE
    andnps %xmm1, %xmm0
    FSNIP_END andnps
    FSNIP_BEGIN orps, 0, 0, K_SSE
    orps %xmm1, %xmm0
    FSNIP_END orps
    FSNIP_BEGIN xorps, 0, 0, K_SSE
    xorps %xmm1, %xmm0
    FSNIP_END xorps
    FSNIP_BEGIN andpd, 0, 0, K_SSE
    andpd %xmm1, %xmm0
    FSNIP_END andpd
    FSNIP_BEGIN andnpd, 0, 0, K_SSE
    andnpd %xmm1, %xmm0
    FSNIP_END andnpd
    FSNIP_BEGIN orpd, 0, 0, K_SSE
    orpd %xmm1, %xmm0
    FSNIP_END orpd
    FSNIP_BEGIN xorpd, 0, 0, K_SSE
    xorpd %xmm1, %xmm0
    FSNIP_END xorpd
    FSNIP_BEGIN pand, 0, 0, K_SSE
    pand %xmm1, %xmm0
    FSNIP_END pand
    FSNIP_BEGIN pandn, 0, 0, K_SSE
    pandn %xmm1, %xmm0
    FSNIP_END pandn
    FSNIP_BEGIN por, 0, 0, K_SSE
    por %xmm1, %xmm0
    FSNIP_END por
    FSNIP_BEGIN pxor, 0, 0, K_SSE
    pxor %xmm1, %xmm0
    FSNIP_END pxor
    FSNIP_BEGIN xorps_mem, 0, 0, K_SSE
    xorps (%rdi), %xmm5
    FSNIP_END xorps_mem
    FSNIP_BEGIN cmpps_0, 0, 0, K_SSE
    cmpps $0, %xmm1, %xmm0
    FSNIP_END cmpps_0
    FSNIP_BEGIN cmpps_1, 0, 0, K_SSE
    cmpps $1, %xmm1, %xmm0
    FSNIP_END cmpps_1
    FSNIP_BEGIN cmpps_2, 0, 0, K_SSE
    cmpps $2, %xmm1, %xmm0
    FSNIP_END cmpps_2
    FSNIP_BEGIN cmpps_3, 0, 0, K_SSE
    cmpps $3, %xmm1, %xmm0
    FSNIP_END cmpps_3
    FSNIP_BEGIN cmpps_4, 0, 0, K_SSE
    cmpps $4, %xmm1, %xmm0
    FSNIP_END cmpps_4
    FSNIP_BEGIN cmpps_5, 0, 0, K_SSE
    cmpps $5, %xmm1, %xmm0
    FSNIP_END cmpps_5
    FSNIP_BEGIN cmpps_6, 0, 0, K_SSE
    cmpps $6, %xmm1, %xmm0
    FSNIP_END cmpps_6
    FSNIP_BEGIN cmpps_7, 0, 0, K_SSE
    cmpps $7, %xmm1, %xmm0
    FSNIP_END cmpps_7
    FSNIP_BEGIN cmppd_0, 0, 0, K_SSE
    cmppd $0, %xmm1, %xmm0
    FSNIP_END cmppd_0
    FSNIP_BEGIN cmppd_1, 0, 0, K_SSE
    cmppd $1, %xmm1, %xmm0
    FSNIP_END cmppd_1
    FSNIP_BEGIN cmppd_2, 0, 0, K_SSE
    cmppd $2, %xmm1, %xmm0
    FSNIP_END cmppd_2
    FSNIP_BEGIN cmppd_3, 0, 0, K_SSE
    cmppd $3, %xmm1, %xmm0
    FSNIP_END cmppd_3
    FSNIP_BEGIN cmppd_4, 0, 0, K_SSE
    cmppd $4, %xmm1, %xmm0
    FSNIP_END cmppd_4
    FSNIP_BEGIN cmppd_5, 0, 0, K_SSE
    cmppd $5, %xmm1, %xmm0
    FSNIP_END cmppd_5
    FSNIP_BEGIN cmppd_6, 0, 0, K_SSE
    cmppd $6, %xmm1, %xmm0
    FSNIP_END cmppd_6
    FSNIP_BEGIN cmppd_7, 0, 0, K_SSE
    cmppd $7, %xmm1, %xmm0
    FSNIP_END cmppd_7
    FSNIP_BEGIN cmpss_0, 0, 0, K_SSE
    cmpss $0, %xmm1, %xmm0
    FSNIP_END cmpss_0
    FSNIP_BEGIN cmpss_1, 0, 0, K_SSE
    cmpss $1, %xmm1, %xmm0
    FSNIP_END cmpss_1
    FSNIP_BEGIN cmpss_2, 0, 0, K_SSE
    cmpss $2, %xmm1, %xmm0
    FSNIP_END cmpss_2
    FSNIP_BEGIN cmpss_3, 0, 0, K_SSE
    cmpss $3, %xmm1, %xmm0
    FSNIP_END cmpss_3
    FSNIP_BEGIN cmpss_4, 0, 0, K_SSE
    cmpss $4, %xmm1, %xmm0
    FSNIP_END cmpss_4
    FSNIP_BEGIN cmpss_5, 0, 0, K_SSE
    cmpss $5, %xmm1, %xmm0
    FSNIP_END cmpss_5
    FSNIP_BEGIN cmpss_6, 0, 0, K_SSE
    cmpss $6, %xmm1, %xmm0
    FSNIP_END cmpss_6
    FSNIP_BEGIN cmpss_7, 0, 0, K_SSE
    cmpss $7, %xmm1, %xmm0
    FSNIP_END cmpss_7
    FSNIP_BEGIN cmpsd_0, 0, 0, K_SSE
    cmpsd $0, %xmm1, %xmm0
    FSNIP_END cmpsd_0
    FSNIP_BEGIN cmpsd_1, 0, 0, K_SSE
    cmpsd $1, %xmm1, %xmm0
    FSNIP_END cmpsd_1
    FSNIP_BEGIN cmpsd_2, 0, 0, K_SSE
    cmpsd $2, %xmm1, %xmm0
    FSNIP_END cmpsd_2
    FSNIP_BEGIN cmpsd_3, 0, 0, K_SSE
    cmpsd $3, %xmm1, %xmm0
    FSNIP_END cmpsd_3
    FSNIP_BEGIN cmpsd_4, 0, 0, K_SSE
    cmpsd $4, %xmm1, %xmm0
    FSNIP_END cmpsd_4
    FSNIP_BEGIN cmpsd_5, 0, 0, K_SSE
    cmpsd $5, %xmm1, %xmm0
    FSNIP_END cmpsd_5
    FSNIP_BEGIN cmpsd_6, 0, 0, K_SSE
    cmpsd $6, %xmm1, %xmm0
    FSNIP_END cmpsd_6
    FSNIP_BEGIN cmpsd_7, 0, 0, K_SSE
    cmpsd $7, %xmm1, %xmm0
    FSNIP_END cmpsd_7
    FSNIP_BEGIN cmpps_mem, 0, 0, K_SSE
    cmpps $1, 16(%rdi), %xmm0
    FSNIP_END cmpps_mem
    FSNIP_BEGIN cmpsd_mem, 0, 0, K_SSE
    cmpsd $2, 8(%rdi), %xmm0
    FSNIP_END cmpsd_mem
    FSNIP_BEGIN comiss, 0, 0, K_SSE
    comiss %xmm1, %xmm0
    FSNIP_END comiss
    FSNIP_BEGIN comisd, 0, 0, K_SSE
    comisd %xmm1, %xmm0
    FSNIP_END comisd
    FSNIP_BEGIN ucomiss, 0, 0, K_SSE
    ucomiss %xmm1, %xmm0
    FSNIP_END ucomiss
    FSNIP_BEGIN ucomisd, 0, 0, K_SSE
    ucomisd %xmm1, %xmm0
    FSNIP_END ucomisd
    FSNIP_BEGIN comisd_mem, 0, 0, K_SSE
    comisd 8(%rdi), %xmm0
    FSNIP_END comisd_mem
    FSNIP_BEGIN cvtsi2ss, 0, 0, K_SSE
    cvtsi2ss %eax, %xmm0
    FSNIP_END cvtsi2ss
    FSNIP_BEGIN cvtsi2ssq, 0, 0, K_SSE
    cvtsi2ssq %rax, %xmm0
    FSNIP_END cvtsi2ssq
    FSNIP_BEGIN cvtsi2sd, 0, 0, K_SSE
    cvtsi2sd %eax, %xmm0
    FSNIP_END cvtsi2sd
    FSNIP_BEGIN cvtsi2sdq, 0, 0, K_SSE
    cvtsi2sdq %rax, %xmm0
    FSNIP_END cvtsi2sdq
    FSNIP_BEGIN cvtsi2sd_mem, 0, 0, K_SSE
    cvtsi2sdl 4(%rdi), %xmm1
    FSNIP_END cvtsi2sd_mem
    FSNIP_BEGIN cvtss2si, 0, 0, K_SSE
    cvtss2si %xmm1, %eax
    FSNIP_END cvtss2si
    FSNIP_BEGIN cvtss2siq, 0, 0, K_SSE
    cvtss2si %xmm1, %rax
    FSNIP_END cvtss2siq
    FSNIP_BEGIN cvttss2si, 0, 0, K_SSE
    cvttss2si %xmm1, %eax
    FSNIP_END cvttss2si
    FSNIP_BEGIN cvttss2siq, 0, 0, K_SSE
    cvttss2si %xmm1, %rax
    FSNIP_END cvttss2siq
    FSNIP_BEGIN cvtsd2si, 0, 0, K_SSE
    cvtsd2si %xmm1, %eax
    FSNIP_END cvtsd2si
    FSNIP_BEGIN cvtsd2siq, 0, 0, K_SSE
    cvtsd2si %xmm1, %rax
    FSNIP_END cvtsd2siq
    FSNIP_BEGIN cvttsd2si, 0, 0, K_SSE
    cvttsd2si %xmm1, %eax
    FSNIP_END cvttsd2si
    FSNIP_BEGIN cvttsd2siq, 0, 0, K_SSE
    cvttsd2si %xmm1, %rax
    FSNIP_END cvttsd2siq
    FSNIP_BEGIN cvttsd2si_mem, 0, 0, K_SSE
    cvttsd2si 8(%rdi), %ecx
    FSNIP_END cvttsd2si_mem
    FSNIP_BEGIN cvtps2pd, 0, 0, K_SSE
    cvtps2pd %xmm1, %xmm0
    FSNIP_END cvtps2pd
    FSNIP_BEGIN cvtpd2ps, 0, 0, K_SSE
    cvtpd2ps %xmm1, %xmm0
    FSNIP_END cvtpd2ps
    FSNIP_BEGIN cvtdq2ps, 0, 0, K_SSE
    cvtdq2ps %xmm1, %xmm0
    FSNIP_END cvtdq2ps
    FSNIP_BEGIN cvtps2dq, 0, 0, K_SSE
    cvtps2dq %xmm1, %xmm0
    FSNIP_END cvtps2dq
    FSNIP_BEGIN cvttps2dq, 0, 0, K_SSE
    cvttps2dq %xmm1, %xmm0
    FSNIP_END cvttps2dq
    FSNIP_BEGIN cvtdq2pd, 0, 0, K_SSE
    cvtdq2pd %xmm1, %xmm0
    FSNIP_END cvtdq2pd
    FSNIP_BEGIN cvtpd2dq, 0, 0, K_SSE
    cvtpd2dq %xmm1, %xmm0
    FSNIP_END cvtpd2dq
    FSNIP_BEGIN cvttpd2dq, 0, 0, K_SSE
    cvttpd2dq %xmm1, %xmm0
    FSNIP_END cvttpd2dq
    FSNIP_BEGIN cvtss2sd, 0, 0, K_SSE
    cvtss2sd %xmm1, %xmm0
    FSNIP_END cvtss2sd
    FSNIP_BEGIN cvtsd2ss, 0, 0, K_SSE
    cvtsd2ss %xmm1, %xmm0
    FSNIP_END cvtsd2ss
    FSNIP_BEGIN cvtss2sd_mem, 0, 0, K_SSE
    cvtss2sd 4(%rdi), %xmm0
    FSNIP_END cvtss2sd_mem
    FSNIP_BEGIN cvtps2pd_mem, 0, 0, K_SSE
    cvtps2pd 8(%rdi), %xmm0
    FSNIP_END cvtps2pd_mem
    FSNIP_BEGIN cvtpi2ps, 0, 0, K_MMX
    cvtpi2ps %mm1, %xmm0
    FSNIP_END cvtpi2ps
    FSNIP_BEGIN cvtps2pi, 0, 0, K_MMX
    cvtps2pi %xmm1, %mm0
    FSNIP_END cvtps2pi
    FSNIP_BEGIN cvttps2pi, 0, 0, K_MMX
    cvttps2pi %xmm1, %mm2
    FSNIP_END cvttps2pi
    FSNIP_BEGIN cvtpi2pd, 0, 0, K_MMX
    cvtpi2pd %mm1, %xmm0
    FSNIP_END cvtpi2pd
    FSNIP_BEGIN cvtpd2pi, 0, 0, K_MMX
    cvtpd2pi %xmm1, %mm0
    FSNIP_END cvtpd2pi
    FSNIP_BEGIN cvttpd2pi, 0, 0, K_MMX
    cvttpd2pi %xmm1, %mm3
    FSNIP_END cvttpd2pi
    FSNIP_BEGIN shufps, 0, 0, K_SSE
    shufps $0x1b, %xmm1, %xmm0
    FSNIP_END shufps
    FSNIP_BEGIN shufps_mem, 0, 0, K_SSE
    shufps $0xe4, 16(%rdi), %xmm0
    FSNIP_END shufps_mem
    FSNIP_BEGIN shufpd, 0, 0, K_SSE
    shufpd $1, %xmm1, %xmm0
    FSNIP_END shufpd
    FSNIP_BEGIN shufpd2, 0, 0, K_SSE
    shufpd $2, %xmm1, %xmm0
    FSNIP_END shufpd2
    FSNIP_BEGIN pshufd, 0, 0, K_SSE
    pshufd $0x4e, %xmm1, %xmm0
    FSNIP_END pshufd
    FSNIP_BEGIN pshufhw, 0, 0, K_SSE
    pshufhw $0x1b, %xmm1, %xmm0
    FSNIP_END pshufhw
    FSNIP_BEGIN pshuflw, 0, 0, K_SSE
    pshuflw $0x93, %xmm1, %xmm0
    FSNIP_END pshuflw
    FSNIP_BEGIN pshufd_mem, 0, 0, K_SSE
    pshufd $0x39, (%rdi), %xmm7
    FSNIP_END pshufd_mem
    FSNIP_BEGIN unpcklps, 0, 0, K_SSE
    unpcklps %xmm1, %xmm0
    FSNIP_END unpcklps
    FSNIP_BEGIN unpckhps, 0, 0, K_SSE
    unpckhps %xmm1, %xmm0
    FSNIP_END unpckhps
    FSNIP_BEGIN unpcklpd, 0, 0, K_SSE
    unpcklpd %xmm1, %xmm0
    FSNIP_END unpcklpd
    FSNIP_BEGIN unpckhpd, 0, 0, K_SSE
    unpckhpd %xmm1, %xmm0
    FSNIP_END unpckhpd
    FSNIP_BEGIN punpcklbw, 0, 0, K_SSE
    punpcklbw %xmm1, %xmm0
    FSNIP_END punpcklbw
    FSNIP_BEGIN punpcklwd, 0, 0, K_SSE
    punpcklwd %xmm1, %xmm0
    FSNIP_END punpcklwd
    FSNIP_BEGIN punpckldq, 0, 0, K_SSE
    punpckldq %xmm1, %xmm0
    FSNIP_END punpckldq
    FSNIP_BEGIN punpcklqdq, 0, 0, K_SSE
    punpcklqdq %xmm1, %xmm0
    FSNIP_END punpcklqdq
    FSNIP_BEGIN punpckhbw, 0, 0, K_SSE
    punpckhbw %xmm1, %xmm0
    FSNIP_END punpckhbw
    FSNIP_BEGIN punpckhwd, 0, 0, K_SSE
    punpckhwd %xmm1, %xmm0
    FSNIP_END punpckhwd
    FSNIP_BEGIN punpckhdq, 0, 0, K_SSE
    punpckhdq %xmm1, %xmm0
    FSNIP_END punpckhdq
    FSNIP_BEGIN punpckhqdq, 0, 0, K_SSE
    punpckhqdq %xmm1, %xmm0
    FSNIP_END punpckhqdq
    FSNIP_BEGIN packsswb, 0, 0, K_SSE
    packsswb %xmm1, %xmm0
    FSNIP_END packsswb
    FSNIP_BEGIN packssdw, 0, 0, K_SSE
    packssdw %xmm1, %xmm0
    FSNIP_END packssdw
    FSNIP_BEGIN packuswb, 0, 0, K_SSE
    packuswb %xmm1, %xmm0
    FSNIP_END packuswb
    FSNIP_BEGIN paddb, 0, 0, K_SSE
    paddb %xmm1, %xmm0
    FSNIP_END paddb
    FSNIP_BEGIN paddw, 0, 0, K_SSE
    paddw %xmm1, %xmm0
    FSNIP_END paddw
    FSNIP_BEGIN paddd, 0, 0, K_SSE
    paddd %xmm1, %xmm0
    FSNIP_END paddd
    FSNIP_BEGIN paddq, 0, 0, K_SSE
    paddq %xmm1, %xmm0
    FSNIP_END paddq
    FSNIP_BEGIN psubb, 0, 0, K_SSE
    psubb %xmm1, %xmm0
    FSNIP_END psubb
    FSNIP_BEGIN psubw, 0, 0, K_SSE
    psubw %xmm1, %xmm0
    FSNIP_END psubw
    FSNIP_BEGIN psubd, 0, 0, K_SSE
    psubd %xmm1, %xmm0
    FSNIP_END psubd
    FSNIP_BEGIN psubq, 0, 0, K_SSE
    psubq %xmm1, %xmm0
    FSNIP_END psubq
    FSNIP_BEGIN paddsb, 0, 0, K_SSE
    paddsb %xmm1, %xmm0
    FSNIP_END paddsb
    FSNIP_BEGIN paddsw, 0, 0, K_SSE
    paddsw %xmm1, %xmm0
    FSNIP_END paddsw
    FSNIP_BEGIN paddusb, 0, 0, K_SSE
    paddusb %xmm1, %xmm0
    FSNIP_END paddusb
    FSNIP_BEGIN paddusw, 0, 0, K_SSE
    paddusw %xmm1, %xmm0
    FSNIP_END paddusw
    FSNIP_BEGIN psubsb, 0, 0, K_SSE
    psubsb %xmm1, %xmm0
    FSNIP_END psubsb
    FSNIP_BEGIN psubsw, 0, 0, K_SSE
    psubsw %xmm1, %xmm0
    FSNIP_END psubsw
    FSNIP_BEGIN psubusb, 0, 0, K_SSE
    psubusb %xmm1, %xmm0
    FSNIP_END psubusb
    FSNIP_BEGIN psubusw, 0, 0, K_SSE
    psubusw %xmm1, %xmm0
    FSNIP_END psubusw
    FSNIP_BEGIN pmullw, 0, 0, K_SSE
    pmullw %xmm1, %xmm0
    FSNIP_END pmullw
    FSNIP_BEGIN pmulhw, 0, 0, K_SSE
    pmulhw %xmm1, %xmm0
    FSNIP_END pmulhw
    FSNIP_BEGIN pmulhuw, 0, 0, K_SSE
    pmulhuw %xmm1, %xmm0
    FSNIP_END pmulhuw
    FSNIP_BEGIN pmuludq, 0, 0, K_SSE
    pmuludq %xmm1, %xmm0
    FSNIP_END pmuludq
    FSNIP_BEGIN pmaddwd, 0, 0, K_SSE
    pmaddwd %xmm1, %xmm0
    FSNIP_END pmaddwd
    FSNIP_BEGIN pavgb, 0, 0, K_SSE
    pavgb %xmm1, %xmm0
    FSNIP_END pavgb
    FSNIP_BEGIN pavgw, 0, 0, K_SSE
    pavgw %xmm1, %xmm0
    FSNIP_END pavgw
    FSNIP_BEGIN psadbw, 0, 0, K_SSE
    psadbw %xmm1, %xmm0
    FSNIP_END psadbw
    FSNIP_BEGIN pminub, 0, 0, K_SSE
    pminub %xmm1, %xmm0
    FSNIP_END pminub
    FSNIP_BEGIN pmaxub, 0, 0, K_SSE
    pmaxub %xmm1, %xmm0
    FSNIP_END pmaxub
    FSNIP_BEGIN pminsw, 0, 0, K_SSE
    pminsw %xmm1, %xmm0
    FSNIP_END pminsw
    FSNIP_BEGIN pmaxsw, 0, 0, K_SSE
    pmaxsw %xmm1, %xmm0
    FSNIP_END pmaxsw
    FSNIP_BEGIN pcmpeqb, 0, 0, K_SSE
    pcmpeqb %xmm1, %xmm0
    FSNIP_END pcmpeqb
    FSNIP_BEGIN pcmpeqw, 0, 0, K_SSE
    pcmpeqw %xmm1, %xmm0
    FSNIP_END pcmpeqw
    FSNIP_BEGIN pcmpeqd, 0, 0, K_SSE
    pcmpeqd %xmm1, %xmm0
    FSNIP_END pcmpeqd
    FSNIP_BEGIN pcmpgtb, 0, 0, K_SSE
    pcmpgtb %xmm1, %xmm0
    FSNIP_END pcmpgtb
    FSNIP_BEGIN pcmpgtw, 0, 0, K_SSE
    pcmpgtw %xmm1, %xmm0
    FSNIP_END pcmpgtw
    FSNIP_BEGIN pcmpgtd, 0, 0, K_SSE
    pcmpgtd %xmm1, %xmm0
    FSNIP_END pcmpgtd
    FSNIP_BEGIN paddw_mem, 0, 0, K_SSE
    paddw 16(%rdi), %xmm0
    FSNIP_END paddw_mem
    FSNIP_BEGIN psllw_imm, 0, 0, K_SSE
    psllw $5, %xmm0
    FSNIP_END psllw_imm
    FSNIP_BEGIN psllw_imm_big, 0, 0, K_SSE
    psllw $33, %xmm1
    FSNIP_END psllw_imm_big
    FSNIP_BEGIN psllw_reg, 0, 0, K_SSE
    psllw %xmm1, %xmm0
    FSNIP_END psllw_reg
    FSNIP_BEGIN pslld_imm, 0, 0, K_SSE
    pslld $5, %xmm0
    FSNIP_END pslld_imm
    FSNIP_BEGIN pslld_imm_big, 0, 0, K_SSE
    pslld $33, %xmm1
    FSNIP_END pslld_imm_big
    FSNIP_BEGIN pslld_reg, 0, 0, K_SSE
    pslld %xmm1, %xmm0
    FSNIP_END pslld_reg
    FSNIP_BEGIN psllq_imm, 0, 0, K_SSE
    psllq $5, %xmm0
    FSNIP_END psllq_imm
    FSNIP_BEGIN psllq_imm_big, 0, 0, K_SSE
    psllq $33, %xmm1
    FSNIP_END psllq_imm_big
    FSNIP_BEGIN psllq_reg, 0, 0, K_SSE
    psllq %xmm1, %xmm0
    FSNIP_END psllq_reg
    FSNIP_BEGIN psrlw_imm, 0, 0, K_SSE
    psrlw $5, %xmm0
    FSNIP_END psrlw_imm
    FSNIP_BEGIN psrlw_imm_big, 0, 0, K_SSE
    psrlw $33, %xmm1
    FSNIP_END psrlw_imm_big
    FSNIP_BEGIN psrlw_reg, 0, 0, K_SSE
    psrlw %xmm1, %xmm0
    FSNIP_END psrlw_reg
    FSNIP_BEGIN psrld_imm, 0, 0, K_SSE
    psrld $5, %xmm0
    FSNIP_END psrld_imm
    FSNIP_BEGIN psrld_imm_big, 0, 0, K_SSE
    psrld $33, %xmm1
    FSNIP_END psrld_imm_big
    FSNIP_BEGIN psrld_reg, 0, 0, K_SSE
    psrld %xmm1, %xmm0
    FSNIP_END psrld_reg
    FSNIP_BEGIN psrlq_imm, 0, 0, K_SSE
    psrlq $5, %xmm0
    FSNIP_END psrlq_imm
    FSNIP_BEGIN psrlq_imm_big, 0, 0, K_SSE
    psrlq $33, %xmm1
    FSNIP_END psrlq_imm_big
    FSNIP_BEGIN psrlq_reg, 0, 0, K_SSE
    psrlq %xmm1, %xmm0
    FSNIP_END psrlq_reg
    FSNIP_BEGIN psraw_imm, 0, 0, K_SSE
    psraw $5, %xmm0
    FSNIP_END psraw_imm
    FSNIP_BEGIN psraw_imm_big, 0, 0, K_SSE
    psraw $33, %xmm1
    FSNIP_END psraw_imm_big
    FSNIP_BEGIN psraw_reg, 0, 0, K_SSE
    psraw %xmm1, %xmm0
    FSNIP_END psraw_reg
    FSNIP_BEGIN psrad_imm, 0, 0, K_SSE
    psrad $5, %xmm0
    FSNIP_END psrad_imm
    FSNIP_BEGIN psrad_imm_big, 0, 0, K_SSE
    psrad $33, %xmm1
    FSNIP_END psrad_imm_big
    FSNIP_BEGIN psrad_reg, 0, 0, K_SSE
    psrad %xmm1, %xmm0
    FSNIP_END psrad_reg
    FSNIP_BEGIN pslldq, 0, 0, K_SSE
    pslldq $3, %xmm0
    FSNIP_END pslldq
    FSNIP_BEGIN psrldq, 0, 0, K_SSE
    psrldq $5, %xmm0
    FSNIP_END psrldq
    FSNIP_BEGIN psrldq_big, 0, 0, K_SSE
    psrldq $17, %xmm2
    FSNIP_END psrldq_big
    FSNIP_BEGIN pinsrw, 0, 0, K_SSE
    pinsrw $3, %eax, %xmm0
    FSNIP_END pinsrw
    FSNIP_BEGIN pinsrw_mem, 0, 0, K_SSE
    pinsrw $6, 2(%rdi), %xmm0
    FSNIP_END pinsrw_mem
    FSNIP_BEGIN pextrw, 0, 0, K_SSE
    pextrw $5, %xmm1, %eax
    FSNIP_END pextrw
    FSNIP_BEGIN xmm_high_regs, 0, 0, K_SSE
    addps %xmm15, %xmm8
    pxor %xmm9, %xmm14
    FSNIP_END xmm_high_regs
    FSNIP_BEGIN mmx_paddb, 0, 0, K_MMX
    paddb %mm1, %mm0
    FSNIP_END mmx_paddb
    FSNIP_BEGIN mmx_paddw, 0, 0, K_MMX
    paddw %mm1, %mm0
    FSNIP_END mmx_paddw
    FSNIP_BEGIN mmx_paddd, 0, 0, K_MMX
    paddd %mm1, %mm0
    FSNIP_END mmx_paddd
    FSNIP_BEGIN mmx_paddq, 0, 0, K_MMX
    paddq %mm1, %mm0
    FSNIP_END mmx_paddq
    FSNIP_BEGIN mmx_psubb, 0, 0, K_MMX
    psubb %mm1, %mm0
    FSNIP_END mmx_psubb
    FSNIP_BEGIN mmx_psubq, 0, 0, K_MMX
    psubq %mm1, %mm0
    FSNIP_END mmx_psubq
    FSNIP_BEGIN mmx_paddsw, 0, 0, K_MMX
    paddsw %mm1, %mm0
    FSNIP_END mmx_paddsw
    FSNIP_BEGIN mmx_paddusb, 0, 0, K_MMX
    paddusb %mm1, %mm0
    FSNIP_END mmx_paddusb
    FSNIP_BEGIN mmx_psubsb, 0, 0, K_MMX
    psubsb %mm1, %mm0
    FSNIP_END mmx_psubsb
    FSNIP_BEGIN mmx_psubusw, 0, 0, K_MMX
    psubusw %mm1, %mm0
    FSNIP_END mmx_psubusw
    FSNIP_BEGIN mmx_pmullw, 0, 0, K_MMX
    pmullw %mm1, %mm0
    FSNIP_END mmx_pmullw
    FSNIP_BEGIN mmx_pmulhw, 0, 0, K_MMX
    pmulhw %mm1, %mm0
    FSNIP_END mmx_pmulhw
    FSNIP_BEGIN mmx_pmulhuw, 0, 0, K_MMX
    pmulhuw %mm1, %mm0
    FSNIP_END mmx_pmulhuw
    FSNIP_BEGIN mmx_pmuludq, 0, 0, K_MMX
    pmuludq %mm1, %mm0
    FSNIP_END mmx_pmuludq
    FSNIP_BEGIN mmx_pmaddwd, 0, 0, K_MMX
    pmaddwd %mm1, %mm0
    FSNIP_END mmx_pmaddwd
    FSNIP_BEGIN mmx_pavgb, 0, 0, K_MMX
    pavgb %mm1, %mm0
    FSNIP_END mmx_pavgb
    FSNIP_BEGIN mmx_pavgw, 0, 0, K_MMX
    pavgw %mm1, %mm0
    FSNIP_END mmx_pavgw
    FSNIP_BEGIN mmx_psadbw, 0, 0, K_MMX
    psadbw %mm1, %mm0
    FSNIP_END mmx_psadbw
    FSNIP_BEGIN mmx_pminub, 0, 0, K_MMX
    pminub %mm1, %mm0
    FSNIP_END mmx_pminub
    FSNIP_BEGIN mmx_pmaxsw, 0, 0, K_MMX
    pmaxsw %mm1, %mm0
    FSNIP_END mmx_pmaxsw
    FSNIP_BEGIN mmx_pcmpeqb, 0, 0, K_MMX
    pcmpeqb %mm1, %mm0
    FSNIP_END mmx_pcmpeqb
    FSNIP_BEGIN mmx_pcmpgtw, 0, 0, K_MMX
    pcmpgtw %mm1, %mm0
    FSNIP_END mmx_pcmpgtw
    FSNIP_BEGIN mmx_pand, 0, 0, K_MMX
    pand %mm1, %mm0
    FSNIP_END mmx_pand
    FSNIP_BEGIN mmx_pandn, 0, 0, K_MMX
    pandn %mm1, %mm0
    FSNIP_END mmx_pandn
    FSNIP_BEGIN mmx_por, 0, 0, K_MMX
    por %mm1, %mm0
    FSNIP_END mmx_por
    FSNIP_BEGIN mmx_pxor, 0, 0, K_MMX
    pxor %mm1, %mm0
    FSNIP_END mmx_pxor
    FSNIP_BEGIN mmx_punpcklbw, 0, 0, K_MMX
    punpcklbw %mm1, %mm0
    FSNIP_END mmx_punpcklbw
    FSNIP_BEGIN mmx_punpckhbw, 0, 0, K_MMX
    punpckhbw %mm1, %mm0
    FSNIP_END mmx_punpckhbw
    FSNIP_BEGIN mmx_punpcklwd, 0, 0, K_MMX
    punpcklwd %mm1, %mm0
    FSNIP_END mmx_punpcklwd
    FSNIP_BEGIN mmx_punpckhwd, 0, 0, K_MMX
    punpckhwd %mm1, %mm0
    FSNIP_END mmx_punpckhwd
    FSNIP_BEGIN mmx_punpckldq, 0, 0, K_MMX
    punpckldq %mm1, %mm0
    FSNIP_END mmx_punpckldq
    FSNIP_BEGIN mmx_punpckhdq, 0, 0, K_MMX
    punpckhdq %mm1, %mm0
    FSNIP_END mmx_punpckhdq
    FSNIP_BEGIN mmx_packsswb, 0, 0, K_MMX
    packsswb %mm1, %mm0
    FSNIP_END mmx_packsswb
    FSNIP_BEGIN mmx_packssdw, 0, 0, K_MMX
    packssdw %mm1, %mm0
    FSNIP_END mmx_packssdw
    FSNIP_BEGIN mmx_packuswb, 0, 0, K_MMX
    packuswb %mm1, %mm0
    FSNIP_END mmx_packuswb
    FSNIP_BEGIN mmx_paddw_mem, 0, 0, K_MMX
    paddw 8(%rdi), %mm2
    FSNIP_END mmx_paddw_mem
    FSNIP_BEGIN mmx_psllq_imm, 0, 0, K_MMX
    psllq $5, %mm0
    FSNIP_END mmx_psllq_imm
    FSNIP_BEGIN mmx_psraw_imm, 0, 0, K_MMX
    psraw $3, %mm1
    FSNIP_END mmx_psraw_imm
    FSNIP_BEGIN mmx_psrld_reg, 0, 0, K_MMX
    psrld %mm1, %mm0
    FSNIP_END mmx_psrld_reg
    FSNIP_BEGIN mmx_pshufw, 0, 0, K_MMX
    pshufw $0x1b, %mm1, %mm0
    FSNIP_END mmx_pshufw
    FSNIP_BEGIN mmx_movq_rr, 0, 0, K_MMX
    movq %mm1, %mm0
    FSNIP_END mmx_movq_rr
    FSNIP_BEGIN mmx_movd_to, 0, 0, K_MMX
    movd %eax, %mm0
    FSNIP_END mmx_movd_to
    FSNIP_BEGIN mmx_movd_from, 0, 0, K_MMX
    movd %mm1, %eax
    FSNIP_END mmx_movd_from
    FSNIP_BEGIN mmx_movq_to, 0, 0, K_MMX
    movq %rax, %mm0
    FSNIP_END mmx_movq_to
    FSNIP_BEGIN mmx_movq_from, 0, 0, K_MMX
    movq %mm1, %rax
    FSNIP_END mmx_movq_from
    FSNIP_BEGIN mmx_movq_load, 0, 0, K_MMX
    movq 8(%rdi), %mm3
    FSNIP_END mmx_movq_load
    FSNIP_BEGIN mmx_movq_store, 0, 0, K_MMX
    movq %mm3, 8(%rdi)
    FSNIP_END mmx_movq_store
    FSNIP_BEGIN mmx_movntq, 0, 0, K_MMX
    movntq %mm2, 8(%rdi)
    FSNIP_END mmx_movntq
    FSNIP_BEGIN mmx_emms, 0, 0, K_MMX
    emms
    FSNIP_END mmx_emms
    FSNIP_BEGIN mmx_pmovmskb, 0, 0, K_MMX
    pmovmskb %mm1, %eax
    FSNIP_END mmx_pmovmskb
    FSNIP_BEGIN mmx_maskmovq, 0, 0, K_MMX
    maskmovq %mm1, %mm0
    FSNIP_END mmx_maskmovq
    FSNIP_BEGIN mmx_pextrw, 0, 0, K_MMX
    pextrw $2, %mm1, %eax
    FSNIP_END mmx_pextrw
    FSNIP_BEGIN mmx_pinsrw, 0, 0, K_MMX
    pinsrw $1, %eax, %mm0
    FSNIP_END mmx_pinsrw
    FSNIP_BEGIN movq2dq, 0, 0, K_MMX
    movq2dq %mm1, %xmm0
    FSNIP_END movq2dq
    FSNIP_BEGIN movdq2q, 0, 0, K_MMX
    movdq2q %xmm1, %mm0
    FSNIP_END movdq2q
    FSNIP_BEGIN x87_after_mmx, 0, 0, K_MMX
    emms
    fld1
    fadd %st(0), %st
    FSNIP_END x87_after_mmx
    FSNIP_BEGIN addsubps, 0, 0, K_SSE
    addsubps %xmm1, %xmm0
    FSNIP_END addsubps
    FSNIP_BEGIN addsubpd, 0, 0, K_SSE
    addsubpd %xmm1, %xmm0
    FSNIP_END addsubpd
    FSNIP_BEGIN haddps, 0, 0, K_SSE
    haddps %xmm1, %xmm0
    FSNIP_END haddps
    FSNIP_BEGIN haddpd, 0, 0, K_SSE
    haddpd %xmm1, %xmm0
    FSNIP_END haddpd
    FSNIP_BEGIN hsubps, 0, 0, K_SSE
    hsubps %xmm1, %xmm0
    FSNIP_END hsubps
    FSNIP_BEGIN hsubpd, 0, 0, K_SSE
    hsubpd %xmm1, %xmm0
    FSNIP_END hsubpd
    FSNIP_BEGIN movddup, 0, 0, K_SSE
    movddup %xmm1, %xmm0
    FSNIP_END movddup
    FSNIP_BEGIN movsldup, 0, 0, K_SSE
    movsldup %xmm1, %xmm0
    FSNIP_END movsldup
    FSNIP_BEGIN movshdup, 0, 0, K_SSE
    movshdup %xmm1, %xmm0
    FSNIP_END movshdup
    FSNIP_BEGIN lddqu, 0, 0, K_SSE
    lddqu 3(%rdi), %xmm0
    FSNIP_END lddqu

    .section .data.fpusniptab, "aw"
    .globl fpu_snippets_sse_end
fpu_snippets_sse_end:
    .section .note.GNU-stack,"",@progbits
