/*
 * SSE/SSE2/MMX data movement: MOVUPS/MOVAPS/MOVSS/MOVSD and the PD forms,
 * MOVLPS/MOVHPS/MOVHLPS/MOVLHPS, MOVD/MOVQ, MOVDQA/MOVDQU, MOVNT*, MOVMSKPS/PD,
 * PMOVMSKB, PEXTRW/PINSRW, EMMS.
 */
#include "accel/tcg/sse.h"
#include "accel/tcg/sse3.h"
#include "accel/tcg/fpu_helpers.h"
#include "accel/tcg/exceptions.h"

/* 0F 10/11: MOVUPS, MOVUPD, MOVSS, MOVSD (load and store forms). */
void op_sse_mov_ups(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    unsigned pp = sse_prefix(in);
    bool store = in->opcode & 1;
    unsigned bytes = pp == PP_F3 ? 4 : pp == PP_F2 ? 8 : 16;
    mm_x86_xmm *reg = &v->s.xmm[in->reg];
    if (store) {
        if (in->mod == 3 && bytes < 16) {
            /* Register-to-register scalar move merges the low element. */
            mm_x86_xmm *dst = &v->s.xmm[in->rm];
            if (bytes == 4) dst->d[0] = reg->d[0]; else dst->q[0] = reg->q[0];
            return;
        }
        sse_store_rm(v, in, reg, bytes, false, false);
        return;
    }
    mm_x86_xmm src;
    sse_load_rm(v, in, &src, bytes, false, false);
    if (bytes == 16 || in->mod != 3) {
        *reg = src;   /* memory scalar loads zero the rest */
        return;
    }
    if (bytes == 4) reg->d[0] = src.d[0]; else reg->q[0] = src.q[0];
}

/* 0F 28/29: MOVAPS/MOVAPD; 0F 2B: MOVNTPS/PD; 66 0F E7: MOVNTDQ. */
void op_sse_mov_aps(tcg_vcpu *v, const tcg_insn *in)
{
    if (in->opcode == 0x1e7 && sse_prefix(in) == PP_NONE) {   /* MOVNTQ m64, mm */
        if (in->mod == 3)
            tcg_raise(v, X86_EXC_UD);
        mmx_enter(v);
        mm_x86_xmm t = { .q = { mmx_get(v, in->reg), 0 } };
        sse_store_rm(v, in, &t, 8, false, true);
        return;
    }
    tcg_sse_check(v);
    bool store = in->opcode == 0x129 || in->opcode == 0x12b || in->opcode == 0x1e7;
    if (store) {
        if (in->opcode != 0x129 && in->mod == 3)
            tcg_raise(v, X86_EXC_UD);
        sse_store_rm(v, in, &v->s.xmm[in->reg], 16, true, false);
    } else {
        mm_x86_xmm src;
        sse_load_rm(v, in, &src, 16, true, false);
        v->s.xmm[in->reg] = src;
    }
}

/* 0F 12/13/16/17: MOVLPS/MOVLPD/MOVHLPS and MOVHPS/MOVHPD/MOVLHPS. */
void op_sse_mov_half(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned pp = sse_prefix(in);
    if ((pp == PP_F2 || pp == PP_F3) && !(in->opcode & 1)) {
        op_sse3_dup(v, in);   /* MOVDDUP, MOVSLDUP, MOVSHDUP */
        return;
    }
    tcg_sse_check(v);
    bool high = in->opcode >= 0x116, store = in->opcode & 1;
    mm_x86_xmm *reg = &v->s.xmm[in->reg];
    if (store) {
        if (in->mod == 3)
            tcg_raise(v, X86_EXC_UD);
        mm_x86_xmm tmp = { .q = { high ? reg->q[1] : reg->q[0], 0 } };
        sse_store_rm(v, in, &tmp, 8, false, false);
        return;
    }
    if (in->mod == 3) {
        if (sse_prefix(in) != PP_NONE)
            tcg_raise(v, X86_EXC_UD);
        const mm_x86_xmm *src = &v->s.xmm[in->rm];
        if (high) reg->q[1] = src->q[0];      /* MOVLHPS */
        else reg->q[0] = src->q[1];           /* MOVHLPS */
        return;
    }
    mm_x86_xmm src;
    sse_load_rm(v, in, &src, 8, false, false);
    reg->q[high ? 1 : 0] = src.q[0];
}

/* 0F 6E / 0F 7E: MOVD/MOVQ between GPR/memory and MMX/XMM; F3 0F 7E: MOVQ xmm. */
void op_sse_movd(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned pp = sse_prefix(in);
    bool wide = (in->prefix & PFX_REXW) != 0;
    unsigned sz = wide ? SZ64 : SZ32;
    if (pp == PP_F3) {   /* MOVQ xmm, xmm/m64 (zero-extends) */
        tcg_sse_check(v);
        mm_x86_xmm src;
        sse_load_rm(v, in, &src, 8, false, false);
        v->s.xmm[in->reg] = (mm_x86_xmm){ .q = { src.q[0], 0 } };
        return;
    }
    bool xmm = pp == PP_66;
    if (xmm) tcg_sse_check(v); else mmx_enter(v);
    if (in->opcode == 0x16e) {
        uint64_t val = rm_read(v, in, sz);
        if (xmm) v->s.xmm[in->reg] = (mm_x86_xmm){ .q = { val, 0 } };
        else mmx_set(v, in->reg, val);
    } else {
        uint64_t val = xmm ? v->s.xmm[in->reg].q[0] : mmx_get(v, in->reg);
        rm_write(v, in, sz, val & size_mask(sz));
    }
}

