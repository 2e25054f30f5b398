/*
 * Fast paths chosen at decode time.
 *
 * The general handlers serve every operand form (register, memory, LOCK,
 * any size), which costs run-time tests on each execution.  Most executed
 * instructions are register ALU ops, moves and simple loads and stores, so
 * the decoder swaps in handlers specialised for one operand form and one
 * operand size: each body below is written once with the size as a
 * parameter and instantiated per size (SIZED_HANDLERS), so masks and
 * register accesses fold to constants.  Results and lazy-flag records are
 * the same as the general handlers' by construction (shared helpers), and
 * the differential tests run through both.
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/fast_paths.h"
#include "accel/tcg/dispatch.h"
#include "accel/tcg/shift.h"
#include "accel/tcg/muldiv.h"

#define FAST_INLINE static inline __attribute__((always_inline))

enum { ALU_ADD, ALU_OR, ALU_ADC, ALU_SBB, ALU_AND, ALU_SUB, ALU_XOR, ALU_CMP };

/* name_8 .. name_64 from name_body(v, in, sz), and name_by_size[] to pick one. */
#define SIZED_HANDLERS(name)                                                               \
    static void name##_8(tcg_vcpu *v, const tcg_insn *in) { name##_body(v, in, SZ8); }    \
    static void name##_16(tcg_vcpu *v, const tcg_insn *in) { name##_body(v, in, SZ16); }  \
    static void name##_32(tcg_vcpu *v, const tcg_insn *in) { name##_body(v, in, SZ32); }  \
    static void name##_64(tcg_vcpu *v, const tcg_insn *in) { name##_body(v, in, SZ64); }  \
    static const tcg_op_fn name##_by_size[4] = { name##_8, name##_16, name##_32, name##_64 };
#define SIZED_LIST(X, name) X(name##_8) X(name##_16) X(name##_32) X(name##_64)

/* ---- register ALU ---- */

/* Any ALU operation (ADC and SBB included) on register dst with operand b. */
FAST_INLINE void alu_reg(tcg_vcpu *v, const tcg_insn *in, unsigned dst, uint64_t b,
                         unsigned sz)
{
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

FAST_INLINE void alu_rr_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    alu_reg(v, in, in->rm, reg_read(v, in->reg, sz, in), sz);
}
FAST_INLINE void alu_ri_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    alu_reg(v, in, in->rm, in->imm, sz);
}
SIZED_HANDLERS(alu_rr)
SIZED_HANDLERS(alu_ri)

/* The common operations without a switch: <op>_rr (rm op= reg) and <op>_ri. */
#define ALU_OPS(X) X(add, a + b, CC_OP_ADD, 1) X(or, a | b, CC_OP_LOGIC, 1) \
    X(and, a & b, CC_OP_LOGIC, 1) X(sub, a - b, CC_OP_SUB, 1) X(xor, a ^ b, CC_OP_LOGIC, 1) \
    X(cmp, a - b, CC_OP_SUB, 0) X(test, a & b, CC_OP_LOGIC, 0)
#define DEFINE_ALU_OP(name, expr, ccop, writes)                                    \
    FAST_INLINE void name##_rr_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)  \
    {                                                                              \
        uint64_t m = size_mask(sz);                                                \
        uint64_t a = reg_read(v, in->rm, sz, in), b = reg_read(v, in->reg, sz, in); \
        uint64_t res = (expr) & m;                                                 \
        cc_set(v, ccop, sz, a, b, res);                                            \
        if (writes)                                                                \
            reg_write(v, in->rm, sz, res, in);                                     \
    }                                                                              \
    FAST_INLINE void name##_ri_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)  \
    {                                                                              \
        uint64_t m = size_mask(sz);                                                \
        uint64_t a = reg_read(v, in->rm, sz, in), b = in->imm & m;                 \
        uint64_t res = (expr) & m;                                                 \
        cc_set(v, ccop, sz, a, b, res);                                            \
        if (writes)                                                                \
            reg_write(v, in->rm, sz, res, in);                                     \
    }                                                                              \
    SIZED_HANDLERS(name##_rr)                                                      \
    SIZED_HANDLERS(name##_ri)
ALU_OPS(DEFINE_ALU_OP)

FAST_INLINE void incdec_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz, bool inc)
{
    uint64_t m = size_mask(sz);
    uint64_t cf = cc_compute_cf(v);
    uint64_t a = reg_read(v, in->rm, sz, in);
    uint64_t res = (inc ? a + 1 : a - 1) & m;
    reg_write(v, in->rm, sz, res, in);
    cc_set(v, inc ? CC_OP_INC : CC_OP_DEC, sz, a, cf, res);
}
FAST_INLINE void inc_r_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz) { incdec_body(v, in, sz, true); }
FAST_INLINE void dec_r_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz) { incdec_body(v, in, sz, false); }
SIZED_HANDLERS(inc_r)
SIZED_HANDLERS(dec_r)

