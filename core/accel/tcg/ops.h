/*
 * Instruction handlers of the software CPU (one file per family, listed in
 * README.md) and helpers they share.  A handler runs with RIP already
 * advanced past its instruction and v->insn_start on it.
 */
#ifndef MODEMU_TCG_OPS_H
#define MODEMU_TCG_OPS_H

#include <modemu/log.h>

#include "accel/tcg/operands.h"

/* Read-modify-write of r/m with compute(old, arg, extra); atomic under LOCK.
 * Returns the old value. */
uint64_t tcg_rmw(tcg_vcpu *v, const tcg_insn *in, unsigned sz,
                 uint64_t (*compute)(uint64_t old, uint64_t arg, uint64_t extra),
                 uint64_t arg, uint64_t extra);
uint64_t tcg_atomic_update(void *host, unsigned sz,
                           uint64_t (*compute)(uint64_t old, uint64_t arg, uint64_t extra),
                           uint64_t arg, uint64_t extra);
void tcg_check_io(tcg_vcpu *v, uint16_t port, unsigned bytes);
uint64_t tcg_port_in(tcg_vcpu *v, uint16_t port, unsigned bytes);
void tcg_port_out(tcg_vcpu *v, uint16_t port, unsigned bytes, uint64_t value);
uint64_t tcg_read_tsc(tcg_vcpu *v);
void tcg_write_cr0(tcg_vcpu *v, uint64_t val);
void tcg_lmsw(tcg_vcpu *v, uint16_t msw);
void tcg_verr_verw(tcg_vcpu *v, uint16_t sel, bool write);
void tcg_fpu_check(tcg_vcpu *v);
void tcg_sse_check(tcg_vcpu *v);
uint16_t tcg_fpu_status_word(const tcg_vcpu *v);
void tcg_fxsave(tcg_vcpu *v, const tcg_insn *in);
void tcg_fxrstor(tcg_vcpu *v, const tcg_insn *in);
void tcg_ldmxcsr(tcg_vcpu *v, const tcg_insn *in);
void tcg_stmxcsr(tcg_vcpu *v, const tcg_insn *in);
void tcg_fninit(tcg_vcpu *v);
void op_rdtscp(tcg_vcpu *v);

#define OP(name) void name(tcg_vcpu *v, const tcg_insn *in)
OP(op_alu_acc_imm);
OP(op_alu_r_rm);
OP(op_alu_rm_imm);
OP(op_alu_rm_r);
OP(op_bsf);
OP(op_bsr);
OP(op_bswap);
OP(op_bt_rm_imm);
OP(op_bt_rm_r);
OP(op_call_far);
OP(op_call_far_rm);
OP(op_call_rel);
OP(op_call_rm);
OP(op_carry_flag);
OP(op_cbw);
OP(op_cld);
OP(op_cli);
OP(op_clts);
OP(op_cmov);
OP(op_cmps);
OP(op_cmpxchg);
OP(op_cmpxchg8b);
OP(op_cpuid);
OP(op_cwd);
OP(op_dec_rm);
OP(op_div_rm);
OP(op_emms);
OP(op_enter);
OP(op_fwait);
OP(op_group15);
OP(op_group6);
OP(op_group7);
OP(op_hlt);
OP(op_idiv_rm);
OP(op_imul1_rm);
OP(op_imul_r_rm);
OP(op_imul_r_rm_imm);
OP(op_in);
OP(op_inc_rm);
OP(op_incdec_r);
OP(op_ins);
OP(op_int);
OP(op_int3);
OP(op_into);
OP(op_invd);
OP(op_iret);
OP(op_jcc);
OP(op_jmp_far);
OP(op_jmp_far_rm);
OP(op_jmp_rel);
OP(op_jmp_rm);
OP(op_lahf);
OP(op_lar_lsl);
OP(op_lea);
OP(op_leave);
OP(op_load_far_pointer);
OP(op_lods);
OP(op_loop);
OP(op_mov_acc_moffs);
OP(op_mov_from_cr);
OP(op_mov_from_dr);
OP(op_mov_from_sreg);
OP(op_mov_r_imm);
OP(op_mov_r_rm);
OP(op_mov_rm_imm);
OP(op_mov_rm_r);
OP(op_mov_to_cr);
OP(op_mov_to_dr);
OP(op_mov_to_sreg);
OP(op_movnti);
OP(op_movs);
OP(op_movsxd);
OP(op_movx);
OP(op_mul_rm);
OP(op_neg_rm);
OP(op_nop);
OP(op_not_rm);
OP(op_out);
OP(op_outs);
OP(op_pop_r);
OP(op_pop_rm);
OP(op_pop_seg);
OP(op_popa);
OP(op_popcnt);
OP(op_popf);
OP(op_push_imm);
OP(op_push_r);
OP(op_push_rm);
OP(op_push_seg);
OP(op_pusha);
OP(op_pushf);
OP(op_rdmsr);
OP(op_rdtsc);
OP(op_ret);
OP(op_ret_far);
OP(op_sahf);
OP(op_scas);
OP(op_setcc);
OP(op_shift_1);
OP(op_shift_cl);
OP(op_shift_imm);
OP(op_shld_cl);
OP(op_shld_imm);
OP(op_shrd_cl);
OP(op_shrd_imm);
OP(op_sse_arith);
OP(op_sse_cmp);
OP(op_sse_comis);
OP(op_sse_cvt_float_size);
OP(op_sse_cvt_packed);
OP(op_sse_cvt_to_float);
OP(op_sse_cvt_to_int);
OP(op_sse_logic);
OP(op_sse_maskmov);
OP(op_sse_mov_aps);
OP(op_sse_mov_half);
OP(op_sse_mov_ups);
OP(op_sse_movd);
OP(op_sse_movdq);
OP(op_sse_movmsk);
OP(op_sse_movq_store);
OP(op_sse_pextrw);
OP(op_sse_pinsrw);
OP(op_sse_pint);
OP(op_sse_pmovmskb);
OP(op_sse_pshuf);
OP(op_sse_shift_imm);
OP(op_sse_shufp);
OP(op_sse_unpck);
OP(op_std);
OP(op_sti);
OP(op_stos);
OP(op_syscall);
OP(op_sysenter);
OP(op_sysexit);
OP(op_sysret);
OP(op_test_acc_imm);
OP(op_test_rm_imm);
OP(op_test_rm_r);
OP(op_ud);
OP(op_wrmsr);
OP(op_x87_escape);
OP(op_xadd);
OP(op_xchg_acc_r);
OP(op_xchg_rm_r);
OP(op_xlat);

#endif
