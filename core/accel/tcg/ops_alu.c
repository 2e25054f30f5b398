/*
 * Integer arithmetic and logic: ADD OR ADC SBB AND SUB XOR CMP in all forms,
 * TEST, INC, DEC, NEG, NOT.  Memory destinations with LOCK are updated
 * atomically on the host (compare-and-swap loop on the guest RAM).
 */
#include "accel/tcg/ops.h"

enum { ALU_ADD, ALU_OR, ALU_ADC, ALU_SBB, ALU_AND, ALU_SUB, ALU_XOR, ALU_CMP };

/* Result of an ALU operation (flags not touched). */
static uint64_t alu_result(unsigned op, uint64_t a, uint64_t b, uint64_t carry)
{
    switch (op) {
    case ALU_ADD: return a + b;
    case ALU_OR: return a | b;
    case ALU_ADC: return a + b + carry;
    case ALU_SBB: return a - b - carry;
    case ALU_AND: return a & b;
    case ALU_XOR: return a ^ b;
    default: return a - b;   /* SUB, CMP */
    }
}

static void alu_flags(tcg_vcpu *v, unsigned op, unsigned sz, uint64_t a, uint64_t b,
                      uint64_t res)
{
    static const uint8_t cc_of_op[8] = { CC_OP_ADD, CC_OP_LOGIC, CC_OP_ADC, CC_OP_SBB,
                                         CC_OP_LOGIC, CC_OP_SUB, CC_OP_LOGIC, CC_OP_SUB };
    uint64_t m = size_mask(sz);
    cc_set(v, cc_of_op[op], sz, a & m, b & m, res & m);
}

/* Read-modify-write of an r/m operand with `compute`, atomically under LOCK. */
uint64_t tcg_rmw(tcg_vcpu *v, const tcg_insn *in, unsigned sz,
                 uint64_t (*compute)(uint64_t old, uint64_t arg, uint64_t extra),
                 uint64_t arg, uint64_t extra)
{
    uint64_t m = size_mask(sz);
    if (in->mod == 3) {
        uint64_t old = reg_read(v, in->rm, sz, in);
        reg_write(v, in->rm, sz, compute(old, arg, extra) & m, in);
        return old;
    }
    unsigned bytes = 1u << sz;
    uint64_t lin = rm_linear(v, in, bytes, ACC_WRITE);
    if (in->prefix & PFX_LOCK) {
        void *host = tcg_lin_host_rmw(v, lin, bytes);
        if (host)
            return tcg_atomic_update(host, sz, compute, arg, extra);
    }
    uint64_t old = tcg_lin_read(v, lin, bytes);
    tcg_lin_write(v, lin, bytes, compute(old, arg, extra) & m);
    return old;
}