/* SHL/SHR/SAR of a register by a non-zero immediate count (the decoder
 * checks the count): no zero-count or memory cases, the operation fixed. */
#define SHIFT_RI_OPS(X) X(shl, SH_SHL) X(shr, SH_SHR) X(sar, SH_SAR)
#define DEFINE_SHIFT_RI(name, op)                                                    \
    FAST_INLINE void name##_ri_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)    \
    {                                                                                \
        unsigned count = (unsigned)in->imm & (sz == SZ64 ? 0x3f : 0x1f);             \
        uint64_t a = reg_read(v, in->rm, sz, in);                                    \
        reg_write(v, in->rm, sz, shift_plain(v, op, sz, a, count), in);              \
    }                                                                                \
    SIZED_HANDLERS(name##_ri)
SHIFT_RI_OPS(DEFINE_SHIFT_RI)

/* SHL/SHR/SAR of a register by CL: a zero count leaves the flags alone but
 * still writes the register (a 32-bit one loses bits 63:32). */
#define DEFINE_SHIFT_RCL(name, op)                                                   \
    FAST_INLINE void name##_rcl_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)   \
    {                                                                                \
        unsigned count = (unsigned)v->s.regs[X86_R_CX] & (sz == SZ64 ? 0x3f : 0x1f); \
        uint64_t a = reg_read(v, in->rm, sz, in);                                    \
        reg_write(v, in->rm, sz, count ? shift_plain(v, op, sz, a, count) : a, in);  \
    }                                                                                \
    SIZED_HANDLERS(name##_rcl)
SHIFT_RI_OPS(DEFINE_SHIFT_RCL)

/* IMUL reg, reg and IMUL reg, reg, imm. */
FAST_INLINE void imul_rr_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    uint64_t r = imul_trunc(v, sz, reg_read(v, in->reg, sz, in), reg_read(v, in->rm, sz, in));
    reg_write(v, in->reg, sz, r, in);
}
FAST_INLINE void imul_rri_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    uint64_t r = imul_trunc(v, sz, reg_read(v, in->rm, sz, in), in->imm);
    reg_write(v, in->reg, sz, r, in);
}
SIZED_HANDLERS(imul_rr)
SIZED_HANDLERS(imul_rri)

/* ---- register moves ---- */

FAST_INLINE void mov_rr_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    reg_write(v, in->rm, sz, reg_read(v, in->reg, sz, in), in);
}
SIZED_HANDLERS(mov_rr)

/* MOVZX/MOVSX: source size from the opcode (0F B6/B7 zero, BE/BF sign). */
FAST_INLINE unsigned movx_src_size(const tcg_insn *in)
{
    return (in->opcode & 1) ? SZ16 : SZ8;
}
FAST_INLINE uint64_t movx_extend(const tcg_insn *in, uint64_t x)
{
    return (in->opcode & 8) ? sign_extend_sz(x, movx_src_size(in)) : x;
}

FAST_INLINE void movx_rr_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    uint64_t x = reg_read(v, in->rm, movx_src_size(in), in);
    reg_write(v, in->reg, sz, movx_extend(in, x), in);
}
SIZED_HANDLERS(movx_rr)

/* MOV reg, imm (B0-BF, and C6/C7 with a register operand). */
FAST_INLINE void mov_ri_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    reg_write(v, in->rm, sz, in->imm, in);
}
SIZED_HANDLERS(mov_ri)

/* MOVSXD reg, reg32. */
FAST_INLINE void movsxd_rr_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    reg_write(v, in->reg, sz, sign_extend_sz(reg_read(v, in->rm, SZ32, in), SZ32), in);
}
SIZED_HANDLERS(movsxd_rr)

FAST_INLINE void cmov_rr_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    (void)sz;   /* cmov_apply handles the 32-bit zero extension */
    cmov_apply(v, in, reg_read(v, in->rm, in->opsize, in));
}
SIZED_HANDLERS(cmov_rr)

/* ---- memory operands in 64-bit code ---- */

/* [base + disp]: no index, no FS/GS base (the decoder checks). */
FAST_INLINE uint64_t ea_base_disp(tcg_vcpu *v, const tcg_insn *in)
{
    return v->s.regs[in->base] + (uint64_t)(int64_t)in->disp;
}

/* base + index * scale + disp (+ FS/GS base), no RIP. */
FAST_INLINE uint64_t ea64(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t ea = v->s.regs[in->base] + (uint64_t)(int64_t)in->disp;
    if (in->index != TCG_REG_NONE)
        ea += v->s.regs[in->index] << in->scale;
    if (in->seg >= X86_SEG_FS)
        ea += v->s.seg[in->seg].base;
    return ea;
}

FAST_INLINE void load_bd_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    reg_write(v, in->reg, sz, tcg_lin_read(v, ea_base_disp(v, in), 1u << sz), in);
}
FAST_INLINE void store_bd_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    tcg_lin_write(v, ea_base_disp(v, in), 1u << sz, reg_read(v, in->reg, sz, in));
}
FAST_INLINE void load_sib_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    reg_write(v, in->reg, sz, tcg_lin_read(v, ea64(v, in), 1u << sz), in);
}
FAST_INLINE void store_sib_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    tcg_lin_write(v, ea64(v, in), 1u << sz, reg_read(v, in->reg, sz, in));
}
/* MOVZX/MOVSX loads by source (opcode 0F B6/B7/BE/BF), destination size
 * the instantiated one. */
FAST_INLINE void movx_load_src(tcg_vcpu *v, const tcg_insn *in, unsigned sz, unsigned src_sz,
                               bool sign)
{
    uint64_t x = tcg_lin_read(v, ea64(v, in), 1u << src_sz);
    reg_write(v, in->reg, sz, sign ? sign_extend_sz(x, src_sz) : x, in);
}
FAST_INLINE void movzb_load_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz) { movx_load_src(v, in, sz, SZ8, false); }
FAST_INLINE void movzw_load_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz) { movx_load_src(v, in, sz, SZ16, false); }
FAST_INLINE void movsb_load_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz) { movx_load_src(v, in, sz, SZ8, true); }
FAST_INLINE void movsw_load_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz) { movx_load_src(v, in, sz, SZ16, true); }
/* MOV [mem], imm. */
FAST_INLINE void store_imm_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    tcg_lin_write(v, ea64(v, in), 1u << sz, in->imm);
}
FAST_INLINE void movsxd_load_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    reg_write(v, in->reg, sz, sign_extend_sz(tcg_lin_read(v, ea64(v, in), 4), SZ32), in);
}
/* reg <op>= [mem] without the ALU switch (TEST reg, [mem] is TEST [mem],
 * reg: the same flags either way round). */
