/*
 * Differential test of x87, MMX and SSE/SSE2 instructions: each snippet of
 * fpu_snippets_*.S runs natively on the host CPU and in the interpreter
 * with the same full state (GPRs, flags, x87 stack with tags, TOP, control
 * and status words, XMM registers, MXCSR, data window) built from random
 * and edge-case values (NaNs, denormals, infinities, signed zeros, huge and
 * tiny values, every rounding mode and precision, DAZ/FTZ); the resulting
 * states must match bit for bit (undefined status bits excepted).
 *
 * Usage: test_diff_fpu x87|sse [iterations]
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "guest_env.h"
#include "accel/tcg/flags.h"

typedef struct fpu_diff_state {
    uint8_t fx[512] __attribute__((aligned(16)));
    uint64_t r[16];
    uint64_t rflags;
} fpu_diff_state;

typedef struct fpu_snippet {
    const uint8_t *start, *end;
    const char *name;
    uint64_t undef_fsw, undef_flags, kind;
} fpu_snippet;

enum { K_X87, K_X87FULL, K_SSE, K_MMX };

extern const fpu_snippet fpu_snippets_x87[], fpu_snippets_x87_end[];
extern const fpu_snippet fpu_snippets_sse[], fpu_snippets_sse_end[];
void fpu_diff_run_native(fpu_diff_state *st, void *code);
extern const uint8_t fpu_diff_native_return[];

#define WINDOW_SIZE 4096
#define DEFAULT_ITERATIONS 300

/* FXSAVE image offsets. */
#define FX_FCW 0
#define FX_FSW 2
#define FX_FTW 4
#define FX_MXCSR 24
#define FX_ST 32
#define FX_XMM 160

static uint64_t rng_state = 0x2545f4914f6cdd1dull;

