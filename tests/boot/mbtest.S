/*
 * A minimal multiboot v1 kernel (ELF32) for the direct-boot checks: it checks
 * EAX, prints its command line and its first module from the multiboot
 * information on COM1, then leaves through QEMU's isa-debug-exit port 0xF4
 * (value 0x10: status 33; 0x01 on a bad magic: status 3).
 */
    .include "multiboot_kernel.inc"
main:
    cmp $0x2BADB002, %eax
    jne fail
    mov $msg_ok, %esi
    call puts
    mov 16(%ebx), %esi          /* cmdline */
    call puts
    testl $8, (%ebx)            /* modules? */
    jz 1f
    mov $msg_mod, %esi
    call puts
    mov 24(%ebx), %edi
    mov (%edi), %esi            /* mod_start */
    mov 4(%edi), %ecx           /* mod_end */
    sub %esi, %ecx
    call putn
1:  mov $msg_end, %esi
    call puts
    mov $0xf4, %dx
    mov $0x10, %al
    out %al, %dx
    hlt
fail:
    mov $msg_fail, %esi
    call puts
    mov $0xf4, %dx
    mov $0x01, %al
    out %al, %dx
    hlt
putn:
    jecxz 3f
    lodsb
    mov $0x3f8, %dx
    out %al, %dx
    loop putn
3:  ret

    .section .data
msg_ok:   .asciz "MB-OK cmdline=["
msg_mod:  .asciz "] module=["
msg_end:  .asciz "]\n"
msg_fail: .asciz "MB-FAIL bad magic\n"

    .section .bss
    .align 16
    .space 4096
stack_top:
