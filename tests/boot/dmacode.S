/*
 * A multiboot v1 kernel (ELF32) for the check that device DMA over code the
 * CPU has already run is seen (dma-code-check.sh).  It builds a stub at
 * 2 MiB, runs it, has QEMU's fw_cfg DMA copy the 4-byte signature "QEMU"
 * over the stub's first bytes, and runs it again:
 *     stub before:  B0 41 51 55  EE 5D 59 C3   mov $'A',%al; push %ecx; push %ebp;
 *                                              out %al,%dx; pop %ebp; pop %ecx; ret
 *     stub after:   51 45 4D 55  EE 5D 59 C3   push %ecx; inc %ebp; dec %ebp; push %ebp; ...
 * The second call enters with AL = 'B' and DX = COM1, so it prints 'B'; a
 * CPU still running the code it decoded before the DMA prints 'A'.  It then
 * leaves by a triple fault (with -no-reboot the emulator exits).
 */
    .include "multiboot_kernel.inc"
main:
    mov $0x200000, %edi
    movl $0x555141B0, (%edi)
    movl $0xC3595DEE, 4(%edi)
    mov $0x80, %dx              /* first run: its byte goes to the POST port */
    call *%edi
    /* fw_cfg DMA: selector 0 (signature), 4 bytes, to the stub. */
    mov $0x514, %dx
    xor %eax, %eax
    out %eax, %dx               /* descriptor address, high half (big-endian) */
    mov $desc, %eax
    bswap %eax
    mov $0x518, %dx
    out %eax, %dx               /* low half: starts the transfer */
    mov $msg_head, %esi
    call puts
    cmpl $0, desc               /* control is 0 once the transfer is done */
    jne dma_failed
    mov $0x3f8, %dx
    mov $'B', %al
    call *%edi
    jmp done
dma_failed:
    mov $msg_fail, %esi
    call puts
done:
    mov $msg_end, %esi
    call puts
    lidt null_idt               /* no IDT: the INT3 escalates to a triple fault */
    int3
    hlt

    .section .data
    .align 16
desc:                           /* FWCfgDmaAccess, big-endian fields */
    .long 0x0A000000            /* control: select (0x08) | read (0x02), selector 0 */
    .long 0x04000000            /* length 4 */
    .long 0x00000000            /* address, high */
    .long 0x00002000            /* address, low: 0x00200000 */
null_idt:
    .word 0
    .long 0
msg_head: .asciz "DMA-CODE: ["
msg_fail: .asciz "dma failed"
msg_end:  .asciz "]\n"

    .section .bss
    .align 16
    .space 4096
stack_top:
