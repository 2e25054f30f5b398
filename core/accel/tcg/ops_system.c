/*
 * System instructions: MOV to/from control and debug registers, LGDT/LIDT/
 * SGDT/SIDT, LLDT/SLDT/LTR/STR, SMSW/LMSW, CLTS, INVLPG, INVD/WBINVD,
 * RDMSR/WRMSR, SWAPGS, MOV Sreg, LDS/LES/LSS/LFS/LGS, LAR/LSL/VERR/VERW.
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/msr.h"
#include "accel/tcg/segmentation.h"
#include "cpu/apic.h"

static void require_cpl0(tcg_vcpu *v)
{
    if (mm_x86_cpl(&v->s) != 0)
        tcg_raise_error(v, X86_EXC_GP, 0);
}

/* Control-register changes that affect mode; `translation` when they
 * change how linear addresses translate (the TLB goes).  Linux toggles
 * CR4.PGE to flush and writes CR0/CR4 for other bits too often to flush
 * on every write. */
static void cpu_mode_changed(tcg_vcpu *v, bool translation)
{
    if (translation)
        tcg_tlb_flush(v);
    tcg_update_mode(v);
    v->exit_block = true;
}

void tcg_write_cr0(tcg_vcpu *v, uint64_t val)
{
    val |= X86_CR0_ET;
    if ((val >> 32) || ((val & X86_CR0_PG) && !(val & X86_CR0_PE)) ||
        ((val & X86_CR0_NW) && !(val & X86_CR0_CD)))
        tcg_raise_error(v, X86_EXC_GP, 0);
    bool pg_on = (val & X86_CR0_PG) && !(v->s.cr0 & X86_CR0_PG);
    bool pg_off = !(val & X86_CR0_PG) && (v->s.cr0 & X86_CR0_PG);
    if (pg_on && (v->s.efer & X86_EFER_LME)) {
        if (!(v->s.cr4 & X86_CR4_PAE))
            tcg_raise_error(v, X86_EXC_GP, 0);
        v->s.efer |= X86_EFER_LMA;
    }
    if (pg_off && (v->s.efer & X86_EFER_LMA)) {
        if (v->code_size == SZ64)
            tcg_raise_error(v, X86_EXC_GP, 0);
        v->s.efer &= ~(uint64_t)X86_EFER_LMA;
    }
    bool translation = (v->s.cr0 ^ val) & (X86_CR0_PG | X86_CR0_WP | X86_CR0_PE);
    v->s.cr0 = val;
    cpu_mode_changed(v, translation);
}

static void write_cr4(tcg_vcpu *v, uint64_t val)
{
    uint64_t supported = X86_CR4_VME | X86_CR4_PVI | X86_CR4_TSD | X86_CR4_DE | X86_CR4_PSE |
                         X86_CR4_PAE | X86_CR4_MCE | X86_CR4_PGE | X86_CR4_PCE |
                         X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
    if ((val & ~supported) || ((v->s.efer & X86_EFER_LMA) && !(val & X86_CR4_PAE)))
        tcg_raise_error(v, X86_EXC_GP, 0);
    bool translation = (v->s.cr4 ^ val) & (X86_CR4_PSE | X86_CR4_PAE | X86_CR4_PGE);
    v->s.cr4 = val;
    cpu_mode_changed(v, translation);
}

/* 0F 20 / 0F 22: the ModRM r/m is always a register, mod is ignored. */
void op_mov_from_cr(tcg_vcpu *v, const tcg_insn *in)
{
    require_cpl0(v);
    uint64_t val;
    switch (in->reg) {
    case 0: val = v->s.cr0; break;
    case 2: val = v->s.cr2; break;
    case 3: val = v->s.cr3; break;
    case 4: val = v->s.cr4; break;
    case 8: val = v->s.apic ? mm_apic_get_cr8(v->s.apic) : v->cr8; break;
    default: tcg_raise(v, X86_EXC_UD);
    }
    gpr_write(v, in->rm, v->code_size == SZ64 ? SZ64 : SZ32, val);
}