#define DEFINE_ALU_LOAD(name, expr, ccop, writes)                                  \
    FAST_INLINE void name##_rm_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)  \
    {                                                                              \
        uint64_t m = size_mask(sz);                                                \
        uint64_t a = reg_read(v, in->reg, sz, in);                                 \
        uint64_t b = tcg_lin_read(v, ea64(v, in), 1u << sz);                       \
        uint64_t res = (expr) & m;                                                 \
        cc_set(v, ccop, sz, a, b, res);                                            \
        if (writes)                                                                \
            reg_write(v, in->reg, sz, res, in);                                    \
    }                                                                              \
    SIZED_HANDLERS(name##_rm)
ALU_OPS(DEFINE_ALU_LOAD)
/* CMP/TEST with the memory operand first: [mem] - reg, [mem] - imm, [mem] & imm. */
FAST_INLINE void compare_mem(tcg_vcpu *v, const tcg_insn *in, unsigned sz, uint64_t b,
                             bool test)
{
    uint64_t m = size_mask(sz);
    uint64_t a = tcg_lin_read(v, ea64(v, in), 1u << sz);
    b &= m;
    if (test)
        cc_set(v, CC_OP_LOGIC, sz, a, b, a & b);
    else
        cc_set(v, CC_OP_SUB, sz, a, b, (a - b) & m);
}
FAST_INLINE void cmp_mr_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    compare_mem(v, in, sz, reg_read(v, in->reg, sz, in), false);
}
FAST_INLINE void cmp_mi_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    compare_mem(v, in, sz, in->imm, false);
}
FAST_INLINE void test_mi_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    compare_mem(v, in, sz, in->imm, true);
}
SIZED_HANDLERS(cmp_mr)
SIZED_HANDLERS(cmp_mi)
SIZED_HANDLERS(test_mi)
/* reg = reg <alu op> [mem], the other operations (ADC, SBB). */
FAST_INLINE void alu_r_mem_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    alu_reg(v, in, in->reg, tcg_lin_read(v, ea64(v, in), 1u << sz), sz);
}
FAST_INLINE void imul_r_mem_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    uint64_t x = tcg_lin_read(v, ea64(v, in), 1u << sz);
    reg_write(v, in->reg, sz, imul_trunc(v, sz, reg_read(v, in->reg, sz, in), x), in);
}
/* LEA with a 64-bit address: only the destination size truncates. */
FAST_INLINE void lea64_body(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    uint64_t ea = (uint64_t)(int64_t)in->disp;
    if (in->base != TCG_REG_NONE)
        ea += in->base == TCG_REG_RIP ? v->s.rip : v->s.regs[in->base];
    if (in->index != TCG_REG_NONE)
        ea += v->s.regs[in->index] << in->scale;
    reg_write(v, in->reg, sz, ea, in);
}
SIZED_HANDLERS(load_bd)
SIZED_HANDLERS(store_bd)
SIZED_HANDLERS(load_sib)
SIZED_HANDLERS(store_sib)
SIZED_HANDLERS(movzb_load)
SIZED_HANDLERS(movzw_load)
SIZED_HANDLERS(movsb_load)
SIZED_HANDLERS(movsw_load)
SIZED_HANDLERS(alu_r_mem)
SIZED_HANDLERS(lea64)
SIZED_HANDLERS(imul_r_mem)
SIZED_HANDLERS(store_imm)
SIZED_HANDLERS(movsxd_load)

/* 8-byte stack pushes and pops in 64-bit code: no SS base, limit or
 * stack-size mask.  The store comes first, so a fault leaves RSP as it
 * was; the pop moves RSP before the caller stores the value (POP RSP ends
 * with the popped value). */
FAST_INLINE void push64(tcg_vcpu *v, uint64_t val)
{
    uint64_t sp = v->s.regs[X86_R_SP] - 8;
    tcg_lin_write(v, sp, 8, val);
    v->s.regs[X86_R_SP] = sp;
}
FAST_INLINE uint64_t pop64(tcg_vcpu *v)
{
    uint64_t sp = v->s.regs[X86_R_SP];
    uint64_t val = tcg_lin_read(v, sp, 8);
    v->s.regs[X86_R_SP] = sp + 8;
    return val;
}

/* PUSH/POP reg with a 64-bit operand. */
static void push_r64(tcg_vcpu *v, const tcg_insn *in)
{
    push64(v, v->s.regs[in->rm]);
}
static void pop_r64(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t val = pop64(v);
    v->s.regs[in->rm] = val;
}

/* ---- Jcc, one handler per condition ---- */

FAST_INLINE bool jcc_taken(tcg_vcpu *v, const tcg_insn *in, unsigned cond)
{
    bool taken = cc_test(v, cond);
    if (taken)
        jump_to(v, v->s.rip + in->imm, in->opsize);
    return taken;
}

#define JCC_CONDS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12) \
    X(13) X(14) X(15)
#define DEFINE_JCC(cond)                                                            \
    static void jcc_##cond(tcg_vcpu *v, const tcg_insn *in) { jcc_taken(v, in, cond); } \
    /* Jcc always ends its block (D_END), so the entry after it is the      \
     * block's sentinel: the block ends here, following the static successor \
     * the condition picked (slot 1 taken, 0 not taken). */                  \
    static void thr_jcc_##cond(tcg_vcpu *v, const tcg_insn *in)                     \
    {                                                                               \
        bool taken = jcc_taken(v, in, cond);                                        \
        if (__builtin_expect(v->exit_block, 0)) {                                   \
            v->exit_insn = in + 1;                                                  \
            return;                                                                 \
        }                                                                           \
        v->insn_start = v->s.rip;   /* what TCG_THREADED_TAIL does for the sentinel */ \
        tcg_block_follow(v, in + 1, taken);                                         \
    }
