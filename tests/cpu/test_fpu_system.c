/*
 * FPU/SIMD system behaviour of the software CPU: x87 unmasked exceptions
 * pending until the next waiting instruction (#MF with CR0.NE=1, none with
 * NE=0), no-wait control instructions, masked responses, SSE unmasked
 * exceptions (#XM with CR4.OSXMMEXCPT, else #UD) leaving the destination
 * unchanged, #NM for CR0.TS, #UD/#NM for CR0.EM and #UD without CR4.OSFXSR.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "guest_env.h"
#include "accel/tcg/code_cache.h"

#define IDT_BASE 0x5000u
#define HANDLERS 0x6000u
#define GDT_BASE 0x7000u
#define NO_VECTOR 0xffu

static unsigned failures;

#define CHECK(cond, ...) do { if (!(cond)) { fprintf(stderr, __VA_ARGS__); \
                                             fputc('\n', stderr); failures++; } } while (0)

#define PROG(name) extern const uint8_t name[], name##_end[]
PROG(prog_x87_mf);
PROG(prog_x87_masked);
PROG(prog_sse_xm);
PROG(prog_sse_add);
PROG(prog_x87_fld1);
PROG(prog_mmx_paddw);
PROG(prog_x87_ie_keep);
PROG(prog_mmx_pending);
PROG(prog_x87_wrap);
PROG(prog_x87_lock);
PROG(prog_real_fnstenv);
extern const uint8_t prog_real_fnstenv_fstp[];
extern const uint8_t prog_x87_lock_fault[];
PROG(prog_sse_unaligned_ok);
PROG(prog_sse_misaligned_add);
PROG(prog_sse_misaligned_store);
extern const uint8_t prog_sse_misaligned_add_fault[], prog_sse_misaligned_store_fault[];
extern const uint8_t prog_mmx_pending_fault[];
PROG(prog_x87_fwait_mf);
extern const uint8_t prog_x87_fwait_mf_fault[];
extern const uint8_t prog_x87_mf_fault[], prog_sse_xm_fault[], prog_sse_add_fault[],
    prog_x87_fld1_fault[], prog_mmx_paddw_fault[];

/* Interrupt gates for vectors 0-31; the handler records the vector and the
 * two stack words (RIP, or error code and RIP) in R15, R14, R13. */
static void build_idt(guest_env *e)
{
    for (unsigned vec = 0; vec < 32; vec++) {
        uint64_t target = HANDLERS + vec * 16;
        uint64_t lo = (target & 0xffff) | (0x08ull << 16) | (0x8eull << 40) |
                      ((target >> 16) << 48);
        uint64_t hi = target >> 32;
        memcpy(e->ram + IDT_BASE + vec * 16, &lo, 8);
        memcpy(e->ram + IDT_BASE + vec * 16 + 8, &hi, 8);
        /* mov $vec,%r15d; mov (%rsp),%r14; mov 8(%rsp),%r13; hlt */
        uint8_t h[] = { 0x41, 0xbf, (uint8_t)vec, 0, 0, 0, 0x4c, 0x8b, 0x34, 0x24,
                        0x4c, 0x8b, 0x6c, 0x24, 0x08, 0xf4 };
        memcpy(e->ram + HANDLERS + vec * 16, h, sizeof(h));
    }
    e->cpu->s.idtr = (mm_x86_dtable){ IDT_BASE, 32 * 16 - 1 };
    /* GDT: null, 64-bit kernel code (0x08), data (0x10) for the gate's CS. */
    static const uint64_t gdt[3] = { 0, 0x00af9b000000ffffull, 0x00cf93000000ffffull };
    memcpy(e->ram + GDT_BASE, gdt, sizeof(gdt));
    e->cpu->s.gdtr = (mm_x86_dtable){ GDT_BASE, sizeof(gdt) - 1 };
}

/* Runs a program with CR0/CR4 bits changed; returns the vector taken (or
 * NO_VECTOR) and the saved RIP in *rip. */
static unsigned run(guest_env *e, const uint8_t *start, const uint8_t *end, uint64_t cr0_set,
                    uint64_t cr0_clear, uint64_t cr4_clear, uint64_t *rip)
{
    guest_env_enter_long_mode(e);
    build_idt(e);
    guest_env_load(e, GUEST_CODE, start, (size_t)(end - start));
    tcg_code_flush_all(e->mach);
    tcg_vcpu *v = e->cpu;
    v->s.cr0 = (v->s.cr0 | cr0_set) & ~cr0_clear;
    v->s.cr4 &= ~cr4_clear;
    v->s.regs[X86_R_R15] = NO_VECTOR;
    v->s.regs[X86_R_DI] = GUEST_DATA_VIRT;
    tcg_vcpu_state_changed(v);
    tcg_exit why = guest_env_run(e, 100000);
    CHECK(why == TCG_EXIT_HALTED, "guest did not halt (exit %d)", why);
    *rip = v->s.regs[X86_R_R14];
    return (unsigned)v->s.regs[X86_R_R15];
}