void op_mov_to_cr(tcg_vcpu *v, const tcg_insn *in)
{
    require_cpl0(v);
    uint64_t val = v->s.regs[in->rm];
    if (v->code_size != SZ64)
        val = (uint32_t)val;
    switch (in->reg) {
    case 0: tcg_write_cr0(v, val); break;
    case 2: v->s.cr2 = val; break;
    case 3:
        v->s.cr3 = val;
        cpu_mode_changed(v, true);
        break;
    case 4: write_cr4(v, val); break;
    case 8:
        if (val >> 4)
            tcg_raise_error(v, X86_EXC_GP, 0);
        v->cr8 = val;
        if (v->s.apic)
            mm_apic_set_cr8(v->s.apic, val);
        v->exit_block = true;
        break;
    default: tcg_raise(v, X86_EXC_UD);
    }
}

void op_mov_from_dr(tcg_vcpu *v, const tcg_insn *in)
{
    require_cpl0(v);
    unsigned r = in->reg & 7;
    if (r == 4 || r == 5)
        r += 2;   /* DR4/DR5 alias DR6/DR7 without CR4.DE */
    gpr_write(v, in->rm, v->code_size == SZ64 ? SZ64 : SZ32, v->s.dr[r]);
}

void op_mov_to_dr(tcg_vcpu *v, const tcg_insn *in)
{
    require_cpl0(v);
    unsigned r = in->reg & 7;
    if (r == 4 || r == 5)
        r += 2;
    /* Breakpoints fire while the run loop steps (debug_regs.h); pages
     * with data breakpoints lose their fast TLB tags. */
    v->s.dr[r] = v->s.regs[in->rm];
    if (r != 6)
        tcg_tlb_flush(v);
    v->exit_block = true;
}

void op_clts(tcg_vcpu *v, const tcg_insn *in)
{
    require_cpl0(v);
    v->s.cr0 &= ~(uint64_t)X86_CR0_TS;
}

void op_invd(tcg_vcpu *v, const tcg_insn *in)
{
    require_cpl0(v);
}

void op_rdmsr(tcg_vcpu *v, const tcg_insn *in)
{
    require_cpl0(v);
    uint64_t val;
    if (!tcg_msr_read(v, (uint32_t)v->s.regs[X86_R_CX], &val))
        tcg_raise_error(v, X86_EXC_GP, 0);
    v->s.regs[X86_R_AX] = (uint32_t)val;
    v->s.regs[X86_R_DX] = val >> 32;
}

void op_wrmsr(tcg_vcpu *v, const tcg_insn *in)
{
    require_cpl0(v);
    uint64_t val = (uint32_t)v->s.regs[X86_R_AX] | (v->s.regs[X86_R_DX] << 32);
    if (!tcg_msr_write(v, (uint32_t)v->s.regs[X86_R_CX], val))
        tcg_raise_error(v, X86_EXC_GP, 0);
    v->exit_block = true;
}

/* Descriptor-table register stores and loads (0F 01 /0-/3). */
static void store_dtable(tcg_vcpu *v, const tcg_insn *in, const mm_x86_dtable *t)
{
    uint64_t ea = tcg_ea(v, in);
    tcg_write(v, in->seg, ea, 2, t->limit);
    unsigned base_bytes = v->code_size == SZ64 ? 8 : 4;
    uint64_t base = t->base;
    if (in->opsize == SZ16 && v->code_size != SZ64)
        base &= 0xffffff;
    tcg_write(v, in->seg, (ea + 2) & addr_mask(in->adsize), base_bytes, base);
}

static void load_dtable(tcg_vcpu *v, const tcg_insn *in, mm_x86_dtable *t)
{
    require_cpl0(v);
    uint64_t ea = tcg_ea(v, in);
    uint16_t limit = (uint16_t)tcg_read(v, in->seg, ea, 2);
    uint64_t base = tcg_read(v, in->seg, (ea + 2) & addr_mask(in->adsize),
                             v->code_size == SZ64 ? 8 : 4);
    if (v->code_size != SZ64 && in->opsize == SZ16)
        base &= 0xffffff;
    t->limit = limit;
    t->base = base;
}

static void swapgs(tcg_vcpu *v)
{
    if (v->code_size != SZ64)
        tcg_raise(v, X86_EXC_UD);
    require_cpl0(v);
    uint64_t tmp = v->s.seg[X86_SEG_GS].base;
    v->s.seg[X86_SEG_GS].base = v->s.msr.kernel_gs_base;
    v->s.msr.kernel_gs_base = tmp;
}