JCC_CONDS(DEFINE_JCC)
#define JCC_FN(cond) jcc_##cond,
static const tcg_op_fn jcc_by_cond[16] = { JCC_CONDS(JCC_FN) };

/* JMP rel, CALL rel and RET also always end their block: their entries go
 * on to the successor themselves, with no dispatch to the sentinel.  JMP
 * and CALL follow static successor 1 (the target, block_plan_links), RET
 * does the sentinel's lookup.  CALL and RET here are the 64-bit forms in
 * 64-bit code (no SS base, limit or stack-size mask). */
static void call_rel64(tcg_vcpu *v, const tcg_insn *in)
{
    push64(v, v->s.rip);
    v->s.rip += in->imm;
}
static void ret64(tcg_vcpu *v, const tcg_insn *in)
{
    (void)in;
    v->s.rip = pop64(v);
}
static void thr_jmp_rel(tcg_vcpu *v, const tcg_insn *in)
{
    jump_to(v, v->s.rip + in->imm, in->opsize);
    v->insn_start = v->s.rip;
    tcg_block_follow(v, in + 1, 1);
}
static void thr_call_rel64(tcg_vcpu *v, const tcg_insn *in)
{
    call_rel64(v, in);
    if (__builtin_expect(v->exit_block, 0)) {   /* the push hit decoded code */
        v->exit_insn = in + 1;
        return;
    }
    v->insn_start = v->s.rip;
    tcg_block_follow(v, in + 1, 1);
}
static void thr_ret64(tcg_vcpu *v, const tcg_insn *in)
{
    ret64(v, in);
    v->insn_start = v->s.rip;
    tcg_block_end(v, in + 1);
}

/* SETcc of a byte register, one handler per condition. */
#define DEFINE_SETCC(cond)                                                          \
    static void setcc_r_##cond(tcg_vcpu *v, const tcg_insn *in)                     \
    {                                                                               \
        reg_write(v, in->rm, SZ8, cc_test(v, cond), in);                            \
    }
JCC_CONDS(DEFINE_SETCC)
#define SETCC_FN(cond) setcc_r_##cond,
static const tcg_op_fn setcc_r_by_cond[16] = { JCC_CONDS(SETCC_FN) };

/* ---- CMP/TEST + Jcc ending a block, fused ---- */

/* The flag-setting instruction, then the Jcc after it, in one threaded
 * entry: no dispatch between them, and with the flag operation, size and
 * condition all constants the compiler evaluates the condition straight
 * from the operands (the lazy record is still stored for later readers).
 * The Jcc cannot fault, so nothing is lost by not stopping in between; a
 * memory operand can, but only in the first instruction, before any state
 * changed, with RIP and insn_start still at it. */
#define DEFINE_FUSED_JCC(form, sz, cond)                                             \
    static void thr_##form##_##sz##_jcc##cond(tcg_vcpu *v, const tcg_insn *in)      \
    {                                                                                \
        form##_body(v, in, SZ##sz);                                                  \
        const tcg_insn *j = in + 1;                                                  \
        v->s.rip += j->len;                                                          \
        bool taken = jcc_taken(v, j, cond);                                          \
        v->insn_start = v->s.rip;                                                    \
        tcg_block_follow(v, j + 1, taken);                                           \
    }
#define FUSED_FORMS(X) X(cmp_rr, 32) X(cmp_rr, 64) X(cmp_ri, 32) X(cmp_ri, 64) \
    X(test_rr, 32) X(test_rr, 64) X(test_ri, 32) X(test_ri, 64) X(sub_ri, 32) X(sub_ri, 64) \
    X(cmp_rr, 8) X(test_rr, 8) X(cmp_ri, 8) X(test_ri, 8) \
    X(cmp_rm, 32) X(cmp_rm, 64) X(cmp_mr, 32) X(cmp_mr, 64) X(cmp_mi, 8) X(cmp_mi, 32) \
    X(cmp_mi, 64) X(test_mi, 8) X(test_mi, 32)
