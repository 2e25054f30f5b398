/*
 * SSE/SSE2 floating point: arithmetic (ADD SUB MUL DIV MIN MAX SQRT RCP
 * RSQRT) in packed/scalar single/double forms, logic (AND ANDN OR XOR),
 * compares (CMPcc, COMIS, UCOMIS), shuffles/unpacks and conversions.  The
 * arithmetic runs on the host's SSE unit under the guest's MXCSR (sse.h), so
 * rounding, NaN propagation, DAZ/FTZ and the exception flags are the
 * hardware's own.
 */
#include <immintrin.h>
#include <string.h>

#include "accel/tcg/sse.h"
#include "accel/tcg/exceptions.h"

/* Keeps the compiler from moving FP work across the MXCSR switches. */
#define FP_BARRIER() __asm__ __volatile__("" ::: "memory")

static __m128 ps(const mm_x86_xmm *x) { return _mm_loadu_ps(x->fs); }
static __m128d pd(const mm_x86_xmm *x) { return _mm_loadu_pd(x->fd); }

/* Source operand of a float op: 4/8 bytes for scalar forms, 16 aligned otherwise. */
static void float_src(tcg_vcpu *v, const tcg_insn *in, mm_x86_xmm *s, unsigned pp)
{
    unsigned bytes = pp == PP_F3 ? 4 : pp == PP_F2 ? 8 : 16;
    sse_load_rm(v, in, s, bytes, bytes == 16, false);
}

static __m128 arith_ps(unsigned op, __m128 a, __m128 b)
{
    switch (op) {
    case 0x51: return _mm_sqrt_ps(b);
    case 0x52: return _mm_rsqrt_ps(b);
    case 0x53: return _mm_rcp_ps(b);
    case 0x58: return _mm_add_ps(a, b);
    case 0x59: return _mm_mul_ps(a, b);
    case 0x5c: return _mm_sub_ps(a, b);
    case 0x5d: return _mm_min_ps(a, b);
    case 0x5e: return _mm_div_ps(a, b);
    default: return _mm_max_ps(a, b);
    }
}

static __m128 arith_ss(unsigned op, __m128 a, __m128 b)
{
    switch (op) {
    case 0x51: return _mm_sqrt_ss(b);
    case 0x52: return _mm_rsqrt_ss(b);
    case 0x53: return _mm_rcp_ss(b);
    case 0x58: return _mm_add_ss(a, b);
    case 0x59: return _mm_mul_ss(a, b);
    case 0x5c: return _mm_sub_ss(a, b);
    case 0x5d: return _mm_min_ss(a, b);
    case 0x5e: return _mm_div_ss(a, b);
    default: return _mm_max_ss(a, b);
    }
}

static __m128d arith_pd(unsigned op, __m128d a, __m128d b)
{
    switch (op) {
    case 0x51: return _mm_sqrt_pd(b);
    case 0x58: return _mm_add_pd(a, b);
    case 0x59: return _mm_mul_pd(a, b);
    case 0x5c: return _mm_sub_pd(a, b);
    case 0x5d: return _mm_min_pd(a, b);
    case 0x5e: return _mm_div_pd(a, b);
    default: return _mm_max_pd(a, b);
    }
}

static __m128d arith_sd(unsigned op, __m128d a, __m128d b)
{
    switch (op) {
    case 0x51: return _mm_sqrt_sd(a, b);
    case 0x58: return _mm_add_sd(a, b);
    case 0x59: return _mm_mul_sd(a, b);
    case 0x5c: return _mm_sub_sd(a, b);
    case 0x5d: return _mm_min_sd(a, b);
    case 0x5e: return _mm_div_sd(a, b);
    default: return _mm_max_sd(a, b);
    }
}

