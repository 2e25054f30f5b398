/*
 * Instruction snippets for the differential test, assembled by the host
 * assembler.  Each entry: code start, code end, name, mask of flags the SDM
 * leaves undefined for it (ignored in the comparison), operand setup kind.
 * RDI/RSI-relative memory operands point into the data window at 1 GiB,
 * mapped at the same address natively and in the guest.
 */
#define CF 0x1
#define PF 0x4
#define AF 0x10
#define ZF 0x40
#define SF 0x80
#define OF 0x800
#define ALLF (CF|PF|AF|ZF|SF|OF)

/* Setup kinds (see test_cpu_diff.c). */
#define K_ANY 0        /* random registers */
#define K_MEM 1        /* RDI, RSI point into the data window */
#define K_DIV 2        /* operands that do not raise #DE */
#define K_STR 3        /* string ops: RSI/RDI in the window, small RCX */

.macro SNIP_BEGIN name, undef, kind
    .section .data.sniptab, "aw"
    .quad .Lstart_\name, .Lend_\name, .Lname_\name, \undef, \kind
    .section .rodata.snipname, "a"
.Lname_\name: .asciz "\name"
    .section .rodata.snipcode, "ax"
.Lstart_\name:
.endm
.macro SNIP_END name
.Lend_\name:
.endm
.macro SNIP name, undef, kind, insn:vararg
    SNIP_BEGIN \name, \undef, \kind
    \insn
    SNIP_END \name
.endm

    .section .data.sniptab, "aw"
    .balign 8
    .globl diff_snippets
diff_snippets:

    /* ALU, all sizes */
    SNIP add64, 0, K_ANY, add %rbx, %rax
    SNIP add32, 0, K_ANY, add %ebx, %eax
    SNIP add16, 0, K_ANY, add %bx, %ax
    SNIP add8, 0, K_ANY, add %bl, %al
    SNIP add8h, 0, K_ANY, add %bh, %ah
    SNIP adc64, 0, K_ANY, adc %rbx, %rax
    SNIP adc8, 0, K_ANY, adc %bl, %al
    SNIP sub64, 0, K_ANY, sub %rbx, %rax
    SNIP sub16, 0, K_ANY, sub %bx, %ax
    SNIP sbb32, 0, K_ANY, sbb %ebx, %eax
    SNIP sbb8, 0, K_ANY, sbb %bl, %al
    SNIP and64, AF, K_ANY, and %rbx, %rax
    SNIP or32, AF, K_ANY, or %ebx, %eax
    SNIP xor16, AF, K_ANY, xor %bx, %ax
    SNIP cmp64, 0, K_ANY, cmp %rbx, %rax
    SNIP cmp8, 0, K_ANY, cmp %bl, %al
    /* CMP/TEST/SUB + Jcc ending a block run as one fused entry. */
.macro FUSED_JCC_K name, kind, jcc, flagop:vararg
    SNIP_BEGIN \name, 0, \kind
    xor %r8d, %r8d
    \flagop
    \jcc 1f
    mov $1, %r8d
1:
    SNIP_END \name
.endm
.macro FUSED_JCC name, jcc, flagop:vararg
    FUSED_JCC_K \name, K_ANY, \jcc, \flagop
