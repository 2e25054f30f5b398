/*
 * MMX and SSE2 packed-integer instructions (0F 60-76, 0F D1-FE, PSHUF*,
 * shift-by-immediate groups 0F 71-73).  Without a 66 prefix they work on
 * the 64-bit MMX registers, with it on the 128-bit XMM registers; one
 * element loop serves both widths.
 */
#include <string.h>

#include "accel/tcg/sse.h"
#include "accel/tcg/exceptions.h"

static int8_t sat8(int v) { return (int8_t)(v > 127 ? 127 : v < -128 ? -128 : v); }
static uint8_t satu8(int v) { return (uint8_t)(v > 255 ? 255 : v < 0 ? 0 : v); }
static int16_t sat16(int v) { return (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v); }
static uint16_t satu16(int v) { return (uint16_t)(v > 65535 ? 65535 : v < 0 ? 0 : v); }

/* Interleaves the low (or high) halves of d and s with element size `es`. */
static void unpack(mm_x86_xmm *d, const mm_x86_xmm *s, unsigned bytes, unsigned es, bool high)
{
    mm_x86_xmm r = { .q = { 0, 0 } };
    unsigned half = bytes / 2, base = high ? half : 0;
    for (unsigned i = 0; i < half / es; i++) {
        memcpy(&r.b[2 * i * es], &d->b[base + i * es], es);
        memcpy(&r.b[(2 * i + 1) * es], &s->b[base + i * es], es);
    }
    *d = r;
}

static void pack(mm_x86_xmm *d, const mm_x86_xmm *s, unsigned bytes, unsigned kind)
{
    mm_x86_xmm r = { .q = { 0, 0 } };
    const mm_x86_xmm *src[2] = { d, s };
    if (kind == 2) {   /* PACKSSDW: dwords -> saturated words */
        unsigned n = bytes / 4;
        for (unsigned h = 0; h < 2; h++)
            for (unsigned i = 0; i < n; i++)
                r.sw[h * n + i] = sat16(src[h]->sd[i]);
    } else {           /* PACKSSWB (0) / PACKUSWB (1): words -> bytes */
        unsigned n = bytes / 2;
        for (unsigned h = 0; h < 2; h++)
            for (unsigned i = 0; i < n; i++)
                r.b[h * n + i] = kind ? satu8(src[h]->sw[i]) : (uint8_t)sat8(src[h]->sw[i]);
    }
    *d = r;
}

/* Shifts every element of width es by count (logical/arith/left). */
static void shift_elems(mm_x86_xmm *d, unsigned bytes, unsigned es, uint64_t count, int kind)
{
    unsigned bits = 8 * es;
    for (unsigned i = 0; i < bytes / es; i++) {
        uint64_t x = 0;
        memcpy(&x, &d->b[i * es], es);
        if (kind == 0)        /* logical right */
            x = count >= bits ? 0 : x >> count;
        else if (kind == 1)   /* left */
            x = count >= bits ? 0 : x << count;
        else {                /* arithmetic right */
            int64_t sx = (int64_t)(x << (64 - bits)) >> (64 - bits);
            x = (uint64_t)(sx >> (count >= bits ? bits - 1 : count));
        }
        memcpy(&d->b[i * es], &x, es);
    }
}

static void byte_shift(mm_x86_xmm *d, uint64_t count, bool left)
{
    mm_x86_xmm r = { .q = { 0, 0 } };
    if (count < 16)
        for (unsigned i = 0; i < 16; i++) {
            int from = left ? (int)i - (int)count : (int)i + (int)count;
            if (from >= 0 && from < 16)
                r.b[i] = d->b[from];
        }
    *d = r;
}

