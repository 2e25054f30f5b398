/*
 * System-level tests of the software CPU with tiny hand-assembled 64-bit
 * guest programs: exceptions through the IDT with the right vectors, error
 * codes, saved RIP and CR2 (#DE, #UD, #BP, #PF read/write/not-present,
 * #GP on a bad selector and a non-canonical address), IRETQ to ring 3 and
 * SYSCALL back, a triple fault requesting a machine reset, self-modifying
 * code, and real -> protected -> long mode as a boot loader switches.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "guest_env.h"
#include "accel/tcg/code_cache.h"

#define IDT_BASE 0x5000u
#define HANDLERS 0x6000u
#define GDT_BASE 0x7000u
#define TSS_BASE 0x7800u
#define KSTACK_TOP 0x80000u

static unsigned failures;

#define CHECK(cond, ...) do { if (!(cond)) { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); failures++; } } while (0)

static void put64(guest_env *e, uint32_t pa, uint64_t v) { memcpy(e->ram + pa, &v, 8); }

/* 64-bit interrupt gate for vector -> HANDLERS + vector * 32, DPL 3. */
static void build_idt(guest_env *e)
{
    for (unsigned vec = 0; vec < 32; vec++) {
        uint64_t target = HANDLERS + vec * 32;
        uint64_t lo = (target & 0xffff) | (0x08ull << 16) | (0xeeull << 40) |
                      ((target >> 16) << 48);
        put64(e, IDT_BASE + vec * 16, lo);
        put64(e, IDT_BASE + vec * 16 + 8, target >> 32);
        /* Handler: mov $vec,%r15d; mov (%rsp),%r14; mov %cr2,%r13; mov 8(%rsp),%r12; hlt */
        uint8_t h[] = { 0x41, 0xbf, (uint8_t)vec, 0, 0, 0, 0x4c, 0x8b, 0x34, 0x24,
                        0x41, 0x0f, 0x20, 0xd5, 0x4c, 0x8b, 0x64, 0x24, 0x08, 0xf4 };
        memcpy(e->ram + HANDLERS + vec * 32, h, sizeof(h));
    }
    e->cpu->s.idtr = (mm_x86_dtable){ IDT_BASE, 32 * 16 - 1 };
}

static void build_gdt_tss(guest_env *e)
{
    put64(e, GDT_BASE + 0x00, 0);
    put64(e, GDT_BASE + 0x08, 0x00af9b000000ffffull);   /* kernel code 64 */
    put64(e, GDT_BASE + 0x10, 0x00cf93000000ffffull);   /* kernel data */
    put64(e, GDT_BASE + 0x18, 0x00cffb000000ffffull);   /* user code 32 */
    put64(e, GDT_BASE + 0x20, 0x00cff3000000ffffull);   /* user data */
    put64(e, GDT_BASE + 0x28, 0x00affb000000ffffull);   /* user code 64 */
    e->cpu->s.gdtr = (mm_x86_dtable){ GDT_BASE, 0x2f };
    memset(e->ram + TSS_BASE, 0, 104);
    put64(e, TSS_BASE + 4, KSTACK_TOP);                 /* RSP0 */
    e->cpu->s.tr = (mm_x86_segment){ .selector = 0x30, .base = TSS_BASE, .limit = 0x67,
                                     .flags = X86_DESC_P | (X86_SYS_TSS_BUSY << 8) };
}

/* Sets up long mode with IDT/GDT/TSS and runs code until HLT. */
static tcg_vcpu *run(guest_env *e, const uint8_t *code, size_t len)
{
    guest_env_enter_long_mode(e);
    build_idt(e);
    build_gdt_tss(e);
    guest_env_load(e, GUEST_CODE, code, len);
    tcg_code_flush_all(e->mach);
    for (int i = 0; i < 16; i++)
        if (i != X86_R_SP)
            e->cpu->s.regs[i] = 0;
    tcg_vcpu_state_changed(e->cpu);
    tcg_exit why = guest_env_run(e, 100000);
    CHECK(why == TCG_EXIT_HALTED, "guest did not halt (exit %d, rip %#" PRIx64 ")", why,
          e->cpu->s.rip);
    return e->cpu;
}

static void expect_exception(guest_env *e, const char *what, const uint8_t *code, size_t len,
                             unsigned vector, bool has_error, uint64_t error, uint64_t rip)
{
    tcg_vcpu *v = run(e, code, len);
    uint64_t *r = v->s.regs;
    CHECK(r[X86_R_R15] == vector, "%s: vector %" PRIu64 ", expected %u", what, r[X86_R_R15], vector);
    if (has_error) {
        CHECK(r[X86_R_R14] == error, "%s: error code %#" PRIx64 ", expected %#" PRIx64, what,
              r[X86_R_R14], error);
        CHECK(r[X86_R_R12] == rip, "%s: saved RIP %#" PRIx64 ", expected %#" PRIx64, what,
              r[X86_R_R12], rip);
    } else {
        CHECK(r[X86_R_R14] == rip, "%s: saved RIP %#" PRIx64 ", expected %#" PRIx64, what,
              r[X86_R_R14], rip);
    }
}

