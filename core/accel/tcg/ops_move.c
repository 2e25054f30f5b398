/*
 * Data movement: MOV in its forms, MOVZX/MOVSX/MOVSXD, LEA, XCHG, CMOVcc,
 * SETcc, CBW/CWDE/CDQE, CWD/CDQ/CQO, LAHF/SAHF, XLAT, CMPXCHG, XADD,
 * CMPXCHG8B/16B.
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/exceptions.h"
#include "cpu/cpuid.h"

void op_mov_rm_r(tcg_vcpu *v, const tcg_insn *in)
{
    rm_write(v, in, in->opsize, reg_read(v, in->reg, in->opsize, in));
}

void op_mov_r_rm(tcg_vcpu *v, const tcg_insn *in)
{
    reg_write(v, in->reg, in->opsize, rm_read(v, in, in->opsize), in);
}

void op_mov_rm_imm(tcg_vcpu *v, const tcg_insn *in)
{
    rm_write(v, in, in->opsize, in->imm);
}

/* B0-BF: MOV reg, imm (register in the opcode). */
void op_mov_r_imm(tcg_vcpu *v, const tcg_insn *in)
{
    reg_write(v, in->rm, in->opsize, in->imm, in);
}

/* A0-A3: MOV AL/AX/EAX/RAX to or from moffs. */
void op_mov_acc_moffs(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize, bytes = 1u << sz;
    uint64_t ea = in->imm & addr_mask(in->adsize);
    if (in->opcode & 2) {
        tcg_write(v, in->seg, ea, bytes, v->s.regs[X86_R_AX]);
    } else {
        gpr_write(v, X86_R_AX, sz, tcg_read(v, in->seg, ea, bytes));
    }
}

/* 0F B6/B7/BE/BF: source size from the opcode. */
void op_movx(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned src_sz = (in->opcode & 1) ? SZ16 : SZ8;
    uint64_t x = rm_read(v, in, src_sz);
    if (in->opcode & 8) {
        unsigned shift = 64 - (8u << src_sz);
        x = (uint64_t)((int64_t)(x << shift) >> shift);
    }
    reg_write(v, in->reg, in->opsize, x, in);
}

/* 63 in 64-bit mode: MOVSXD r, r/m32. */
void op_movsxd(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t x = (uint64_t)(int64_t)(int32_t)rm_read(v, in, SZ32);
    reg_write(v, in->reg, in->opsize, x, in);
}

void op_lea(tcg_vcpu *v, const tcg_insn *in)
{
    if (in->mod == 3)
        tcg_raise(v, X86_EXC_UD);
    reg_write(v, in->reg, in->opsize, tcg_ea(v, in), in);
}

static uint64_t xchg_compute(uint64_t old, uint64_t arg, uint64_t extra)
{
    return arg;
}

/* 86/87: XCHG r/m, r (always locked with a memory operand). */
void op_xchg_rm_r(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t r = reg_read(v, in->reg, sz, in);
    tcg_insn locked = *in;
    locked.prefix |= PFX_LOCK;
    uint64_t old = tcg_rmw(v, &locked, sz, xchg_compute, r, 0);
    reg_write(v, in->reg, sz, old, in);
}

/* 91-97: XCHG rAX, r.  (90 is NOP/PAUSE, except XCHG r8, rAX with REX.B.) */
void op_xchg_acc_r(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    if (in->rm == X86_R_AX) {
        /* 90: NOP, never the 32-bit XCHG that would zero-extend.  F3 90 is
         * PAUSE: a spin-wait loop; with several vCPUs taking turns on one
         * thread, let the others run (the one it waits for among them). */
        if ((in->prefix & PFX_REP) && v->mach->nr_vcpus > 1)
            v->exit_request = true;
        return;
    }
    uint64_t a = v->s.regs[X86_R_AX], b = v->s.regs[in->rm];
    gpr_write(v, X86_R_AX, sz, b);
    gpr_write(v, in->rm, sz, a);
}

void op_cmov(tcg_vcpu *v, const tcg_insn *in)
{
    /* The source is read (and may fault) whatever the condition. */
    cmov_apply(v, in, rm_read(v, in, in->opsize));
}

void op_setcc(tcg_vcpu *v, const tcg_insn *in)
{
    rm_write(v, in, SZ8, cc_test(v, in->opcode & 0xf));
}

/* 98: CBW / CWDE / CDQE. */
void op_cbw(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t a = v->s.regs[X86_R_AX];
    switch (in->opsize) {
    case SZ16: gpr_write(v, X86_R_AX, SZ16, (uint64_t)(int64_t)(int8_t)a); break;
    case SZ32: gpr_write(v, X86_R_AX, SZ32, (uint64_t)(int64_t)(int16_t)a); break;
    default: v->s.regs[X86_R_AX] = (uint64_t)(int64_t)(int32_t)a; break;
    }
}

/* 99: CWD / CDQ / CQO. */
void op_cwd(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    bool neg = (v->s.regs[X86_R_AX] & sign_bit(sz)) != 0;
    gpr_write(v, X86_R_DX, sz, neg ? ~0ull : 0);
}

void op_lahf(tcg_vcpu *v, const tcg_insn *in)
{
    if (v->code_size == SZ64 && !mm_cpuid_has(v->s.model, MM_FEAT_8000_0001_ECX, MM_CPUID_8001_ECX_LAHF))
        tcg_raise(v, X86_EXC_UD);
    uint64_t f = tcg_get_rflags(v) & 0xff;
    v->s.regs[X86_R_AX] = (v->s.regs[X86_R_AX] & ~0xff00ull) | (f << 8);
}