/* The element-wise operations of 0F 60-76 and 0F D1-FE. */
static void packed_op(tcg_vcpu *v, unsigned op, mm_x86_xmm *d, const mm_x86_xmm *s,
                      unsigned bytes)
{
    unsigned n8 = bytes, n16 = bytes / 2, n32 = bytes / 4, n64 = bytes / 8;
    switch (op) {
    case 0x60: unpack(d, s, bytes, 1, false); break;
    case 0x61: unpack(d, s, bytes, 2, false); break;
    case 0x62: unpack(d, s, bytes, 4, false); break;
    case 0x63: pack(d, s, bytes, 0); break;
    case 0x64: for (unsigned i = 0; i < n8; i++) d->b[i] = d->sb[i] > s->sb[i] ? 0xff : 0; break;
    case 0x65: for (unsigned i = 0; i < n16; i++) d->w[i] = d->sw[i] > s->sw[i] ? 0xffff : 0; break;
    case 0x66: for (unsigned i = 0; i < n32; i++) d->d[i] = d->sd[i] > s->sd[i] ? ~0u : 0; break;
    case 0x67: pack(d, s, bytes, 1); break;
    case 0x68: unpack(d, s, bytes, 1, true); break;
    case 0x69: unpack(d, s, bytes, 2, true); break;
    case 0x6a: unpack(d, s, bytes, 4, true); break;
    case 0x6b: pack(d, s, bytes, 2); break;
    case 0x6c: unpack(d, s, bytes, 8, false); break;
    case 0x6d: unpack(d, s, bytes, 8, true); break;
    case 0x74: for (unsigned i = 0; i < n8; i++) d->b[i] = d->b[i] == s->b[i] ? 0xff : 0; break;
    case 0x75: for (unsigned i = 0; i < n16; i++) d->w[i] = d->w[i] == s->w[i] ? 0xffff : 0; break;
    case 0x76: for (unsigned i = 0; i < n32; i++) d->d[i] = d->d[i] == s->d[i] ? ~0u : 0; break;
    case 0xd1: shift_elems(d, bytes, 2, s->q[0], 0); break;
    case 0xd2: shift_elems(d, bytes, 4, s->q[0], 0); break;
    case 0xd3: shift_elems(d, bytes, 8, s->q[0], 0); break;
    case 0xd4: for (unsigned i = 0; i < n64; i++) d->q[i] += s->q[i]; break;
    case 0xd5: for (unsigned i = 0; i < n16; i++) d->w[i] = (uint16_t)(d->sw[i] * s->sw[i]); break;
    case 0xd8: for (unsigned i = 0; i < n8; i++) d->b[i] = satu8(d->b[i] - s->b[i]); break;
    case 0xd9: for (unsigned i = 0; i < n16; i++) d->w[i] = satu16(d->w[i] - s->w[i]); break;
    case 0xda: for (unsigned i = 0; i < n8; i++) d->b[i] = d->b[i] < s->b[i] ? d->b[i] : s->b[i]; break;
    case 0xdb: for (unsigned i = 0; i < n64; i++) d->q[i] &= s->q[i]; break;
    case 0xdc: for (unsigned i = 0; i < n8; i++) d->b[i] = satu8(d->b[i] + s->b[i]); break;
    case 0xdd: for (unsigned i = 0; i < n16; i++) d->w[i] = satu16(d->w[i] + s->w[i]); break;
    case 0xde: for (unsigned i = 0; i < n8; i++) d->b[i] = d->b[i] > s->b[i] ? d->b[i] : s->b[i]; break;
    case 0xdf: for (unsigned i = 0; i < n64; i++) d->q[i] = ~d->q[i] & s->q[i]; break;
    case 0xe0: for (unsigned i = 0; i < n8; i++) d->b[i] = (uint8_t)((d->b[i] + s->b[i] + 1) >> 1); break;
    case 0xe1: shift_elems(d, bytes, 2, s->q[0], 2); break;
    case 0xe2: shift_elems(d, bytes, 4, s->q[0], 2); break;
    case 0xe3: for (unsigned i = 0; i < n16; i++) d->w[i] = (uint16_t)((d->w[i] + s->w[i] + 1) >> 1); break;
    case 0xe4: for (unsigned i = 0; i < n16; i++) d->w[i] = (uint16_t)(((uint32_t)d->w[i] * s->w[i]) >> 16); break;
    case 0xe5: for (unsigned i = 0; i < n16; i++) d->w[i] = (uint16_t)((d->sw[i] * s->sw[i]) >> 16); break;
    case 0xe8: for (unsigned i = 0; i < n8; i++) d->sb[i] = sat8(d->sb[i] - s->sb[i]); break;
    case 0xe9: for (unsigned i = 0; i < n16; i++) d->sw[i] = sat16(d->sw[i] - s->sw[i]); break;
    case 0xea: for (unsigned i = 0; i < n16; i++) d->sw[i] = d->sw[i] < s->sw[i] ? d->sw[i] : s->sw[i]; break;
    case 0xeb: for (unsigned i = 0; i < n64; i++) d->q[i] |= s->q[i]; break;
    case 0xec: for (unsigned i = 0; i < n8; i++) d->sb[i] = sat8(d->sb[i] + s->sb[i]); break;
    case 0xed: for (unsigned i = 0; i < n16; i++) d->sw[i] = sat16(d->sw[i] + s->sw[i]); break;
    case 0xee: for (unsigned i = 0; i < n16; i++) d->sw[i] = d->sw[i] > s->sw[i] ? d->sw[i] : s->sw[i]; break;
    case 0xef: for (unsigned i = 0; i < n64; i++) d->q[i] ^= s->q[i]; break;
    case 0xf1: shift_elems(d, bytes, 2, s->q[0], 1); break;
    case 0xf2: shift_elems(d, bytes, 4, s->q[0], 1); break;
    case 0xf3: shift_elems(d, bytes, 8, s->q[0], 1); break;
    case 0xf4: for (unsigned i = 0; i < n64; i++) d->q[i] = (uint64_t)d->d[2 * i] * s->d[2 * i]; break;
    case 0xf5:
        for (unsigned i = 0; i < n32; i++)
            d->sd[i] = (int32_t)((uint32_t)(d->sw[2 * i] * s->sw[2 * i]) +
                                 (uint32_t)(d->sw[2 * i + 1] * s->sw[2 * i + 1]));
        break;
    case 0xf6:
        for (unsigned h = 0; h < n64; h++) {
            unsigned sum = 0;
            for (unsigned i = 0; i < 8; i++) {
                int diff = d->b[h * 8 + i] - s->b[h * 8 + i];
                sum += (unsigned)(diff < 0 ? -diff : diff);
            }
            d->q[h] = sum;
        }
        break;
    case 0xf8: for (unsigned i = 0; i < n8; i++) d->b[i] -= s->b[i]; break;
    case 0xf9: for (unsigned i = 0; i < n16; i++) d->w[i] -= s->w[i]; break;
    case 0xfa: for (unsigned i = 0; i < n32; i++) d->d[i] -= s->d[i]; break;
    case 0xfb: for (unsigned i = 0; i < n64; i++) d->q[i] -= s->q[i]; break;
    case 0xfc: for (unsigned i = 0; i < n8; i++) d->b[i] += s->b[i]; break;
    case 0xfd: for (unsigned i = 0; i < n16; i++) d->w[i] += s->w[i]; break;
    case 0xfe: for (unsigned i = 0; i < n32; i++) d->d[i] += s->d[i]; break;
    default: tcg_raise(v, X86_EXC_UD);
    }
}