.endm
    FUSED_JCC fused_cmp32_jl, jl, cmp %ebx, %eax
    FUSED_JCC fused_cmp64_jbe, jbe, cmp %rbx, %rax
    FUSED_JCC fused_cmp64_jo, jo, cmp %rbx, %rax
    FUSED_JCC fused_cmp32_jp, jp, cmp $0x1234, %ecx
    FUSED_JCC fused_cmp64_jg, jg, cmp $-5, %rdx
    FUSED_JCC fused_test32_jz, jz, test %ebx, %eax
    FUSED_JCC fused_test64_js, js, test $0x80, %rax
    FUSED_JCC fused_sub32_jnz, jnz, sub $1, %ecx
    FUSED_JCC fused_sub64_jae, jae, sub $77, %rdx
    FUSED_JCC fused_cmp8_jge, jge, cmp %bl, %al
    FUSED_JCC fused_test8_jns, jns, test $0x40, %ah
    FUSED_JCC fused_cmp8_jle, jle, cmp $0x7f, %cl
    /* ... and with a memory operand (the compare may fault, the Jcc not). */
    FUSED_JCC_K fused_cmprm32_jb, K_MEM, jb, cmp 4(%rdi), %eax
    FUSED_JCC_K fused_cmprm64_jle, K_MEM, jle, cmp 8(%rsi), %rbx
    FUSED_JCC_K fused_cmpmr32_jae, K_MEM, jae, cmp %eax, 12(%rdi)
    FUSED_JCC_K fused_cmpmr64_jg, K_MEM, jg, cmp %rdx, 16(%rsi)
    FUSED_JCC_K fused_cmpmi8_je, K_MEM, je, cmpb $0x40, 3(%rdi)
    FUSED_JCC_K fused_cmpmi8_jl, K_MEM, jl, cmpb $-3, 5(%rsi)
    FUSED_JCC_K fused_cmpmi32_ja, K_MEM, ja, cmpl $0x1000, (%rdi,%rcx,4)
    FUSED_JCC_K fused_cmpmi64_jne, K_MEM, jne, cmpq $0, 24(%rdi)
    FUSED_JCC_K fused_cmpmi64_js, K_MEM, js, cmpq $-7, 32(%rsi)
    FUSED_JCC_K fused_testmi8_jnz, K_MEM, jnz, testb $1, 2(%rsi)
    FUSED_JCC_K fused_testmi32_jp, K_MEM, jp, testl $0x80000001, 8(%rdi)
    /* The reg <- r/m encodings (02/03/0A/2B/3B/8A/8B with ModRM.mod 3): the
     * fast paths swap their operands into the r/m <- reg form. */
    SNIP add8h_load, 0, K_ANY, {load} add %bh, %ah
    SNIP add32_load, 0, K_ANY, {load} add %r9d, %eax
    SNIP sub64_load, 0, K_ANY, {load} sub %rbx, %r10
    SNIP cmp32_load, 0, K_ANY, {load} cmp %ecx, %edx
    SNIP xor16_load, AF, K_ANY, {load} xor %bx, %ax
    SNIP adc32_load, 0, K_ANY, {load} adc %ebx, %eax
    SNIP mov32_load, 0, K_ANY, {load} mov %r9d, %eax
    SNIP mov8h_load, 0, K_ANY, {load} mov %ch, %bl
    SNIP test16_imm, AF, K_ANY, test $0x8001, %bx
    SNIP test8h_imm, AF, K_ANY, test $0x81, %ah
    SNIP test32, AF, K_ANY, test %ebx, %eax
    SNIP addimm8, 0, K_ANY, add $0x7f, %al
    SNIP subimm32s, 0, K_ANY, sub $-5, %rax
    SNIP andimm, AF, K_ANY, and $0x80000000, %eax
    SNIP cmpimm, 0, K_ANY, cmp $-1, %rcx
    SNIP inc64, 0, K_ANY, inc %rax
    SNIP inc8, 0, K_ANY, inc %al
    SNIP dec32, 0, K_ANY, dec %eax
    SNIP dec16, 0, K_ANY, dec %ax
    SNIP neg64, 0, K_ANY, neg %rax
    SNIP neg8, 0, K_ANY, neg %al
    SNIP not32, 0, K_ANY, not %eax
    SNIP r8add, 0, K_ANY, add %r9, %r8
    SNIP r8badd, 0, K_ANY, add %sil, %dil
    /* memory forms and LOCK */
    SNIP addmem, 0, K_MEM, add %rax, 8(%rdi)
    SNIP lockadd, 0, K_MEM, lock add %rax, 16(%rdi)
    SNIP lockxadd, 0, K_MEM, lock xadd %eax, 24(%rdi)
    SNIP lockcmpxchg, 0, K_MEM, lock cmpxchg %rbx, 32(%rdi)
    SNIP cmpxchgreg, 0, K_ANY, cmpxchg %ebx, %ecx
    SNIP cmpxchg8b, (CF|PF|AF|SF|OF), K_MEM, lock cmpxchg8b 40(%rdi)
    SNIP cmpxchg16b, (CF|PF|AF|SF|OF), K_MEM, lock cmpxchg16b 64(%rdi)
    SNIP xchgmem, 0, K_MEM, xchg %rcx, 48(%rdi)
    SNIP adcmem8, 0, K_MEM, adc 3(%rsi), %bl
    SNIP sbbmem32, 0, K_MEM, sbb 4(%rdi), %eax
    SNIP addload64, 0, K_MEM, add 8(%rdi), %rax
    SNIP subload32, 0, K_MEM, sub 4(%rsi), %ecx
    SNIP andload8h, AF, K_MEM, and 1(%rdi), %ah
    SNIP orload16, AF, K_MEM, or 12(%rdi), %bx
    SNIP xorload64, AF, K_MEM, xor 16(%rdi,%rcx,8), %r9
    SNIP cmpload8, 0, K_MEM, cmp 7(%rsi), %dl
    SNIP testmem64, AF, K_MEM, test %rax, 8(%rdi)
    SNIP cmpmr16, 0, K_MEM, cmp %bx, 6(%rdi)
    SNIP cmpmi16, 0, K_MEM, cmpw $0x7fff, 10(%rsi)
    SNIP testmi64, AF, K_MEM, testq $-2, 8(%rsi)
    SNIP_BEGIN storeimm, 0, K_MEM
    movq $-5, 8(%rdi)
    movl $0x12345678, 16(%rsi)
    movw $7, 2(%rdi,%rcx,2)
    movb $0x80, 3(%rdi)
    SNIP_END storeimm
    SNIP sibaddr, 0, K_MEM, lea 0x12(%rdi,%rcx,8), %rax
    SNIP lea32, 0, K_ANY, lea -7(%ebx,%edx,4), %eax
    SNIP lea16, 0, K_ANY, lea 3(%ebx,%edx,2), %ax
    /* shifts and rotates */
    SNIP shl64cl, (OF|AF), K_ANY, shl %cl, %rax
    SNIP shl32cl, (OF|AF), K_ANY, shl %cl, %eax
    SNIP shl8cl, (OF|AF|CF), K_ANY, shl %cl, %al
    SNIP shr64cl, (OF|AF), K_ANY, shr %cl, %rax
    SNIP shr16cl, (OF|AF|CF), K_ANY, shr %cl, %ax
    SNIP sar32cl, (OF|AF), K_ANY, sar %cl, %eax
    SNIP sar8cl, (OF|AF|CF), K_ANY, sar %cl, %al
    SNIP shl1, AF, K_ANY, shl $1, %rax
    SNIP sar1r32, AF, K_ANY, sar $1, %ecx
    SNIP shr1b, AF, K_ANY, shr $1, %bl
    SNIP shl1h, AF, K_ANY, shl $1, %ah
    SNIP shr1, AF, K_ANY, shr $1, %eax
    SNIP sar1, AF, K_ANY, sar $1, %ax
    SNIP shlimm, (OF|AF), K_ANY, shl $13, %rax
    SNIP sarimm, (OF|AF), K_ANY, sar $31, %eax
    SNIP rol64cl, OF, K_ANY, rol %cl, %rax
    SNIP ror32cl, OF, K_ANY, ror %cl, %eax
    SNIP rol8cl, OF, K_ANY, rol %cl, %al
    SNIP ror16cl, OF, K_ANY, ror %cl, %ax
    SNIP rol1, 0, K_ANY, rol $1, %rax
    SNIP ror1, 0, K_ANY, ror $1, %ebx
    SNIP rcl64cl, OF, K_ANY, rcl %cl, %rax
    SNIP rcr32cl, OF, K_ANY, rcr %cl, %eax
    SNIP rcl8cl, OF, K_ANY, rcl %cl, %al
    SNIP rcr16cl, OF, K_ANY, rcr %cl, %ax
    SNIP rcl1, 0, K_ANY, rcl $1, %rdx
    SNIP rcr1, 0, K_ANY, rcr $1, %dl
    SNIP shld64, (OF|AF), K_ANY, shld %cl, %rbx, %rax
    SNIP shrd32, (OF|AF), K_ANY, shrd %cl, %ebx, %eax
    SNIP_BEGIN shld16, (OF|AF|CF), K_ANY
    and $15, %cl
    shld %cl, %bx, %ax
    SNIP_END shld16
    SNIP shrdimm, (OF|AF), K_ANY, shrd $7, %rbx, %rax
    /* multiply and divide */
    SNIP mul64, (SF|ZF|AF|PF), K_ANY, mul %rbx
    SNIP mul32, (SF|ZF|AF|PF), K_ANY, mul %ebx
    SNIP mul16, (SF|ZF|AF|PF), K_ANY, mul %bx
    SNIP mul8, (SF|ZF|AF|PF), K_ANY, mul %bl
    SNIP imul1_64, (SF|ZF|AF|PF), K_ANY, imul %rbx
    SNIP imul1_8, (SF|ZF|AF|PF), K_ANY, imul %bl
    SNIP imul2_32, (SF|ZF|AF|PF), K_ANY, imul %ebx, %eax
    SNIP imul2_16, (SF|ZF|AF|PF), K_ANY, imul %bx, %ax
    SNIP imul3_64, (SF|ZF|AF|PF), K_ANY, imul $-3000, %rbx, %rax
    SNIP imul3_8s, (SF|ZF|AF|PF), K_ANY, imul $100, %ecx, %edx
    SNIP imul2_mem64, (SF|ZF|AF|PF), K_MEM, imul 8(%rdi), %rax
    SNIP imul2_mem32, (SF|ZF|AF|PF), K_MEM, imul 4(%rsi,%rcx,2), %edx
    SNIP div64, ALLF, K_DIV, div %rbx
    SNIP div32, ALLF, K_DIV, div %ebx
    SNIP div16, ALLF, K_DIV, div %bx
    SNIP div8, ALLF, K_DIV, div %bl
    SNIP_BEGIN idiv64, ALLF, K_DIV
    cqo
    idiv %rbx
    SNIP_END idiv64
    SNIP_BEGIN idiv32, ALLF, K_DIV
    cdq
    idiv %ebx
    SNIP_END idiv32
    SNIP_BEGIN idiv16, ALLF, K_DIV
    cwd
    idiv %bx
    SNIP_END idiv16
    SNIP_BEGIN idiv8, ALLF, K_DIV
    cbw
    idiv %bl
    SNIP_END idiv8
    /* bits */
    SNIP bt64, (OF|SF|AF|PF), K_ANY, bt %rbx, %rax
    SNIP bts32, (OF|SF|AF|PF), K_ANY, bts %ebx, %eax
    SNIP btr16, (OF|SF|AF|PF), K_ANY, btr %bx, %ax
    SNIP btcimm, (OF|SF|AF|PF), K_ANY, btc $45, %rax
    SNIP_BEGIN btmem, (OF|SF|AF|PF), K_MEM
    and $0x3ff, %rbx
    sub $0x200, %rbx
    bts %rbx, 0x400(%rdi)
    SNIP_END btmem
    SNIP bsf64, (CF|OF|SF|AF|PF), K_ANY, bsf %rbx, %rax
    SNIP bsr32, (CF|OF|SF|AF|PF), K_ANY, bsr %ebx, %eax
    SNIP bswap64, 0, K_ANY, bswap %rax
    SNIP bswap32, 0, K_ANY, bswap %ecx
    /* moves */
    SNIP movzx8, 0, K_ANY, movzbl %bh, %eax
    SNIP movzx16, 0, K_ANY, movzwq %bx, %rax
    SNIP movsx8, 0, K_ANY, movsbq %bl, %rax
    SNIP movsx16, 0, K_ANY, movswl %bx, %eax
    SNIP movsxd, 0, K_ANY, movslq %ebx, %rax
    SNIP movsxdmem, 0, K_MEM, movslq 4(%rsi), %rax
    SNIP_BEGIN movimm, 0, K_ANY
    mov $0x12345678, %eax
    mov $-1, %r9
    movb $0x7f, %ah
    movw $0x1234, %bx
    mov $5, %r10d
    SNIP_END movimm
    /* CALL/RET/JMP end their blocks and go on to the successor themselves. */
    SNIP_BEGIN callret, 0, K_ANY
    push %rcx
    call 1f
    add $3, %rax
    pop %rdx
    jmp 2f