void op_group7(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned op = in->reg & 7;
    if (in->mod == 3) {
        unsigned rm = in->rm & 7;
        if (op == 7 && rm == 0) {
            swapgs(v);
            return;
        }
        if (op == 7 && rm == 1) {
            op_rdtscp(v);
            return;
        }
        if (op == 4) {   /* SMSW r */
            gpr_write(v, in->rm, in->opsize, v->s.cr0 & size_mask(in->opsize));
            return;
        }
        if (op == 6) {
            tcg_lmsw(v, (uint16_t)v->s.regs[in->rm]);
            return;
        }
        tcg_raise(v, X86_EXC_UD);   /* MONITOR/MWAIT, VMX/SVM, XGETBV: not advertised */
    }
    switch (op) {
    case 0: store_dtable(v, in, &v->s.gdtr); break;
    case 1: store_dtable(v, in, &v->s.idtr); break;
    case 2: load_dtable(v, in, &v->s.gdtr); break;
    case 3: load_dtable(v, in, &v->s.idtr); break;
    case 4: tcg_write(v, in->seg, tcg_ea(v, in), 2, v->s.cr0); break;
    case 6: tcg_lmsw(v, (uint16_t)rm_read(v, in, SZ16)); break;
    case 7:
        require_cpl0(v);
        tcg_tlb_flush_page(v, rm_linear(v, in, 1, ACC_READ));
        v->exit_block = true;
        break;
    default: tcg_raise(v, X86_EXC_UD);
    }
}

/* LMSW: loads PE, MP, EM, TS; cannot clear PE. */
void tcg_lmsw(tcg_vcpu *v, uint16_t msw)
{
    require_cpl0(v);
    uint64_t cr0 = (v->s.cr0 & ~0xeull) | (msw & 0xf) | (v->s.cr0 & X86_CR0_PE);
    tcg_write_cr0(v, cr0);
}

/* LLDT / LTR: LDTR or TR from the GDT (a null LDT selector clears LDTR). */
static void lldt_ltr(tcg_vcpu *v, uint16_t sel, bool tss)
{
    require_cpl0(v);
    mm_x86_segment *dst = tss ? &v->s.tr : &v->s.ldtr;
    if ((sel & ~3u) == 0) {
        if (tss)
            tcg_raise_error(v, X86_EXC_GP, 0);
        *dst = (mm_x86_segment){ .selector = sel };
        return;
    }
    unsigned types = tss ? (1u << X86_SYS_TSS_AVAIL) | (1u << X86_SYS_TSS16_AVAIL)
                         : 1u << X86_SYS_LDT;
    uint32_t hi = tcg_load_system_segment(v, dst, sel, types, X86_EXC_GP);
    if (tss) {
        /* Mark the TSS busy in the descriptor and the cache. */
        hi |= X86_DESC_TSS_BUSY;
        tcg_sys_write(v, v->s.gdtr.base + (sel & ~7u) + 4, 4, hi);
        dst->flags |= X86_DESC_TSS_BUSY;
    }
}

void op_group6(tcg_vcpu *v, const tcg_insn *in)
{
    if (!(v->s.cr0 & X86_CR0_PE) || (v->s.rflags & X86_FLAG_VM))
        tcg_raise(v, X86_EXC_UD);
    switch (in->reg & 7) {
    case 0: rm_write(v, in, in->mod == 3 ? in->opsize : SZ16, v->s.ldtr.selector); break;
    case 1: rm_write(v, in, in->mod == 3 ? in->opsize : SZ16, v->s.tr.selector); break;
    case 2: lldt_ltr(v, (uint16_t)rm_read(v, in, SZ16), false); break;
    case 3: lldt_ltr(v, (uint16_t)rm_read(v, in, SZ16), true); break;
    case 4: case 5: tcg_verr_verw(v, (uint16_t)rm_read(v, in, SZ16), (in->reg & 7) == 5); break;
    default: tcg_raise(v, X86_EXC_UD);
    }
}

/* Whether a selector's descriptor passes the LAR/LSL/VERR/VERW visibility
 * rules; fills lo/hi.  Never faults on a bad selector (ZF=0 instead). */
