/*
 * SSE/SSE2 conversions: CVTSI2SS/SD, CVT(T)SS2SI/SD2SI, CVTPI2PS/PD,
 * CVT(T)PS2PI/PD2PI, CVTPS2PD/PD2PS/SS2SD/SD2SS, CVTDQ2PS/PS2DQ/TPS2DQ,
 * CVTDQ2PD/PD2DQ/TPD2DQ; done by the host's SSE unit under the guest MXCSR.
 */
#include <immintrin.h>

#include "accel/tcg/sse.h"
#include "accel/tcg/exceptions.h"

#define FP_BARRIER() __asm__ __volatile__("" ::: "memory")

/* 0F 2A: CVTPI2PS (none), CVTPI2PD (66), CVTSI2SS (F3), CVTSI2SD (F2). */
void op_sse_cvt_to_float(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    unsigned pp = sse_prefix(in);
    mm_x86_xmm r = v->s.xmm[in->reg], src = { .q = { 0, 0 } };
    bool wide = (in->prefix & PFX_REXW) != 0;
    if (pp == PP_F3 || pp == PP_F2)
        src.q[0] = rm_read(v, in, wide ? SZ64 : SZ32);
    else {
        mmx_enter(v);
        sse_load_rm(v, in, &src, 8, false, true);
    }
    uint32_t saved = sse_fp_begin(v);
    FP_BARRIER();
    switch (pp) {
    case PP_F3:
        _mm_storeu_ps(r.fs, wide ? _mm_cvtsi64_ss(_mm_loadu_ps(r.fs), (long long)src.q[0])
                                 : _mm_cvtsi32_ss(_mm_loadu_ps(r.fs), (int)src.d[0]));
        break;
    case PP_F2:
        _mm_storeu_pd(r.fd, wide ? _mm_cvtsi64_sd(_mm_loadu_pd(r.fd), (long long)src.q[0])
                                 : _mm_cvtsi32_sd(_mm_loadu_pd(r.fd), (int)src.d[0]));
        break;
    case PP_66:
        _mm_storeu_pd(r.fd, _mm_cvtepi32_pd(_mm_loadu_si128((const __m128i *)src.b)));
        break;
    default: {
        mm_x86_xmm t;
        _mm_storeu_ps(t.fs, _mm_cvtepi32_ps(_mm_loadu_si128((const __m128i *)src.b)));
        r.q[0] = t.q[0];
        break;
    }
    }
    FP_BARRIER();
    sse_fp_end(v, saved);
    v->s.xmm[in->reg] = r;
}

/* 0F 2C/2D: CVT(T)PS2PI, CVT(T)PD2PI, CVT(T)SS2SI, CVT(T)SD2SI. */
void op_sse_cvt_to_int(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    unsigned pp = sse_prefix(in);
    bool trunc = in->opcode == 0x12c, wide = (in->prefix & PFX_REXW) != 0;
    mm_x86_xmm s;
    sse_load_rm(v, in, &s, pp == PP_F3 ? 4 : pp == PP_F2 ? 8 : pp == PP_66 ? 16 : 8,
                pp == PP_66, false);
    if (pp == PP_NONE)
        s.q[1] = 0;   /* CVT(T)PS2PI: only two lanes may raise flags */
    uint64_t result;
    mm_x86_xmm t;
    uint32_t saved = sse_fp_begin(v);
    FP_BARRIER();
    switch (pp) {
    case PP_F3: {
        __m128 x = _mm_loadu_ps(s.fs);
        result = wide ? (uint64_t)(trunc ? _mm_cvttss_si64(x) : _mm_cvtss_si64(x))
                      : (uint32_t)(trunc ? _mm_cvttss_si32(x) : _mm_cvtss_si32(x));
        break;
    }
    case PP_F2: {
        __m128d x = _mm_loadu_pd(s.fd);
        result = wide ? (uint64_t)(trunc ? _mm_cvttsd_si64(x) : _mm_cvtsd_si64(x))
                      : (uint32_t)(trunc ? _mm_cvttsd_si32(x) : _mm_cvtsd_si32(x));
        break;
    }
    case PP_66:
        _mm_storeu_si128((__m128i *)t.b, trunc ? _mm_cvttpd_epi32(_mm_loadu_pd(s.fd))
                                               : _mm_cvtpd_epi32(_mm_loadu_pd(s.fd)));
        result = t.q[0];
        break;
    default:
        _mm_storeu_si128((__m128i *)t.b, trunc ? _mm_cvttps_epi32(_mm_loadu_ps(s.fs))
                                               : _mm_cvtps_epi32(_mm_loadu_ps(s.fs)));
        result = t.q[0];
        break;
    }
    FP_BARRIER();
    sse_fp_end(v, saved);
    if (pp == PP_F3 || pp == PP_F2) {
        gpr_write(v, in->reg, wide ? SZ64 : SZ32, result);
    } else {
        mmx_enter(v);
        mmx_set(v, in->reg, result);
    }
}