void op_sse_pint(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned pp = sse_prefix(in), op = in->opcode & 0xff;
    if (pp == PP_F3 || pp == PP_F2)
        tcg_raise(v, X86_EXC_UD);
    bool xmm = pp == PP_66;
    if (!xmm && (op == 0x6c || op == 0x6d))
        tcg_raise(v, X86_EXC_UD);
    mm_x86_xmm d, s;
    if (xmm) {
        tcg_sse_check(v);
        d = v->s.xmm[in->reg];
        sse_load_rm(v, in, &s, 16, true, false);
    } else {
        mmx_enter(v);
        d.q[0] = mmx_get(v, in->reg);
        d.q[1] = 0;
        sse_load_rm(v, in, &s, 8, false, true);
    }
    packed_op(v, op, &d, &s, xmm ? 16 : 8);
    if (xmm)
        v->s.xmm[in->reg] = d;
    else
        mmx_set(v, in->reg, d.q[0]);
}

/* 0F 70: PSHUFW (mmx), PSHUFD (66), PSHUFHW (F3), PSHUFLW (F2). */
void op_sse_pshuf(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned pp = sse_prefix(in), imm = (unsigned)in->imm & 0xff;
    mm_x86_xmm s, r;
    if (pp == PP_NONE) {
        mmx_enter(v);
        sse_load_rm(v, in, &s, 8, false, true);
        r.q[1] = 0;
        for (unsigned i = 0; i < 4; i++)
            r.w[i] = s.w[(imm >> (2 * i)) & 3];
        mmx_set(v, in->reg, r.q[0]);
        return;
    }
    tcg_sse_check(v);
    sse_load_rm(v, in, &s, 16, true, false);
    r = s;
    if (pp == PP_66) {
        for (unsigned i = 0; i < 4; i++)
            r.d[i] = s.d[(imm >> (2 * i)) & 3];
    } else {
        unsigned base = pp == PP_F3 ? 4 : 0;
        for (unsigned i = 0; i < 4; i++)
            r.w[base + i] = s.w[base + ((imm >> (2 * i)) & 3)];
    }
    v->s.xmm[in->reg] = r;
}

