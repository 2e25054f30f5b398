/*
 * Shifts and rotates (group 2: ROL ROR RCL RCR SHL SHR SAL SAR) and the
 * double shifts SHLD/SHRD.  Flags are computed at once: a count of zero
 * changes nothing (not even flags), the count is masked to 5 bits (6 with
 * 64-bit operands), OF is defined for a count of 1 and computed by the same
 * formula otherwise, rotates touch only CF and OF.
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/shift.h"


/* Flags of SHL/SHR/SAR: CF, OF and the result flags; AF cleared. */
static uint64_t shift_flags(uint64_t res, unsigned sz, uint64_t cf, uint64_t of)
{
    uint64_t m = size_mask(sz);
    uint64_t f = parity_flag(res) | (cf ? X86_FLAG_CF : 0) | (of ? X86_FLAG_OF : 0);
    if ((res & m) == 0)
        f |= X86_FLAG_ZF;
    if (res & sign_bit(sz))
        f |= X86_FLAG_SF;
    return f;
}

/* Computes the shifted value and updates flags; count is already masked and non-zero. */
static uint64_t shift_value(tcg_vcpu *v, unsigned op, unsigned sz, uint64_t a, unsigned count)
{
    unsigned width = 8u << sz;
    uint64_t m = size_mask(sz), msb = sign_bit(sz), res, cf, of;
    uint64_t flags;
    switch (op) {
    case SH_ROL: {
        flags = cc_compute(v);   /* rotates keep SF, ZF, AF, PF */
        unsigned c = count & (width - 1);
        res = c ? ((a << c) | (a >> (width - c))) & m : a;
        cf = res & 1;
        of = ((res & msb) != 0) ^ cf;
        flags = (flags & ~(uint64_t)(X86_FLAG_CF | X86_FLAG_OF)) | (cf ? X86_FLAG_CF : 0) |
                (of ? X86_FLAG_OF : 0);
        break;
    }
    case SH_ROR: {
        flags = cc_compute(v);
        unsigned c = count & (width - 1);
        res = c ? ((a >> c) | (a << (width - c))) & m : a;
        cf = (res & msb) != 0;
        of = cf ^ ((res & (msb >> 1)) != 0);
        flags = (flags & ~(uint64_t)(X86_FLAG_CF | X86_FLAG_OF)) | (cf ? X86_FLAG_CF : 0) |
                (of ? X86_FLAG_OF : 0);
        break;
    }
    case SH_RCL:
    case SH_RCR: {
        unsigned c = count % (width + 1);
        flags = cc_compute(v);
        cf = flags & X86_FLAG_CF;
        res = a;
        for (unsigned i = 0; i < c; i++) {   /* counts are small (<= 64) */
            uint64_t out;
            if (op == SH_RCL) {
                out = (res & msb) != 0;
                res = ((res << 1) | cf) & m;
            } else {
                out = res & 1;
                res = (res >> 1) | (cf ? msb : 0);
            }
            cf = out;
        }
        if (op == SH_RCL)
            of = ((res & msb) != 0) ^ cf;
        else
            of = ((res & msb) != 0) ^ ((res & (msb >> 1)) != 0);
        if (c == 0)
            return a;
        flags = (flags & ~(uint64_t)(X86_FLAG_CF | X86_FLAG_OF)) | (cf ? X86_FLAG_CF : 0) |
                (of ? X86_FLAG_OF : 0);
        break;
    }
    default:
        /* Plain shifts record their operands: flags are computed lazily (flags.c). */
        return shift_plain(v, op, sz, a, count);
    }
    cc_set_eflags(v, flags);
    return res;
}