void op_sahf(tcg_vcpu *v, const tcg_insn *in)
{
    if (v->code_size == SZ64 && !mm_cpuid_has(v->s.model, MM_FEAT_8000_0001_ECX, MM_CPUID_8001_ECX_LAHF))
        tcg_raise(v, X86_EXC_UD);
    uint64_t ah = (v->s.regs[X86_R_AX] >> 8) & 0xff;
    tcg_set_rflags(v, ah, X86_FLAG_CF | X86_FLAG_PF | X86_FLAG_AF | X86_FLAG_ZF | X86_FLAG_SF);
}

void op_xlat(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t ea = (v->s.regs[X86_R_BX] + (v->s.regs[X86_R_AX] & 0xff)) & addr_mask(in->adsize);
    gpr_write(v, X86_R_AX, SZ8, tcg_read(v, in->seg, ea, 1));
}

/* CMPXCHG: compare with the accumulator; flags as CMP accumulator, dest. */
void op_cmpxchg(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize, bytes = 1u << sz;
    uint64_t m = size_mask(sz);
    uint64_t acc = v->s.regs[X86_R_AX] & m, src = reg_read(v, in->reg, sz, in), old;
    if (in->mod == 3) {
        old = reg_read(v, in->rm, sz, in);
        if (old == acc)
            reg_write(v, in->rm, sz, src, in);
    } else {
        uint64_t lin = rm_linear(v, in, bytes, ACC_WRITE);
        void *host = tcg_lin_host_rmw(v, lin, bytes);
        if (host) {
            old = acc;
            switch (sz) {
            case SZ8: { uint8_t e = (uint8_t)acc; __atomic_compare_exchange_n((uint8_t *)host, &e, (uint8_t)src, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); old = e; break; }
            case SZ16: { uint16_t e = (uint16_t)acc; __atomic_compare_exchange_n((uint16_t *)host, &e, (uint16_t)src, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); old = e; break; }
            case SZ32: { uint32_t e = (uint32_t)acc; __atomic_compare_exchange_n((uint32_t *)host, &e, (uint32_t)src, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); old = e; break; }
            default: { uint64_t e = acc; __atomic_compare_exchange_n((uint64_t *)host, &e, src, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); old = e; break; }
            }
        } else {
            old = tcg_lin_read(v, lin, bytes);
            /* The destination is always written (with itself on failure). */
            tcg_lin_write(v, lin, bytes, old == acc ? src : old);
        }
    }
    cc_set(v, CC_OP_SUB, sz, acc, old, (acc - old) & m);
    if (old != acc)
        gpr_write(v, X86_R_AX, sz, old);
}

static uint64_t add_compute(uint64_t old, uint64_t arg, uint64_t extra)
{
    return old + arg;
}

void op_xadd(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize;
    uint64_t m = size_mask(sz), src = reg_read(v, in->reg, sz, in);
    uint64_t old = tcg_rmw(v, in, sz, add_compute, src, 0) & m;
    cc_set(v, CC_OP_ADD, sz, old, src, (old + src) & m);
    reg_write(v, in->reg, sz, old, in);
}

/* 0F C7 /1: CMPXCHG8B m64, or CMPXCHG16B m128 with REX.W. */
void op_cmpxchg8b(tcg_vcpu *v, const tcg_insn *in)
{
    if (in->mod == 3)
        tcg_raise(v, X86_EXC_UD);
    bool wide = (in->prefix & PFX_REXW) != 0;
    if (wide && !mm_cpuid_has(v->s.model, MM_FEAT_1_ECX, MM_CPUID_1_ECX_CX16))
        tcg_raise(v, X86_EXC_UD);
    unsigned half = wide ? 8 : 4;
    uint64_t lin = rm_linear(v, in, 2 * half, ACC_WRITE);
    if (wide && (lin & 15))
        tcg_raise_error(v, X86_EXC_GP, 0);
    uint64_t m = wide ? ~0ull : 0xffffffffull;
    unsigned __int128 expect = ((unsigned __int128)(v->s.regs[X86_R_DX] & m) << (8 * half)) |
                               (v->s.regs[X86_R_AX] & m);
    unsigned __int128 repl = ((unsigned __int128)(v->s.regs[X86_R_CX] & m) << (8 * half)) |
                             (v->s.regs[X86_R_BX] & m);
    unsigned __int128 old;
    void *host = wide ? tcg_lin_host_rmw(v, lin, 8) : tcg_lin_host_rmw(v, lin, 8);
    if (host && !wide) {
        uint64_t e = (uint64_t)expect;
        __atomic_compare_exchange_n((uint64_t *)host, &e, (uint64_t)repl, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        old = e;
    } else {
        /* 16-byte case: vCPUs run on one host thread, so no other CPU can
         * interleave; device DMA does not race with guest instructions. */
        uint64_t lo = tcg_lin_read(v, lin, half), hi = tcg_lin_read(v, lin + half, half);
        old = ((unsigned __int128)hi << (8 * half)) | lo;
        unsigned __int128 w = old == expect ? repl : old;
        tcg_lin_write(v, lin, half, (uint64_t)w);
        tcg_lin_write(v, lin + half, half, (uint64_t)(w >> (8 * half)));
    }
    uint64_t f = cc_compute(v) & ~(uint64_t)X86_FLAG_ZF;
    if (old == expect) {
        f |= X86_FLAG_ZF;
    } else {
        gpr_write(v, X86_R_AX, wide ? SZ64 : SZ32, (uint64_t)old);
        gpr_write(v, X86_R_DX, wide ? SZ64 : SZ32, (uint64_t)(old >> (8 * half)));
    }
    cc_set_eflags(v, f);
}