static void test_exceptions(guest_env *e)
{
    static const uint8_t div0[] = { 0x31, 0xc9, 0xf7, 0xf1 };            /* xor ecx,ecx; div ecx */
    expect_exception(e, "#DE", div0, sizeof(div0), X86_EXC_DE, false, 0, GUEST_CODE + 2);
    static const uint8_t ud2[] = { 0x90, 0x0f, 0x0b };
    expect_exception(e, "#UD", ud2, sizeof(ud2), X86_EXC_UD, false, 0, GUEST_CODE + 1);
    static const uint8_t int3[] = { 0x90, 0xcc, 0x90 };
    expect_exception(e, "#BP", int3, sizeof(int3), X86_EXC_BP, false, 0, GUEST_CODE + 2);
    /* POPF setting TF: the single-step #DB traps after the next instruction
     * (the first NOP), with DR6.BS set; INT3 while stepping gets no trap of
     * its own (its #BP comes first). */
    static const uint8_t step[] = { 0x9c, 0x48, 0x81, 0x0c, 0x24, 0x00, 0x01, 0x00, 0x00,
                                    0x9d, 0x90, 0x90 };   /* pushfq; orq $0x100,(%rsp); popfq; nop; nop */
    e->cpu->s.dr[6] = 0xffff0ff0;
    expect_exception(e, "#DB single step", step, sizeof(step), X86_EXC_DB, false, 0,
                     GUEST_CODE + 11);
    CHECK(e->cpu->s.dr[6] & (1u << 14), "#DB single step: DR6 %#" PRIx64 " without BS",
          e->cpu->s.dr[6]);
    /* The same, the second time round a loop whose blocks are already
     * decoded and chained: the chain must stop where POPF sets TF. */
    static const uint8_t step_chained[] = {
        0xb9, 0x02, 0x00, 0x00, 0x00,                   /* mov $2,%ecx */
        0x9c, 0x48, 0x09, 0x1c, 0x24, 0x9d,             /* 1: pushfq; or %rbx,(%rsp); popfq */
        0x90,                                           /* nop */
        0xbb, 0x00, 0x01, 0x00, 0x00,                   /* mov $0x100,%ebx */
        0xff, 0xc9, 0x75, 0xf0,                         /* dec %ecx; jnz 1b */
        0xf4,
    };
    expect_exception(e, "#DB single step, chained", step_chained, sizeof(step_chained),
                     X86_EXC_DB, false, 0, GUEST_CODE + 12);
    /* DR0 = the second NOP, DR7 L0 (execute): #DB as a fault before it, B0 in DR6. */
    static const uint8_t exec_bp[] = {
        0xb8, 0x11, 0x00, 0x10, 0x00,                   /* mov $0x100011,%eax */
        0x0f, 0x23, 0xc0,                               /* mov %rax,%dr0 */
        0xb8, 0x01, 0x00, 0x00, 0x00,                   /* mov $1,%eax */
        0x0f, 0x23, 0xf8,                               /* mov %rax,%dr7 */
        0x90, 0x90, 0xf4,                               /* nop; nop (breakpoint); hlt */
    };
    e->cpu->s.dr[6] = 0xffff0ff0;
    expect_exception(e, "#DB instruction breakpoint", exec_bp, sizeof(exec_bp), X86_EXC_DB,
                     false, 0, GUEST_CODE + 17);
    CHECK((e->cpu->s.dr[6] & 0xf) == 1, "#DB instruction breakpoint: DR6 %#" PRIx64,
          e->cpu->s.dr[6]);
    e->cpu->s.dr[7] = 0;
    /* DR1 = 4 bytes at the data window + 0x100, DR7 L1 write-only: a read
     * and a write elsewhere in the page pass (the page's accesses must not
     * take a fast TLB entry), a write overlapping them traps after the
     * instruction (B1). */
    static const uint8_t data_bp[] = {
        0xb8, 0x00, 0x01, 0x00, 0x40,                   /* mov $0x40000100,%eax */
        0x0f, 0x23, 0xc8,                               /* mov %rax,%dr1 */
        0xb8, 0x04, 0x00, 0xd0, 0x00,                   /* mov $0xd00004,%eax: L1, W, 4 bytes */
        0x0f, 0x23, 0xf8,                               /* mov %rax,%dr7 */
        0xbb, 0x00, 0x01, 0x00, 0x40,                   /* mov $0x40000100,%ebx */
        0x8b, 0x0b,                                     /* mov (%rbx),%ecx: read, no trap */
        0xc7, 0x43, 0x40, 0x09, 0x00, 0x00, 0x00,       /* movl $9,0x40(%rbx): same page, no trap */
        0xc7, 0x43, 0x02, 0x05, 0x00, 0x00, 0x00,       /* movl $5,2(%rbx): write, trap */
        0x90, 0xf4,
    };
    e->cpu->s.dr[6] = 0xffff0ff0;
    expect_exception(e, "#DB data breakpoint", data_bp, sizeof(data_bp), X86_EXC_DB, false, 0,
                     GUEST_CODE + 37);
    CHECK((e->cpu->s.dr[6] & 0xf) == 2, "#DB data breakpoint: DR6 %#" PRIx64, e->cpu->s.dr[6]);
    e->cpu->s.dr[7] = 0;
    static const uint8_t step_int3[] = { 0x9c, 0x48, 0x81, 0x0c, 0x24, 0x00, 0x01, 0x00, 0x00,
                                         0x9d, 0xcc, 0x90 };   /* ...; popfq; int3; nop */
    expect_exception(e, "#BP while stepping", step_int3, sizeof(step_int3), X86_EXC_BP, false,
                     0, GUEST_CODE + 11);

    /* movabs 0x80000000, %rax: PDPT entry 2 is not present. */
    static const uint8_t pf_read[] = { 0x48, 0xa1, 0, 0, 0, 0x80, 0, 0, 0, 0 };
    expect_exception(e, "#PF read", pf_read, sizeof(pf_read), X86_EXC_PF, true, 0, GUEST_CODE);
    CHECK(e->cpu->s.regs[X86_R_R13] == 0x80000000, "#PF read: CR2 %#" PRIx64,
          e->cpu->s.regs[X86_R_R13]);
    static const uint8_t pf_write[] = { 0x90, 0x48, 0xa3, 0x08, 0, 0, 0x80, 0, 0, 0, 0 };
    expect_exception(e, "#PF write", pf_write, sizeof(pf_write), X86_EXC_PF, true, X86_PF_W,
                     GUEST_CODE + 1);
    CHECK(e->cpu->s.regs[X86_R_R13] == 0x80000008, "#PF write: CR2 %#" PRIx64,
          e->cpu->s.regs[X86_R_R13]);

    /* mov $0x1230,%ax; mov %ax,%ds: selector beyond the GDT limit -> #GP(0x1230). */
    static const uint8_t gp_sel[] = { 0x66, 0xb8, 0x30, 0x12, 0x8e, 0xd8 };
    expect_exception(e, "#GP selector", gp_sel, sizeof(gp_sel), X86_EXC_GP, true, 0x1230,
                     GUEST_CODE + 4);
    /* movabs 0x0000800000000000, %rax: non-canonical -> #GP(0). */
    static const uint8_t gp_canon[] = { 0x48, 0xa1, 0, 0, 0, 0, 0, 0x80, 0, 0 };
    expect_exception(e, "#GP canonical", gp_canon, sizeof(gp_canon), X86_EXC_GP, true, 0,
                     GUEST_CODE);
}