static void shift_rm(tcg_vcpu *v, const tcg_insn *in, unsigned count)
{
    unsigned sz = in->opsize;
    count &= sz == SZ64 ? 0x3f : 0x1f;
    if (count == 0) {
        /* Nothing changes, but the access still happens (and may fault) and a
         * 32-bit register destination is still written, clearing bits 63:32. */
        uint64_t a = rm_read(v, in, sz);
        if (in->mod == 3 && sz == SZ32)
            reg_write(v, in->rm, sz, a, in);
        return;
    }
    if (in->mod == 3) {
        uint64_t a = reg_read(v, in->rm, sz, in);
        reg_write(v, in->rm, sz, shift_value(v, in->sub, sz, a, count), in);
        return;
    }
    uint64_t lin = rm_linear(v, in, 1u << sz, ACC_WRITE);
    uint64_t a = tcg_lin_read(v, lin, 1u << sz);
    tcg_lin_write(v, lin, 1u << sz, shift_value(v, in->sub, sz, a, count));
}

void op_shift_imm(tcg_vcpu *v, const tcg_insn *in) { shift_rm(v, in, (unsigned)in->imm & 0xff); }
void op_shift_1(tcg_vcpu *v, const tcg_insn *in) { shift_rm(v, in, 1); }
void op_shift_cl(tcg_vcpu *v, const tcg_insn *in)
{
    shift_rm(v, in, (unsigned)v->s.regs[X86_R_CX] & 0xff);
}

/* SHLD/SHRD: dst shifted with bits from src coming in. */
static void double_shift(tcg_vcpu *v, const tcg_insn *in, unsigned count, bool left)
{
    unsigned sz = in->opsize, width = 8u << sz;
    count &= sz == SZ64 ? 0x3f : 0x1f;
    if (count == 0) {
        uint64_t a = rm_read(v, in, sz);
        if (in->mod == 3 && sz == SZ32)
            reg_write(v, in->rm, sz, a, in);   /* clears bits 63:32 like any 32-bit write */
        return;
    }
    uint64_t m = size_mask(sz), msb = sign_bit(sz);
    uint64_t src = reg_read(v, in->reg, sz, in);
    uint64_t lin = 0, a;
    if (in->mod == 3) {
        a = reg_read(v, in->rm, sz, in);
    } else {
        lin = rm_linear(v, in, 1u << sz, ACC_WRITE);
        a = tcg_lin_read(v, lin, 1u << sz);
    }
    uint64_t res, cf;
    if (sz == SZ16 && count > 16) {
        /* Undefined by the SDM: behave as a 32-bit rotate of dst:src like hardware. */
        uint64_t wide = left ? (a << 16) | src : (src << 16) | a;
        wide = left ? (wide << count) | (wide >> (32 - count))
                    : (wide >> count) | (wide << (32 - count));
        res = (left ? wide >> 16 : wide) & m;
        cf = left ? (((a << 16) | src) >> (32 - count)) & 1 : (((src << 16) | a) >> (count - 1)) & 1;
    } else if (left) {
        res = ((a << count) | (count < width ? src >> (width - count) : 0)) & m;
        if (count == width)
            res = src & m;
        cf = (a >> (width - count)) & 1;
    } else {
        res = ((a >> count) | (count < width ? src << (width - count) : 0)) & m;
        if (count == width)
            res = src & m;
        cf = (a >> (count - 1)) & 1;
    }
    uint64_t of = ((res ^ a) & msb) != 0;
    cc_set_eflags(v, shift_flags(res, sz, cf, of));
    if (in->mod == 3)
        reg_write(v, in->rm, sz, res, in);
    else
        tcg_lin_write(v, lin, 1u << sz, res);
}

void op_shld_imm(tcg_vcpu *v, const tcg_insn *in) { double_shift(v, in, (unsigned)in->imm & 0xff, true); }
void op_shld_cl(tcg_vcpu *v, const tcg_insn *in) { double_shift(v, in, (unsigned)v->s.regs[X86_R_CX] & 0xff, true); }
void op_shrd_imm(tcg_vcpu *v, const tcg_insn *in) { double_shift(v, in, (unsigned)in->imm & 0xff, false); }
void op_shrd_cl(tcg_vcpu *v, const tcg_insn *in) { double_shift(v, in, (unsigned)v->s.regs[X86_R_CX] & 0xff, false); }