static uint64_t guest_addr(const uint8_t *start, const uint8_t *label)
{
    return GUEST_CODE + (uint64_t)(label - start);
}

static void test_x87_pending(guest_env *e)
{
    uint64_t rip;
    unsigned vec = run(e, prog_x87_mf, prog_x87_mf_end, 0, 0, 0, &rip);
    CHECK(vec == X86_EXC_MF, "x87 #MF: vector %u", vec);
    CHECK(rip == guest_addr(prog_x87_mf, prog_x87_mf_fault), "x87 #MF: saved RIP %#" PRIx64,
          rip);
    uint16_t ax = (uint16_t)e->cpu->s.regs[X86_R_AX];
    CHECK((ax & 0x80ff) == 0x8084, "FNSTSW with a pending exception: AX %#x (ZE|ES|B)", ax);

    vec = run(e, prog_mmx_pending, prog_mmx_pending_end, 0, 0, 0, &rip);
    CHECK(vec == X86_EXC_MF && rip == guest_addr(prog_mmx_pending, prog_mmx_pending_fault),
          "MMX after a pending x87 exception: vector %u RIP %#" PRIx64, vec, rip);

    vec = run(e, prog_x87_fwait_mf, prog_x87_fwait_mf_end, 0, 0, 0, &rip);
    CHECK(vec == X86_EXC_MF && rip == guest_addr(prog_x87_fwait_mf, prog_x87_fwait_mf_fault),
          "FWAIT with a pending x87 exception: vector %u RIP %#" PRIx64, vec, rip);

    vec = run(e, prog_x87_mf, prog_x87_mf_end, 0, X86_CR0_NE, 0, &rip);
    CHECK(vec == NO_VECTOR, "x87 with CR0.NE=0 took vector %u", vec);

    vec = run(e, prog_x87_masked, prog_x87_masked_end, 0, 0, 0, &rip);
    uint64_t stored;
    memcpy(&stored, e->ram + GUEST_DATA_PHYS, 8);
    CHECK(vec == NO_VECTOR && stored == 0xfff8000000000000ull,
          "masked FSQRT(-1): vector %u, stored %#" PRIx64, vec, stored);
    CHECK((e->cpu->s.regs[X86_R_AX] & 0xff) == 0x01, "masked FSQRT(-1): FSW %#" PRIx64,
          e->cpu->s.regs[X86_R_AX] & 0xffff);

    /* Unmasked IE: ST(0) keeps 1.0, FSW has IE|ES|B. */
    vec = run(e, prog_x87_ie_keep, prog_x87_ie_keep_end, 0, 0, 0, &rip);
    ax = (uint16_t)e->cpu->s.regs[X86_R_AX];
    uint8_t *env = e->ram + GUEST_DATA_PHYS + 16;
    uint16_t tag;
    memcpy(&tag, env + 8, 2);
    CHECK(vec == NO_VECTOR && (ax & 0x80ff) == 0x8081, "unmasked IE: vector %u FSW %#x", vec,
          ax);
    CHECK((tag & 0xc000) == 0, "unmasked IE: ST(0) should stay valid (tag word %#x)", tag);
}

/* Unmasked overflow/underflow store the exponent-wrapped result. */
static void test_x87_wrapped_results(guest_env *e)
{
    uint8_t *data = e->ram + GUEST_DATA_PHYS;
    const uint64_t max_mant = ~0ull, min_mant = 1ull << 63;
    const uint16_t max_exp = 0x7ffe, min_exp = 0x0001;
    memcpy(data + 32, &max_mant, 8);
    memcpy(data + 40, &max_exp, 2);
    memcpy(data + 48, &min_mant, 8);
    memcpy(data + 56, &min_exp, 2);
    uint64_t rip;
    unsigned vec = run(e, prog_x87_wrap, prog_x87_wrap_end, 0, 0, 0, &rip);
    CHECK(vec == NO_VECTOR, "wrap: vector %u", vec);
    uint16_t ax = (uint16_t)e->cpu->s.regs[X86_R_AX], bx = (uint16_t)e->cpu->s.regs[X86_R_BX];
    CHECK((ax & 0x88) == 0x88, "unmasked OE: FSW %#x", ax);
    CHECK((bx & 0x90) == 0x90, "unmasked UE: FSW %#x", bx);
    /* FNSAVE image: ST(0) = min^2, ST(1) = max^2. */
    uint64_t m0, m1;
    uint16_t e0, e1;
    memcpy(&m0, data + 64 + 28, 8);
    memcpy(&e0, data + 64 + 36, 2);
    memcpy(&m1, data + 64 + 38, 8);
    memcpy(&e1, data + 64 + 46, 2);
    CHECK(e1 == 0x5ffe && m1 == 0xfffffffffffffffeull,
          "overflow wrapped: %04x:%016" PRIx64 " (expected 5ffe:fffffffffffffffe)", e1, m1);
    CHECK(e0 == 0x2003 && m0 == 1ull << 63,
          "underflow wrapped: %04x:%016" PRIx64 " (expected 2003:8000000000000000)", e0, m0);
}

