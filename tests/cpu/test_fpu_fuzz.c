/*
 * Robustness of the x87/MMX/SSE handlers against hostile guests: random
 * instructions from the FP/SIMD opcode space (random mandatory prefixes,
 * REX, ModRM, SIB, displacement and immediate bytes) run on random state,
 * including unmasked x87 and MXCSR exceptions and odd control bits.  Every
 * run must end in the guest (HLT after the instruction or in an exception
 * handler): no host crash, no host FP trap, no sanitizer report, no
 * triple fault.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest_env.h"
#include "accel/tcg/code_cache.h"
#include "accel/tcg/decode.h"

#define IDT_BASE 0x5000u
#define HANDLERS 0x6000u
#define GDT_BASE 0x7000u
#define DEFAULT_RUNS 20000

static uint64_t rng_state = 0x853c49e6748fea9bull;

static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Gates 0-31 to "mov $vec,%r15d; hlt"; GDT with the 64-bit code selector. */
static void build_tables(guest_env *e)
{
    for (unsigned vec = 0; vec < 32; vec++) {
        uint64_t target = HANDLERS + vec * 8;
        uint64_t lo = (target & 0xffff) | (0x08ull << 16) | (0x8eull << 40) |
                      ((target >> 16) << 48);
        uint64_t hi = target >> 32;
        memcpy(e->ram + IDT_BASE + vec * 16, &lo, 8);
        memcpy(e->ram + IDT_BASE + vec * 16 + 8, &hi, 8);
        uint8_t h[] = { 0x41, 0xbf, (uint8_t)vec, 0, 0, 0, 0xf4 };
        memcpy(e->ram + HANDLERS + vec * 8, h, sizeof(h));
    }
    e->cpu->s.idtr = (mm_x86_dtable){ IDT_BASE, 32 * 16 - 1 };
    static const uint64_t gdt[3] = { 0, 0x00af9b000000ffffull, 0x00cf93000000ffffull };
    memcpy(e->ram + GDT_BASE, gdt, sizeof(gdt));
    e->cpu->s.gdtr = (mm_x86_dtable){ GDT_BASE, sizeof(gdt) - 1 };
}

/* An opcode of the x87 or 0F-map SIMD space. */
static void random_opcode(uint8_t *code, size_t *len)
{
    static const uint8_t simd[] = {
        0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d,
        0x2e, 0x2f, 0xae, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0x77, 0x7c, 0x7d,
    };
    if (rnd() % 3 == 0) {
        code[(*len)++] = (uint8_t)(0xd8 + rnd() % 8);
        return;
    }
    code[(*len)++] = 0x0f;
    unsigned pick = (unsigned)(rnd() % 4);
    if (pick == 0)
        code[(*len)++] = simd[rnd() % sizeof(simd)];
    else if (pick == 1)
        code[(*len)++] = (uint8_t)(0x50 + rnd() % 0x30);   /* 50-7F */
    else
        code[(*len)++] = (uint8_t)(0xd0 + rnd() % 0x30);   /* D0-FF */
}

static size_t random_instruction(uint8_t *code)
{
    static const uint8_t prefixes[] = { 0x66, 0xf2, 0xf3, 0x66, 0xf0, 0x67 };
    size_t len = 0;
    for (unsigned n = (unsigned)(rnd() % 3); n; n--)
        code[len++] = prefixes[rnd() % sizeof(prefixes)];
    if (rnd() % 3 == 0)
        code[len++] = (uint8_t)(0x40 + rnd() % 16);
    random_opcode(code, &len);
    /* ModRM, then random bytes for SIB, displacement and immediate; the
     * caller cuts them at the decoded length. */
    uint8_t modrm = (uint8_t)rnd();
    if (rnd() % 2)
        modrm |= 0xc0;   /* register forms half of the time */
    code[len++] = modrm;
    for (unsigned i = 0; i < 8; i++)
        code[len++] = (uint8_t)rnd();
    return len;
}

/* Loads the instruction with HLTs right after its decoded length (unused
 * random bytes would otherwise run as more instructions); returns it. */
static size_t load_instruction(guest_env *e, uint8_t *code, size_t len)
{
    memset(code + len, 0xf4, 16);
    guest_env_load(e, GUEST_CODE, code, len + 16);
    tcg_code_flush_all(e->mach);
    tcg_fetch f = { .v = e->cpu, .lin = GUEST_CODE };
    tcg_insn in;
    tcg_decode(&f, SZ64, &in);
    memset(code + in.len, 0xf4, len + 16 - in.len);
    guest_env_load(e, GUEST_CODE, code, len + 16);
    tcg_code_flush_all(e->mach);
    return in.len;
}

static void random_state(tcg_vcpu *v)
{
    mm_x86_cpu *c = &v->s;
    for (int i = 0; i < 16; i++)
        if (i != X86_R_SP)
            c->regs[i] = (rnd() % 2) ? GUEST_DATA_VIRT + (rnd() & 0xff0) : rnd();
    c->fpu.fcw = (uint16_t)((rnd() % 2) ? 0x037f : rnd() & 0x1f7f);
    c->fpu.fsw = (uint16_t)(rnd() & 0xc7ff & ~0x3800u);
    c->fpu.top = (unsigned)(rnd() & 7);
    c->fpu.ftw = (uint8_t)rnd();
    for (int i = 0; i < 8; i++) {
        c->fpu.st[i].raw.mant = rnd();
        c->fpu.st[i].raw.exp = (uint16_t)rnd();
    }
    c->mxcsr = (uint32_t)((rnd() % 2) ? 0x1f80 : rnd() & 0xffff);
    for (int i = 0; i < 16; i++) {
        c->xmm[i].q[0] = rnd();
        c->xmm[i].q[1] = rnd();
    }
    if (rnd() % 4 == 0)
        c->cr0 &= ~(uint64_t)X86_CR0_NE;
    if (rnd() % 8 == 0)
        c->cr4 &= ~(uint64_t)X86_CR4_OSXMMEXCPT;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : DEFAULT_RUNS;
    guest_env *e = guest_env_new();
    unsigned failures = 0, faulted = 0;
    for (int it = 0; it < runs && failures < 10; it++) {
        uint8_t code[64];
        size_t len = random_instruction(code);
        guest_env_enter_long_mode(e);
        build_tables(e);
        len = load_instruction(e, code, len);
        tcg_vcpu *v = e->cpu;
        random_state(v);
        v->s.regs[X86_R_R15] = 0xff;
        v->shutdown = false;   /* a previous run may have triple-faulted */
        v->exit_request = false;
        tcg_vcpu_state_changed(v);
        tcg_exit why = guest_env_run(e, 1000);
        if (why != TCG_EXIT_HALTED) {
            fprintf(stderr, "run %d: exit %d at rip %#" PRIx64 ", code:", it, why, v->s.rip);
            for (size_t i = 0; i < len; i++)
                fprintf(stderr, " %02x", code[i]);
            fputc('\n', stderr);
            failures++;
        }
        faulted += v->s.regs[X86_R_R15] != 0xff;
    }
    printf("%d random FP/SIMD instructions, %u took an exception, %u failures\n", runs, faulted,
           failures);
    guest_env_free(e);
    return failures ? 1 : 0;
}
