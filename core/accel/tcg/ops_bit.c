/*
 * Bit instructions: BT/BTS/BTR/BTC (register and immediate offsets; a
 * register offset addresses memory beyond the operand), BSF/BSR, and
 * TZCNT/LZCNT/POPCNT when the CPU model advertises them, BSWAP.
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/exceptions.h"
#include "cpu/cpuid.h"

enum { BT_TEST, BT_SET, BT_RESET, BT_COMPLEMENT };

static uint64_t bt_compute(uint64_t old, uint64_t bit, uint64_t op)
{
    switch (op) {
    case BT_SET: return old | (1ull << bit);
    case BT_RESET: return old & ~(1ull << bit);
    case BT_COMPLEMENT: return old ^ (1ull << bit);
    default: return old;
    }
}

/* CF = the tested bit; the other arithmetic flags are left as they were. */
static void bt_set_cf(tcg_vcpu *v, bool bit)
{
    uint64_t f = cc_compute(v);
    cc_set_eflags(v, (f & ~(uint64_t)X86_FLAG_CF) | (bit ? X86_FLAG_CF : 0));
}

static void bit_op(tcg_vcpu *v, const tcg_insn *in, unsigned op, int64_t offset, bool from_reg)
{
    unsigned sz = in->opsize, width = 8u << sz;
    if (in->mod == 3 || !from_reg) {
        unsigned bit = (uint64_t)offset & (width - 1);
        uint64_t old = op == BT_TEST ? rm_read(v, in, sz)
                                      : tcg_rmw(v, in, sz, bt_compute, bit, op);
        bt_set_cf(v, (old >> bit) & 1);
        return;
    }
    /* Memory with a register offset: the operand moves by offset / width. */
    int64_t unit = offset >> (3 + sz);   /* arithmetic shift: floor division */
    unsigned bit = (uint64_t)offset & (width - 1);
    uint64_t ea = (tcg_ea(v, in) + ((uint64_t)unit << sz)) & addr_mask(in->adsize);
    uint64_t lin = tcg_seg_linear(v, in->seg, ea, 1u << sz, op == BT_TEST ? ACC_READ : ACC_WRITE);
    uint64_t old;
    if (op == BT_TEST) {
        old = tcg_lin_read(v, lin, 1u << sz);
    } else {
        void *host = (in->prefix & PFX_LOCK) ? tcg_lin_host_rmw(v, lin, 1u << sz) : NULL;
        if (host) {
            old = tcg_atomic_update(host, sz, bt_compute, bit, op);
        } else {
            old = tcg_lin_read(v, lin, 1u << sz);
            tcg_lin_write(v, lin, 1u << sz, bt_compute(old, bit, op));
        }
    }
    bt_set_cf(v, (old >> bit) & 1);
}

/* 0F A3/AB/B3/BB: sub selects the operation. */
void op_bt_rm_r(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t off = reg_read(v, in->reg, sz, in);
    int64_t soff = (int64_t)(off << (64 - (8u << sz))) >> (64 - (8u << sz));
    bit_op(v, in, in->sub, soff, true);
}

/* 0F BA /4-/7: BT/BTS/BTR/BTC r/m, imm8. */
void op_bt_rm_imm(tcg_vcpu *v, const tcg_insn *in)
{
    bit_op(v, in, in->sub - 4, (int64_t)(in->imm & 0xff), false);
}

static void set_zf_only(tcg_vcpu *v, bool zf)
{
    uint64_t f = cc_compute(v);
    cc_set_eflags(v, (f & ~(uint64_t)X86_FLAG_ZF) | (zf ? X86_FLAG_ZF : 0));
}

static bool cpu_has(tcg_vcpu *v, unsigned word, unsigned bit)
{
    return v->s.model && mm_cpuid_has(v->s.model, word, bit);
}

/* Flags of TZCNT/LZCNT/POPCNT: CF (source zero / count), ZF (result zero), rest 0. */
static void count_flags(tcg_vcpu *v, bool cf, bool zf)
{
    cc_set_eflags(v, (cf ? X86_FLAG_CF : 0) | (zf ? X86_FLAG_ZF : 0));
}

void op_bsf(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t src = rm_read(v, in, sz);
    /* TZCNT (F3 prefix) needs BMI1, which no model advertises: F3 is ignored. */
    if (src == 0) {
        set_zf_only(v, true);   /* destination unchanged, as hardware does */
        return;
    }
    set_zf_only(v, false);
    reg_write(v, in->reg, sz, (uint64_t)__builtin_ctzll(src), in);
}

void op_bsr(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize, width = 8u << sz;
    uint64_t src = rm_read(v, in, sz);
    if ((in->prefix & PFX_REP) && cpu_has(v, MM_FEAT_8000_0001_ECX, MM_CPUID_8001_ECX_ABM)) {
        unsigned n = src ? (unsigned)__builtin_clzll(src) - (64 - width) : width;
        count_flags(v, src == 0, n == 0);
        reg_write(v, in->reg, sz, n, in);
        return;
    }
    if (src == 0) {
        set_zf_only(v, true);
        return;
    }
    set_zf_only(v, false);
    reg_write(v, in->reg, sz, 63 - (uint64_t)__builtin_clzll(src), in);
}

void op_popcnt(tcg_vcpu *v, const tcg_insn *in)
{
    if (!(in->prefix & PFX_REP) || !cpu_has(v, MM_FEAT_1_ECX, MM_CPUID_1_ECX_POPCNT))
        tcg_raise(v, X86_EXC_UD);
    unsigned sz = in->opsize;
    uint64_t src = rm_read(v, in, sz);
    count_flags(v, false, src == 0);
    reg_write(v, in->reg, sz, (uint64_t)__builtin_popcountll(src), in);
}

void op_bswap(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t x = v->s.regs[in->rm];
    if (in->opsize == SZ64)
        v->s.regs[in->rm] = __builtin_bswap64(x);
    else if (in->opsize == SZ32)
        v->s.regs[in->rm] = __builtin_bswap32((uint32_t)x);
    else
        gpr_write(v, in->rm, SZ16, 0);   /* BSWAP r16 is undefined; hardware gives 0 */
}