/* Kernel IRETQs to a ring-3 routine that issues SYSCALL; LSTAR halts. */
static void test_ring3_syscall(guest_env *e)
{
    uint8_t code[0x300];
    memset(code, 0x90, sizeof(code));
    static const uint8_t kernel[] = {
        0x6a, 0x23,                               /* push $0x23 (user SS) */
        0x68, 0x00, 0x00, 0x07, 0x00,             /* push $0x70000 (user RSP) */
        0x9c,                                     /* pushfq */
        0x6a, 0x2b,                               /* push $0x2b (user CS, 64-bit) */
        0x68, 0x00, 0x01, 0x10, 0x00,             /* push $GUEST_CODE+0x100 */
        0x48, 0xcf,                               /* iretq */
    };
    static const uint8_t user[] = {
        0x8c, 0xc8,                               /* mov %cs, %eax */
        0x89, 0xc3,                               /* mov %eax, %ebx */
        0xb8, 0x42, 0, 0, 0,                      /* mov $0x42, %eax */
        0x0f, 0x05,                               /* syscall */
    };
    static const uint8_t entry[] = { 0x49, 0x89, 0xce, 0xf4 };   /* mov %rcx,%r14; hlt */
    memcpy(code, kernel, sizeof(kernel));
    memcpy(code + 0x100, user, sizeof(user));
    memcpy(code + 0x200, entry, sizeof(entry));
    guest_env_enter_long_mode(e);
    e->cpu->s.msr.star = (0x18ull | 3) << 48 | (0x08ull << 32);
    e->cpu->s.msr.lstar = GUEST_CODE + 0x200;
    e->cpu->s.msr.sfmask = X86_FLAG_IF;
    tcg_vcpu *v = run(e, code, sizeof(code));
    CHECK(v->s.regs[X86_R_BX] == 0x2b, "ring 3: CS was %#" PRIx64 ", expected 0x2b",
          v->s.regs[X86_R_BX]);
    CHECK(v->s.regs[X86_R_R14] == GUEST_CODE + 0x100 + sizeof(user),
          "SYSCALL: RCX %#" PRIx64, v->s.regs[X86_R_R14]);
    CHECK(mm_x86_cpl(&v->s) == 0 && v->s.seg[X86_SEG_CS].selector == 0x08,
          "SYSCALL: CPL %u CS %#x", mm_x86_cpl(&v->s), v->s.seg[X86_SEG_CS].selector);
    CHECK(v->s.regs[X86_R_SP] == 0x70000, "SYSCALL: RSP %#" PRIx64 " (must stay the user's)",
          v->s.regs[X86_R_SP]);
}

/* A #PF whose handler is missing (IDT limit 0) escalates to a triple fault. */
static void test_triple_fault(guest_env *e)
{
    static const uint8_t pf_read[] = { 0x48, 0xa1, 0, 0, 0, 0x80, 0, 0, 0, 0 };
    guest_env_enter_long_mode(e);
    guest_env_load(e, GUEST_CODE, pf_read, sizeof(pf_read));
    e->cpu->s.idtr = (mm_x86_dtable){ IDT_BASE, 0 };
    tcg_vcpu_state_changed(e->cpu);
    unsigned before = e->reset_requests;
    tcg_exit why = guest_env_run(e, 1000);
    CHECK(why == TCG_EXIT_SHUTDOWN && e->reset_requests == before + 1,
          "triple fault: exit %d, reset requests %u", why, e->reset_requests - before);
    e->cpu->shutdown = false;
    e->cpu->exit_request = false;
}

/* A store into the code that runs next must be seen (self-modifying code). */
static void test_self_modifying_code(guest_env *e)
{
    static const uint8_t code[] = {
        0xc6, 0x05, 0x01, 0x00, 0x00, 0x00, 0x2a,   /* movb $0x2a, 1(%rip) -> imm of next insn */
        0xb8, 0x01, 0x00, 0x00, 0x00,               /* mov $1, %eax (becomes mov $0x2a) */
        0xf4,
    };
    tcg_vcpu *v = run(e, code, sizeof(code));
    CHECK(v->s.regs[X86_R_AX] == 0x2a, "SMC: eax %#" PRIx64 ", expected 0x2a",
          v->s.regs[X86_R_AX]);
}

/* Flat 32-bit protected mode, no paging, no IDT (a fault escalates to a
 * triple fault). */
static void enter_protected_mode32(guest_env *e)
{
    mm_x86_cpu *s = &e->cpu->s;
    s->cr0 = X86_CR0_PE | X86_CR0_ET | X86_CR0_NE;
    s->cr4 = 0;
    s->efer = 0;
    for (unsigned i = 0; i < X86_SEG_COUNT; i++) {
        bool code_seg = i == X86_SEG_CS;
        s->seg[i] = (mm_x86_segment){ .selector = code_seg ? 0x08 : 0x10, .base = 0,
                                      .limit = 0xffffffff,
                                      .flags = X86_DESC_P | X86_DESC_S | X86_DESC_G | X86_DESC_A |
                                               X86_DESC_W | X86_DESC_B |
                                               (code_seg ? X86_DESC_CS : 0) };
    }
    s->idtr = (mm_x86_dtable){ 0, 0 };
    for (int i = 0; i < 16; i++)
        s->regs[i] = 0;
    s->regs[X86_R_SP] = GUEST_STACK_TOP;
    s->rip = GUEST_CODE;
    s->rflags = X86_FLAG_FIXED1;
    s->halted = false;
}