static void real_segment(mm_x86_segment *s, uint16_t sel, bool code)
{
    *s = (mm_x86_segment){ .selector = sel, .base = (uint64_t)sel << 4, .limit = 0xffff,
                           .flags = X86_DESC_P | X86_DESC_S | X86_DESC_A | X86_DESC_W |
                                    (code ? X86_DESC_CS : 0) };
}

static uint32_t get32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static uint16_t get16(const uint8_t *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
}

/* FNSTENV in real mode: SDM vol. 1 figures 8-10 (32-bit) and 8-12 (16-bit). */
static void test_real_mode_environment(guest_env *e)
{
    const uint32_t code = 0x20000, data = 0x30000;
    guest_env_enter_long_mode(e);
    mm_x86_cpu *s = &e->cpu->s;
    s->cr0 = X86_CR0_ET | X86_CR0_NE;
    s->cr4 = X86_CR4_OSFXSR;
    s->efer = 0;
    for (unsigned i = 0; i < X86_SEG_COUNT; i++)
        real_segment(&s->seg[i], (uint16_t)(data >> 4), false);
    real_segment(&s->seg[X86_SEG_CS], (uint16_t)(code >> 4), true);
    s->rip = 0;
    s->regs[X86_R_SP] = 0xfff0;
    size_t len = (size_t)(prog_real_fnstenv_end - prog_real_fnstenv);
    guest_env_load(e, code, prog_real_fnstenv, len);
    tcg_code_flush_all(e->mach);
    tcg_vcpu_state_changed(e->cpu);
    tcg_exit why = guest_env_run(e, 1000);
    CHECK(why == TCG_EXIT_HALTED && s->rip == len, "real mode: exit %d rip %#" PRIx64, why,
          s->rip);
    uint32_t fip = code + (uint32_t)(prog_real_fnstenv_fstp - prog_real_fnstenv);
    uint32_t fdp = data + 0x20, fop = 0x11e;   /* D9 /3, ModRM 1E (disp16) */
    const uint8_t *env16 = e->ram + data + 0x40, *env32 = e->ram + data + 0x60;
    CHECK(get16(env16 + 0) == 0x037f && get16(env16 + 6) == (fip & 0xffff) &&
          get16(env16 + 8) == (fop | (fip >> 16) << 12) && get16(env16 + 10) == (fdp & 0xffff) &&
          get16(env16 + 12) == (fdp >> 16) << 12,
          "real-mode 16-bit environment: ip %04x %04x dp %04x %04x", get16(env16 + 6),
          get16(env16 + 8), get16(env16 + 10), get16(env16 + 12));
    CHECK((get32(env32 + 12) & 0xffff) == (fip & 0xffff) &&
          get32(env32 + 16) == (fop | (fip >> 16) << 12) &&
          (get32(env32 + 20) & 0xffff) == (fdp & 0xffff) &&
          get32(env32 + 24) == (fdp >> 16) << 12,
          "real-mode 32-bit environment: %08x %08x %08x %08x", get32(env32 + 12),
          get32(env32 + 16), get32(env32 + 20), get32(env32 + 24));
}

static void test_sse_exceptions(guest_env *e)
{
    uint64_t rip;
    unsigned vec = run(e, prog_sse_xm, prog_sse_xm_end, 0, 0, 0, &rip);
    CHECK(vec == X86_EXC_XM, "SSE unmasked ZE: vector %u", vec);
    CHECK(rip == guest_addr(prog_sse_xm, prog_sse_xm_fault), "#XM: saved RIP %#" PRIx64, rip);
    CHECK(e->cpu->s.xmm[0].d[0] == 0x3f800000, "#XM: destination changed to %#x",
          e->cpu->s.xmm[0].d[0]);
    CHECK(e->cpu->s.mxcsr & 0x4, "#XM: MXCSR.ZE not set (%#x)", e->cpu->s.mxcsr);

    vec = run(e, prog_sse_xm, prog_sse_xm_end, 0, 0, X86_CR4_OSXMMEXCPT, &rip);
    CHECK(vec == X86_EXC_UD, "SSE unmasked ZE without OSXMMEXCPT: vector %u", vec);
}