/* 0F 71/72/73: shifts by immediate of the register in ModRM.rm. */
void op_sse_shift_imm(tcg_vcpu *v, const tcg_insn *in)
{
    if (in->mod != 3)
        tcg_raise(v, X86_EXC_UD);
    bool xmm = sse_prefix(in) == PP_66;
    unsigned es = in->opcode == 0x171 ? 2 : in->opcode == 0x172 ? 4 : 8;
    unsigned kind_op = in->reg & 7;
    uint64_t count = in->imm & 0xff;
    mm_x86_xmm d;
    if (xmm) { tcg_sse_check(v); d = v->s.xmm[in->rm]; }
    else { mmx_enter(v); d.q[0] = mmx_get(v, in->rm); d.q[1] = 0; }
    unsigned bytes = xmm ? 16 : 8;
    if (es == 8 && (kind_op == 3 || kind_op == 7)) {
        if (!xmm)
            tcg_raise(v, X86_EXC_UD);
        byte_shift(&d, count, kind_op == 7);   /* PSLLDQ / PSRLDQ */
    } else if (kind_op == 2) {
        shift_elems(&d, bytes, es, count, 0);
    } else if (kind_op == 4 && es != 8) {
        shift_elems(&d, bytes, es, count, 2);
    } else if (kind_op == 6) {
        shift_elems(&d, bytes, es, count, 1);
    } else {
        tcg_raise(v, X86_EXC_UD);
    }
    if (xmm) v->s.xmm[in->rm] = d; else mmx_set(v, in->rm, d.q[0]);
}

/* 0F F7: MASKMOVQ / MASKMOVDQU: byte-masked store to DS:rDI. */
void op_sse_maskmov(tcg_vcpu *v, const tcg_insn *in)
{
    if (in->mod != 3)
        tcg_raise(v, X86_EXC_UD);
    bool xmm = sse_prefix(in) == PP_66;
    mm_x86_xmm data, mask;
    if (xmm) { tcg_sse_check(v); data = v->s.xmm[in->reg]; mask = v->s.xmm[in->rm]; }
    else { mmx_enter(v); data.q[0] = mmx_get(v, in->reg); mask.q[0] = mmx_get(v, in->rm); }
    uint64_t di = v->s.regs[X86_R_DI] & addr_mask(in->adsize);
    for (unsigned i = 0; i < (xmm ? 16u : 8u); i++)
        if (mask.b[i] & 0x80)
            tcg_write(v, in->seg, (di + i) & addr_mask(in->adsize), 1, data.b[i]);
}
