/* MMX/SSE operand access and MXCSR bracketing (see sse.h). */
#include <immintrin.h>

#include "accel/tcg/sse.h"
#include "accel/tcg/fpu_helpers.h"
#include "accel/tcg/exceptions.h"

/* MMX instructions: #UD with CR0.EM (not #NM as for x87), #NM with CR0.TS,
 * and #MF for a pending unmasked x87 exception like any waiting x87 op. */
void mmx_enter(tcg_vcpu *v)
{
    if (v->s.cr0 & X86_CR0_EM)
        tcg_raise(v, X86_EXC_UD);
    tcg_fpu_check(v);
    x87_check_pending(v);
    v->s.fpu.top = 0;
    v->s.fpu.ftw = 0xff;
}

uint64_t mmx_get(tcg_vcpu *v, unsigned r)
{
    return v->s.fpu.st[r & 7].raw.mant;
}

void mmx_set(tcg_vcpu *v, unsigned r, uint64_t val)
{
    v->s.fpu.st[r & 7].raw.mant = val;
    v->s.fpu.st[r & 7].raw.exp = 0xffff;
}

void sse_load_rm(tcg_vcpu *v, const tcg_insn *in, mm_x86_xmm *out, unsigned bytes, bool aligned,
                 bool mmx)
{
    if (in->mod == 3) {
        if (mmx) {
            out->q[0] = mmx_get(v, in->rm);
            out->q[1] = 0;
        } else {
            *out = v->s.xmm[in->rm];
        }
        return;
    }
    uint64_t lin = rm_linear(v, in, bytes, ACC_READ);
    if (aligned && bytes == 16 && (lin & 15))
        tcg_raise_error(v, X86_EXC_GP, 0);
    out->q[0] = out->q[1] = 0;
    if (bytes >= 8) {
        out->q[0] = tcg_lin_read(v, lin, 8);
        if (bytes == 16)
            out->q[1] = tcg_lin_read(v, lin + 8, 8);
    } else {
        out->q[0] = tcg_lin_read(v, lin, bytes);
    }
}

void sse_store_rm(tcg_vcpu *v, const tcg_insn *in, const mm_x86_xmm *val, unsigned bytes,
                  bool aligned, bool mmx)
{
    if (in->mod == 3) {
        if (mmx)
            mmx_set(v, in->rm, val->q[0]);
        else
            v->s.xmm[in->rm] = *val;
        return;
    }
    uint64_t lin = rm_linear(v, in, bytes, ACC_WRITE);
    if (aligned && bytes == 16 && (lin & 15))
        tcg_raise_error(v, X86_EXC_GP, 0);
    if (bytes == 16) {
        /* Probe both halves first so a fault leaves memory untouched. */
        tcg_lin_write(v, lin + 8, 8, tcg_lin_read(v, lin + 8, 8));
        tcg_lin_write(v, lin, 8, val->q[0]);
        tcg_lin_write(v, lin + 8, 8, val->q[1]);
    } else {
        tcg_lin_write(v, lin, bytes, val->q[0]);
    }
}

/* The host thread's MXCSR control bits (rounding, DAZ/FTZ, masks), read
 * once: nothing in modemu changes them, and reading MXCSR (STMXCSR) costs
 * more than the arithmetic.  With it known, a guest instruction needs one
 * LDMXCSR (guest controls, flags cleared) and one STMXCSR (its flags), and
 * the host's controls are only reloaded when the guest's differ. */
static __thread uint32_t host_mxcsr_ctl;
static __thread bool host_mxcsr_known;

static uint32_t host_controls(void)
{
    if (!host_mxcsr_known) {
        host_mxcsr_ctl = _mm_getcsr() & ~0x3fu;
        host_mxcsr_known = true;
    }
    return host_mxcsr_ctl;
}

uint32_t sse_fp_begin(tcg_vcpu *v)
{
    host_controls();
    /* Guest rounding, DAZ, FTZ; every exception masked; flags cleared. */
    uint32_t guest = (v->s.mxcsr & 0xffc0) | 0x1f80;
    _mm_setcsr(guest);
    return guest;
}

/* guest: what sse_fp_begin loaded. */
void sse_fp_end(tcg_vcpu *v, uint32_t guest)
{
    uint32_t flags = _mm_getcsr() & 0x3f;
    if (guest != host_mxcsr_ctl)
        _mm_setcsr(host_mxcsr_ctl);   /* host flags are left as they are: unused */
    uint32_t unmasked = flags & ~(v->s.mxcsr >> 7) & 0x3f;
    if (unmasked) {
        v->s.mxcsr |= flags;
        if (v->s.cr4 & X86_CR4_OSXMMEXCPT)
            tcg_raise(v, X86_EXC_XM);
        tcg_raise(v, X86_EXC_UD);
    }
    v->s.mxcsr |= flags;
}