/* 0F 51-53, 58-59, 5C-5F. */
void op_sse_arith(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    unsigned pp = sse_prefix(in), op = in->opcode & 0xff;
    if ((op == 0x52 || op == 0x53) && (pp == PP_66 || pp == PP_F2))
        tcg_raise(v, X86_EXC_UD);
    mm_x86_xmm a = v->s.xmm[in->reg], b, r;
    float_src(v, in, &b, pp);
    uint32_t saved = sse_fp_begin(v);
    FP_BARRIER();
    switch (pp) {
    case PP_NONE: _mm_storeu_ps(r.fs, arith_ps(op, ps(&a), ps(&b))); break;
    case PP_F3:
        /* sqrt/rcp/rsqrt keep the destination's upper elements */
        _mm_storeu_ps(r.fs, arith_ss(op, ps(&a), ps(&b)));
        if (op <= 0x53) { mm_x86_xmm t = a; t.fs[0] = r.fs[0]; r = t; }
        break;
    case PP_66: _mm_storeu_pd(r.fd, arith_pd(op, pd(&a), pd(&b))); break;
    default: _mm_storeu_pd(r.fd, arith_sd(op, pd(&a), pd(&b))); break;
    }
    FP_BARRIER();
    sse_fp_end(v, saved);
    v->s.xmm[in->reg] = r;
}

/* 0F 54-57: ANDPS/ANDPD, ANDNPS/PD, ORPS/PD, XORPS/PD. */
void op_sse_logic(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    mm_x86_xmm *d = &v->s.xmm[in->reg], s;
    sse_load_rm(v, in, &s, 16, true, false);
    for (unsigned i = 0; i < 2; i++) {
        switch (in->opcode & 0xff) {
        case 0x54: d->q[i] &= s.q[i]; break;
        case 0x55: d->q[i] = ~d->q[i] & s.q[i]; break;
        case 0x56: d->q[i] |= s.q[i]; break;
        default: d->q[i] ^= s.q[i]; break;
        }
    }
}

/* 0F 14/15: UNPCKLPS/PD, UNPCKHPS/PD. */
void op_sse_unpck(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    mm_x86_xmm *d = &v->s.xmm[in->reg], s, r;
    sse_load_rm(v, in, &s, 16, true, false);
    bool high = in->opcode & 1;
    if (sse_prefix(in) == PP_66) {
        r.q[0] = d->q[high];
        r.q[1] = s.q[high];
    } else {
        unsigned b = high ? 2 : 0;
        r.d[0] = d->d[b]; r.d[1] = s.d[b]; r.d[2] = d->d[b + 1]; r.d[3] = s.d[b + 1];
    }
    *d = r;
}

/* 0F C6: SHUFPS / SHUFPD. */
void op_sse_shufp(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    mm_x86_xmm *d = &v->s.xmm[in->reg], s, r;
    sse_load_rm(v, in, &s, 16, true, false);
    unsigned imm = (unsigned)in->imm & 0xff;
    if (sse_prefix(in) == PP_66) {
        r.q[0] = d->q[imm & 1];
        r.q[1] = s.q[(imm >> 1) & 1];
    } else {
        r.d[0] = d->d[imm & 3]; r.d[1] = d->d[(imm >> 2) & 3];
        r.d[2] = s.d[(imm >> 4) & 3]; r.d[3] = s.d[(imm >> 6) & 3];
    }
    *d = r;
}

static __m128 cmp_ps(unsigned pred, __m128 a, __m128 b, bool scalar)
{
    switch (pred & 7) {
    case 0: return scalar ? _mm_cmpeq_ss(a, b) : _mm_cmpeq_ps(a, b);
    case 1: return scalar ? _mm_cmplt_ss(a, b) : _mm_cmplt_ps(a, b);
    case 2: return scalar ? _mm_cmple_ss(a, b) : _mm_cmple_ps(a, b);
    case 3: return scalar ? _mm_cmpunord_ss(a, b) : _mm_cmpunord_ps(a, b);
    case 4: return scalar ? _mm_cmpneq_ss(a, b) : _mm_cmpneq_ps(a, b);
    case 5: return scalar ? _mm_cmpnlt_ss(a, b) : _mm_cmpnlt_ps(a, b);
    case 6: return scalar ? _mm_cmpnle_ss(a, b) : _mm_cmpnle_ps(a, b);
    default: return scalar ? _mm_cmpord_ss(a, b) : _mm_cmpord_ps(a, b);
    }
}