/* Runs code at GUEST_CODE until HLT or the budget. */
static tcg_exit run_code(guest_env *e, const uint8_t *code, size_t len)
{
    guest_env_load(e, GUEST_CODE, code, len);
    tcg_code_flush_all(e->mach);
    tcg_vcpu_state_changed(e->cpu);
    return guest_env_run(e, 100000);
}

static tcg_exit run32(guest_env *e, const uint8_t *code, size_t len)
{
    enter_protected_mode32(e);
    return run_code(e, code, len);
}

#define TASK_GDT 0x7000u
#define TASK_IDT 0x7100u
#define TSS_A 0x6000u
#define TSS_B 0x6100u
static void put32(guest_env *e, uint32_t pa, uint32_t v) { memcpy(e->ram + pa, &v, 4); }
static uint32_t get32(guest_env *e, uint32_t pa) { uint32_t v; memcpy(&v, e->ram + pa, 4); return v; }

/* Task B's TSS format: where its fields are, how wide, and its descriptor. */
typedef struct tss_format {
    const char *name;
    uint32_t desc_lo, desc_hi;      /* GDT entry 0x20 */
    unsigned width, eip, eflags, gprs, segs, nsegs;
    uint32_t code;                  /* where task B's code runs (IP fits the format) */
} tss_format;

static const tss_format tss32_format = { "32-bit TSS", 0x61000067, 0x00008900, 4, 0x20, 0x24,
                                         0x28, 0x48, 6, GUEST_CODE + 0x100 };
static const tss_format tss16_format = { "16-bit TSS", 0x6100002b, 0x00008100, 2, 0x0e, 0x10,
                                         0x12, 0x22, 4, 0x8000 };

static void put_tss_field(guest_env *e, const tss_format *f, unsigned off, uint32_t v)
{
    memcpy(e->ram + TSS_B + off, &v, f->width);
}

/* Task A (32-bit TSS) CALLs task B through its TSS, B IRETs back (NT),
 * then A enters B again through a task gate (INT 0x30) and B, resuming
 * after its IRET, returns once more.  Each task keeps its own registers in
 * its TSS (a 16-bit TSS only their low halves). */
static void check_task_switch(guest_env *e, const tss_format *f)
{
    static const uint8_t task_a[] = {
        0xb8, 0x11, 0x00, 0x00, 0x00,                   /* mov $0x11,%eax */
        0x9a, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00,       /* lcall $0x20,$0 (TSS B) */
        0x89, 0xc3,                                     /* mov %eax,%ebx */
        0xcd, 0x30,                                     /* int $0x30 (task gate to B) */
        0x89, 0xc6,                                     /* mov %eax,%esi */
        0xf4,
    };
    static const uint8_t task_b[] = {
        0x83, 0xc0, 0x42,                               /* 1: add $0x42,%eax */
        0x89, 0xc2,                                     /* mov %eax,%edx */
        0xcf,                                           /* iret (NT: back to the caller) */
        0xeb, 0xf8,                                     /* jmp 1b */
    };
    enter_protected_mode32(e);
    mm_x86_cpu *s = &e->cpu->s;
    memset(e->ram + TSS_A, 0, 0x200);
    const uint32_t gdt[] = {
        0, 0,
        0x0000ffff, 0x00cf9a00,                         /* 0x08 code */
        0x0000ffff, 0x00cf9200,                         /* 0x10 data */
        0x60000067, 0x00008b00,                         /* 0x18 TSS A (32-bit), busy */
        f->desc_lo, f->desc_hi,                         /* 0x20 TSS B, available */
    };
    memcpy(e->ram + TASK_GDT, gdt, sizeof(gdt));
    put32(e, TASK_IDT + 0x30 * 8, 0x20u << 16);        /* task gate -> TSS B */
    put32(e, TASK_IDT + 0x30 * 8 + 4, 0x00008500);
    put_tss_field(e, f, f->eip, f->code);
    put_tss_field(e, f, f->eflags, X86_FLAG_FIXED1);
    put_tss_field(e, f, f->gprs + f->width * X86_R_SP, 0x8000 - 0x100);
    static const uint16_t b_segs[6] = { 0x10, 0x08, 0x10, 0x10, 0x10, 0x10 };
    for (unsigned i = 0; i < f->nsegs; i++)
        put_tss_field(e, f, f->segs + f->width * i, b_segs[i]);
    s->gdtr = (mm_x86_dtable){ TASK_GDT, sizeof(gdt) - 1 };
    s->idtr = (mm_x86_dtable){ TASK_IDT, 0x30 * 8 + 7 };
    s->tr = (mm_x86_segment){ .selector = 0x18, .base = TSS_A, .limit = 0x67,
                              .flags = X86_DESC_P | (X86_SYS_TSS_BUSY << 8) };
    guest_env_load(e, f->code, task_b, sizeof(task_b));
    tcg_exit why = run_code(e, task_a, sizeof(task_a));
    const uint64_t *r = s->regs;
    uint32_t b_eax = 0;
    memcpy(&b_eax, e->ram + TSS_B + f->gprs, f->width);
    unsigned b_type = (get32(e, TASK_GDT + 0x24) >> 8) & 0xf;
    CHECK(why == TCG_EXIT_HALTED, "%s: exit %d at %#" PRIx64, f->name, why, s->rip);
    CHECK(r[X86_R_BX] == 0x11 && r[X86_R_SI] == 0x11,
          "%s: task A's EAX after the returns %#" PRIx64 ", %#" PRIx64 ", expected 0x11",
          f->name, r[X86_R_BX], r[X86_R_SI]);
    CHECK(b_eax == 0x84, "%s: task B's saved EAX %#x, expected 0x84", f->name, b_eax);
    CHECK((get32(e, TSS_B) & 0xffff) == 0x18, "%s: TSS B link %#x, expected 0x18", f->name,
          get32(e, TSS_B) & 0xffff);
    CHECK(((get32(e, TASK_GDT + 0x1c) >> 8) & 0xf) == X86_SYS_TSS_BUSY && !(b_type & 2),
          "%s: busy bits A %#x B %#x", f->name, get32(e, TASK_GDT + 0x1c),
          get32(e, TASK_GDT + 0x24));
    CHECK(s->tr.selector == 0x18 && !(s->rflags & X86_FLAG_NT) && (s->cr0 & X86_CR0_TS),
          "%s: TR %#x, NT %d, CR0.TS %d", f->name, s->tr.selector,
          !!(s->rflags & X86_FLAG_NT), !!(s->cr0 & X86_CR0_TS));
    s->cr0 &= ~(uint64_t)X86_CR0_TS;
}

