/*
 * Differential test of user-level instructions: each snippet from
 * snippets.S runs natively on the host CPU and in the interpreter (64-bit
 * guest, same data window address) with the same random and edge-case
 * register values; registers, the defined flags and the data window must
 * match exactly.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "guest_env.h"
#include "accel/tcg/flags.h"

typedef struct diff_regs {
    uint64_t r[16];
    uint64_t rflags;
} diff_regs;

typedef struct snippet {
    const uint8_t *start, *end;
    const char *name;
    uint64_t undef_flags;
    uint64_t kind;
} snippet;

enum { K_ANY, K_MEM, K_DIV, K_STR };

extern const snippet diff_snippets[], diff_snippets_end[];
void diff_run_native(diff_regs *r, void *code);
extern const uint8_t diff_native_return[];

#define WINDOW_SIZE 4096
#define ITERATIONS 200

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Edge values that catch carry, overflow and sign mistakes at every width. */
static uint64_t operand(void)
{
    static const uint64_t edges[] = {
        0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff,
        0x80000000, 0xffffffff, 0x100000000ull, 0x7fffffffffffffffull, 0x8000000000000000ull,
        0xffffffffffffffffull, 0xfffffffffffffffeull, 0x8000000080008080ull, 0x1f, 0x20, 0x3f, 0x40,
    };
    switch (rnd() % 4) {
    case 0: return edges[rnd() % (sizeof(edges) / sizeof(edges[0]))];
    case 1: return rnd() & 0xff;
    case 2: return rnd() & 0xffffffff;
    default: return rnd();
    }
}

static void make_inputs(const snippet *s, diff_regs *in)
{
    for (int i = 0; i < 16; i++)
        in->r[i] = operand();
    in->r[X86_R_SP] = 0;
    /* Random arithmetic flags (and DF clear). */
    in->rflags = 0x2 | (rnd() & (X86_FLAG_CF | X86_FLAG_PF | X86_FLAG_AF | X86_FLAG_ZF |
                                 X86_FLAG_SF | X86_FLAG_OF));
    switch (s->kind) {
    case K_MEM:
        in->r[X86_R_DI] = GUEST_DATA_VIRT + 0x100;
        in->r[X86_R_SI] = GUEST_DATA_VIRT + 0x200;
        in->r[X86_R_CX] &= 0x3f;
        break;
    case K_DIV: {
        /* Non-zero divisor and a dividend whose quotient fits. */
        uint64_t d = operand() | 1;
        in->r[X86_R_BX] = d;
        in->r[X86_R_DX] = 0;
        if (strstr(s->name, "idiv") == NULL) {
            /* DIV: high half below the divisor at every width. */
            in->r[X86_R_AX] = operand();
            uint64_t w = strstr(s->name, "64") ? ~0ull : strstr(s->name, "32") ? 0xffffffffull
                       : strstr(s->name, "16") ? 0xffffull : 0xffull;
            uint64_t dw = d & w ? d & w : 1;
            in->r[X86_R_BX] = (d & ~w) | dw;
            if (w == 0xff)   /* AX / BL: AH must be below BL */
                in->r[X86_R_AX] = (in->r[X86_R_AX] & ~0xff00ull) | (((rnd() & 0xff) % dw) << 8);
            else
                in->r[X86_R_DX] = rnd() % dw;
        } else {
            /* IDIV after sign extension: avoid MIN / -1 at the width. */
            uint64_t w = strstr(s->name, "64") ? 64 : strstr(s->name, "32") ? 32
                       : strstr(s->name, "16") ? 16 : 8;
            uint64_t mask = w == 64 ? ~0ull : (1ull << w) - 1;
            if ((d & mask) == mask)
                in->r[X86_R_BX] = (d & ~mask) | 3;
            in->r[X86_R_AX] = operand();
            if ((in->r[X86_R_AX] & mask) == (1ull << (w - 1)))
                in->r[X86_R_AX] ^= 1;
        }
        break;
    }
    case K_STR:
        in->r[X86_R_DI] = GUEST_DATA_VIRT + 0x400 + (rnd() & 0xff);
        in->r[X86_R_SI] = GUEST_DATA_VIRT + 0x800 + (rnd() & 0xff);
        in->r[X86_R_CX] = rnd() & 0x7f;
        break;
    default:
        break;
    }
}

static uint8_t *native_code;
static uint8_t *native_window;