uint64_t tcg_atomic_update(void *host, unsigned sz,
                           uint64_t (*compute)(uint64_t old, uint64_t arg, uint64_t extra),
                           uint64_t arg, uint64_t extra)
{
    switch (sz) {
    case SZ8: {
        uint8_t old = __atomic_load_n((uint8_t *)host, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n((uint8_t *)host, &old,
                                            (uint8_t)compute(old, arg, extra), false,
                                            __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
            ;
        return old;
    }
    case SZ16: {
        uint16_t old = __atomic_load_n((uint16_t *)host, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n((uint16_t *)host, &old,
                                            (uint16_t)compute(old, arg, extra), false,
                                            __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
            ;
        return old;
    }
    case SZ32: {
        uint32_t old = __atomic_load_n((uint32_t *)host, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n((uint32_t *)host, &old,
                                            (uint32_t)compute(old, arg, extra), false,
                                            __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
            ;
        return old;
    }
    default: {
        uint64_t old = __atomic_load_n((uint64_t *)host, __ATOMIC_RELAXED);
        while (!__atomic_compare_exchange_n((uint64_t *)host, &old, compute(old, arg, extra),
                                            false, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
            ;
        return old;
    }
    }
}

/* compute() adaptor: `extra` packs the ALU op and the carry-in. */
static uint64_t alu_compute(uint64_t old, uint64_t arg, uint64_t extra)
{
    return alu_result((unsigned)(extra >> 1), old, arg, extra & 1);
}

/* dst(r/m) = dst op src, flags from the operation. */
static void alu_to_rm(tcg_vcpu *v, const tcg_insn *in, unsigned op, uint64_t src)
{
    unsigned sz = in->opsize;
    uint64_t carry = (op == ALU_ADC || op == ALU_SBB) ? cc_compute_cf(v) : 0;
    uint64_t a;
    if (op == ALU_CMP)
        a = rm_read(v, in, sz);
    else
        a = tcg_rmw(v, in, sz, alu_compute, src, (op << 1) | carry);
    alu_flags(v, op, sz, a, src, alu_result(op, a, src, carry));
}

void op_alu_rm_r(tcg_vcpu *v, const tcg_insn *in)
{
    alu_to_rm(v, in, in->sub, reg_read(v, in->reg, in->opsize, in));
}

void op_alu_rm_imm(tcg_vcpu *v, const tcg_insn *in)
{
    alu_to_rm(v, in, in->sub, in->imm & size_mask(in->opsize));
}

void op_alu_r_rm(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize, op = in->sub;
    uint64_t a = reg_read(v, in->reg, sz, in), b = rm_read(v, in, sz);
    uint64_t carry = (op == ALU_ADC || op == ALU_SBB) ? cc_compute_cf(v) : 0;
    uint64_t res = alu_result(op, a, b, carry);
    alu_flags(v, op, sz, a, b, res);
    if (op != ALU_CMP)
        reg_write(v, in->reg, sz, res, in);
}

void op_alu_acc_imm(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize, op = in->sub;
    uint64_t a = v->s.regs[X86_R_AX] & size_mask(sz), b = in->imm & size_mask(sz);
    uint64_t carry = (op == ALU_ADC || op == ALU_SBB) ? cc_compute_cf(v) : 0;
    uint64_t res = alu_result(op, a, b, carry);
    alu_flags(v, op, sz, a, b, res);
    if (op != ALU_CMP)
        gpr_write(v, X86_R_AX, sz, res);
}

void op_test_rm_r(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t a = rm_read(v, in, sz), b = reg_read(v, in->reg, sz, in);
    cc_set(v, CC_OP_LOGIC, sz, a, b, a & b);
}

void op_test_rm_imm(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t a = rm_read(v, in, sz), b = in->imm & size_mask(sz);
    cc_set(v, CC_OP_LOGIC, sz, a, b, a & b);
}

void op_test_acc_imm(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t a = v->s.regs[X86_R_AX] & size_mask(sz), b = in->imm & size_mask(sz);
    cc_set(v, CC_OP_LOGIC, sz, a, b, a & b);
}

static uint64_t add_compute(uint64_t old, uint64_t arg, uint64_t extra)
{
    return old + arg;
}

static void incdec(tcg_vcpu *v, const tcg_insn *in, bool inc)
{
    unsigned sz = in->opsize;
    uint64_t cf = cc_compute_cf(v);
    uint64_t a = tcg_rmw(v, in, sz, add_compute, inc ? 1 : (uint64_t)-1, 0);
    uint64_t m = size_mask(sz);
    cc_set(v, inc ? CC_OP_INC : CC_OP_DEC, sz, a & m, cf, (inc ? a + 1 : a - 1) & m);
}

void op_inc_rm(tcg_vcpu *v, const tcg_insn *in) { incdec(v, in, true); }
void op_dec_rm(tcg_vcpu *v, const tcg_insn *in) { incdec(v, in, false); }

/* 40-4F outside 64-bit mode: INC/DEC r16/r32 (rm holds the register). */
void op_incdec_r(tcg_vcpu *v, const tcg_insn *in)
{
    incdec(v, in, (in->opcode & 8) == 0);
}

static uint64_t not_compute(uint64_t old, uint64_t arg, uint64_t extra)
{
    return ~old;
}

static uint64_t neg_compute(uint64_t old, uint64_t arg, uint64_t extra)
{
    return -old;
}

void op_not_rm(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_rmw(v, in, in->opsize, not_compute, 0, 0);
}

void op_neg_rm(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t a = tcg_rmw(v, in, sz, neg_compute, 0, 0) & size_mask(sz);
    cc_set(v, CC_OP_SUB, sz, 0, a, (0 - a) & size_mask(sz));
}