1:
    add $5, %rbx
    ret
2:
    SNIP_END callret
    SNIP_BEGIN pushpop_r64, 0, K_ANY
    push %rbx
    push %r12
    pop %rcx
    pop %r9
    SNIP_END pushpop_r64
    SNIP_BEGIN movsib, 0, K_MEM
    movl 8(%rdi,%rcx,4), %eax
    movw %bx, 2(%rdi,%rcx,2)
    movb %ah, 1(%rdi)
    mov (%rdi,%rcx,8), %rdx
    movb 3(%rsi), %bh
    movzwl 4(%rsi,%rcx,2), %r9d
    mov %r9d, -4(%rsi,%rcx,1)
    SNIP_END movsib
    SNIP_BEGIN movxmem, 0, K_MEM
    movzbl 5(%rsi), %eax
    movsbq -3(%rsi), %rbx
    movswl 6(%rsi), %ecx
    movzwq 0x11(%rdi), %rdx
    movsbw 1(%rdi), %r8w
    SNIP_END movxmem
    SNIP mov32zext, 0, K_ANY, mov %ebx, %eax
    SNIP mov16, 0, K_ANY, mov %bx, %ax
    SNIP movabs, 0, K_ANY, movabs $0x123456789abcdef0, %r10
    SNIP cbw, 0, K_ANY, cbw
    SNIP cwde, 0, K_ANY, cwde
    SNIP cdqe, 0, K_ANY, cdqe
    SNIP cwd, 0, K_ANY, cwd
    SNIP cdq, 0, K_ANY, cdq
    SNIP cqo, 0, K_ANY, cqo
    SNIP xchg, 0, K_ANY, xchg %rbx, %rax
    SNIP xchg8, 0, K_ANY, xchg %bl, %ah
    SNIP xaddreg, 0, K_ANY, xadd %rbx, %rax
    SNIP lahf, 0, K_ANY, lahf
    SNIP sahf, 0, K_ANY, sahf
    SNIP cmc, 0, K_ANY, cmc
    SNIP stc, 0, K_ANY, stc
    SNIP clc, 0, K_ANY, clc
    /* conditions after compare */
    SNIP_BEGIN setcc, 0, K_ANY
    cmp %rbx, %rax
    seto %cl
    setno %ch
    setb %dl
    setae %dh
    sete %r8b
    setne %r9b
    setbe %r10b
    seta %r11b
    sets %r12b
    setns %r13b
    setp %r14b
    setnp %r15b
    setl %sil
    setge %dil
    SNIP_END setcc
    SNIP_BEGIN setcc2, 0, K_ANY
    add %rbx, %rax
    setle %cl
    setg %dl
    setl %r8b
    setb %r9b
    seto %r10b
    setp %r11b
    SNIP_END setcc2
    SNIP_BEGIN setcc3, 0, K_ANY
    inc %ebx
    setle %cl
    setg %dl
    seto %r8b
    setb %r9b
    sets %r10b
    SNIP_END setcc3
    SNIP_BEGIN cmov, 0, K_ANY
    cmp %ecx, %edx
    cmovl %rbx, %rax
    cmovbe %r8, %r9
    cmovg %r10d, %r11d
    cmovne %r12d, %r13d
    cmovs %r14, %r15
    SNIP_END cmov
    SNIP_BEGIN jcc, 0, K_ANY
    cmp %rbx, %rax
    jle 1f
    inc %rcx