/* 0F 5A: CVTPS2PD, CVTPD2PS, CVTSS2SD, CVTSD2SS. */
void op_sse_cvt_float_size(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    unsigned pp = sse_prefix(in);
    mm_x86_xmm r = v->s.xmm[in->reg], s;
    sse_load_rm(v, in, &s, pp == PP_F3 ? 4 : pp == PP_F2 ? 8 : pp == PP_66 ? 16 : 8,
                pp == PP_66, false);
    uint32_t saved = sse_fp_begin(v);
    FP_BARRIER();
    switch (pp) {
    case PP_NONE: _mm_storeu_pd(r.fd, _mm_cvtps_pd(_mm_loadu_ps(s.fs))); break;
    case PP_66:
        _mm_storeu_ps(r.fs, _mm_cvtpd_ps(_mm_loadu_pd(s.fd)));
        break;
    case PP_F3:
        _mm_storeu_pd(r.fd, _mm_cvtss_sd(_mm_loadu_pd(r.fd), _mm_loadu_ps(s.fs)));
        break;
    default:
        _mm_storeu_ps(r.fs, _mm_cvtsd_ss(_mm_loadu_ps(r.fs), _mm_loadu_pd(s.fd)));
        break;
    }
    FP_BARRIER();
    sse_fp_end(v, saved);
    v->s.xmm[in->reg] = r;
}

/* 0F 5B: CVTDQ2PS (none), CVTPS2DQ (66), CVTTPS2DQ (F3);
 * 0F E6: CVTTPD2DQ (66), CVTDQ2PD (F3), CVTPD2DQ (F2). */
void op_sse_cvt_packed(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    unsigned pp = sse_prefix(in);
    bool e6 = in->opcode == 0x1e6;
    if ((e6 && pp == PP_NONE) || (!e6 && pp == PP_F2))
        tcg_raise(v, X86_EXC_UD);
    mm_x86_xmm s, r;
    sse_load_rm(v, in, &s, (e6 && pp == PP_F3) ? 8 : 16, !(e6 && pp == PP_F3), false);
    __m128i si = _mm_loadu_si128((const __m128i *)s.b);
    uint32_t saved = sse_fp_begin(v);
    FP_BARRIER();
    if (!e6) {
        if (pp == PP_NONE)
            _mm_storeu_ps(r.fs, _mm_cvtepi32_ps(si));
        else
            _mm_storeu_si128((__m128i *)r.b, pp == PP_66 ? _mm_cvtps_epi32(_mm_loadu_ps(s.fs))
                                                         : _mm_cvttps_epi32(_mm_loadu_ps(s.fs)));
    } else if (pp == PP_F3) {
        _mm_storeu_pd(r.fd, _mm_cvtepi32_pd(si));
    } else {
        _mm_storeu_si128((__m128i *)r.b, pp == PP_66 ? _mm_cvttpd_epi32(_mm_loadu_pd(s.fd))
                                                     : _mm_cvtpd_epi32(_mm_loadu_pd(s.fd)));
    }
    FP_BARRIER();
    sse_fp_end(v, saved);
    v->s.xmm[in->reg] = r;
}