static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void put16(uint8_t *p, uint16_t v) { memcpy(p, &v, 2); }
static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }
static uint16_t get16(const uint8_t *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static uint32_t get32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t get64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

/* An 80-bit value: exponent (with sign) and mantissa. */
static void random_f80(uint8_t *p)
{
    static const struct { uint16_t exp; uint64_t mant; } edges[] = {
        { 0x0000, 0 }, { 0x8000, 0 },                                   /* +-0 */
        { 0x7fff, 0x8000000000000000ull }, { 0xffff, 0x8000000000000000ull },   /* +-inf */
        { 0x7fff, 0xc000000000000000ull }, { 0xffff, 0xc000000000000001ull },   /* QNaN */
        { 0x7fff, 0x8000000000000001ull }, { 0xffff, 0xa000000000000000ull },   /* SNaN */
        { 0x0000, 0x0000000000000001ull }, { 0x8000, 0x7fffffffffffffffull },   /* denormal */
        { 0x3fff, 0x8000000000000000ull }, { 0xbfff, 0x8000000000000000ull },   /* +-1 */
        { 0x3ffe, 0x8000000000000000ull }, { 0x403e, 0x8000000000000000ull },   /* 0.5, 2^63 */
        { 0x7ffe, 0xffffffffffffffffull }, { 0x0001, 0x8000000000000000ull },   /* max, min */
        { 0x4000, 0xc90fdaa22168c235ull }, { 0x401e, 0xffffffffffffffffull },   /* pi, 2^32-ish */
        { 0x3fff, 0xffffffffffffffffull }, { 0x4002, 0xa000000000000000ull },   /* ~2, 10 */
    };
    uint16_t exp;
    uint64_t mant;
    switch (rnd() % 5) {
    case 0: {
        unsigned i = (unsigned)(rnd() % (sizeof(edges) / sizeof(edges[0])));
        exp = edges[i].exp;
        mant = edges[i].mant;
        break;
    }
    case 1:   /* small integers */
        exp = (uint16_t)(0x3fff + rnd() % 20) | (uint16_t)(rnd() & 0x8000);
        mant = 0x8000000000000000ull | ((rnd() & 0xff) << 55);
        break;
    case 2:   /* anything finite and normal */
        exp = (uint16_t)(rnd() % 0x7ffe + 1) | (uint16_t)(rnd() & 0x8000);
        mant = rnd() | 0x8000000000000000ull;
        break;
    default:  /* moderate magnitudes, where transcendentals do real work */
        exp = (uint16_t)(0x3ff0 + rnd() % 40) | (uint16_t)(rnd() & 0x8000);
        mant = rnd() | 0x8000000000000000ull;
        break;
    }
    put64(p, mant);
    put16(p + 8, exp);
}

static uint32_t random_f32(void)
{
    static const uint32_t edges[] = {
        0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x7f800001, 0xff900000,
        0x00000001, 0x807fffff, 0x3f800000, 0xbf800000, 0x7f7fffff, 0x00800000, 0x4f000000,
        0xcf000000, 0x5f000000, 0x3effffff, 0x4b000001,
    };
    switch (rnd() % 4) {
    case 0: return edges[rnd() % (sizeof(edges) / sizeof(edges[0]))];
    case 1: return (uint32_t)rnd();
    default: return (uint32_t)(((0x70 + rnd() % 32) << 23) | (rnd() & 0x807fffff));
    }
}

static uint64_t random_f64(void)
{
    static const uint64_t edges[] = {
        0, 0x8000000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
        0x7ff8000000000000ull, 0xfff8000000000001ull, 0x7ff0000000000001ull,
        0x0000000000000001ull, 0x800fffffffffffffull, 0x3ff0000000000000ull,
        0xbff0000000000000ull, 0x7fefffffffffffffull, 0x0010000000000000ull,
        0x41e0000000000000ull, 0xc1e0000000000000ull, 0x43e0000000000000ull,
        0xc3e0000000000000ull, 0x3fdfffffffffffffull, 0x4330000000000001ull,
    };
    switch (rnd() % 4) {
    case 0: return edges[rnd() % (sizeof(edges) / sizeof(edges[0]))];
    case 1: return rnd();
    default: return ((0x3e0ull + rnd() % 64) << 52) | (rnd() & 0x800fffffffffffffull);
    }
}

static uint64_t random_int64(void)
{
    static const uint64_t edges[] = { 0, 1, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000,
                                      0xffffffff, 0x8000000000000000ull, ~0ull };
    switch (rnd() % 3) {
    case 0: return edges[rnd() % (sizeof(edges) / sizeof(edges[0]))];
    case 1: return (uint64_t)(int64_t)(int16_t)rnd();
    default: return rnd();
    }
}

/* 16 bytes of SIMD data: floats, doubles or integers. */
static void random_vec(uint8_t *p)
{
    switch (rnd() % 4) {
    case 0:
        for (int i = 0; i < 4; i++)
            put32(p + 4 * i, random_f32());
        break;
    case 1:
        for (int i = 0; i < 2; i++)
            put64(p + 8 * i, random_f64());
        break;
    case 2:
        for (int i = 0; i < 2; i++)
            put64(p + 8 * i, random_int64());
        break;
    default:
        for (int i = 0; i < 2; i++)
            put64(p + 8 * i, rnd());
        break;
    }
}

static void random_bcd(uint8_t *p)
{
    for (int i = 0; i < 9; i++)
        p[i] = (uint8_t)((rnd() % 10) << 4 | rnd() % 10);
    p[9] = (rnd() & 1) ? 0x80 : 0;
}

static void fill_window(uint8_t *w)
{
    for (int off = 0; off < WINDOW_SIZE; off += 16)
        random_vec(w + off);
    if (rnd() & 1)
        random_f80(w + 0x100 + 16);
    random_bcd(w + 0x200 + 48);
}

static void make_inputs(const fpu_snippet *s, fpu_diff_state *st)
{
    memset(st, 0, sizeof(*st));
    for (int i = 0; i < 16; i++)
        st->r[i] = random_int64();
    st->r[X86_R_SP] = 0;
    st->r[X86_R_DI] = GUEST_DATA_VIRT + 0x100;
    st->r[X86_R_SI] = GUEST_DATA_VIRT + 0x200;
    st->rflags = 0x2 | (rnd() & (X86_FLAG_CF | X86_FLAG_PF | X86_FLAG_AF | X86_FLAG_ZF |
                                 X86_FLAG_SF | X86_FLAG_OF));
    uint8_t *fx = st->fx;
    /* Control word: all exceptions masked (a native unmasked one would
     * trap the test), random precision (mostly extended) and rounding. */
    static const uint16_t pc[4] = { 0x300, 0x300, 0x200, 0x000 };
    put16(fx + FX_FCW, (uint16_t)(0x037f & ~0x300) | pc[rnd() % 4] |
                       (uint16_t)((rnd() % 4) << 10));
    uint16_t fsw = (uint16_t)(rnd() & 0x4700) | (uint16_t)((rnd() % 4 == 0) ? rnd() & 0x3f : 0);
    unsigned top = s->kind == K_MMX ? 0 : (unsigned)(rnd() & 7);
    put16(fx + FX_FSW, (uint16_t)(fsw | top << 11));
    uint8_t ftw = 0xff;
    if (s->kind == K_X87)
        for (int i = 0; i < 8; i++)
            if (rnd() % 4 == 0)
                ftw &= (uint8_t)~(1u << i);
    fx[FX_FTW] = ftw;
    for (int i = 0; i < 8; i++) {
        if (s->kind == K_MMX) {
            put64(fx + FX_ST + 16 * i, random_int64() ^ (rnd() & 0xff00ff00ff00ff00ull));
            put16(fx + FX_ST + 16 * i + 8, 0xffff);
        } else {
            random_f80(fx + FX_ST + 16 * i);
        }
    }
    uint32_t mxcsr = 0x1f80 | (uint32_t)((rnd() % 4) << 13);
    if (s->kind == K_SSE) {
        if (rnd() % 4 == 0)
            mxcsr |= 0x8000;   /* FTZ */
        if (rnd() % 4 == 0)
            mxcsr |= 0x40;     /* DAZ */
        if (rnd() % 4 == 0)
            mxcsr |= rnd() & 0x3f;
    }
    put32(fx + FX_MXCSR, mxcsr);
    put32(fx + FX_MXCSR + 4, 0xffff);
    for (int i = 0; i < 16; i++)
        random_vec(fx + FX_XMM + 16 * i);
}

/* The interpreter's state <-> an FXSAVE image (ST(i) in slot i). */
static void fx_to_cpu(const uint8_t *fx, mm_x86_cpu *c)
{
    c->fpu.fcw = get16(fx + FX_FCW);
    uint16_t fsw = get16(fx + FX_FSW);
    c->fpu.top = (fsw >> 11) & 7;
    c->fpu.fsw = fsw & ~0x3800u;
    c->fpu.ftw = fx[FX_FTW];
    for (unsigned i = 0; i < 8; i++) {
        mm_x86_fpreg *r = &c->fpu.st[(c->fpu.top + i) & 7];
        memset(r, 0, sizeof(*r));
        memcpy(r, fx + FX_ST + 16 * i, 10);
    }
    c->mxcsr = get32(fx + FX_MXCSR);
    for (unsigned i = 0; i < 16; i++)
        memcpy(&c->xmm[i], fx + FX_XMM + 16 * i, 16);
}

static void cpu_to_fx(const mm_x86_cpu *c, uint8_t *fx)
{
    memset(fx, 0, 512);
    put16(fx + FX_FCW, c->fpu.fcw);
    put16(fx + FX_FSW, (uint16_t)((c->fpu.fsw & ~0x3800u) | (c->fpu.top & 7) << 11));
    fx[FX_FTW] = c->fpu.ftw;
    for (unsigned i = 0; i < 8; i++)
        memcpy(fx + FX_ST + 16 * i, &c->fpu.st[(c->fpu.top + i) & 7], 10);
    put32(fx + FX_MXCSR, c->mxcsr);
    for (unsigned i = 0; i < 16; i++)
        memcpy(fx + FX_XMM + 16 * i, &c->xmm[i], 16);
}

static uint8_t *native_code;
static uint8_t *native_window;

static void run_native(const fpu_snippet *s, fpu_diff_state *st)
{
    size_t len = (size_t)(s->end - s->start);
    memcpy(native_code, s->start, len);
    static const uint8_t jmp_abs[6] = { 0xff, 0x25, 0, 0, 0, 0 };   /* jmp *0(%rip) */
    memcpy(native_code + len, jmp_abs, 6);
    uint64_t target = (uint64_t)(uintptr_t)fpu_diff_native_return;
    memcpy(native_code + len + 6, &target, 8);
    __builtin___clear_cache((char *)native_code, (char *)native_code + len + 14);
    fpu_diff_run_native(st, native_code);
}

static bool run_guest(guest_env *e, const fpu_snippet *s, fpu_diff_state *st)
{
    size_t len = (size_t)(s->end - s->start);
    uint8_t code[512];
    memcpy(code, s->start, len);
    code[len] = 0xf4;   /* HLT */
    guest_env_enter_long_mode(e);
    guest_env_load(e, GUEST_CODE, code, len + 1);
    tcg_vcpu *v = e->cpu;
    for (int i = 0; i < 16; i++)
        v->s.regs[i] = st->r[i];
    v->s.regs[X86_R_SP] = GUEST_STACK_TOP;
    v->s.rflags = st->rflags;
    fx_to_cpu(st->fx, &v->s);
    tcg_vcpu_state_changed(v);
    tcg_exit why = guest_env_run(e, 1000000);
    if (why != TCG_EXIT_HALTED || v->s.rip != GUEST_CODE + len + 1) {
        fprintf(stderr, "%s: guest did not reach HLT (exit %d, rip %#" PRIx64 ")\n", s->name,
                why, v->s.rip);
        return false;
    }
    for (int i = 0; i < 16; i++)
        st->r[i] = v->s.regs[i];
    st->rflags = tcg_get_rflags(v);
    cpu_to_fx(&v->s, st->fx);
    return true;
}

static void dump_fx(const char *what, const uint8_t *fx)
{
    fprintf(stderr, "  %s: fcw %04x fsw %04x ftw %02x mxcsr %08x\n", what, get16(fx + FX_FCW),
            get16(fx + FX_FSW), fx[FX_FTW], get32(fx + FX_MXCSR));
    for (int i = 0; i < 8; i++)
        fprintf(stderr, "    st%d %04x:%016" PRIx64 "%s", i, get16(fx + FX_ST + 16 * i + 8),
                get64(fx + FX_ST + 16 * i), i % 2 ? "\n" : "");
    for (int i = 0; i < 4; i++)
        fprintf(stderr, "    xmm%d %016" PRIx64 ":%016" PRIx64 "\n", i,
                get64(fx + FX_XMM + 16 * i + 8), get64(fx + FX_XMM + 16 * i));
}

static bool compare_fx(const fpu_snippet *s, const uint8_t *n, const uint8_t *g)
{
    bool ok = true;
    uint16_t fsw_mask = (uint16_t)~s->undef_fsw;
    if (get16(n + FX_FCW) != get16(g + FX_FCW) ||
        (get16(n + FX_FSW) & fsw_mask) != (get16(g + FX_FSW) & fsw_mask) ||
        n[FX_FTW] != g[FX_FTW]) {
        fprintf(stderr, "%s: x87 control/status/tag differ\n", s->name);
        ok = false;
    }
    for (int i = 0; i < 8; i++)
        if (memcmp(n + FX_ST + 16 * i, g + FX_ST + 16 * i, 10) != 0) {
            fprintf(stderr, "%s: st(%d) differs\n", s->name, i);
            ok = false;
        }
    if (get32(n + FX_MXCSR) != get32(g + FX_MXCSR)) {
        fprintf(stderr, "%s: mxcsr native %#x guest %#x\n", s->name, get32(n + FX_MXCSR),
                get32(g + FX_MXCSR));
        ok = false;
    }
    for (int i = 0; i < 16; i++)
        if (memcmp(n + FX_XMM + 16 * i, g + FX_XMM + 16 * i, 16) != 0) {
            fprintf(stderr, "%s: xmm%d differs\n", s->name, i);
            ok = false;
        }
    return ok;
}

static bool compare(const fpu_snippet *s, const fpu_diff_state *in, const fpu_diff_state *n,
                    const fpu_diff_state *g, const uint8_t *guest_window)
{
    static const char *names[16] = { "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                     "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15" };
    bool ok = compare_fx(s, n->fx, g->fx);
    for (int i = 0; i < 16; i++) {
        if (i != X86_R_SP && n->r[i] != g->r[i]) {
            fprintf(stderr, "%s: %s native %#" PRIx64 " guest %#" PRIx64 "\n", s->name, names[i],
                    n->r[i], g->r[i]);
            ok = false;
        }
    }
    uint64_t mask = (X86_FLAGS_ARITH | X86_FLAG_DF) & ~s->undef_flags;
    if ((n->rflags & mask) != (g->rflags & mask)) {
        fprintf(stderr, "%s: flags native %#" PRIx64 " guest %#" PRIx64 "\n", s->name,
                n->rflags & mask, g->rflags & mask);
        ok = false;
    }
    for (int off = 0; off < WINDOW_SIZE; off++)
        if (native_window[off] != guest_window[off]) {
            fprintf(stderr, "%s: data window differs at +%#x (native %02x guest %02x)\n",
                    s->name, off, native_window[off], guest_window[off]);
            ok = false;
            break;
        }
    if (!ok) {
        dump_fx("input", in->fx);
        dump_fx("native", n->fx);
        dump_fx("guest", g->fx);
        fprintf(stderr, "  rdi window: %016" PRIx64 " %016" PRIx64 " %016" PRIx64 "\n",
                get64(guest_window + 0x100), get64(guest_window + 0x108),
                get64(guest_window + 0x110));
    }
    return ok;
}

int main(int argc, char **argv)
{
    const fpu_snippet *first = fpu_snippets_x87, *last = fpu_snippets_x87_end;
    if (argc > 1 && strcmp(argv[1], "sse") == 0) {
        first = fpu_snippets_sse;
        last = fpu_snippets_sse_end;
    }
    int iterations = argc > 2 ? atoi(argv[2]) : DEFAULT_ITERATIONS;
    const char *only = getenv("FPU_DIFF_ONLY");
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
    unsigned failures = 0, runs = 0, failed_snippets = 0;
    for (const fpu_snippet *s = first; s < last; s++) {
        if (only && strcmp(only, s->name) != 0)
            continue;
        unsigned snippet_failures = 0;
        for (int it = 0; it < iterations && snippet_failures < 2; it++) {
            fpu_diff_state in, native, guest;
            make_inputs(s, &in);
            fill_window(native_window);
            memcpy(guest_window, native_window, WINDOW_SIZE);
            native = in;
            guest = in;
            run_native(s, &native);
            if (!run_guest(e, s, &guest) || !compare(s, &in, &native, &guest, guest_window))
                snippet_failures++;
            runs++;
        }
        failures += snippet_failures;
        failed_snippets += snippet_failures != 0;
    }
    printf("%u snippet runs, %u failures in %u of %u snippets\n", runs, failures,
           failed_snippets, (unsigned)(last - first));
    guest_env_free(e);
    return failures ? 1 : 0;
}
