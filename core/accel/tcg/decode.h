/*
 * The table-driven x86 decoder: legacy prefixes, REX, one- and two-byte
 * opcode maps, ModRM/SIB/displacement (16, 32 and 64-bit addressing),
 * immediates, operand and address size rules of the three code sizes.
 */
#ifndef MODEMU_TCG_DECODE_H
#define MODEMU_TCG_DECODE_H

#include "accel/tcg/tcg_vcpu.h"

/* Opcode descriptor flags. */
enum {
    D_MODRM = 1u << 0,
    D_BYTE = 1u << 1,      /* 8-bit operand size */
    D_IMM8 = 1u << 2,      /* imm8 (sign-extended into imm) */
    D_IMM16 = 1u << 3,
    D_IMMZ = 1u << 4,      /* imm16/imm32 by operand size, sign-extended to 64 */
    D_IMMV = 1u << 5,      /* imm16/32/64 by operand size (MOV r, imm) */
    D_MOFFS = 1u << 6,     /* address-size offset (MOV AL, moffs) */
    D_FARPTR = 1u << 7,    /* ptr16:16/32 (JMP/CALL far) */
    D_ENTER = 1u << 8,     /* imm16, imm8 */
    D_DEF64 = 1u << 9,     /* 64-bit default operand size in long mode (PUSH/POP) */
    D_F64 = 1u << 10,      /* 64-bit operand size in long mode, 66 ignored (near branches) */
    D_INV64 = 1u << 11,    /* #UD in 64-bit mode */
    D_END = 1u << 12,      /* ends a block (control transfer, mode change) */
    D_GROUP = 1u << 13,    /* `group` indexed by ModRM.reg gives the real descriptor */
    D_REGOP = 1u << 14,    /* register in the opcode's low three bits (rm) */
    D_SUBREG = 1u << 15,   /* sub = ModRM.reg (ALU group 1, shifts, BT group) */
};

typedef struct tcg_opdesc {
    tcg_op_fn fn;
    uint16_t flags;
    uint8_t sub;
    const struct tcg_opdesc *group;
} tcg_opdesc;

extern const tcg_opdesc tcg_optable[512];

/* Byte fetcher used by the decoder (may raise #PF on the first instruction). */
typedef struct tcg_fetch {
    tcg_vcpu *v;
    uint64_t lin;          /* next byte */
    uint64_t start;
    bool crossed_page;     /* the instruction ran into the next page */
} tcg_fetch;

/* Decodes one instruction at f->lin for the code size. */
void tcg_decode(tcg_fetch *f, unsigned code_size, tcg_insn *in);

/* Handler of undefined opcodes (#UD). */
void op_ud(tcg_vcpu *v, const tcg_insn *in);
/* Opcode 63 outside 64-bit mode (the table holds its 64-bit meaning, MOVSXD). */
void op_arpl(tcg_vcpu *v, const tcg_insn *in);

#endif