static __m128d cmp_pd(unsigned pred, __m128d a, __m128d b, bool scalar)
{
    switch (pred & 7) {
    case 0: return scalar ? _mm_cmpeq_sd(a, b) : _mm_cmpeq_pd(a, b);
    case 1: return scalar ? _mm_cmplt_sd(a, b) : _mm_cmplt_pd(a, b);
    case 2: return scalar ? _mm_cmple_sd(a, b) : _mm_cmple_pd(a, b);
    case 3: return scalar ? _mm_cmpunord_sd(a, b) : _mm_cmpunord_pd(a, b);
    case 4: return scalar ? _mm_cmpneq_sd(a, b) : _mm_cmpneq_pd(a, b);
    case 5: return scalar ? _mm_cmpnlt_sd(a, b) : _mm_cmpnlt_pd(a, b);
    case 6: return scalar ? _mm_cmpnle_sd(a, b) : _mm_cmpnle_pd(a, b);
    default: return scalar ? _mm_cmpord_sd(a, b) : _mm_cmpord_pd(a, b);
    }
}

/* 0F C2: CMPPS/CMPPD/CMPSS/CMPSD with an imm8 predicate. */
void op_sse_cmp(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    unsigned pp = sse_prefix(in), pred = (unsigned)in->imm & 7;
    mm_x86_xmm a = v->s.xmm[in->reg], b, r;
    float_src(v, in, &b, pp);
    uint32_t saved = sse_fp_begin(v);
    FP_BARRIER();
    if (pp == PP_NONE || pp == PP_F3)
        _mm_storeu_ps(r.fs, cmp_ps(pred, ps(&a), ps(&b), pp == PP_F3));
    else
        _mm_storeu_pd(r.fd, cmp_pd(pred, pd(&a), pd(&b), pp == PP_F2));
    FP_BARRIER();
    sse_fp_end(v, saved);
    v->s.xmm[in->reg] = r;
}

/* The host's own COMIS/UCOMIS: a separate NaN test or == in C would run
 * more compares and report flags (DE next to a NaN) the instruction does not. */
#define COMIS_ASM(insn)                                                                  \
    __asm__ volatile(insn " %[b], %[a]\n\tsetz %[z]\n\tsetp %[p]\n\tsetc %[c]"          \
                     : [z] "=q"(z), [p] "=q"(p), [c] "=q"(c)                               \
                     : [a] "x"(x), [b] "x"(y)                                              \
                     : "cc")

static uint64_t comis_flags(bool dbl, bool signaling, const mm_x86_xmm *a, const mm_x86_xmm *b)
{
    uint8_t z, p, c;
    __m128 x = ps(a), y = ps(b);
    if (dbl) {
        if (signaling)
            COMIS_ASM("comisd");
        else
            COMIS_ASM("ucomisd");
    } else {
        if (signaling)
            COMIS_ASM("comiss");
        else
            COMIS_ASM("ucomiss");
    }
    return (z ? X86_FLAG_ZF : 0) | (p ? X86_FLAG_PF : 0) | (c ? X86_FLAG_CF : 0);
}

/* 0F 2E/2F: UCOMISS/UCOMISD/COMISS/COMISD -> ZF, PF, CF (OF, SF, AF cleared). */
void op_sse_comis(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    bool dbl = sse_prefix(in) == PP_66, signaling = in->opcode & 1;
    mm_x86_xmm a = v->s.xmm[in->reg], b;
    sse_load_rm(v, in, &b, dbl ? 8 : 4, false, false);
    uint32_t saved = sse_fp_begin(v);
    uint64_t f = comis_flags(dbl, signaling, &a, &b);
    sse_fp_end(v, saved);
    cc_set_eflags(v, f);
}