static void test_task_switch(guest_env *e)
{
    check_task_switch(e, &tss32_format);
    check_task_switch(e, &tss16_format);
}

/* Ring 3 CALLs through a call gate (2 parameters) into ring 0, which reads
 * the copied parameters and the caller's SS:ESP from its own stack, then
 * RETF 8 returns to ring 3 and releases the parameters on both stacks.
 * Ring 3 then enters ring 0 again by INT 0x21 (the same inner stack from
 * the TSS), whose handler reads the interrupted SS:ESP and halts. */
static void test_call_gate(guest_env *e)
{
    static const uint8_t ring0_start[] = {
        0x6a, 0x2b,                                     /* push $0x2b (user SS) */
        0x68, 0x00, 0x00, 0x06, 0x00,                   /* push $0x60000 (user ESP) */
        0x6a, 0x02,                                     /* push $2 (EFLAGS) */
        0x6a, 0x23,                                     /* push $0x23 (user CS) */
        0x68, 0x80, 0x00, 0x10, 0x00,                   /* push $0x100080 */
        0xcf,                                           /* iret: to ring 3 */
    };
    static const uint8_t ring3[] = {
        0x6a, 0x07, 0x6a, 0x05,                         /* push $7; push $5 */
        0x9a, 0x00, 0x00, 0x00, 0x00, 0x33, 0x00,       /* lcall $0x33,$0 (gate, RPL 3) */
        0x89, 0xc6,                                     /* mov %eax,%esi */
        0xcd, 0x21,                                     /* int $0x21 */
    };
    static const uint8_t ring0_handler[] = {
        0x8b, 0x44, 0x24, 0x08,                         /* mov 8(%esp),%eax: first parameter */
        0x8b, 0x5c, 0x24, 0x0c,                         /* mov 12(%esp),%ebx: second */
        0x8b, 0x4c, 0x24, 0x10,                         /* mov 16(%esp),%ecx: caller's ESP */
        0x8b, 0x54, 0x24, 0x14,                         /* mov 20(%esp),%edx: caller's SS */
        0xca, 0x08, 0x00,                               /* lret $8 */
    };
    static const uint8_t ring0_interrupt[] = {
        0x8b, 0x7c, 0x24, 0x0c,                         /* mov 12(%esp),%edi: interrupted ESP */
        0x8b, 0x6c, 0x24, 0x10,                         /* mov 16(%esp),%ebp: interrupted SS */
        0xf4,
    };
    enter_protected_mode32(e);
    mm_x86_cpu *s = &e->cpu->s;
    memset(e->ram + TSS_A, 0, 0x100);
    static const uint32_t gdt[] = {
        0, 0,
        0x0000ffff, 0x00cf9a00,                         /* 0x08 ring 0 code */
        0x0000ffff, 0x00cf9200,                         /* 0x10 ring 0 data */
        0x60000067, 0x00008b00,                         /* 0x18 TSS, busy */
        0x0000ffff, 0x00cffa00,                         /* 0x20 ring 3 code */
        0x0000ffff, 0x00cff200,                         /* 0x28 ring 3 data */
        0x00080100, 0x0010ec02,                         /* 0x30 call gate, DPL 3, 2 params -> 08:100100 */
    };
    memcpy(e->ram + TASK_GDT, gdt, sizeof(gdt));
    put32(e, TSS_A + 4, 0x70000);                       /* ESP0 */
    put32(e, TSS_A + 8, 0x10);                          /* SS0 */
    s->gdtr = (mm_x86_dtable){ TASK_GDT, sizeof(gdt) - 1 };
    s->tr = (mm_x86_segment){ .selector = 0x18, .base = TSS_A, .limit = 0x67,
                              .flags = X86_DESC_P | (X86_SYS_TSS_BUSY << 8) };
    put32(e, TASK_IDT + 0x21 * 8, 0x00080180);           /* interrupt gate, DPL 3 -> 08:100180 */
    put32(e, TASK_IDT + 0x21 * 8 + 4, 0x0010ee00);
    s->idtr = (mm_x86_dtable){ TASK_IDT, 0x21 * 8 + 7 };
    guest_env_load(e, GUEST_CODE + 0x180, ring0_interrupt, sizeof(ring0_interrupt));
    guest_env_load(e, GUEST_CODE + 0x80, ring3, sizeof(ring3));
    guest_env_load(e, GUEST_CODE + 0x100, ring0_handler, sizeof(ring0_handler));
    tcg_exit why = run_code(e, ring0_start, sizeof(ring0_start));
    const uint64_t *r = s->regs;
    CHECK(why == TCG_EXIT_HALTED && mm_x86_cpl(s) == 0,
          "call gate: exit %d, CPL %u at %#" PRIx64 " (expected the ring 0 INT handler)", why,
          mm_x86_cpl(s), s->rip);
    CHECK(r[X86_R_AX] == 5 && r[X86_R_BX] == 7 && r[X86_R_SI] == 5,
          "call gate: parameters %#" PRIx64 ", %#" PRIx64 " (expected 5, 7)", r[X86_R_AX],
          r[X86_R_BX]);
    CHECK(r[X86_R_CX] == 0x60000 - 8 && r[X86_R_DX] == 0x2b,
          "call gate: saved SS:ESP %#" PRIx64 ":%#" PRIx64 ", expected 0x2b:0x5fff8",
          r[X86_R_DX], r[X86_R_CX]);
    CHECK(r[X86_R_DI] == 0x60000 && r[X86_R_BP] == 0x2b,
          "call gate: after RETF 8, SS:ESP %#" PRIx64 ":%#" PRIx64 " (as INT saw them), "
          "expected 0x2b:0x60000", r[X86_R_BP], r[X86_R_DI]);
    CHECK((uint32_t)r[X86_R_SP] == 0x70000 - 20 && s->seg[X86_SEG_SS].selector == 0x10,
          "INT from ring 3: SS:ESP %#x:%#" PRIx64 ", expected the TSS's 0x10:0x70000 less "
          "the 20-byte frame", s->seg[X86_SEG_SS].selector, r[X86_R_SP]);
}

