/*
 * A guest program for test_cpu_system: starts in real mode at 0x8000 (like a
 * boot sector), enters 32-bit protected mode, then long mode with the page
 * tables the test built at 0x1000, and halts in 64-bit code.  Addresses are
 * written as (label - start + LOAD) so the bytes run where the test copies them.
 */
#define LOAD 0x8000
#define ABS(label) ((label) - modeswitch_start + LOAD)

    .section .rodata.modeswitch, "a"
    .globl modeswitch_start, modeswitch_end
    .code16
modeswitch_start:
    cli
    xor %ax, %ax
    mov %ax, %ds
    mov %ax, %ss
    mov $0x7c00, %sp
    pushw $0x1234                 /* real-mode stack works */
    popw %si
    lgdtl ABS(gdt_ptr)
    mov %cr0, %eax
    or $1, %eax
    mov %eax, %cr0
    ljmpl $0x08, $ABS(pm32)

    .code32
pm32:
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov $0x9000, %esp
    mov $0x1111, %ebx
    mov %cr4, %eax
    or $0x20, %eax                /* PAE */
    mov %eax, %cr4
    mov $0x1000, %eax
    mov %eax, %cr3
    mov $0xc0000080, %ecx         /* EFER.LME */
    rdmsr
    or $0x100, %eax
    wrmsr
    mov %cr0, %eax
    or $0x80000000, %eax          /* paging on: long mode becomes active */
    mov %eax, %cr0
    ljmpl $0x18, $ABS(lm64)

    .code64
lm64:
    mov $0x2222, %ecx
    movabs $0x123456789, %rdx
    push %rdx                     /* 64-bit stack */
    pop %rdi
    hlt

    .balign 8
gdt:
    .quad 0
    .quad 0x00cf9a000000ffff      /* 0x08: 32-bit code */
    .quad 0x00cf92000000ffff      /* 0x10: data */
    .quad 0x00af9a000000ffff      /* 0x18: 64-bit code */
gdt_ptr:
    .word 31
    .long ABS(gdt)
modeswitch_end:
    .section .note.GNU-stack,"",@progbits
