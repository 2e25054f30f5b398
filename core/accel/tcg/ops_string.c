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
/* REP MOVS/STOS over RAM move whole pages at a time, up to this many bytes
 * per execution, so interrupts still get in between. */
#define STRING_BULK_BYTES 65536

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

static uint64_t min_u64(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

/* Linear address of [ea, ea + len) in segment seg when the whole range
 * passes the segment checks without wrapping; false sends the caller to the
 * one-element path, which raises whatever fault applies. */
static bool string_range_linear(tcg_vcpu *v, unsigned seg, uint64_t ea, uint64_t len,
                                uint64_t *lin)
{
    const mm_x86_segment *s = &v->s.seg[seg];
    if (v->code_size == SZ64) {
        *lin = seg >= X86_SEG_FS ? ea + s->base : ea;
        return true;
    }
    bool expand_down = (s->flags & X86_DESC_E) && !(s->flags & X86_DESC_CS);
    if (expand_down || ea + len - 1 > s->limit || s->base + ea + len > 0x100000000ull)
        return false;
    *lin = s->base + ea;
    return true;
}

/* Host pointer of [lin, lin + len) (one page) if it is plain RAM for the
 * access, filling the TLB on a miss (which may raise #PF, as the first
 * element would); NULL for MMIO, ROM writes and pages holding code.  The
 * pointer stays valid after another fill evicts the entry, so source and
 * destination 4 MiB apart (same TLB index) still move a page at a time. */
static uint8_t *string_host(tcg_vcpu *v, uint64_t lin, uint64_t len, int acc)
{
    uint64_t page = lin & TCG_PAGE_MASK;
    tcg_tlb_entry *e = tlb_entry(v, lin);
    if (tcg_tlb_tag(e, acc) != page) {
        uint64_t phys;
        e = tcg_tlb_fill(v, lin, acc, &phys);
        if (!e || tcg_tlb_tag(e, acc) != page)
            return NULL;
    }
    return (uint8_t *)(uintptr_t)(lin + e->addend);
}

/* REP MOVS/STOS forward (DF=0) with host memory operations: as many whole
 * elements as fit in the current source and destination pages.  Returns
 * the elements done; 0 leaves the iteration to string_step (MMIO, code
 * pages, an element straddling a page, segment or address wrap). */
static uint64_t string_bulk(tcg_vcpu *v, const tcg_insn *in, str_kind kind, uint64_t count)
{
    unsigned bytes = 1u << in->opsize, asz = in->adsize;
    uint64_t m = addr_mask(asz);
    uint64_t di = v->s.regs[X86_R_DI] & m, si = v->s.regs[X86_R_SI] & m;
    uint64_t dlin, slin = 0;
    if (asz == SZ16 || !string_range_linear(v, X86_SEG_ES, di, bytes, &dlin))
        return 0;
    uint64_t n = (4096 - (dlin & 0xfff)) / bytes;
    if (kind == STR_MOVS) {
        if (!string_range_linear(v, in->seg, si, bytes, &slin))
            return 0;
        n = min_u64(n, (4096 - (slin & 0xfff)) / bytes);
    }
    n = min_u64(n, count);
    uint64_t len = n * bytes;
    /* The whole range must pass the segment checks and not wrap the index. */
    if (n == 0 || di + len - 1 > m || !string_range_linear(v, X86_SEG_ES, di, len, &dlin))
        return 0;
    if (kind == STR_MOVS &&
        (si + len - 1 > m || !string_range_linear(v, in->seg, si, len, &slin)))
        return 0;
    /* The source is read before the destination is written, as by the CPU. */
    const uint8_t *src = kind == STR_MOVS ? string_host(v, slin, len, ACC_READ) : NULL;
    if (kind == STR_MOVS && !src)
        return 0;
    uint8_t *dst = string_host(v, dlin, len, ACC_WRITE);
    if (!dst)
        return 0;
    if (kind == STR_STOS) {
        uint64_t value = v->s.regs[X86_R_AX];
        if (bytes == 1)
            memset(dst, (int)(value & 0xff), len);
        else
            for (uint64_t i = 0; i < n; i++)
                host_store(dst + i * bytes, bytes, value);
    } else {
        if (dst > src && dst < src + len) {
            /* Overlap with the destination ahead: element by element, as
             * the CPU does (a repeating pattern, not memmove). */
            for (uint64_t i = 0; i < n; i++)
                host_store(dst + i * bytes, bytes, host_load(src + i * bytes, bytes));
        } else {
            memmove(dst, src, len);
        }
        advance(v, X86_R_SI, asz, (int64_t)len);
    }
    advance(v, X86_R_DI, asz, (int64_t)len);
    return n;
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
    bool bulk = !tcg_trace_enabled && delta > 0 && (kind == STR_MOVS || kind == STR_STOS);
    uint64_t bulk_bytes = 0;
    for (unsigned n = 0; n < chunk && bulk_bytes < STRING_BULK_BYTES; n++) {
        uint64_t count = v->s.regs[X86_R_CX] & addr_mask(asz);
        if (count == 0)
            return;
        uint64_t done = bulk ? string_bulk(v, in, kind, count) : 0;
        if (done) {
            advance(v, X86_R_CX, asz, -(int64_t)done);
            bulk_bytes += done << in->opsize;
            continue;
        }
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