/* The BCD adjustments, worked examples of the SDM's pseudocode: 79+35
 * (DAA: 14, carry), 35-47 (DAS: 88, borrow), 8+9 (AAA: AX 0107), 12-5 (AAS:
 * AX 0007), AAM of 63 (0603), AAD base 16 of 0603 (0063). */
static void test_bcd_adjust(guest_env *e)
{
    static const uint8_t code[] = {
        0xb0, 0x79, 0x04, 0x35, 0x27, 0x89, 0xc3,         /* mov $0x79,%al; add $0x35,%al; daa; mov %eax,%ebx */
        0xb0, 0x35, 0x2c, 0x47, 0x2f, 0x89, 0xc1,         /* mov $0x35,%al; sub $0x47,%al; das; mov %eax,%ecx */
        0x66, 0xb8, 0x08, 0x00, 0x04, 0x09, 0x37, 0x89, 0xc2, /* mov $8,%ax; add $9,%al; aaa; mov %eax,%edx */
        0x66, 0xb8, 0x02, 0x01, 0x2c, 0x05, 0x3f, 0x89, 0xc6, /* mov $0x102,%ax; sub $5,%al; aas; mov %eax,%esi */
        0xb0, 0x3f, 0xd4, 0x0a, 0x89, 0xc7,               /* mov $0x3f,%al; aam; mov %eax,%edi */
        0xd5, 0x10, 0x89, 0xc5,                           /* aad $16; mov %eax,%ebp */
        0xf4,
    };
    tcg_exit why = run32(e, code, sizeof(code));
    const uint64_t *r = e->cpu->s.regs;
    CHECK(why == TCG_EXIT_HALTED, "BCD: exit %d at %#" PRIx64, why, e->cpu->s.rip);
    CHECK((r[X86_R_BX] & 0xff) == 0x14, "DAA: AL %#" PRIx64 ", expected 0x14", r[X86_R_BX] & 0xff);
    CHECK((r[X86_R_CX] & 0xff) == 0x88, "DAS: AL %#" PRIx64 ", expected 0x88", r[X86_R_CX] & 0xff);
    CHECK((r[X86_R_DX] & 0xffff) == 0x0107, "AAA: AX %#" PRIx64 ", expected 0x0107",
          r[X86_R_DX] & 0xffff);
    CHECK((r[X86_R_SI] & 0xffff) == 0x0007, "AAS: AX %#" PRIx64 ", expected 0x0007",
          r[X86_R_SI] & 0xffff);
    CHECK((r[X86_R_DI] & 0xffff) == 0x0603, "AAM: AX %#" PRIx64 ", expected 0x0603",
          r[X86_R_DI] & 0xffff);
    CHECK((r[X86_R_BP] & 0xffff) == 0x0063, "AAD: AX %#" PRIx64 ", expected 0x0063",
          r[X86_R_BP] & 0xffff);
}

/* ARPL raises a selector's RPL (ZF set) or leaves it (ZF clear); BOUND
 * passes an index inside [0, 100] and faults (no IDT: triple fault) outside. */
static void test_arpl_bound(guest_env *e)
{
    static const uint8_t code[] = {
        0xb8, 0x10, 0x00, 0x00, 0x00, 0xbb, 0x13, 0x00, 0x00, 0x00, /* mov $0x10,%eax; mov $0x13,%ebx */
        0x63, 0xd8, 0x0f, 0x94, 0xc1,                   /* arpl %bx,%ax; setz %cl */
        0x63, 0xd8, 0x0f, 0x94, 0xc5,                   /* arpl %bx,%ax; setz %ch */
        0xba, 0x32, 0x00, 0x00, 0x00,                   /* mov $50,%edx */
        0x62, 0x15, 0x00, 0x80, 0x00, 0x00,             /* bound %edx, 0x8000 */
        0xf4,
    };
    static const int32_t bounds[2] = { 0, 100 };
    memcpy(e->ram + 0x8000, bounds, sizeof(bounds));
    tcg_exit why = run32(e, code, sizeof(code));
    const uint64_t *r = e->cpu->s.regs;
    CHECK(why == TCG_EXIT_HALTED, "ARPL/BOUND: exit %d at %#" PRIx64, why, e->cpu->s.rip);
    CHECK((r[X86_R_AX] & 0xffff) == 0x13 && (r[X86_R_CX] & 0xffff) == 0x0001,
          "ARPL: AX %#" PRIx64 " ZF %#" PRIx64 ", expected 0x13 and 1 then 0",
          r[X86_R_AX] & 0xffff, r[X86_R_CX] & 0xffff);
    uint8_t out_of_range[sizeof(code)];
    memcpy(out_of_range, code, sizeof(code));
    out_of_range[21] = 150;   /* mov $150,%edx */
    unsigned before = e->reset_requests;
    why = run32(e, out_of_range, sizeof(out_of_range));
    CHECK(why == TCG_EXIT_SHUTDOWN && e->reset_requests == before + 1,
          "BOUND out of range: exit %d, expected a fault (triple fault without an IDT)", why);
    e->cpu->shutdown = false;
    e->cpu->exit_request = false;
}

