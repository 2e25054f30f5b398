/*
 * Runs an FPU/SIMD snippet natively with the full state of an fpu_diff_state
 * and stores the state back:
 *     void fpu_diff_run_native(fpu_diff_state *st, void *code);
 * Layout of fpu_diff_state: FXSAVE image (512 bytes, 16-aligned), 16 GPRs in
 * encoding order (slot 4, RSP, unused), RFLAGS.  The host's own x87/SSE
 * state is saved around the run.  The snippet ends by jumping to
 * fpu_diff_native_return.
 */
    .text
    .globl fpu_diff_run_native
    .type fpu_diff_run_native, @function
fpu_diff_run_native:
    push %rbx
    push %rbp
    push %r12
    push %r13
    push %r14
    push %r15
    fxsave host_fx(%rip)
    mov %rsp, saved_rsp(%rip)
    mov %rdi, state_ptr(%rip)
    mov %rsi, code_ptr(%rip)
    fxrstor 0(%rdi)
    pushq 640(%rdi)
    popfq
    mov 512(%rdi), %rax
    mov 520(%rdi), %rcx
    mov 528(%rdi), %rdx
    mov 536(%rdi), %rbx
    mov 552(%rdi), %rbp
    mov 560(%rdi), %rsi
    mov 576(%rdi), %r8
    mov 584(%rdi), %r9
    mov 592(%rdi), %r10
    mov 600(%rdi), %r11
    mov 608(%rdi), %r12
    mov 616(%rdi), %r13
    mov 624(%rdi), %r14
    mov 632(%rdi), %r15
    mov 568(%rdi), %rdi
    jmp *code_ptr(%rip)

    .globl fpu_diff_native_return
fpu_diff_native_return:
    mov %rdi, scratch(%rip)
    mov state_ptr(%rip), %rdi
    fxsave 0(%rdi)
    mov %rax, 512(%rdi)
    mov %rcx, 520(%rdi)
    mov %rdx, 528(%rdi)
    mov %rbx, 536(%rdi)
    mov %rbp, 552(%rdi)
    mov %rsi, 560(%rdi)
    mov %r8, 576(%rdi)
    mov %r9, 584(%rdi)
    mov %r10, 592(%rdi)
    mov %r11, 600(%rdi)
    mov %r12, 608(%rdi)
    mov %r13, 616(%rdi)
    mov %r14, 624(%rdi)
    mov %r15, 632(%rdi)
    pushfq
    popq 640(%rdi)
    mov scratch(%rip), %rax
    mov %rax, 568(%rdi)
    mov saved_rsp(%rip), %rsp
    fxrstor host_fx(%rip)
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbp
    pop %rbx
    cld
    ret

    .data
    .balign 16
host_fx: .skip 512
saved_rsp: .quad 0
state_ptr: .quad 0
code_ptr: .quad 0
scratch: .quad 0
    .section .note.GNU-stack,"",@progbits
