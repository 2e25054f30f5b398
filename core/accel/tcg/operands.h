/*
 * Operand access for instruction handlers: registers by size (with the
 * AH/CH/DH/BH encoding of byte registers without REX), effective addresses,
 * ModRM r/m operands in registers or memory, and the stack.
 */
#ifndef MODEMU_TCG_OPERANDS_H
#define MODEMU_TCG_OPERANDS_H

#include "accel/tcg/mem.h"
#include "accel/tcg/flags.h"

static inline uint64_t reg_read(tcg_vcpu *v, unsigned r, unsigned sz, const tcg_insn *in)
{
    if (sz == SZ8 && !(in->prefix & PFX_REX) && r >= 4 && r < 8)
        return (v->s.regs[r - 4] >> 8) & 0xff;
    return v->s.regs[r] & size_mask(sz);
}

/* Writes with x86-64 rules: 32-bit writes clear the upper half, 8/16 merge. */
static inline void reg_write(tcg_vcpu *v, unsigned r, unsigned sz, uint64_t val,
                             const tcg_insn *in)
{
    uint64_t *p;
    switch (sz) {
    case SZ8:
        if (!(in->prefix & PFX_REX) && r >= 4 && r < 8) {
            p = &v->s.regs[r - 4];
            *p = (*p & ~0xff00ull) | ((val & 0xff) << 8);
        } else {
            p = &v->s.regs[r];
            *p = (*p & ~0xffull) | (val & 0xff);
        }
        break;
    case SZ16:
        p = &v->s.regs[r];
        *p = (*p & ~0xffffull) | (val & 0xffff);
        break;
    case SZ32:
        v->s.regs[r] = (uint32_t)val;
        break;
    default:
        v->s.regs[r] = val;
        break;
    }
}

/* Register write without the byte-register quirk (AX..DI by number). */
static inline void gpr_write(tcg_vcpu *v, unsigned r, unsigned sz, uint64_t val)
{
    static const tcg_insn rex_insn = { .prefix = PFX_REX };
    reg_write(v, r, sz, val, &rex_insn);
}

static inline uint64_t addr_mask(unsigned adsize)
{
    return adsize == SZ64 ? ~0ull : adsize == SZ32 ? 0xffffffffull : 0xffffull;
}

static inline uint64_t tcg_ea(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t ea = (uint64_t)(int64_t)in->disp;
    if (in->base == TCG_REG_RIP)
        ea += v->s.rip;   /* RIP already points at the next instruction */
    else if (in->base != TCG_REG_NONE)
        ea += v->s.regs[in->base];
    if (in->index != TCG_REG_NONE)
        ea += v->s.regs[in->index] << in->scale;
    return ea & addr_mask(in->adsize);
}

/* Linear address of the memory operand. */
static inline uint64_t rm_linear(tcg_vcpu *v, const tcg_insn *in, unsigned size, int acc)
{
    return tcg_seg_linear(v, in->seg, tcg_ea(v, in), size, acc);
}

static inline uint64_t rm_read(tcg_vcpu *v, const tcg_insn *in, unsigned sz)
{
    if (in->mod == 3)
        return reg_read(v, in->rm, sz, in);
    return tcg_lin_read(v, rm_linear(v, in, 1u << sz, ACC_READ), 1u << sz);
}

static inline void rm_write(tcg_vcpu *v, const tcg_insn *in, unsigned sz, uint64_t val)
{
    if (in->mod == 3) {
        reg_write(v, in->rm, sz, val, in);
        return;
    }
    tcg_lin_write(v, rm_linear(v, in, 1u << sz, ACC_WRITE), 1u << sz, val);
}

/* Stack: SS-relative, width from SS.B (or 64-bit in 64-bit mode). */
static inline unsigned stack_size(const tcg_vcpu *v)
{
    if (v->code_size == SZ64)
        return SZ64;
    return (v->s.seg[X86_SEG_SS].flags & X86_DESC_B) ? SZ32 : SZ16;
}

static inline void sp_write(tcg_vcpu *v, uint64_t sp)
{
    gpr_write(v, X86_R_SP, stack_size(v), sp);
}

static inline void push_val(tcg_vcpu *v, unsigned sz, uint64_t val)
{
    unsigned bytes = 1u << sz;
    uint64_t sp = (v->s.regs[X86_R_SP] - bytes) & addr_mask(stack_size(v));
    tcg_write(v, X86_SEG_SS, sp, bytes, val);
    sp_write(v, sp);
}

static inline uint64_t pop_val(tcg_vcpu *v, unsigned sz)
{
    unsigned bytes = 1u << sz;
    uint64_t sp = v->s.regs[X86_R_SP] & addr_mask(stack_size(v));
    uint64_t val = tcg_read(v, X86_SEG_SS, sp, bytes);
    sp_write(v, sp + bytes);
    return val;
}

/* Near branch target, truncated to the operand size (IP/EIP wrap). */
static inline void jump_to(tcg_vcpu *v, uint64_t target, unsigned sz)
{
    v->s.rip = sz == SZ64 ? target : target & size_mask(sz);
}

/* CMOVcc with its source x already read: shared by the generic handler and
 * the register fast path.  A 32-bit destination loses bits 63:32 either way. */
static inline void cmov_apply(tcg_vcpu *v, const tcg_insn *in, uint64_t x)
{
    if (cc_test(v, in->opcode & 0xf))
        reg_write(v, in->reg, in->opsize, x, in);
    else if (in->opsize == SZ32)
        v->s.regs[in->reg] = (uint32_t)v->s.regs[in->reg];
}

/* Jcc rel: shared by the generic handler and its inlined fast path. */
static inline void jcc_branch(tcg_vcpu *v, const tcg_insn *in)
{
    if (cc_test(v, in->opcode & 0xf))
        jump_to(v, v->s.rip + in->imm, in->opsize);
}

#endif