#define DEFINE_FUSED_CONDS(form, sz) \
    DEFINE_FUSED_JCC(form, sz, 0) DEFINE_FUSED_JCC(form, sz, 1) DEFINE_FUSED_JCC(form, sz, 2) \
    DEFINE_FUSED_JCC(form, sz, 3) DEFINE_FUSED_JCC(form, sz, 4) DEFINE_FUSED_JCC(form, sz, 5) \
    DEFINE_FUSED_JCC(form, sz, 6) DEFINE_FUSED_JCC(form, sz, 7) DEFINE_FUSED_JCC(form, sz, 8) \
    DEFINE_FUSED_JCC(form, sz, 9) DEFINE_FUSED_JCC(form, sz, 10) DEFINE_FUSED_JCC(form, sz, 11) \
    DEFINE_FUSED_JCC(form, sz, 12) DEFINE_FUSED_JCC(form, sz, 13) DEFINE_FUSED_JCC(form, sz, 14) \
    DEFINE_FUSED_JCC(form, sz, 15)
FUSED_FORMS(DEFINE_FUSED_CONDS)

#define FUSED_ROW(form, sz)                                                          \
    { form##_##sz, { thr_##form##_##sz##_jcc0, thr_##form##_##sz##_jcc1,             \
      thr_##form##_##sz##_jcc2, thr_##form##_##sz##_jcc3, thr_##form##_##sz##_jcc4,  \
      thr_##form##_##sz##_jcc5, thr_##form##_##sz##_jcc6, thr_##form##_##sz##_jcc7,  \
      thr_##form##_##sz##_jcc8, thr_##form##_##sz##_jcc9, thr_##form##_##sz##_jcc10, \
      thr_##form##_##sz##_jcc11, thr_##form##_##sz##_jcc12, thr_##form##_##sz##_jcc13, \
      thr_##form##_##sz##_jcc14, thr_##form##_##sz##_jcc15 } },
static const struct {
    tcg_op_fn handler;
    tcg_op_fn by_cond[16];
} fused_jcc_table[] = { FUSED_FORMS(FUSED_ROW) };

tcg_op_fn tcg_fused_jcc_entry(tcg_op_fn handler, unsigned cond)
{
    for (size_t i = 0; i < sizeof(fused_jcc_table) / sizeof(fused_jcc_table[0]); i++)
        if (fused_jcc_table[i].handler == handler)
            return fused_jcc_table[i].by_cond[cond & 15];
    return NULL;
}

/* ---- the decode-time choice ---- */

static void swap_reg_rm(tcg_insn *in)
{
    uint8_t r = in->reg;
    in->reg = in->rm;
    in->rm = r;
}

/* Both operands registers (ModRM.mod == 3), no LOCK. */
static tcg_op_fn fast_path_reg(tcg_insn *in, tcg_op_fn fn)
{
    static const tcg_op_fn *const rr_by_op[8] = { add_rr_by_size, or_rr_by_size, NULL, NULL,
                                                  and_rr_by_size, sub_rr_by_size,
                                                  xor_rr_by_size, cmp_rr_by_size };
    static const tcg_op_fn *const ri_by_op[8] = { add_ri_by_size, or_ri_by_size, NULL, NULL,
                                                  and_ri_by_size, sub_ri_by_size,
                                                  xor_ri_by_size, cmp_ri_by_size };
    static const tcg_op_fn *const shift_by_op[8] = { [SH_SHL] = shl_ri_by_size,
                                                     [SH_SAL] = shl_ri_by_size,
                                                     [SH_SHR] = shr_ri_by_size,
                                                     [SH_SAR] = sar_ri_by_size };
    static const tcg_op_fn *const shift_cl_by_op[8] = { [SH_SHL] = shl_rcl_by_size,
                                                        [SH_SAL] = shl_rcl_by_size,
                                                        [SH_SHR] = shr_rcl_by_size,
                                                        [SH_SAR] = sar_rcl_by_size };
    unsigned sz = in->opsize & 3;
    if (fn == op_alu_r_rm || fn == op_mov_r_rm) {
        /* reg <- rm: swapped, it is the rm <- reg form. */
        swap_reg_rm(in);
        fn = fn == op_alu_r_rm ? op_alu_rm_r : op_mov_rm_r;
    }
    if (fn == op_alu_rm_r)
        return rr_by_op[in->sub & 7] ? rr_by_op[in->sub & 7][sz] : alu_rr_by_size[sz];
    if (fn == op_alu_rm_imm)
        return ri_by_op[in->sub & 7] ? ri_by_op[in->sub & 7][sz] : alu_ri_by_size[sz];
    if (fn == op_mov_rm_r) return mov_rr_by_size[sz];
    if (fn == op_test_rm_r) return test_rr_by_size[sz];
    if (fn == op_test_rm_imm) return test_ri_by_size[sz];
    if (fn == op_inc_rm) return inc_r_by_size[sz];
    if (fn == op_dec_rm) return dec_r_by_size[sz];
    if (fn == op_movx) return movx_rr_by_size[sz];
    if (fn == op_cmov) return cmov_rr_by_size[sz];
    if (fn == op_imul_r_rm) return imul_rr_by_size[sz];
    if (fn == op_imul_r_rm_imm) return imul_rri_by_size[sz];
    if (fn == op_shift_imm && (in->imm & (sz == SZ64 ? 0x3f : 0x1f)) && shift_by_op[in->sub & 7])
        return shift_by_op[in->sub & 7][sz];
    if (fn == op_shift_1 && shift_by_op[in->sub & 7]) {
        in->imm = 1;   /* the by-immediate handler with a count of 1 */
        return shift_by_op[in->sub & 7][sz];
    }
    if (fn == op_shift_cl && shift_cl_by_op[in->sub & 7])
        return shift_cl_by_op[in->sub & 7][sz];
    if (fn == op_mov_rm_imm) return mov_ri_by_size[sz];
    if (fn == op_movsxd) return movsxd_rr_by_size[sz];
    if (fn == op_setcc) return setcc_r_by_cond[in->opcode & 0xf];
    return fn;
}

/* A memory operand in 64-bit code with a 64-bit address and a register base. */
static tcg_op_fn fast_path_mem64(const tcg_insn *in, tcg_op_fn fn)
{
    unsigned sz = in->opsize & 3;
    bool base_disp = in->index == TCG_REG_NONE && in->seg < X86_SEG_FS;
    if (fn == op_mov_r_rm) return (base_disp ? load_bd_by_size : load_sib_by_size)[sz];
    if (fn == op_mov_rm_r) return (base_disp ? store_bd_by_size : store_sib_by_size)[sz];
    if (fn == op_movx) {
        static const tcg_op_fn *const by_opcode[4] = { movzb_load_by_size, movzw_load_by_size,
                                                       movsb_load_by_size, movsw_load_by_size };
        return by_opcode[((in->opcode >> 2) & 2) | (in->opcode & 1)][sz];
    }
    static const tcg_op_fn *const rm_by_op[8] = { add_rm_by_size, or_rm_by_size, alu_r_mem_by_size,
                                                  alu_r_mem_by_size, and_rm_by_size,
                                                  sub_rm_by_size, xor_rm_by_size, cmp_rm_by_size };
    if (fn == op_alu_r_rm) return rm_by_op[in->sub & 7][sz];
    if (fn == op_alu_rm_r && (in->sub & 7) == ALU_CMP) return cmp_mr_by_size[sz];
    if (fn == op_alu_rm_imm && (in->sub & 7) == ALU_CMP) return cmp_mi_by_size[sz];
    if (fn == op_test_rm_r) return test_rm_by_size[sz];
    if (fn == op_test_rm_imm) return test_mi_by_size[sz];
    if (fn == op_mov_rm_imm) return store_imm_by_size[sz];
    if (fn == op_movsxd) return movsxd_load_by_size[sz];
    if (fn == op_imul_r_rm) return imul_r_mem_by_size[sz];
    return fn;
}

tcg_op_fn tcg_fast_path(tcg_insn *in, unsigned code_size)
{
    tcg_op_fn fn = in->fn;
    if (fn == op_jcc)
        return jcc_by_cond[in->opcode & 0xf];
    if (fn == op_mov_r_imm)
        return mov_ri_by_size[in->opsize & 3];
    if ((fn == op_push_r || fn == op_pop_r) && code_size == SZ64 && in->opsize == SZ64)
        return fn == op_push_r ? push_r64 : pop_r64;
    if (fn == op_call_rel && code_size == SZ64 && in->opsize == SZ64)
        return call_rel64;
    if (fn == op_ret && in->opcode == 0xc3 && code_size == SZ64 && in->opsize == SZ64)
        return ret64;
    if (in->mod == 3 && !(in->prefix & PFX_LOCK))
        return fast_path_reg(in, fn);
    if (code_size != SZ64 || in->adsize != SZ64)
        return fn;
    if (fn == op_lea)
        return lea64_by_size[in->opsize & 3];
    if (in->base < 16 && !(in->prefix & PFX_LOCK))
        return fast_path_mem64(in, fn);
    return fn;
}

/* Threaded entries of the fast paths (dispatch.h). */
#define ALU_LISTS(X) SIZED_LIST(X, alu_rr) SIZED_LIST(X, alu_ri)                         \
    SIZED_LIST(X, add_rr) SIZED_LIST(X, add_ri) SIZED_LIST(X, or_rr) SIZED_LIST(X, or_ri)   \
    SIZED_LIST(X, and_rr) SIZED_LIST(X, and_ri) SIZED_LIST(X, sub_rr) SIZED_LIST(X, sub_ri) \
    SIZED_LIST(X, xor_rr) SIZED_LIST(X, xor_ri) SIZED_LIST(X, cmp_rr) SIZED_LIST(X, cmp_ri) \
    SIZED_LIST(X, test_rr) SIZED_LIST(X, test_ri) SIZED_LIST(X, inc_r) SIZED_LIST(X, dec_r) \
    SIZED_LIST(X, shl_ri) SIZED_LIST(X, shr_ri) SIZED_LIST(X, sar_ri)                    \
    SIZED_LIST(X, shl_rcl) SIZED_LIST(X, shr_rcl) SIZED_LIST(X, sar_rcl)                 \
    SIZED_LIST(X, add_rm) SIZED_LIST(X, or_rm) SIZED_LIST(X, and_rm) SIZED_LIST(X, sub_rm) \
    SIZED_LIST(X, xor_rm) SIZED_LIST(X, cmp_rm) SIZED_LIST(X, test_rm)                   \
    SIZED_LIST(X, cmp_mr) SIZED_LIST(X, cmp_mi) SIZED_LIST(X, test_mi)
#define MOVE_LISTS(X) SIZED_LIST(X, mov_rr) SIZED_LIST(X, movx_rr) SIZED_LIST(X, cmov_rr) \
    SIZED_LIST(X, load_bd) SIZED_LIST(X, store_bd) SIZED_LIST(X, load_sib)                 \
    SIZED_LIST(X, store_sib) SIZED_LIST(X, movzb_load) SIZED_LIST(X, movzw_load) \
    SIZED_LIST(X, movsb_load) SIZED_LIST(X, movsw_load) SIZED_LIST(X, alu_r_mem)             \
    SIZED_LIST(X, lea64) SIZED_LIST(X, imul_rr) SIZED_LIST(X, imul_rri) SIZED_LIST(X, imul_r_mem) \
    SIZED_LIST(X, mov_ri) SIZED_LIST(X, movsxd_rr) SIZED_LIST(X, store_imm)              \
    SIZED_LIST(X, movsxd_load) X(push_r64) X(pop_r64) SETCC_LIST(X)
#define SETCC_LIST(X) X(setcc_r_0) X(setcc_r_1) X(setcc_r_2) X(setcc_r_3) X(setcc_r_4)       \
    X(setcc_r_5) X(setcc_r_6) X(setcc_r_7) X(setcc_r_8) X(setcc_r_9) X(setcc_r_10)          \
    X(setcc_r_11) X(setcc_r_12) X(setcc_r_13) X(setcc_r_14) X(setcc_r_15)
#define FAST_PATHS(X) ALU_LISTS(X) MOVE_LISTS(X)
FAST_PATHS(TCG_DEFINE_THREADED)

tcg_op_fn tcg_fast_path_threaded(tcg_op_fn handler)
{
#define FAST_ENTRY(name) if (handler == name) return thr_##name;
    FAST_PATHS(FAST_ENTRY)
#define FAST_ENTRY_JCC(cond) if (handler == jcc_##cond) return thr_jcc_##cond;
    JCC_CONDS(FAST_ENTRY_JCC)
    if (handler == op_jmp_rel) return thr_jmp_rel;
    if (handler == call_rel64) return thr_call_rel64;
    if (handler == ret64) return thr_ret64;
#undef FAST_ENTRY_JCC
#undef FAST_ENTRY
    return NULL;
}
