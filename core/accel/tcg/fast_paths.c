/*
 * Register-only fast paths chosen at decode time.
 *
 * The general handlers serve register and memory operands alike (and LOCK),
 * which costs a function-pointer read-modify-write per instruction.  Most
 * executed instructions are register-to-register ALU ops and moves, so the
 * decoder swaps in these leaner handlers when ModRM says both operands are
 * registers; results and flags are the same by construction (the same
 * lazy-flag records), and the differential tests run through both.
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/fast_paths.h"
#include "accel/tcg/dispatch.h"
#include "accel/tcg/shift.h"

enum { ALU_ADD, ALU_OR, ALU_ADC, ALU_SBB, ALU_AND, ALU_SUB, ALU_XOR, ALU_CMP };

static inline void alu_reg(tcg_vcpu *v, const tcg_insn *in, unsigned dst, uint64_t b)
{
    unsigned sz = in->opsize;
    uint64_t m = size_mask(sz);
    uint64_t a = reg_read(v, dst, sz, in);
    b &= m;
    uint64_t res;
    switch (in->sub) {
    case ALU_ADD: res = a + b; cc_set(v, CC_OP_ADD, sz, a, b, res & m); break;
    case ALU_OR: res = a | b; cc_set(v, CC_OP_LOGIC, sz, a, b, res); break;
    case ALU_AND: res = a & b; cc_set(v, CC_OP_LOGIC, sz, a, b, res); break;
    case ALU_XOR: res = a ^ b; cc_set(v, CC_OP_LOGIC, sz, a, b, res); break;
    case ALU_SUB: res = a - b; cc_set(v, CC_OP_SUB, sz, a, b, res & m); break;
    case ALU_CMP: cc_set(v, CC_OP_SUB, sz, a, b, (a - b) & m); return;
    case ALU_ADC: {
        uint64_t c = cc_compute_cf(v);
        res = a + b + c;
        cc_set(v, CC_OP_ADC, sz, a, b, res & m);
        break;
    }
    default: {
        uint64_t c = cc_compute_cf(v);
        res = a - b - c;
        cc_set(v, CC_OP_SBB, sz, a, b, res & m);
        break;
    }
    }
    reg_write(v, dst, sz, res, in);
}

/* Per-operation register forms: no switch on the operation at run time. */
#define ALU_RR_OPS(X) X(add, a + b, CC_OP_ADD) X(or, a | b, CC_OP_LOGIC) X(and, a & b, CC_OP_LOGIC) \
    X(sub, a - b, CC_OP_SUB) X(xor, a ^ b, CC_OP_LOGIC)
#define DEFINE_ALU_OP(name, expr, ccop)                                             \
    static void op_##name##_rr(tcg_vcpu *v, const tcg_insn *in)                     \
    {                                                                               \
        unsigned sz = in->opsize;                                                   \
        uint64_t m = size_mask(sz);                                                 \
        uint64_t a = reg_read(v, in->rm, sz, in), b = reg_read(v, in->reg, sz, in); \
        uint64_t res = (expr) & m;                                                  \
        cc_set(v, ccop, sz, a, b, res);                                             \
        reg_write(v, in->rm, sz, res, in);                                          \
    }                                                                               \
    static void op_##name##_ri(tcg_vcpu *v, const tcg_insn *in)                     \
    {                                                                               \
        unsigned sz = in->opsize;                                                   \
        uint64_t m = size_mask(sz);                                                 \
        uint64_t a = reg_read(v, in->rm, sz, in), b = in->imm & m;                  \
        uint64_t res = (expr) & m;                                                  \
        cc_set(v, ccop, sz, a, b, res);                                             \
        reg_write(v, in->rm, sz, res, in);                                          \
    }
ALU_RR_OPS(DEFINE_ALU_OP)

static void op_cmp_rr(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t a = reg_read(v, in->rm, sz, in), b = reg_read(v, in->reg, sz, in);
    cc_set(v, CC_OP_SUB, sz, a, b, (a - b) & size_mask(sz));
}

static void op_cmp_ri(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t m = size_mask(sz);
    uint64_t a = reg_read(v, in->rm, sz, in), b = in->imm & m;
    cc_set(v, CC_OP_SUB, sz, a, b, (a - b) & m);
}

/* Memory operands in 64-bit code: base + index * scale + disp, no RIP. */
static inline uint64_t ea64(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t ea = v->s.regs[in->base] + (uint64_t)(int64_t)in->disp;
    if (in->index != TCG_REG_NONE)
        ea += v->s.regs[in->index] << in->scale;
    if (in->seg >= X86_SEG_FS)
        ea += v->s.seg[in->seg].base;
    return ea;
}

static void op_mov_load_sib(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    reg_write(v, in->reg, sz, tcg_lin_read(v, ea64(v, in), 1u << sz), in);
}

static void op_mov_store_sib(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    tcg_lin_write(v, ea64(v, in), 1u << sz, reg_read(v, in->reg, sz, in));
}

static void op_alu_rr(tcg_vcpu *v, const tcg_insn *in)
{
    alu_reg(v, in, in->rm, reg_read(v, in->reg, in->opsize, in));
}

