/*
 * Opcode map: one-byte opcodes at 0x00-0xff, two-byte (0F xx) at
 * 0x100-0x1ff (Intel SDM vol. 2, appendix A).  Empty entries are #UD.
 */
#include "accel/tcg/decode.h"
#include "accel/tcg/ops.h"

#define M D_MODRM
#define B D_BYTE
#define E D_END

/* ALU block: op rm,r / op r,rm / op acc,imm for the 8 operations. */
#define ALU_ROW(base, op)                                                          \
    [base + 0] = { op_alu_rm_r, M | B, op, NULL },                                 \
    [base + 1] = { op_alu_rm_r, M, op, NULL },                                     \
    [base + 2] = { op_alu_r_rm, M | B, op, NULL },                                 \
    [base + 3] = { op_alu_r_rm, M, op, NULL },                                     \
    [base + 4] = { op_alu_acc_imm, B | D_IMM8, op, NULL },                         \
    [base + 5] = { op_alu_acc_imm, D_IMMZ, op, NULL }

#define REG8(base, fn, fl) \
    [base + 0] = { fn, fl, 0, NULL }, [base + 1] = { fn, fl, 0, NULL }, \
    [base + 2] = { fn, fl, 0, NULL }, [base + 3] = { fn, fl, 0, NULL }, \
    [base + 4] = { fn, fl, 0, NULL }, [base + 5] = { fn, fl, 0, NULL }, \
    [base + 6] = { fn, fl, 0, NULL }, [base + 7] = { fn, fl, 0, NULL }

#define CC16(base, fn, fl) \
    REG8(base, fn, fl), REG8(base + 8, fn, fl)

/* F6/F7: TEST NOT NEG MUL IMUL DIV IDIV. */
static const tcg_opdesc group3_byte[8] = {
    { op_test_rm_imm, M | B | D_IMM8, 0, NULL }, { op_test_rm_imm, M | B | D_IMM8, 0, NULL },
    { op_not_rm, M | B, 0, NULL }, { op_neg_rm, M | B, 0, NULL },
    { op_mul_rm, M | B, 0, NULL }, { op_imul1_rm, M | B, 0, NULL },
    { op_div_rm, M | B, 0, NULL }, { op_idiv_rm, M | B, 0, NULL },
};
static const tcg_opdesc group3[8] = {
    { op_test_rm_imm, M | D_IMMZ, 0, NULL }, { op_test_rm_imm, M | D_IMMZ, 0, NULL },
    { op_not_rm, M, 0, NULL }, { op_neg_rm, M, 0, NULL },
    { op_mul_rm, M, 0, NULL }, { op_imul1_rm, M, 0, NULL },
    { op_div_rm, M, 0, NULL }, { op_idiv_rm, M, 0, NULL },
};
/* FE: INC/DEC r/m8. */
static const tcg_opdesc group4[8] = {
    { op_inc_rm, M | B, 0, NULL }, { op_dec_rm, M | B, 0, NULL },
};
/* FF: INC DEC CALL CALLF JMP JMPF PUSH. */
static const tcg_opdesc group5[8] = {
    { op_inc_rm, M, 0, NULL },
    { op_dec_rm, M, 0, NULL },
    { op_call_rm, M | D_F64 | E, 0, NULL },
    { op_call_far_rm, M | E, 0, NULL },
    { op_jmp_rm, M | D_F64 | E, 0, NULL },
    { op_jmp_far_rm, M | E, 0, NULL },
    { op_push_rm, M | D_DEF64, 0, NULL },
};
/* 8F: POP r/m. */
static const tcg_opdesc group1a[8] = { { op_pop_rm, M | D_DEF64, 0, NULL } };
/* C6/C7: MOV r/m, imm. */
static const tcg_opdesc group11_byte[8] = { { op_mov_rm_imm, M | B | D_IMM8, 0, NULL } };
static const tcg_opdesc group11[8] = { { op_mov_rm_imm, M | D_IMMZ, 0, NULL } };
/* 0F BA: BT/BTS/BTR/BTC r/m, imm8. */
static const tcg_opdesc group8[8] = {
    [4] = { op_bt_rm_imm, M | D_IMM8, 4, NULL }, [5] = { op_bt_rm_imm, M | D_IMM8, 5, NULL },
    [6] = { op_bt_rm_imm, M | D_IMM8, 6, NULL }, [7] = { op_bt_rm_imm, M | D_IMM8, 7, NULL },
};
/* 0F C7: CMPXCHG8B/16B. */
static const tcg_opdesc group9[8] = { [1] = { op_cmpxchg8b, M, 0, NULL } };

