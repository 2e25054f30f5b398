/*
 * x87/SSE state instructions: FXSAVE/FXRSTOR (legacy 512-byte layout, SDM
 * vol. 1 10.5.1), LDMXCSR/STMXCSR, FNINIT, FNSTSW, FNSTCW, FLDCW, FNCLEX,
 * FWAIT.  CR0.EM/TS give #UD/#NM as the SDM says, so lazy FPU switching in
 * a guest kernel works.
 */
#include <string.h>

#include "accel/tcg/ops.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/fpu_helpers.h"

#define MXCSR_MASK 0xffffu

/* #NM when CR0.TS (lazy FPU switch), #UD when CR0.EM (x87) . */
void tcg_fpu_check(tcg_vcpu *v)
{
    if (v->s.cr0 & X86_CR0_EM)
        tcg_raise(v, X86_EXC_NM);
    if (v->s.cr0 & X86_CR0_TS)
        tcg_raise(v, X86_EXC_NM);
}

void tcg_sse_check(tcg_vcpu *v)
{
    if ((v->s.cr0 & X86_CR0_EM) || !(v->s.cr4 & X86_CR4_OSFXSR))
        tcg_raise(v, X86_EXC_UD);
    if (v->s.cr0 & X86_CR0_TS)
        tcg_raise(v, X86_EXC_NM);
}

uint16_t tcg_fpu_status_word(const tcg_vcpu *v)
{
    return (uint16_t)((v->s.fpu.fsw & ~0x3800u) | ((v->s.fpu.top & 7) << 11));
}

static uint64_t fxsave_base(tcg_vcpu *v, const tcg_insn *in)
{
    if (in->mod == 3)
        tcg_raise(v, X86_EXC_UD);
    tcg_fpu_check(v);
    uint64_t lin = rm_linear(v, in, 512, ACC_READ);
    if (lin & 15)
        tcg_raise_error(v, X86_EXC_GP, 0);
    return lin;
}

static unsigned xmm_count(const tcg_vcpu *v)
{
    return v->code_size == SZ64 ? 16 : 8;
}

void tcg_fxsave(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t lin = fxsave_base(v, in);
    const mm_x86_fpu *f = &v->s.fpu;
    tcg_lin_write(v, lin + 0, 2, f->fcw);
    tcg_lin_write(v, lin + 2, 2, tcg_fpu_status_word(v));
    tcg_lin_write(v, lin + 4, 2, f->ftw);   /* abridged tag byte, reserved byte 0 */
    tcg_lin_write(v, lin + 6, 2, f->fop);
    if (in->prefix & PFX_REXW) {
        tcg_lin_write(v, lin + 8, 8, f->fip);
        tcg_lin_write(v, lin + 16, 8, f->fdp);
    } else {
        tcg_lin_write(v, lin + 8, 4, (uint32_t)f->fip);
        tcg_lin_write(v, lin + 12, 4, f->fcs);
        tcg_lin_write(v, lin + 16, 4, (uint32_t)f->fdp);
        tcg_lin_write(v, lin + 20, 4, f->fds);
    }
    tcg_lin_write(v, lin + 24, 4, v->s.mxcsr);
    tcg_lin_write(v, lin + 28, 4, MXCSR_MASK);
    for (unsigned i = 0; i < 8; i++) {
        const mm_x86_fpreg *r = &f->st[(f->top + i) & 7];
        tcg_lin_write(v, lin + 32 + i * 16, 8, r->raw.mant);
        tcg_lin_write(v, lin + 40 + i * 16, 8, r->raw.exp);
    }
    for (unsigned i = 0; i < xmm_count(v); i++) {
        tcg_lin_write(v, lin + 160 + i * 16, 8, v->s.xmm[i].q[0]);
        tcg_lin_write(v, lin + 168 + i * 16, 8, v->s.xmm[i].q[1]);
    }
}

void tcg_fxrstor(tcg_vcpu *v, const tcg_insn *in)
{
    uint64_t lin = fxsave_base(v, in);
    uint32_t mxcsr = (uint32_t)tcg_lin_read(v, lin + 24, 4);
    if (mxcsr & ~MXCSR_MASK)
        tcg_raise_error(v, X86_EXC_GP, 0);
    mm_x86_fpu *f = &v->s.fpu;
    f->fcw = (uint16_t)tcg_lin_read(v, lin + 0, 2);
    uint16_t fsw = (uint16_t)tcg_lin_read(v, lin + 2, 2);
    f->top = (fsw >> 11) & 7;
    f->fsw = fsw & ~0x3800u;
    f->ftw = (uint8_t)tcg_lin_read(v, lin + 4, 1);
    f->fop = (uint16_t)tcg_lin_read(v, lin + 6, 2);
    f->fip = tcg_lin_read(v, lin + 8, 8);
    f->fdp = tcg_lin_read(v, lin + 16, 8);
    v->s.mxcsr = mxcsr;
    for (unsigned i = 0; i < 8; i++) {
        mm_x86_fpreg *r = &f->st[(f->top + i) & 7];
        r->raw.mant = tcg_lin_read(v, lin + 32 + i * 16, 8);
        r->raw.exp = (uint16_t)tcg_lin_read(v, lin + 40 + i * 16, 2);
    }
    for (unsigned i = 0; i < xmm_count(v); i++) {
        v->s.xmm[i].q[0] = tcg_lin_read(v, lin + 160 + i * 16, 8);
        v->s.xmm[i].q[1] = tcg_lin_read(v, lin + 168 + i * 16, 8);
    }
}

void tcg_ldmxcsr(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    uint32_t val = (uint32_t)rm_read(v, in, SZ32);
    if (val & ~MXCSR_MASK)
        tcg_raise_error(v, X86_EXC_GP, 0);
    v->s.mxcsr = val;
}

void tcg_stmxcsr(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_sse_check(v);
    rm_write(v, in, SZ32, v->s.mxcsr);
}

/* DB E3: FNINIT. */
void tcg_fninit(tcg_vcpu *v)
{
    mm_x86_fpu *f = &v->s.fpu;
    f->fcw = 0x037f;
    f->fsw = 0;
    f->top = 0;
    f->ftw = 0;
    f->fop = 0;
    f->fip = f->fdp = 0;
    f->fcs = f->fds = 0;
}

void op_fwait(tcg_vcpu *v, const tcg_insn *in)
{
    if ((v->s.cr0 & (X86_CR0_MP | X86_CR0_TS)) == (X86_CR0_MP | X86_CR0_TS))
        tcg_raise(v, X86_EXC_NM);
    /* A waiting instruction: a pending unmasked x87 exception is taken here. */
    x87_check_pending(v);
}
