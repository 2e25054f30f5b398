/*
 * Shared helpers of the MMX/SSE/SSE2 handlers: operand access for XMM and
 * MMX registers and memory, the mandatory-prefix selector, and running host
 * SSE arithmetic under the guest's MXCSR (rounding, DAZ/FTZ) with its
 * exception flags folded back (unmasked ones raise #XM).
 *
 * MMX registers are the mantissas of the x87 registers R0..R7; an MMX
 * instruction sets TOP to 0 and tags every register valid, EMMS empties them.
 */
#ifndef MODEMU_TCG_SSE_H
#define MODEMU_TCG_SSE_H

#include "accel/tcg/ops.h"

/* Mandatory prefix: none, 66, F3, F2. */
enum { PP_NONE, PP_66, PP_F3, PP_F2 };

static inline unsigned sse_prefix(const tcg_insn *in)
{
    if (in->prefix & PFX_REP)
        return PP_F3;
    if (in->prefix & PFX_REPNE)
        return PP_F2;
    if (in->prefix & PFX_OPSIZE)
        return PP_66;
    return PP_NONE;
}

/* Loads the r/m source: `bytes` from memory (16-byte loads checked for
 * alignment when `aligned`), or the whole XMM / MMX register. */
void sse_load_rm(tcg_vcpu *v, const tcg_insn *in, mm_x86_xmm *out, unsigned bytes, bool aligned,
                 bool mmx);
/* Stores `bytes` of value to the r/m destination (register or memory). */
void sse_store_rm(tcg_vcpu *v, const tcg_insn *in, const mm_x86_xmm *val, unsigned bytes,
                  bool aligned, bool mmx);
/* MMX register access (switches the x87 unit to MMX mode). */
void mmx_enter(tcg_vcpu *v);
uint64_t mmx_get(tcg_vcpu *v, unsigned r);
void mmx_set(tcg_vcpu *v, unsigned r, uint64_t val);

/* Host MXCSR bracket around host SSE arithmetic. */
uint32_t sse_fp_begin(tcg_vcpu *v);
/* Folds the raised flags into the guest MXCSR; raises #XM/#UD when one is
 * unmasked (the caller must not have written its result yet). */
void sse_fp_end(tcg_vcpu *v, uint32_t guest);

#endif