#define PT_4K 0xa000u
#define PAGE_SUP 0x600000u      /* supervisor, writable */
#define PAGE_USER_RO 0x601000u  /* user, read-only */
#define PAGE_NX 0x602000u       /* supervisor, no-execute */
#define PAGE_USER_RW 0x603000u  /* user, writable */

/* 4 KiB pages at 6 MiB with different permissions (replaces the 2 MiB map). */
static void map_test_pages(guest_env *e)
{
    uint64_t p = X86_PTE_P, w = X86_PTE_W, u = X86_PTE_U;
    memset(e->ram + PT_4K, 0, 4096);
    put64(e, PT_4K + 0 * 8, PAGE_SUP | p | w);
    put64(e, PT_4K + 1 * 8, PAGE_USER_RO | p | u);
    put64(e, PT_4K + 2 * 8, PAGE_NX | p | w | X86_PTE_NX);
    put64(e, PT_4K + 3 * 8, PAGE_USER_RW | p | w | u);
    put64(e, GUEST_PD_LOW + 3 * 8, PT_4K | p | w | u);
    e->ram[PAGE_NX] = 0xc3;   /* ret */
}

static uint64_t pte(guest_env *e, unsigned index)
{
    uint64_t v;
    memcpy(&v, e->ram + PT_4K + index * 8, 8);
    return v;
}

/* Runs code in ring 0 (after map_test_pages) and expects a #PF. */
static void expect_pf(guest_env *e, const char *what, const uint8_t *code, size_t len,
                      uint32_t error, uint64_t cr2, bool wp)
{
    guest_env_enter_long_mode(e);
    build_idt(e);
    build_gdt_tss(e);
    map_test_pages(e);
    if (!wp)
        e->cpu->s.cr0 &= ~(uint64_t)X86_CR0_WP;
    guest_env_load(e, GUEST_CODE, code, len);
    tcg_vcpu_state_changed(e->cpu);
    for (int i = 8; i < 16; i++)
        e->cpu->s.regs[i] = 0;
    e->cpu->s.regs[X86_R_R15] = 0xff;   /* handlers overwrite it with their vector */
    tcg_exit why = guest_env_run(e, 10000);
    tcg_vcpu *v = e->cpu;
    CHECK(why == TCG_EXIT_HALTED, "%s: exit %d", what, why);
    if (error == ~0u) {   /* no fault expected */
        CHECK(v->s.regs[X86_R_R15] == 0xff, "%s: unexpected exception %" PRIu64 " (error %#" PRIx64 ")",
              what, v->s.regs[X86_R_R15], v->s.regs[X86_R_R14]);
        return;
    }
    CHECK(v->s.regs[X86_R_R15] == X86_EXC_PF && v->s.regs[X86_R_R14] == error &&
          v->s.regs[X86_R_R13] == cr2,
          "%s: vector %" PRIu64 " error %#" PRIx64 " cr2 %#" PRIx64 ", expected #PF %#x at %#" PRIx64,
          what, v->s.regs[X86_R_R15], v->s.regs[X86_R_R14], v->s.regs[X86_R_R13], error, cr2);
}

static void test_page_protection(guest_env *e)
{
    /* movb $1, 0x601000 (kernel write to a read-only page): WP decides. */
    static const uint8_t kwrite_ro[] = { 0xc6, 0x04, 0x25, 0x00, 0x10, 0x60, 0x00, 0x01, 0xf4 };
    expect_pf(e, "kernel write RO (WP=1)", kwrite_ro, sizeof(kwrite_ro), X86_PF_P | X86_PF_W,
              PAGE_USER_RO, true);
    expect_pf(e, "kernel write RO (WP=0)", kwrite_ro, sizeof(kwrite_ro), ~0u, 0, false);
    CHECK(pte(e, 1) & X86_PTE_D, "kernel write RO (WP=0): dirty bit not set");
    /* call 0x602000 (NX page). */
    static const uint8_t exec_nx[] = { 0xb8, 0x00, 0x20, 0x60, 0x00, 0xff, 0xd0, 0xf4 };
    expect_pf(e, "execute NX", exec_nx, sizeof(exec_nx), X86_PF_P | X86_PF_I, PAGE_NX, true);
    /* mov 0x603000, %al: accessed bit set, dirty bit not. */
    static const uint8_t read_rw[] = { 0x8a, 0x04, 0x25, 0x00, 0x30, 0x60, 0x00, 0xf4 };
    expect_pf(e, "read RW", read_rw, sizeof(read_rw), ~0u, 0, true);
    uint64_t ad = pte(e, 3) & (uint64_t)(X86_PTE_A | X86_PTE_D);
    CHECK(ad == X86_PTE_A, "read RW: A/D bits %#" PRIx64, ad);
}

/* Ring 3 touching a supervisor page and writing a read-only user page. */
static void test_user_faults(guest_env *e)
{
    static const uint8_t kernel[] = {
        0x6a, 0x23, 0x68, 0x00, 0x00, 0x07, 0x00, 0x9c, 0x6a, 0x2b,
        0x68, 0x00, 0x01, 0x10, 0x00, 0x48, 0xcf,          /* iretq to GUEST_CODE+0x100 */
    };
    static const uint8_t user_read_sup[] = { 0x8a, 0x04, 0x25, 0x00, 0x00, 0x60, 0x00, 0xf4 };
    static const uint8_t user_write_ro[] = { 0xc6, 0x04, 0x25, 0x00, 0x10, 0x60, 0x00, 0x01 };
    const uint8_t *user[2] = { user_read_sup, user_write_ro };
    size_t ulen[2] = { sizeof(user_read_sup), sizeof(user_write_ro) };
    uint32_t err[2] = { X86_PF_P | X86_PF_U, X86_PF_P | X86_PF_W | X86_PF_U };
    uint64_t cr2[2] = { PAGE_SUP, PAGE_USER_RO };
    for (int t = 0; t < 2; t++) {
        uint8_t code[0x200];
        memset(code, 0x90, sizeof(code));
        memcpy(code, kernel, sizeof(kernel));
        memcpy(code + 0x100, user[t], ulen[t]);
        guest_env_enter_long_mode(e);
        build_idt(e);
        build_gdt_tss(e);
        map_test_pages(e);
        guest_env_load(e, GUEST_CODE, code, sizeof(code));
        tcg_vcpu_state_changed(e->cpu);
        tcg_exit why = guest_env_run(e, 10000);
        tcg_vcpu *v = e->cpu;
        CHECK(why == TCG_EXIT_HALTED && v->s.regs[X86_R_R15] == X86_EXC_PF &&
              v->s.regs[X86_R_R14] == err[t] && v->s.regs[X86_R_R13] == cr2[t],
              "user fault %d: exit %d vector %" PRIu64 " error %#" PRIx64 " cr2 %#" PRIx64, t, why,
              v->s.regs[X86_R_R15], v->s.regs[X86_R_R14], v->s.regs[X86_R_R13]);
        /* The handler runs at CPL 0 on the TSS's RSP0 stack. */
        CHECK(mm_x86_cpl(&v->s) == 0 && (v->s.regs[X86_R_SP] & ~0xfffull) == KSTACK_TOP - 0x1000,
              "user fault %d: CPL %u RSP %#" PRIx64, t, mm_x86_cpl(&v->s), v->s.regs[X86_R_SP]);
    }
}

/* An AP receiving INIT and STARTUP back to back (as Linux sends them on AMD
 * family >= 0Fh) starts in real mode at vector << 12. */
static void test_init_sipi(guest_env *e)
{
    tcg_vcpu *ap = tcg_vcpu_new(e->mach, 1, e->model);
    static const uint8_t code[] = { 0xb0, 0x77, 0xf4 };   /* mov $0x77, %al; hlt */
    guest_env_load(e, 0x9a000, code, sizeof(code));
    tcg_exit why = tcg_cpu_exec(ap, 1000);
    CHECK(why == TCG_EXIT_HALTED && ap->s.wait_for_sipi, "AP not waiting for SIPI after reset");
    ap->s.pending |= X86_PENDING_INIT | X86_PENDING_SIPI;
    ap->s.sipi_vector = 0x9a;
    for (int i = 0; i < 4 && !(ap->s.halted && !ap->s.pending && ap->s.rip); i++)
        why = tcg_cpu_exec(ap, 1000);
    CHECK(why == TCG_EXIT_HALTED && (ap->s.regs[X86_R_AX] & 0xff) == 0x77 &&
          ap->s.seg[X86_SEG_CS].base == 0x9a000 && ap->s.rip == 3,
          "INIT+SIPI: exit %d al %#" PRIx64 " cs.base %#" PRIx64 " rip %#" PRIx64, why,
          ap->s.regs[X86_R_AX] & 0xff, ap->s.seg[X86_SEG_CS].base, ap->s.rip);
}

extern const uint8_t modeswitch_start[], modeswitch_end[];

/* Real mode -> 32-bit protected mode -> long mode, as a boot loader does. */
static void test_mode_switch(guest_env *e)
{
    tcg_vcpu *v = e->cpu;
    mm_x86_cpu_reset(&v->s);
    guest_env_build_page_tables(e);
    guest_env_load(e, 0x8000, modeswitch_start, (size_t)(modeswitch_end - modeswitch_start));
    v->s.seg[X86_SEG_CS].selector = 0;
    v->s.seg[X86_SEG_CS].base = 0;
    v->s.rip = 0x8000;
    tcg_vcpu_state_changed(v);
    CHECK(v->code_size == SZ16, "mode switch: not starting in 16-bit code");
    tcg_exit why = guest_env_run(e, 100000);
    CHECK(why == TCG_EXIT_HALTED, "mode switch: exit %d at rip %#" PRIx64, why, v->s.rip);
    CHECK(v->code_size == SZ64 && (v->s.efer & X86_EFER_LMA) && (v->s.cr0 & X86_CR0_PG),
          "mode switch: not in 64-bit mode (efer %#" PRIx64 ", cr0 %#" PRIx64 ")", v->s.efer,
          v->s.cr0);
    CHECK(v->s.regs[X86_R_SI] == 0x1234 && v->s.regs[X86_R_BX] == 0x1111 &&
          v->s.regs[X86_R_CX] == 0x2222 && v->s.regs[X86_R_DI] == 0x123456789ull,
          "mode switch: markers si=%#" PRIx64 " bx=%#" PRIx64 " cx=%#" PRIx64 " di=%#" PRIx64,
          v->s.regs[X86_R_SI], v->s.regs[X86_R_BX], v->s.regs[X86_R_CX], v->s.regs[X86_R_DI]);
    CHECK(v->s.seg[X86_SEG_CS].selector == 0x18 && v->s.seg[X86_SEG_SS].selector == 0x10,
          "mode switch: CS %#x SS %#x", v->s.seg[X86_SEG_CS].selector,
          v->s.seg[X86_SEG_SS].selector);
}

int main(void)
{
    guest_env *e = guest_env_new();
    test_exceptions(e);
    test_ring3_syscall(e);
    test_triple_fault(e);
    test_self_modifying_code(e);
    test_bcd_adjust(e);
    test_arpl_bound(e);
    test_task_switch(e);
    test_call_gate(e);
    test_mode_switch(e);
    test_page_protection(e);
    test_user_faults(e);
    test_init_sipi(e);
    guest_env_free(e);
    printf("%u failures\n", failures);
    return failures ? 1 : 0;
}