/* 0F 6F/7F: MOVQ mm (none), MOVDQA (66), MOVDQU (F3). */
void op_sse_movdq(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned pp = sse_prefix(in);
    bool store = in->opcode == 0x17f;
    if (pp == PP_NONE) {
        mmx_enter(v);
        if (store) {
            mm_x86_xmm t = { .q = { mmx_get(v, in->reg), 0 } };
            sse_store_rm(v, in, &t, 8, false, true);
        } else {
            mm_x86_xmm t;
            sse_load_rm(v, in, &t, 8, false, true);
            mmx_set(v, in->reg, t.q[0]);
        }
        return;
    }
    if (pp == PP_F2)
        tcg_raise(v, X86_EXC_UD);
    tcg_sse_check(v);
    bool aligned = pp == PP_66;
    if (store) {
        sse_store_rm(v, in, &v->s.xmm[in->reg], 16, aligned, false);
    } else {
        mm_x86_xmm t;
        sse_load_rm(v, in, &t, 16, aligned, false);
        v->s.xmm[in->reg] = t;
    }
}

/* 66 0F D6: MOVQ xmm/m64, xmm; F3 0F D6: MOVQ2DQ; F2 0F D6: MOVDQ2Q. */
void op_sse_movq_store(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned pp = sse_prefix(in);
    tcg_sse_check(v);
    if (pp == PP_66) {
        mm_x86_xmm t = { .q = { v->s.xmm[in->reg].q[0], 0 } };
        if (in->mod == 3) v->s.xmm[in->rm] = t;
        else sse_store_rm(v, in, &t, 8, false, false);
        return;
    }
    if (in->mod != 3)
        tcg_raise(v, X86_EXC_UD);
    mmx_enter(v);
    if (pp == PP_F3)
        v->s.xmm[in->reg] = (mm_x86_xmm){ .q = { mmx_get(v, in->rm), 0 } };
    else if (pp == PP_F2)
        mmx_set(v, in->reg, v->s.xmm[in->rm].q[0]);
    else
        tcg_raise(v, X86_EXC_UD);
}

/* 0F C3: MOVNTI m32/m64, r. */
void op_movnti(tcg_vcpu *v, const tcg_insn *in)
{
    if (in->mod == 3)
        tcg_raise(v, X86_EXC_UD);
    unsigned sz = (in->prefix & PFX_REXW) ? SZ64 : SZ32;
    rm_write(v, in, sz, v->s.regs[in->reg] & size_mask(sz));
}

/* 0F 50: MOVMSKPS / MOVMSKPD. */
void op_sse_movmsk(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    if (in->mod != 3)
        tcg_raise(v, X86_EXC_UD);
    const mm_x86_xmm *s = &v->s.xmm[in->rm];
    uint64_t mask = 0;
    if (sse_prefix(in) == PP_66)
        mask = (s->q[0] >> 63) | ((s->q[1] >> 63) << 1);
    else
        for (unsigned i = 0; i < 4; i++)
            mask |= (uint64_t)(s->d[i] >> 31) << i;
    gpr_write(v, in->reg, SZ32, mask);
}

/* 0F D7: PMOVMSKB. */
void op_sse_pmovmskb(tcg_vcpu *v, const tcg_insn *in)
{
    if (in->mod != 3)
        tcg_raise(v, X86_EXC_UD);
    bool xmm = sse_prefix(in) == PP_66;
    mm_x86_xmm s;
    if (xmm) { tcg_sse_check(v); s = v->s.xmm[in->rm]; }
    else { mmx_enter(v); s.q[0] = mmx_get(v, in->rm); s.q[1] = 0; }
    uint64_t mask = 0;
    for (unsigned i = 0; i < (xmm ? 16u : 8u); i++)
        mask |= (uint64_t)(s.b[i] >> 7) << i;
    gpr_write(v, in->reg, SZ32, mask);
}

/* 0F C5: PEXTRW r32, mm/xmm, imm8. */
void op_sse_pextrw(tcg_vcpu *v, const tcg_insn *in)
{
    if (in->mod != 3)
        tcg_raise(v, X86_EXC_UD);
    bool xmm = sse_prefix(in) == PP_66;
    uint16_t w;
    if (xmm) { tcg_sse_check(v); w = v->s.xmm[in->rm].w[in->imm & 7]; }
    else { mmx_enter(v); w = (uint16_t)(mmx_get(v, in->rm) >> (16 * (in->imm & 3))); }
    gpr_write(v, in->reg, SZ32, w);
}

/* 0F C4: PINSRW mm/xmm, r32/m16, imm8. */
void op_sse_pinsrw(tcg_vcpu *v, const tcg_insn *in)
{
    bool xmm = sse_prefix(in) == PP_66;
    uint16_t w = (uint16_t)(in->mod == 3 ? v->s.regs[in->rm] : rm_read(v, in, SZ16));
    if (xmm) {
        tcg_sse_check(v);
        v->s.xmm[in->reg].w[in->imm & 7] = w;
    } else {
        mmx_enter(v);
        unsigned sh = 16 * (in->imm & 3);
        mmx_set(v, in->reg, (mmx_get(v, in->reg) & ~(0xffffull << sh)) | ((uint64_t)w << sh));
    }
}

/* 0F 77: EMMS. */
void op_emms(tcg_vcpu *v, const tcg_insn *in)
{
    if (v->s.cr0 & X86_CR0_EM)
        tcg_raise(v, X86_EXC_UD);
    tcg_fpu_check(v);
    x87_check_pending(v);
    v->s.fpu.ftw = 0;
}