static void run_native(const snippet *s, diff_regs *r)
{
    size_t len = (size_t)(s->end - s->start);
    memcpy(native_code, s->start, len);
    /* jmp *0(%rip); .quad diff_native_return */
    static const uint8_t jmp_abs[6] = { 0xff, 0x25, 0, 0, 0, 0 };
    memcpy(native_code + len, jmp_abs, 6);
    uint64_t target = (uint64_t)(uintptr_t)diff_native_return;
    memcpy(native_code + len + 6, &target, 8);
    __builtin___clear_cache((char *)native_code, (char *)native_code + len + 14);
    diff_run_native(r, native_code);
}

static bool run_guest(guest_env *e, const snippet *s, diff_regs *r)
{
    size_t len = (size_t)(s->end - s->start);
    uint8_t code[512];
    memcpy(code, s->start, len);
    code[len] = 0xf4;   /* HLT */
    guest_env_enter_long_mode(e);
    guest_env_load(e, GUEST_CODE, code, len + 1);
    tcg_vcpu *v = e->cpu;
    for (int i = 0; i < 16; i++)
        v->s.regs[i] = r->r[i];
    v->s.regs[X86_R_SP] = GUEST_STACK_TOP;
    v->s.rflags = r->rflags;
    tcg_vcpu_state_changed(v);
    tcg_exit why = guest_env_run(e, 1000000);
    if (why != TCG_EXIT_HALTED || v->s.rip != GUEST_CODE + len + 1) {
        fprintf(stderr, "%s: guest did not reach HLT (exit %d, rip %#" PRIx64 ")\n", s->name,
                why, v->s.rip);
        return false;
    }
    for (int i = 0; i < 16; i++)
        r->r[i] = v->s.regs[i];
    r->rflags = tcg_get_rflags(v);
    return true;
}

static bool compare(const snippet *s, const diff_regs *in, const diff_regs *native,
                    const diff_regs *guest, const uint8_t *guest_window)
{
    static const char *names[16] = { "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                     "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15" };
    bool ok = true;
    for (int i = 0; i < 16; i++) {
        if (i == X86_R_SP)
            continue;
        if (native->r[i] != guest->r[i]) {
            fprintf(stderr, "%s: %s native %#" PRIx64 " guest %#" PRIx64 "\n", s->name, names[i],
                    native->r[i], guest->r[i]);
            ok = false;
        }
    }
    uint64_t mask = (X86_FLAGS_ARITH | X86_FLAG_DF) & ~s->undef_flags;
    if ((native->rflags & mask) != (guest->rflags & mask)) {
        fprintf(stderr, "%s: flags native %#" PRIx64 " guest %#" PRIx64 " (compared %#" PRIx64 ")\n",
                s->name, native->rflags & mask, guest->rflags & mask, mask);
        ok = false;
    }
    if (memcmp(native_window, guest_window, WINDOW_SIZE) != 0) {
        fprintf(stderr, "%s: data window differs\n", s->name);
        ok = false;
    }
    if (!ok) {
        fprintf(stderr, "  inputs:");
        for (int i = 0; i < 16; i++)
            fprintf(stderr, " %s=%#" PRIx64, names[i], in->r[i]);
        fprintf(stderr, " rflags=%#" PRIx64 "\n", in->rflags);
    }
    return ok;
}

int main(void)
{
    native_code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    native_window = mmap((void *)(uintptr_t)GUEST_DATA_VIRT, WINDOW_SIZE,
                         PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
                         -1, 0);
    if (native_code == MAP_FAILED || native_window != (void *)(uintptr_t)GUEST_DATA_VIRT) {
        fprintf(stderr, "SKIP: cannot map the native code page or data window\n");
        return 77;
    }
    guest_env *e = guest_env_new();
    uint8_t *guest_window = e->ram + GUEST_DATA_PHYS;
    unsigned failures = 0, runs = 0;
    for (const snippet *s = diff_snippets; s < diff_snippets_end; s++) {
        unsigned snippet_failures = 0;
        for (int it = 0; it < ITERATIONS && snippet_failures < 3; it++) {
            diff_regs in, native, guest;
            make_inputs(s, &in);
            for (int i = 0; i < WINDOW_SIZE; i++)
                native_window[i] = (uint8_t)rnd();
            memcpy(guest_window, native_window, WINDOW_SIZE);
            native = in;
            guest = in;
            run_native(s, &native);
            if (!run_guest(e, s, &guest) || !compare(s, &in, &native, &guest, guest_window))
                snippet_failures++;
            runs++;
        }
        failures += snippet_failures;
    }
    printf("%u snippet runs, %u failures, %u snippets\n", runs, failures,
           (unsigned)(diff_snippets_end - diff_snippets));
    guest_env_free(e);
    return failures ? 1 : 0;
}
