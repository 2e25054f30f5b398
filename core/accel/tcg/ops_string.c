/*
 * String instructions MOVS, CMPS, STOS, LODS, SCAS, INS, OUTS with REP,
 * REPE and REPNE.  A repeated instruction runs at most STRING_CHUNK
 * iterations per execution and then restarts itself (RIP stays on it), so
 * interrupts are taken between chunks as the SDM allows; a fault leaves the
 * registers at the faulting iteration, so the instruction resumes there.
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/trace.h"

#define STRING_CHUNK 4096

typedef enum { STR_MOVS, STR_CMPS, STR_STOS, STR_LODS, STR_SCAS, STR_INS, STR_OUTS } str_kind;

static void advance(tcg_vcpu *v, unsigned r, unsigned asz, int64_t delta)
{
    gpr_write(v, r, asz, (v->s.regs[r] + (uint64_t)delta) & addr_mask(asz));
}

/* One iteration; returns false when a REPE/REPNE condition stops the loop. */
static void string_step(tcg_vcpu *v, const tcg_insn *in, str_kind kind, int64_t delta)
{
    unsigned sz = in->opsize, bytes = 1u << sz, asz = in->adsize;
    uint64_t m = addr_mask(asz);
    uint64_t si = v->s.regs[X86_R_SI] & m, di = v->s.regs[X86_R_DI] & m;
    uint64_t a, b;
    switch (kind) {
    case STR_MOVS:
        a = tcg_read(v, in->seg, si, bytes);
        tcg_write(v, X86_SEG_ES, di, bytes, a);
        advance(v, X86_R_SI, asz, delta);
        advance(v, X86_R_DI, asz, delta);
        break;
    case STR_CMPS:
        a = tcg_read(v, in->seg, si, bytes);
        b = tcg_read(v, X86_SEG_ES, di, bytes);
        cc_set(v, CC_OP_SUB, sz, a, b, (a - b) & size_mask(sz));
        advance(v, X86_R_SI, asz, delta);
        advance(v, X86_R_DI, asz, delta);
        break;
    case STR_STOS:
        tcg_write(v, X86_SEG_ES, di, bytes, v->s.regs[X86_R_AX]);
        advance(v, X86_R_DI, asz, delta);
        break;
    case STR_LODS:
        gpr_write(v, X86_R_AX, sz, tcg_read(v, in->seg, si, bytes));
        advance(v, X86_R_SI, asz, delta);
        break;
    case STR_SCAS:
        a = v->s.regs[X86_R_AX] & size_mask(sz);
        b = tcg_read(v, X86_SEG_ES, di, bytes);
        cc_set(v, CC_OP_SUB, sz, a, b, (a - b) & size_mask(sz));
        advance(v, X86_R_DI, asz, delta);
        break;
    case STR_INS:
        tcg_check_io(v, (uint16_t)v->s.regs[X86_R_DX], bytes);
        /* Probe the destination first so a fault does not lose the port read. */
        tcg_write(v, X86_SEG_ES, di, bytes, tcg_read(v, X86_SEG_ES, di, bytes));
        tcg_write(v, X86_SEG_ES, di, bytes,
                  tcg_port_in(v, (uint16_t)v->s.regs[X86_R_DX], bytes));
        advance(v, X86_R_DI, asz, delta);
        break;
    case STR_OUTS:
        tcg_check_io(v, (uint16_t)v->s.regs[X86_R_DX], bytes);
        tcg_port_out(v, (uint16_t)v->s.regs[X86_R_DX], bytes, tcg_read(v, in->seg, si, bytes));
        advance(v, X86_R_SI, asz, delta);
        break;
    }
}

static void string_op(tcg_vcpu *v, const tcg_insn *in, str_kind kind)
{
    int64_t delta = (v->s.rflags & X86_FLAG_DF) ? -(1 << in->opsize) : (1 << in->opsize);
    if (!(in->prefix & (PFX_REP | PFX_REPNE))) {
        string_step(v, in, kind, delta);
        return;
    }
    unsigned asz = in->adsize;
    bool conditional = kind == STR_CMPS || kind == STR_SCAS;
    /* Under -d cpu one iteration per execution, as QEMU -singlestep logs them. */
    unsigned chunk = tcg_trace_enabled ? 1 : STRING_CHUNK;
    for (unsigned n = 0; n < chunk; n++) {
        if ((v->s.regs[X86_R_CX] & addr_mask(asz)) == 0)
            return;
        string_step(v, in, kind, delta);
        advance(v, X86_R_CX, asz, -1);
        if (conditional) {
            bool zf = cc_test(v, 4);
            if ((in->prefix & PFX_REP) ? !zf : zf)
                return;
        }
    }
    if ((v->s.regs[X86_R_CX] & addr_mask(asz)) != 0) {
        v->s.rip = v->insn_start;   /* more to do: run this instruction again */
        v->exit_block = true;
    }
}

void op_movs(tcg_vcpu *v, const tcg_insn *in) { string_op(v, in, STR_MOVS); }
void op_cmps(tcg_vcpu *v, const tcg_insn *in) { string_op(v, in, STR_CMPS); }
void op_stos(tcg_vcpu *v, const tcg_insn *in) { string_op(v, in, STR_STOS); }
void op_lods(tcg_vcpu *v, const tcg_insn *in) { string_op(v, in, STR_LODS); }
void op_scas(tcg_vcpu *v, const tcg_insn *in) { string_op(v, in, STR_SCAS); }
void op_ins(tcg_vcpu *v, const tcg_insn *in) { string_op(v, in, STR_INS); }
void op_outs(tcg_vcpu *v, const tcg_insn *in) { string_op(v, in, STR_OUTS); }
