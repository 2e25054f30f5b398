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
    SNIP_BEGIN stdmovs, 0, K_STR
    std
    add $64, %rsi
    add $64, %rdi
    rep movsl
    cld
    SNIP_END stdmovs

    .section .data.sniptab, "aw"
    .globl diff_snippets_end
diff_snippets_end:
    .section .note.GNU-stack,"",@progbits