1:
    sub %r8, %r9
    jb 2f
    inc %rdx
2:
    test %r10, %r10
    jp 3f
    inc %rsi
3:
    SNIP_END jcc
    SNIP_BEGIN loop, 0, K_ANY
    and $0xff, %ecx
    inc %ecx   /* never 0: LOOP would run 2^64 times */
1:
    add %rcx, %rax
    loop 1b
    SNIP_END loop
    SNIP_BEGIN pushpop, 0, K_ANY
    push %rax
    push %rbx
    pop %rcx
    pop %rdx
    pushfq
    pop %r8
        and $0xcd5, %r8   /* IF differs: the native run is a user process */
    SNIP_END pushpop
    SNIP_BEGIN popf, 0, K_ANY
    and $0xcd5, %rbx
    push %rbx
    popfq
    SNIP_END popf
    /* string instructions */
    SNIP repmovsb, 0, K_STR, rep movsb
    SNIP repmovsq, 0, K_STR, rep movsq
    SNIP repstosb, 0, K_STR, rep stosb
    SNIP repstosl, 0, K_STR, rep stosl
    SNIP lodsw, 0, K_STR, lodsw
    SNIP repecmpsb, 0, K_STR, repe cmpsb
    SNIP repnescasb, 0, K_STR, repne scasb
    /* Overlapping forward copies repeat a pattern (not memmove). */
    SNIP_BEGIN repmovsb_overlap, 0, K_STR
    lea 1(%rsi), %rdi
    rep movsb
    SNIP_END repmovsb_overlap
    SNIP_BEGIN repmovsl_overlap, 0, K_STR
    lea 6(%rsi), %rdi
    rep movsl
    SNIP_END repmovsl_overlap
    SNIP_BEGIN repmovsb_src_ahead, 0, K_STR
    lea 3(%rdi), %rsi
    rep movsb
    SNIP_END repmovsb_src_ahead
    SNIP repstosw, 0, K_STR, rep stosw
    SNIP repstosq, 0, K_STR, rep stosq
    SNIP_BEGIN stdmovs, 0, K_STR
    std
    add $64, %rsi
    add $64, %rdi
    rep movsl
    cld
    SNIP_END stdmovs

    /* SSE, SSE2, MMX (results land in the compared data window) */
    SNIP_BEGIN sse_addps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    addps %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_addps
    SNIP_BEGIN sse_addss, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    addss %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_addss
    SNIP_BEGIN sse_addpd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    addpd %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_addpd
    SNIP_BEGIN sse_addsd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    addsd 8(%rsi), %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_addsd
    SNIP_BEGIN sse_subps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    subps %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_subps
    SNIP_BEGIN sse_mulsd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    mulsd %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_mulsd
    SNIP_BEGIN sse_mulpd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    mulpd %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_mulpd
    SNIP_BEGIN sse_divps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    divps %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_divps
    SNIP_BEGIN sse_divsd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    divsd %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_divsd
    SNIP_BEGIN sse_sqrtps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    sqrtps %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_sqrtps
    SNIP_BEGIN sse_sqrtsd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    sqrtsd %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_sqrtsd
    SNIP_BEGIN sse_sqrtss, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    sqrtss 4(%rsi), %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_sqrtss
    SNIP_BEGIN sse_minps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    minps %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_minps
    SNIP_BEGIN sse_maxsd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    maxsd %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_maxsd
    SNIP_BEGIN sse_minsd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    minsd %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_minsd
    SNIP_BEGIN sse_maxps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    maxps %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_maxps
    SNIP_BEGIN sse_rcpps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    rcpps %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_rcpps
    SNIP_BEGIN sse_rsqrtss, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    rsqrtss %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_rsqrtss
    SNIP_BEGIN sse_andps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    andps %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_andps
    SNIP_BEGIN sse_andnpd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    andnpd %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_andnpd
    SNIP_BEGIN sse_orps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    orps %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_orps
    SNIP_BEGIN sse_xorpd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    xorpd %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_xorpd
    SNIP_BEGIN sse_cmpps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cmpleps %xmm1, %xmm0
    cmpunordps %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cmpps
    SNIP_BEGIN sse_cmpsd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cmpltsd %xmm1, %xmm0
    cmpneqsd %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cmpsd
    SNIP_BEGIN sse_cmppd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cmpnlepd %xmm1, %xmm0
    cmpordpd %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cmppd
    SNIP_BEGIN sse_cmpss, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cmpeqss %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cmpss
    SNIP_BEGIN sse_ucomisd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    ucomisd %xmm1, %xmm0
    setz %al
    setp %bl
    setc %cl
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_ucomisd
    SNIP_BEGIN sse_comiss, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    comiss %xmm1, %xmm0
    setz %al
    setp %bl
    setc %cl
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_comiss
    SNIP_BEGIN sse_unpcklps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    unpcklps %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_unpcklps
    SNIP_BEGIN sse_unpckhpd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    unpckhpd %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_unpckhpd
    SNIP_BEGIN sse_shufps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    shufps $0x1b, %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_shufps
    SNIP_BEGIN sse_shufpd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    shufpd $2, %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_shufpd
    SNIP_BEGIN sse_movmskps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    movmskps %xmm0, %eax
    movmskpd %xmm1, %ebx
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_movmskps
    SNIP_BEGIN sse_cvtsi2sd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvtsi2sdq %rax, %xmm0
    cvtsi2sdl %ebx, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvtsi2sd
    SNIP_BEGIN sse_cvtsi2ss, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvtsi2ssq %rax, %xmm0
    cvtsi2ssl %ebx, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvtsi2ss
    SNIP_BEGIN sse_cvtsd2si, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvtsd2si %xmm0, %rax
    cvttsd2si %xmm1, %ebx
    cvttsd2si %xmm2, %rcx
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvtsd2si
    SNIP_BEGIN sse_cvtss2si, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvtss2si %xmm0, %eax
    cvttss2si %xmm1, %rbx
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvtss2si
    SNIP_BEGIN sse_cvtps2pd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvtps2pd %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvtps2pd
    SNIP_BEGIN sse_cvtpd2ps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvtpd2ps %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvtpd2ps
    SNIP_BEGIN sse_cvtss2sd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvtss2sd %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvtss2sd
    SNIP_BEGIN sse_cvtsd2ss, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvtsd2ss %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvtsd2ss
    SNIP_BEGIN sse_cvtdq2ps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvtdq2ps %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvtdq2ps
    SNIP_BEGIN sse_cvtps2dq, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvtps2dq %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvtps2dq
    SNIP_BEGIN sse_cvttps2dq, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvttps2dq %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvttps2dq
    SNIP_BEGIN sse_cvtdq2pd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvtdq2pd %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvtdq2pd
    SNIP_BEGIN sse_cvtpd2dq, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvtpd2dq %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvtpd2dq
    SNIP_BEGIN sse_cvttpd2dq, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    cvttpd2dq %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_cvttpd2dq
    SNIP_BEGIN sse_movss, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    movss 4(%rsi), %xmm0
    movss %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_movss
    SNIP_BEGIN sse_movsd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    movsd 8(%rsi), %xmm0
    movsd %xmm2, %xmm1
    movsd %xmm2, 0x60(%rdi)
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_movsd
    SNIP_BEGIN sse_movhlps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    movhlps %xmm1, %xmm0
    movlhps %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_movhlps
    SNIP_BEGIN sse_movlpd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    movlpd 8(%rsi), %xmm0
    movhpd 16(%rsi), %xmm1
    movhps %xmm2, 0x68(%rdi)
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_movlpd
    SNIP_BEGIN sse_movd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    movd %eax, %xmm0
    movq %rbx, %xmm1
    movd %xmm2, %ecx
    movq %xmm2, %rdx
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_movd
    SNIP_BEGIN sse_movq, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    movq 8(%rsi), %xmm0
    movq %xmm2, 0x60(%rdi)
    movq %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_movq
    SNIP_BEGIN sse_movaps, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    movaps 0x20(%rsi), %xmm0
    movapd %xmm2, 0x60(%rdi)
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_movaps
    SNIP_BEGIN sse_movdqa, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    movdqa 0x20(%rsi), %xmm0
    movdqu 3(%rsi), %xmm1
    movntdq %xmm2, 0x60(%rdi)
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_movdqa
    SNIP_BEGIN sse_pmovmskb, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pmovmskb %xmm1, %eax
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pmovmskb
    SNIP_BEGIN sse_pextrw, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pextrw $5, %xmm1, %eax
    pinsrw $3, %ebx, %xmm0
    pinsrw $6, 2(%rsi), %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pextrw
    SNIP_BEGIN sse_paddb, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    paddb %xmm1, %xmm0
    paddw %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_paddb
    SNIP_BEGIN sse_paddd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    paddd %xmm1, %xmm0
    paddq %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_paddd
    SNIP_BEGIN sse_psubb, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    psubb %xmm1, %xmm0
    psubw %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_psubb
    SNIP_BEGIN sse_psubd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    psubd %xmm1, %xmm0
    psubq %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_psubd
    SNIP_BEGIN sse_paddsb, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    paddsb %xmm1, %xmm0
    paddsw %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_paddsb
    SNIP_BEGIN sse_paddusb, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    paddusb %xmm1, %xmm0
    paddusw %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_paddusb
    SNIP_BEGIN sse_psubsb, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    psubsb %xmm1, %xmm0
    psubsw %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_psubsb
    SNIP_BEGIN sse_psubusb, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    psubusb %xmm1, %xmm0
    psubusw %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_psubusb
    SNIP_BEGIN sse_pmullw, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pmullw %xmm1, %xmm0
    pmulhw %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pmullw
    SNIP_BEGIN sse_pmulhuw, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pmulhuw %xmm1, %xmm0
    pmuludq %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pmulhuw
    SNIP_BEGIN sse_pmaddwd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pmaddwd %xmm1, %xmm0
    psadbw %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pmaddwd
    SNIP_BEGIN sse_pavgb, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pavgb %xmm1, %xmm0
    pavgw %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pavgb
    SNIP_BEGIN sse_pminub, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pminub %xmm1, %xmm0
    pmaxub %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pminub
    SNIP_BEGIN sse_pminsw, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pminsw %xmm1, %xmm0
    pmaxsw %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pminsw
    SNIP_BEGIN sse_pand, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pand %xmm1, %xmm0
    pandn %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pand
    SNIP_BEGIN sse_por, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    por %xmm1, %xmm0
    pxor %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_por
    SNIP_BEGIN sse_pcmpeqb, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pcmpeqb %xmm1, %xmm0
    pcmpeqw %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pcmpeqb
    SNIP_BEGIN sse_pcmpeqd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pcmpeqd %xmm1, %xmm0
    pcmpgtb %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pcmpeqd
    SNIP_BEGIN sse_pcmpgtw, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pcmpgtw %xmm1, %xmm0
    pcmpgtd %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pcmpgtw
    SNIP_BEGIN sse_punpcklbw, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    punpcklbw %xmm1, %xmm0
    punpckhbw %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_punpcklbw
    SNIP_BEGIN sse_punpcklwd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    punpcklwd %xmm1, %xmm0
    punpckhwd %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_punpcklwd
    SNIP_BEGIN sse_punpckldq, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    punpckldq %xmm1, %xmm0
    punpckhdq %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_punpckldq
    SNIP_BEGIN sse_punpcklqdq, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    punpcklqdq %xmm1, %xmm0
    punpckhqdq %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_punpcklqdq
    SNIP_BEGIN sse_packsswb, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    packsswb %xmm1, %xmm0
    packuswb %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_packsswb
    SNIP_BEGIN sse_packssdw, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    packssdw %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_packssdw
    SNIP_BEGIN sse_pshufd, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pshufd $0x4e, %xmm1, %xmm0
    pshufhw $0x1b, %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pshufd
    SNIP_BEGIN sse_pshuflw, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pshuflw $0xd8, %xmm1, %xmm0
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pshuflw
    SNIP_BEGIN sse_psllw, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    psllw $3, %xmm0
    psrlw $15, %xmm1
    psraw $5, %xmm2
    movdqu %xmm2, 0x60(%rdi)
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_psllw
    SNIP_BEGIN sse_pslld, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    pslld $31, %xmm0
    psrld $1, %xmm1
    psrad $33, %xmm2
    movdqu %xmm2, 0x60(%rdi)
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_pslld
    SNIP_BEGIN sse_psllq, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    psllq $7, %xmm0
    psrlq $63, %xmm1
    pslldq $5, %xmm2
    movdqu %xmm2, 0x60(%rdi)
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_psllq
    SNIP_BEGIN sse_psrldq, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    psrldq $3, %xmm0
    psrldq $17, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_psrldq
    SNIP_BEGIN sse_psllreg, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    movl $9, %ecx
    movd %ecx, %xmm2
    psllw %xmm2, %xmm0
    psrad %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_psllreg
    SNIP_BEGIN sse_psrlqreg, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    andl $0x7f, %ecx
    movd %ecx, %xmm2
    psrlq %xmm2, %xmm0
    psllq %xmm2, %xmm1
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_psrlqreg
    SNIP_BEGIN sse_mmx_paddb, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    movq (%rdi), %mm0
    movq (%rsi), %mm1
    paddb %mm1, %mm0
    psubusw %mm1, %mm1
    pmaddwd 8(%rsi), %mm0
    movq %mm0, 0x60(%rdi)
    movq %mm1, %rax
    pshufw $0x93, %mm0, %mm2
    movq %mm2, %rbx
    emms
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_mmx_paddb
    SNIP_BEGIN sse_mmx_unpack, 0, K_MEM
    movl $0x1f80, 0x7c(%rdi)
    ldmxcsr 0x7c(%rdi)
    movdqu (%rdi), %xmm0
    movdqu (%rsi), %xmm1
    movdqu 0x10(%rsi), %xmm2
    movq (%rdi), %mm0
    movd 8(%rsi), %mm1
    punpcklbw %mm1, %mm0
    packsswb %mm0, %mm1
    psrlq $5, %mm0
    pmovmskb %mm1, %ecx
    movq %mm0, 0x60(%rdi)
    movq %mm1, %rax
    emms
    movdqu %xmm0, 0x40(%rdi)
    movdqu %xmm1, 0x50(%rdi)
    stmxcsr 0x7c(%rdi)
    SNIP_END sse_mmx_unpack

    .section .data.sniptab, "aw"
    .globl diff_snippets_end
diff_snippets_end:
    .section .note.GNU-stack,"",@progbits