const tcg_opdesc tcg_optable[512] = {
    ALU_ROW(0x00, 0), ALU_ROW(0x08, 1), ALU_ROW(0x10, 2), ALU_ROW(0x18, 3),
    ALU_ROW(0x20, 4), ALU_ROW(0x28, 5), ALU_ROW(0x30, 6), ALU_ROW(0x38, 7),
    [0x06] = { op_push_seg, D_INV64, X86_SEG_ES, NULL },
    [0x07] = { op_pop_seg, D_INV64 | E, X86_SEG_ES, NULL },
    [0x0e] = { op_push_seg, D_INV64, X86_SEG_CS, NULL },
    [0x16] = { op_push_seg, D_INV64, X86_SEG_SS, NULL },
    [0x17] = { op_pop_seg, D_INV64 | E, X86_SEG_SS, NULL },
    [0x1e] = { op_push_seg, D_INV64, X86_SEG_DS, NULL },
    [0x1f] = { op_pop_seg, D_INV64 | E, X86_SEG_DS, NULL },
    REG8(0x40, op_incdec_r, D_REGOP | D_INV64), REG8(0x48, op_incdec_r, D_REGOP | D_INV64),
    REG8(0x50, op_push_r, D_REGOP | D_DEF64), REG8(0x58, op_pop_r, D_REGOP | D_DEF64),
    [0x60] = { op_pusha, D_INV64, 0, NULL },
    [0x61] = { op_popa, D_INV64, 0, NULL },
    [0x63] = { op_movsxd, M, 0, NULL },
    [0x68] = { op_push_imm, D_IMMZ | D_DEF64, 0, NULL },
    [0x69] = { op_imul_r_rm_imm, M | D_IMMZ, 0, NULL },
    [0x6a] = { op_push_imm, D_IMM8 | D_DEF64, 0, NULL },
    [0x6b] = { op_imul_r_rm_imm, M | D_IMM8, 0, NULL },
    [0x6c] = { op_ins, B | E, 0, NULL },
    [0x6d] = { op_ins, E, 0, NULL },
    [0x6e] = { op_outs, B | E, 0, NULL },
    [0x6f] = { op_outs, E, 0, NULL },
    CC16(0x70, op_jcc, D_IMM8 | D_F64 | E),
    [0x80] = { op_alu_rm_imm, M | B | D_IMM8 | D_SUBREG, 0, NULL },
    [0x81] = { op_alu_rm_imm, M | D_IMMZ | D_SUBREG, 0, NULL },
    [0x82] = { op_alu_rm_imm, M | B | D_IMM8 | D_SUBREG | D_INV64, 0, NULL },
    [0x83] = { op_alu_rm_imm, M | D_IMM8 | D_SUBREG, 0, NULL },
    [0x84] = { op_test_rm_r, M | B, 0, NULL },
    [0x85] = { op_test_rm_r, M, 0, NULL },
    [0x86] = { op_xchg_rm_r, M | B, 0, NULL },
    [0x87] = { op_xchg_rm_r, M, 0, NULL },
    [0x88] = { op_mov_rm_r, M | B, 0, NULL },
    [0x89] = { op_mov_rm_r, M, 0, NULL },
    [0x8a] = { op_mov_r_rm, M | B, 0, NULL },
    [0x8b] = { op_mov_r_rm, M, 0, NULL },
    [0x8c] = { op_mov_from_sreg, M, 0, NULL },
    [0x8d] = { op_lea, M, 0, NULL },
    [0x8e] = { op_mov_to_sreg, M | E, 0, NULL },
    [0x8f] = { NULL, M | D_GROUP, 0, group1a },
    REG8(0x90, op_xchg_acc_r, D_REGOP),
    [0x98] = { op_cbw, 0, 0, NULL },
    [0x99] = { op_cwd, 0, 0, NULL },
    [0x9a] = { op_call_far, D_FARPTR | D_INV64 | E, 0, NULL },
    [0x9b] = { op_fwait, 0, 0, NULL },
    [0x9c] = { op_pushf, D_DEF64, 0, NULL },
    [0x9d] = { op_popf, D_DEF64 | E, 0, NULL },
    [0x9e] = { op_sahf, 0, 0, NULL },
    [0x9f] = { op_lahf, 0, 0, NULL },
    [0xa0] = { op_mov_acc_moffs, B | D_MOFFS, 0, NULL },
    [0xa1] = { op_mov_acc_moffs, D_MOFFS, 0, NULL },
    [0xa2] = { op_mov_acc_moffs, B | D_MOFFS, 0, NULL },
    [0xa3] = { op_mov_acc_moffs, D_MOFFS, 0, NULL },
    [0xa4] = { op_movs, B, 0, NULL },
    [0xa5] = { op_movs, 0, 0, NULL },
    [0xa6] = { op_cmps, B, 0, NULL },
    [0xa7] = { op_cmps, 0, 0, NULL },
    [0xa8] = { op_test_acc_imm, B | D_IMM8, 0, NULL },
    [0xa9] = { op_test_acc_imm, D_IMMZ, 0, NULL },
    [0xaa] = { op_stos, B, 0, NULL },
    [0xab] = { op_stos, 0, 0, NULL },
    [0xac] = { op_lods, B, 0, NULL },
    [0xad] = { op_lods, 0, 0, NULL },
    [0xae] = { op_scas, B, 0, NULL },
    [0xaf] = { op_scas, 0, 0, NULL },
    REG8(0xb0, op_mov_r_imm, D_REGOP | B | D_IMM8),
    REG8(0xb8, op_mov_r_imm, D_REGOP | D_IMMV),
    [0xc0] = { op_shift_imm, M | B | D_IMM8 | D_SUBREG, 0, NULL },
    [0xc1] = { op_shift_imm, M | D_IMM8 | D_SUBREG, 0, NULL },
    [0xc2] = { op_ret, D_IMM16 | D_F64 | E, 0, NULL },
    [0xc3] = { op_ret, D_F64 | E, 0, NULL },
    [0xc4] = { op_load_far_pointer, M | D_INV64, X86_SEG_ES, NULL },
    [0xc5] = { op_load_far_pointer, M | D_INV64, X86_SEG_DS, NULL },
    [0xc6] = { NULL, M | D_GROUP, 0, group11_byte },
    [0xc7] = { NULL, M | D_GROUP, 0, group11 },
    [0xc8] = { op_enter, D_ENTER | D_DEF64, 0, NULL },
    [0xc9] = { op_leave, D_DEF64, 0, NULL },
    [0xca] = { op_ret_far, D_IMM16 | E, 0, NULL },
    [0xcb] = { op_ret_far, E, 0, NULL },
    [0xcc] = { op_int3, E, 0, NULL },
    [0xcd] = { op_int, D_IMM8 | E, 0, NULL },
    [0xce] = { op_into, D_INV64 | E, 0, NULL },
    [0xcf] = { op_iret, E, 0, NULL },
    [0xd0] = { op_shift_1, M | B | D_SUBREG, 0, NULL },
    [0xd1] = { op_shift_1, M | D_SUBREG, 0, NULL },
    [0xd2] = { op_shift_cl, M | B | D_SUBREG, 0, NULL },
    [0xd3] = { op_shift_cl, M | D_SUBREG, 0, NULL },
    [0xd7] = { op_xlat, 0, 0, NULL },
    REG8(0xd8, op_x87, M),
    [0xe0] = { op_loop, D_IMM8 | D_F64 | E, 0, NULL },
    [0xe1] = { op_loop, D_IMM8 | D_F64 | E, 0, NULL },
    [0xe2] = { op_loop, D_IMM8 | D_F64 | E, 0, NULL },
    [0xe3] = { op_loop, D_IMM8 | D_F64 | E, 0, NULL },
    [0xe4] = { op_in, B | D_IMM8 | E, 0, NULL },
    [0xe5] = { op_in, D_IMM8 | E, 0, NULL },
    [0xe6] = { op_out, B | D_IMM8 | E, 0, NULL },
    [0xe7] = { op_out, D_IMM8 | E, 0, NULL },
    [0xe8] = { op_call_rel, D_IMMZ | D_F64 | E, 0, NULL },
    [0xe9] = { op_jmp_rel, D_IMMZ | D_F64 | E, 0, NULL },
    [0xea] = { op_jmp_far, D_FARPTR | D_INV64 | E, 0, NULL },
    [0xeb] = { op_jmp_rel, D_IMM8 | D_F64 | E, 0, NULL },
    [0xec] = { op_in, B | E, 0, NULL },
    [0xed] = { op_in, E, 0, NULL },
    [0xee] = { op_out, B | E, 0, NULL },
    [0xef] = { op_out, E, 0, NULL },
    [0xf4] = { op_hlt, E, 0, NULL },
    [0xf5] = { op_carry_flag, 0, 0, NULL },
    [0xf6] = { NULL, M | D_GROUP, 0, group3_byte },
    [0xf7] = { NULL, M | D_GROUP, 0, group3 },
    [0xf8] = { op_carry_flag, 0, 0, NULL },
    [0xf9] = { op_carry_flag, 0, 0, NULL },
    [0xfa] = { op_cli, 0, 0, NULL },
    [0xfb] = { op_sti, E, 0, NULL },
    [0xfc] = { op_cld, 0, 0, NULL },
    [0xfd] = { op_std, 0, 0, NULL },
    [0xfe] = { NULL, M | D_GROUP, 0, group4 },
    [0xff] = { NULL, M | D_GROUP, 0, group5 },

    /* Two-byte opcodes. */
    [0x100] = { op_group6, M | E, 0, NULL },
    [0x101] = { op_group7, M | E, 0, NULL },
    [0x102] = { op_lar_lsl, M, 0, NULL },
    [0x103] = { op_lar_lsl, M, 0, NULL },
    [0x105] = { op_syscall, E, 0, NULL },
    [0x106] = { op_clts, 0, 0, NULL },
    [0x107] = { op_sysret, E, 0, NULL },
    [0x108] = { op_invd, 0, 0, NULL },
    [0x109] = { op_invd, 0, 0, NULL },
    [0x10b] = { op_ud, E, 0, NULL },
    [0x10d] = { op_nop, M, 0, NULL },      /* PREFETCHW (3dnowprefetch) */
    REG8(0x118 + 0, op_nop, M),            /* 0F 18-1F: hint NOPs incl. NOPL */
    [0x120] = { op_mov_from_cr, M | D_F64, 0, NULL },
    [0x121] = { op_mov_from_dr, M | D_F64, 0, NULL },
    [0x122] = { op_mov_to_cr, M | D_F64 | E, 0, NULL },
    [0x123] = { op_mov_to_dr, M | D_F64 | E, 0, NULL },
    [0x130] = { op_wrmsr, E, 0, NULL },
    [0x131] = { op_rdtsc, 0, 0, NULL },
    [0x132] = { op_rdmsr, 0, 0, NULL },
    [0x134] = { op_sysenter, E, 0, NULL },
    [0x135] = { op_sysexit, E, 0, NULL },
    CC16(0x140, op_cmov, M),
    CC16(0x180, op_jcc, D_IMMZ | D_F64 | E),
    CC16(0x190, op_setcc, M | B),
    [0x1a0] = { op_push_seg, D_DEF64, X86_SEG_FS, NULL },
    [0x1a1] = { op_pop_seg, D_DEF64 | E, X86_SEG_FS, NULL },
    [0x1a2] = { op_cpuid, 0, 0, NULL },
    [0x1a3] = { op_bt_rm_r, M, 0, NULL },
    [0x1a4] = { op_shld_imm, M | D_IMM8, 0, NULL },
    [0x1a5] = { op_shld_cl, M, 0, NULL },
    [0x1a8] = { op_push_seg, D_DEF64, X86_SEG_GS, NULL },
    [0x1a9] = { op_pop_seg, D_DEF64 | E, X86_SEG_GS, NULL },
    [0x1ab] = { op_bt_rm_r, M, 1, NULL },
    [0x1ac] = { op_shrd_imm, M | D_IMM8, 0, NULL },
    [0x1ad] = { op_shrd_cl, M, 0, NULL },
    [0x1ae] = { op_group15, M, 0, NULL },
    [0x1af] = { op_imul_r_rm, M, 0, NULL },
    [0x1b0] = { op_cmpxchg, M | B, 0, NULL },
    [0x1b1] = { op_cmpxchg, M, 0, NULL },
    [0x1b2] = { op_load_far_pointer, M | E, X86_SEG_SS, NULL },
    [0x1b3] = { op_bt_rm_r, M, 2, NULL },
    [0x1b4] = { op_load_far_pointer, M, X86_SEG_FS, NULL },
    [0x1b5] = { op_load_far_pointer, M, X86_SEG_GS, NULL },
    [0x1b6] = { op_movx, M, 0, NULL },
    [0x1b7] = { op_movx, M, 0, NULL },
    [0x1b8] = { op_popcnt, M, 0, NULL },
    [0x1ba] = { NULL, M | D_GROUP, 0, group8 },
    [0x1bb] = { op_bt_rm_r, M, 3, NULL },
    [0x1bc] = { op_bsf, M, 0, NULL },
    [0x1bd] = { op_bsr, M, 0, NULL },
    [0x1be] = { op_movx, M, 0, NULL },
    [0x1bf] = { op_movx, M, 0, NULL },
    [0x1c0] = { op_xadd, M | B, 0, NULL },
    [0x1c1] = { op_xadd, M, 0, NULL },
    [0x1c7] = { NULL, M | D_GROUP, 0, group9 },
    REG8(0x1c8, op_bswap, D_REGOP),
};