static bool probe_descriptor(tcg_vcpu *v, uint16_t sel, uint32_t *lo, uint32_t *hi)
{
    if ((sel & ~3u) == 0)
        return false;
    uint64_t base = (sel & 4) ? v->s.ldtr.base : v->s.gdtr.base;
    uint32_t limit = (sel & 4) ? v->s.ldtr.limit : v->s.gdtr.limit;
    if ((uint32_t)(sel & ~7u) + 7 > limit)
        return false;
    *lo = (uint32_t)tcg_sys_read(v, base + (sel & ~7u), 4);
    *hi = (uint32_t)tcg_sys_read(v, base + (sel & ~7u) + 4, 4);
    unsigned dpl = (*hi >> X86_DESC_DPL_SHIFT) & 3;
    bool conforming = (*hi & X86_DESC_S) && (*hi & X86_DESC_CS) && (*hi & X86_DESC_C);
    return conforming || (dpl >= mm_x86_cpl(&v->s) && dpl >= (sel & 3u));
}

static void set_zf(tcg_vcpu *v, bool zf)
{
    uint64_t f = cc_compute(v) & ~(uint64_t)X86_FLAG_ZF;
    cc_set_eflags(v, f | (zf ? X86_FLAG_ZF : 0));
}

void tcg_verr_verw(tcg_vcpu *v, uint16_t sel, bool write)
{
    uint32_t lo, hi;
    bool ok = probe_descriptor(v, sel, &lo, &hi) && (hi & X86_DESC_S);
    if (ok)
        ok = write ? !(hi & X86_DESC_CS) && (hi & X86_DESC_W)
                   : !(hi & X86_DESC_CS) || (hi & X86_DESC_R);
    set_zf(v, ok);
}

/* 0F 02 / 0F 03: LAR and LSL. */
void op_lar_lsl(tcg_vcpu *v, const tcg_insn *in)
{
    if (!(v->s.cr0 & X86_CR0_PE) || (v->s.rflags & X86_FLAG_VM))
        tcg_raise(v, X86_EXC_UD);
    uint16_t sel = (uint16_t)rm_read(v, in, SZ16);
    uint32_t lo, hi;
    bool ok = probe_descriptor(v, sel, &lo, &hi);
    if (ok && !(hi & X86_DESC_S)) {
        static const uint16_t lar_types = (1u << 1) | (1u << 2) | (1u << 3) | (1u << 4) |
                                          (1u << 5) | (1u << 9) | (1u << 11) | (1u << 12);
        static const uint16_t lsl_types = (1u << 1) | (1u << 2) | (1u << 3) | (1u << 9) |
                                          (1u << 11);
        ok = ((in->opcode == 0x102 ? lar_types : lsl_types) >> ((hi >> 8) & 0xf)) & 1;
    }
    set_zf(v, ok);
    if (!ok)
        return;
    if (in->opcode == 0x102) {
        reg_write(v, in->reg, in->opsize, hi & 0x00f0ff00, in);
    } else {
        mm_x86_segment s;
        tcg_seg_from_descriptor(&s, sel, lo, hi);
        reg_write(v, in->reg, in->opsize, s.limit, in);
    }
}

/* 8C: MOV r/m, Sreg. */
void op_mov_from_sreg(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned seg = in->reg & 7;
    if (seg >= X86_SEG_COUNT)
        tcg_raise(v, X86_EXC_UD);
    rm_write(v, in, in->mod == 3 ? in->opsize : SZ16, v->s.seg[seg].selector);
}

/* 8E: MOV Sreg, r/m (not CS). */
void op_mov_to_sreg(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned seg = in->reg & 7;
    if (seg >= X86_SEG_COUNT || seg == X86_SEG_CS)
        tcg_raise(v, X86_EXC_UD);
    tcg_load_segment(v, seg, (uint16_t)rm_read(v, in, SZ16));
    if (seg == X86_SEG_SS) {
        v->irq_shadow_rip = v->s.rip;
        v->exit_block = true;
    }
}

/* C4/C5/0F B2/B4/B5: LES, LDS, LSS, LFS, LGS (segment number in sub). */
void op_load_far_pointer(tcg_vcpu *v, const tcg_insn *in)
{
    if (in->mod == 3)
        tcg_raise(v, X86_EXC_UD);
    unsigned bytes = 1u << in->opsize;
    uint64_t ea = tcg_ea(v, in);
    uint64_t off = tcg_read(v, in->seg, ea, bytes);
    uint16_t sel = (uint16_t)tcg_read(v, in->seg, (ea + bytes) & addr_mask(in->adsize), 2);
    tcg_load_segment(v, in->sub, sel);
    reg_write(v, in->reg, in->opsize, off, in);
}