static void op_alu_rr_rev(tcg_vcpu *v, const tcg_insn *in)
{
    alu_reg(v, in, in->reg, reg_read(v, in->rm, in->opsize, in));
}

static void op_alu_ri(tcg_vcpu *v, const tcg_insn *in)
{
    alu_reg(v, in, in->rm, in->imm);
}

static void op_mov_rr(tcg_vcpu *v, const tcg_insn *in)
{
    reg_write(v, in->rm, in->opsize, reg_read(v, in->reg, in->opsize, in), in);
}

static void op_mov_rr_rev(tcg_vcpu *v, const tcg_insn *in)
{
    reg_write(v, in->reg, in->opsize, reg_read(v, in->rm, in->opsize, in), in);
}

static void op_test_rr(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t a = reg_read(v, in->rm, sz, in), b = reg_read(v, in->reg, sz, in);
    cc_set(v, CC_OP_LOGIC, sz, a, b, a & b);
}

static void incdec_reg(tcg_vcpu *v, const tcg_insn *in, bool inc)
{
    unsigned sz = in->opsize;
    uint64_t m = size_mask(sz);
    uint64_t cf = cc_compute_cf(v);
    uint64_t a = reg_read(v, in->rm, sz, in);
    uint64_t res = (inc ? a + 1 : a - 1) & m;
    reg_write(v, in->rm, sz, res, in);
    cc_set(v, inc ? CC_OP_INC : CC_OP_DEC, sz, a, cf, res);
}

static void op_inc_r(tcg_vcpu *v, const tcg_insn *in) { incdec_reg(v, in, true); }
static void op_dec_r(tcg_vcpu *v, const tcg_insn *in) { incdec_reg(v, in, false); }

/* 64-bit memory load/store with a simple base+disp address: the commonest
 * memory forms in compiled code. */
static void op_mov_load64(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t ea = v->s.regs[in->base] + (uint64_t)(int64_t)in->disp;
    if (in->seg >= X86_SEG_FS)
        ea += v->s.seg[in->seg].base;
    v->s.regs[in->reg] = tcg_lin_read(v, ea, 8);
}

static void op_mov_store64(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t ea = v->s.regs[in->base] + (uint64_t)(int64_t)in->disp;
    if (in->seg >= X86_SEG_FS)
        ea += v->s.seg[in->seg].base;
    tcg_lin_write(v, ea, 8, v->s.regs[in->reg]);
}

/* MOVZX/MOVSX: source size from the opcode (0F B6/B7 zero, BE/BF sign). */
static inline uint64_t movx_extend(const tcg_insn *in, uint64_t x)
{
    unsigned src_sz = (in->opcode & 1) ? SZ16 : SZ8;
    if (in->opcode & 8) {
        unsigned shift = 64 - (8u << src_sz);
        x = (uint64_t)((int64_t)(x << shift) >> shift);
    }
    return x;
}

static void op_movx_rr(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t x = reg_read(v, in->rm, (in->opcode & 1) ? SZ16 : SZ8, in);
    reg_write(v, in->reg, in->opsize, movx_extend(in, x), in);
}

static void op_movx_load(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t x = tcg_lin_read(v, ea64(v, in), (in->opcode & 1) ? 2 : 1);
    reg_write(v, in->reg, in->opsize, movx_extend(in, x), in);
}

/* LEA with a 64-bit address: no truncation needed. */
static void op_lea64(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t ea = (uint64_t)(int64_t)in->disp;
    if (in->base != TCG_REG_NONE)
        ea += in->base == TCG_REG_RIP ? v->s.rip : v->s.regs[in->base];
    if (in->index != TCG_REG_NONE)
        ea += v->s.regs[in->index] << in->scale;
    reg_write(v, in->reg, in->opsize, ea, in);
}

/* SHL/SHR/SAR of a register by a non-zero immediate count (the decoder
 * checks the count): no zero-count or memory cases, the operation fixed. */
#define SHIFT_RI_OPS(X) X(shl, SH_SHL) X(shr, SH_SHR) X(sar, SH_SAR)
#define DEFINE_SHIFT_RI(name, op)                                                  \
    static void op_##name##_ri(tcg_vcpu *v, const tcg_insn *in)                    \
    {                                                                              \
        unsigned sz = in->opsize;                                                  \
        unsigned count = (unsigned)in->imm & (sz == SZ64 ? 0x3f : 0x1f);           \
        uint64_t a = reg_read(v, in->rm, sz, in);                                  \
        reg_write(v, in->rm, sz, shift_plain(v, op, sz, a, count), in);            \
    }
SHIFT_RI_OPS(DEFINE_SHIFT_RI)

/* reg = reg <alu op> [base + index*scale + disp] in 64-bit code. */
static void op_alu_r_mem64(tcg_vcpu *v, const tcg_insn *in)
{
    alu_reg(v, in, in->reg, tcg_lin_read(v, ea64(v, in), 1u << in->opsize));
}

static void op_cmov_rr(tcg_vcpu *v, const tcg_insn *in)
{
    cmov_apply(v, in, reg_read(v, in->rm, in->opsize, in));
}