static void test_sse_alignment(guest_env *e)
{
    uint64_t rip;
    unsigned vec = run(e, prog_sse_unaligned_ok, prog_sse_unaligned_ok_end, 0, 0, 0, &rip);
    CHECK(vec == NO_VECTOR, "unaligned MOVUPS/MOVDQU/ADDSS/ADDSD/MOVSD: vector %u", vec);
    /* #GP pushes an error code (0): R14 holds it, R13 the faulting RIP. */
    vec = run(e, prog_sse_misaligned_add, prog_sse_misaligned_add_end, 0, 0, 0, &rip);
    CHECK(vec == X86_EXC_GP &&
          rip == 0 && e->cpu->s.regs[X86_R_R13] ==
                          guest_addr(prog_sse_misaligned_add, prog_sse_misaligned_add_fault),
          "misaligned ADDPS m128: vector %u", vec);
    vec = run(e, prog_sse_misaligned_store, prog_sse_misaligned_store_end, 0, 0, 0, &rip);
    CHECK(vec == X86_EXC_GP &&
          rip == 0 && e->cpu->s.regs[X86_R_R13] ==
                          guest_addr(prog_sse_misaligned_store, prog_sse_misaligned_store_fault),
          "misaligned MOVDQA store: vector %u", vec);
}

static void test_cr_gating(guest_env *e)
{
    static const struct {
        const char *what;
        const uint8_t *start, *end, *fault;
        uint64_t cr0_set, cr4_clear;
        unsigned vector;
    } cases[] = {
        { "x87 with TS", prog_x87_fld1, prog_x87_fld1_end, prog_x87_fld1_fault, X86_CR0_TS, 0,
          X86_EXC_NM },
        { "x87 with EM", prog_x87_fld1, prog_x87_fld1_end, prog_x87_fld1_fault, X86_CR0_EM, 0,
          X86_EXC_NM },
        { "SSE with TS", prog_sse_add, prog_sse_add_end, prog_sse_add_fault, X86_CR0_TS, 0,
          X86_EXC_NM },
        { "SSE with EM", prog_sse_add, prog_sse_add_end, prog_sse_add_fault, X86_CR0_EM, 0,
          X86_EXC_UD },
        { "SSE without OSFXSR", prog_sse_add, prog_sse_add_end, prog_sse_add_fault, 0,
          X86_CR4_OSFXSR, X86_EXC_UD },
        { "LOCK x87", prog_x87_lock, prog_x87_lock_end, prog_x87_lock_fault, 0, 0,
          X86_EXC_UD },
        { "MMX with TS", prog_mmx_paddw, prog_mmx_paddw_end, prog_mmx_paddw_fault, X86_CR0_TS,
          0, X86_EXC_NM },
        { "MMX with EM", prog_mmx_paddw, prog_mmx_paddw_end, prog_mmx_paddw_fault, X86_CR0_EM,
          0, X86_EXC_UD },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint64_t rip;
        unsigned vec = run(e, cases[i].start, cases[i].end, cases[i].cr0_set, 0,
                           cases[i].cr4_clear, &rip);
        CHECK(vec == cases[i].vector, "%s: vector %u, expected %u", cases[i].what, vec,
              cases[i].vector);
        CHECK(rip == guest_addr(cases[i].start, cases[i].fault), "%s: saved RIP %#" PRIx64,
              cases[i].what, rip);
    }
    /* Without the CR bits the same programs run to HLT. */
    uint64_t rip;
    CHECK(run(e, prog_sse_add, prog_sse_add_end, 0, 0, 0, &rip) == NO_VECTOR, "plain ADDPS");
    CHECK(run(e, prog_mmx_paddw, prog_mmx_paddw_end, 0, 0, 0, &rip) == NO_VECTOR,
          "plain PADDW");
    CHECK(e->cpu->s.fpu.ftw == 0xff && e->cpu->s.fpu.top == 0,
          "MMX: tags %#x TOP %u (expected all valid, 0)", e->cpu->s.fpu.ftw, e->cpu->s.fpu.top);
}

int main(void)
{
    guest_env *e = guest_env_new();
    test_x87_pending(e);
    test_x87_wrapped_results(e);
    test_real_mode_environment(e);
    test_sse_exceptions(e);
    test_sse_alignment(e);
    test_cr_gating(e);
    guest_env_free(e);
    printf("%u failures\n", failures);
    return failures ? 1 : 0;
}
