/*
 * SSE3 (CPUID pni): ADDSUBPS/PD, HADDPS/PD, HSUBPS/PD, MOVDDUP, MOVSLDUP,
 * MOVSHDUP, LDDQU (FISTTP is with the x87 stores).  The arithmetic runs as
 * the host's own instruction under the guest MXCSR (sse.h), so results and
 * exception flags are the hardware's.
 */
#include <immintrin.h>

#include "accel/tcg/sse.h"
#include "accel/tcg/sse3.h"
#include "accel/tcg/exceptions.h"

#define SSE3_ASM(insn) __asm__ volatile(insn " %[b], %[a]" : [a] "+x"(a) : [b] "x"(b))

/* One of the six arithmetic forms; pd selects the 66-prefixed double form. */
static __m128 sse3_arith(unsigned opcode, bool pd, __m128 a, __m128 b)
{
    switch (opcode) {
    case 0x1d0:
        if (pd)
            SSE3_ASM("addsubpd");
        else
            SSE3_ASM("addsubps");
        break;
    case 0x17c:
        if (pd)
            SSE3_ASM("haddpd");
        else
            SSE3_ASM("haddps");
        break;
    default:
        if (pd)
            SSE3_ASM("hsubpd");
        else
            SSE3_ASM("hsubps");
        break;
    }
    return a;
}

/* 66/F2 0F D0, 7C, 7D: ADDSUB, HADD, HSUB (66: PD, F2: PS). */
void op_sse3_arith(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned pp = sse_prefix(in);
    if (pp != PP_66 && pp != PP_F2)
        tcg_raise(v, X86_EXC_UD);
    tcg_sse_check(v);
    mm_x86_xmm *dst = &v->s.xmm[in->reg], src, r;
    sse_load_rm(v, in, &src, 16, true, false);
    uint32_t saved = sse_fp_begin(v);
    __m128 res = sse3_arith(in->opcode, pp == PP_66, _mm_loadu_ps(dst->fs), _mm_loadu_ps(src.fs));
    sse_fp_end(v, saved);
    _mm_storeu_ps(r.fs, res);
    *dst = r;
}

/* F2 0F F0: LDDQU xmm, m128 (no alignment rule). */
void op_sse3_lddqu(tcg_vcpu *v, const tcg_insn *in)
{
    if (sse_prefix(in) != PP_F2 || in->mod == 3)
        tcg_raise(v, X86_EXC_UD);
    tcg_sse_check(v);
    mm_x86_xmm src;
    sse_load_rm(v, in, &src, 16, false, false);
    v->s.xmm[in->reg] = src;
}

/* F2 0F 12: MOVDDUP; F3 0F 12: MOVSLDUP; F3 0F 16: MOVSHDUP. */
void op_sse3_dup(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    mm_x86_xmm src, r;
    if (sse_prefix(in) == PP_F2) {
        if (in->opcode != 0x112)
            tcg_raise(v, X86_EXC_UD);
        sse_load_rm(v, in, &src, 8, false, false);
        r.q[0] = r.q[1] = src.q[0];
    } else {
        unsigned odd = in->opcode == 0x116;
        sse_load_rm(v, in, &src, 16, true, false);
        for (unsigned i = 0; i < 4; i += 2)
            r.d[i] = r.d[i + 1] = src.d[i + odd];
    }
    v->s.xmm[in->reg] = r;
}