/* Jcc is the commonest block end; here its condition test is inlined. */
static void op_jcc_fast(tcg_vcpu *v, const tcg_insn *in)
{
    jcc_branch(v, in);
}

tcg_op_fn tcg_fast_path(const tcg_insn *in, unsigned code_size)
{
    tcg_op_fn fn = in->fn;
    if (fn == op_jcc)
        return op_jcc_fast;
    if (in->mod == 3 && !(in->prefix & PFX_LOCK)) {
        static const tcg_op_fn rr_by_op[8] = { op_add_rr, op_or_rr, NULL, NULL, op_and_rr,
                                               op_sub_rr, op_xor_rr, op_cmp_rr };
        static const tcg_op_fn ri_by_op[8] = { op_add_ri, op_or_ri, NULL, NULL, op_and_ri,
                                               op_sub_ri, op_xor_ri, op_cmp_ri };
        if (fn == op_alu_rm_r && rr_by_op[in->sub & 7]) return rr_by_op[in->sub & 7];
        if (fn == op_alu_rm_imm && ri_by_op[in->sub & 7]) return ri_by_op[in->sub & 7];
        if (fn == op_alu_rm_r) return op_alu_rr;
        if (fn == op_alu_r_rm) return op_alu_rr_rev;
        if (fn == op_alu_rm_imm) return op_alu_ri;
        if (fn == op_mov_rm_r) return op_mov_rr;
        if (fn == op_mov_r_rm) return op_mov_rr_rev;
        if (fn == op_test_rm_r) return op_test_rr;
        if (fn == op_inc_rm) return op_inc_r;
        if (fn == op_dec_rm) return op_dec_r;
        if (fn == op_movx) return op_movx_rr;
        if (fn == op_cmov) return op_cmov_rr;
        if (fn == op_shift_imm && (in->imm & (in->opsize == SZ64 ? 0x3f : 0x1f))) {
            static const tcg_op_fn shift_by_op[8] = { [SH_SHL] = op_shl_ri, [SH_SAL] = op_shl_ri,
                                                      [SH_SHR] = op_shr_ri, [SH_SAR] = op_sar_ri };
            if (shift_by_op[in->sub & 7])
                return shift_by_op[in->sub & 7];
        }
        return fn;
    }
    if (code_size == SZ64 && in->adsize == SZ64 && fn == op_lea)
        return op_lea64;
    /* 64-bit code, 64-bit operand, [base + disp] without index or RIP. */
    if (code_size == SZ64 && in->opsize == SZ64 && in->adsize == SZ64 &&
        in->index == TCG_REG_NONE && in->base < 16) {
        if (fn == op_mov_r_rm) return op_mov_load64;
        if (fn == op_mov_rm_r) return op_mov_store64;
    }
    if (code_size == SZ64 && in->adsize == SZ64 && in->base < 16) {
        if (fn == op_movx)
            return op_movx_load;
        if (fn == op_alu_r_rm && !(in->prefix & PFX_LOCK))
            return op_alu_r_mem64;
        if (fn == op_mov_r_rm)
            return op_mov_load_sib;
        if (fn == op_mov_rm_r)
            return op_mov_store_sib;
    }
    return fn;
}

/* Threaded entries of the fast paths (dispatch.h). */
#define FAST_PATHS(X) X(op_alu_rr) X(op_alu_rr_rev) X(op_alu_ri) X(op_mov_rr) X(op_mov_rr_rev) \
    X(op_test_rr) X(op_inc_r) X(op_dec_r) X(op_mov_load64) X(op_mov_store64) X(op_movx_rr) \
    X(op_movx_load) X(op_lea64) X(op_add_rr) X(op_or_rr) X(op_and_rr) X(op_sub_rr) X(op_xor_rr) \
    X(op_cmp_rr) X(op_add_ri) X(op_or_ri) X(op_and_ri) X(op_sub_ri) X(op_xor_ri) X(op_cmp_ri) \
    X(op_mov_load_sib) X(op_mov_store_sib) X(op_cmov_rr) X(op_shl_ri) X(op_shr_ri) X(op_sar_ri) X(op_alu_r_mem64)
FAST_PATHS(TCG_DEFINE_THREADED)

/* Jcc always ends its block (D_END), so the entry after it is the block's
 * sentinel: enter that directly rather than through an indirect call. */
__attribute__((flatten)) static void thr_op_jcc_fast(tcg_vcpu *v, const tcg_insn *in)
{
    op_jcc_fast(v, in);
    if (__builtin_expect(v->exit_block, 0)) {
        v->exit_insn = in + 1;
        return;
    }
    v->insn_start = v->s.rip;   /* what TCG_THREADED_TAIL does for the sentinel (len 0) */
    tcg_block_end(v, in + 1);
}

tcg_op_fn tcg_fast_path_threaded(tcg_op_fn handler)
{
#define FAST_ENTRY(name) if (handler == name) return thr_##name;
    FAST_PATHS(FAST_ENTRY)
    FAST_ENTRY(op_jcc_fast)
#undef FAST_ENTRY
    return NULL;
}
