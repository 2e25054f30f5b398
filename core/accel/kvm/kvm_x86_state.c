/*
 * Conversions between the shared x86 vCPU state (core/cpu/x86_cpu.h) and
 * KVM's register structures, so that reset values and boot states are
 * defined once, for both accelerators.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>

#include "accel/kvm/kvm_x86_state.h"
#include "cpu/x86_msr.h"

static struct kvm_segment seg_to_kvm(const mm_x86_segment *s)
{
    struct kvm_segment k = {
        .base = s->base,
        .limit = s->limit,
        .selector = s->selector,
        .type = (s->flags & X86_DESC_TYPE_MASK) >> X86_DESC_TYPE_SHIFT,
        .present = !!(s->flags & X86_DESC_P),
        .dpl = (s->flags & X86_DESC_DPL_MASK) >> X86_DESC_DPL_SHIFT,
        .db = !!(s->flags & X86_DESC_B),
        .s = !!(s->flags & X86_DESC_S),
        .l = !!(s->flags & X86_DESC_L),
        .g = !!(s->flags & X86_DESC_G),
        .avl = !!(s->flags & X86_DESC_AVL),
    };
    /* VMX wants a not-present segment marked unusable (a null selector). */
    k.unusable = !k.present;
    return k;
}

static mm_x86_segment seg_from_kvm(const struct kvm_segment *k)
{
    mm_x86_segment s = {
        .selector = k->selector,
        .base = k->base,
        .limit = k->limit,
        .flags = ((uint32_t)k->type << X86_DESC_TYPE_SHIFT) | ((uint32_t)k->dpl << X86_DESC_DPL_SHIFT),
    };
    if (k->s)
        s.flags |= X86_DESC_S;
    if (k->present && !k->unusable)
        s.flags |= X86_DESC_P;
    if (k->db)
        s.flags |= X86_DESC_B;
    if (k->l)
        s.flags |= X86_DESC_L;
    if (k->g)
        s.flags |= X86_DESC_G;
    if (k->avl)
        s.flags |= X86_DESC_AVL;
    return s;
}

/* kvm_regs lists the GPRs in a different order than the encoding does. */
static __u64 *kvm_gpr(struct kvm_regs *r, unsigned index)
{
    __u64 *map[16] = {
        &r->rax, &r->rcx, &r->rdx, &r->rbx, &r->rsp, &r->rbp, &r->rsi, &r->rdi,
        &r->r8, &r->r9, &r->r10, &r->r11, &r->r12, &r->r13, &r->r14, &r->r15,
    };
    return map[index];
}

void kvm_x86_regs_from_cpu(const mm_x86_cpu *c, struct kvm_regs *r)
{
    memset(r, 0, sizeof(*r));
    for (unsigned i = 0; i < 16; i++)
        *kvm_gpr(r, i) = c->regs[i];
    r->rip = c->rip;
    r->rflags = c->rflags;
}

void kvm_x86_regs_to_cpu(struct kvm_regs *r, mm_x86_cpu *c)
{
    for (unsigned i = 0; i < 16; i++)
        c->regs[i] = *kvm_gpr(r, i);
    c->rip = r->rip;
    c->rflags = r->rflags;
}

/* Segment registers in kvm_sregs, indexed like X86_SEG_*. */
static struct kvm_segment *kvm_sreg_seg(struct kvm_sregs *s, unsigned index)
{
    struct kvm_segment *map[X86_SEG_COUNT] = {
        [X86_SEG_ES] = &s->es, [X86_SEG_CS] = &s->cs, [X86_SEG_SS] = &s->ss,
        [X86_SEG_DS] = &s->ds, [X86_SEG_FS] = &s->fs, [X86_SEG_GS] = &s->gs,
    };
    return map[index];
}

void kvm_x86_sregs_from_cpu(const mm_x86_cpu *c, struct kvm_sregs *s)
{
    memset(s, 0, sizeof(*s));
    for (unsigned i = 0; i < X86_SEG_COUNT; i++)
        *kvm_sreg_seg(s, i) = seg_to_kvm(&c->seg[i]);
    s->ldt = seg_to_kvm(&c->ldtr);
    s->tr = seg_to_kvm(&c->tr);
    /* CS is always usable, even with a zero attribute byte in real mode. */
    s->cs.unusable = 0;
    s->tr.unusable = 0;
    s->gdt.base = c->gdtr.base;
    s->gdt.limit = c->gdtr.limit;
    s->idt.base = c->idtr.base;
    s->idt.limit = c->idtr.limit;
    s->cr0 = c->cr0;
    s->cr2 = c->cr2;
    s->cr3 = c->cr3;
    s->cr4 = c->cr4;
    s->efer = c->efer;
    s->apic_base = c->msr.apic_base;
}

void kvm_x86_sregs_to_cpu(struct kvm_sregs *s, mm_x86_cpu *c)
{
    for (unsigned i = 0; i < X86_SEG_COUNT; i++)
        c->seg[i] = seg_from_kvm(kvm_sreg_seg(s, i));
    c->ldtr = seg_from_kvm(&s->ldt);
    c->tr = seg_from_kvm(&s->tr);
    c->gdtr = (mm_x86_dtable){ s->gdt.base, s->gdt.limit };
    c->idtr = (mm_x86_dtable){ s->idt.base, s->idt.limit };
    c->cr0 = s->cr0;
    c->cr2 = s->cr2;
    c->cr3 = s->cr3;
    c->cr4 = s->cr4;
    c->efer = s->efer;
    c->msr.apic_base = s->apic_base;
}

/* FXSAVE layout: x87 registers in stack order ST0..ST7, 16 bytes apart. */
void kvm_x86_fpu_from_cpu(const mm_x86_cpu *c, struct kvm_fpu *f)
{
    memset(f, 0, sizeof(*f));
    f->fcw = c->fpu.fcw;
    f->fsw = (uint16_t)((c->fpu.fsw & ~0x3800u) | ((c->fpu.top & 7u) << 11));
    f->ftwx = c->fpu.ftw;
    f->last_opcode = c->fpu.fop;
    f->last_ip = c->fpu.fip;
    f->last_dp = c->fpu.fdp;
    for (unsigned i = 0; i < 8; i++)
        memcpy(f->fpr[i], &c->fpu.st[(c->fpu.top + i) & 7], 10);
    for (unsigned i = 0; i < 16; i++)
        memcpy(f->xmm[i], c->xmm[i].b, 16);
    f->mxcsr = c->mxcsr;
}

static void msr_add(struct kvm_msrs *m, uint32_t index, uint64_t value)
{
    m->entries[m->nmsrs].index = index;
    m->entries[m->nmsrs].reserved = 0;
    m->entries[m->nmsrs].data = value;
    m->nmsrs++;
}

/* The MSRs of mm_x86_msrs that KVM keeps per vCPU. */
struct kvm_msrs *kvm_x86_msrs_from_cpu(const mm_x86_cpu *c)
{
    struct kvm_msrs *m = g_malloc0(sizeof(*m) + 32 * sizeof(struct kvm_msr_entry));
    const mm_x86_msrs *s = &c->msr;
    msr_add(m, X86_MSR_SYSENTER_CS, s->sysenter_cs);
    msr_add(m, X86_MSR_SYSENTER_ESP, s->sysenter_esp);
    msr_add(m, X86_MSR_SYSENTER_EIP, s->sysenter_eip);
    msr_add(m, X86_MSR_STAR, s->star);
    msr_add(m, X86_MSR_LSTAR, s->lstar);
    msr_add(m, X86_MSR_CSTAR, s->cstar);
    msr_add(m, X86_MSR_SFMASK, s->sfmask);
    msr_add(m, X86_MSR_KERNEL_GS_BASE, s->kernel_gs_base);
    msr_add(m, X86_MSR_PAT, s->pat);
    msr_add(m, X86_MSR_MISC_ENABLE, s->misc_enable);
    msr_add(m, X86_MSR_MTRR_DEF_TYPE, s->mtrr_def_type);
    msr_add(m, X86_MSR_TSC, 0);
    msr_add(m, X86_MSR_TSC_AUX, s->tsc_aux);
    return m;
}

/*
 * KVM_SET_MSRS stops at the first MSR the vCPU refuses (one its CPUID does
 * not advertise, such as TSC_AUX without rdtscp) and returns how many it set:
 * skip the refused one and go on with the rest.
 */
unsigned kvm_x86_set_msrs(int vcpu_fd, struct kvm_msrs *m)
{
    unsigned done = 0, refused = 0, total = m->nmsrs;
    while (done + refused < total) {
        struct kvm_msrs *rest = g_malloc0(sizeof(*rest) +
                                          (total - done - refused) * sizeof(rest->entries[0]));
        rest->nmsrs = total - done - refused;
        memcpy(rest->entries, &m->entries[done + refused], rest->nmsrs * sizeof(rest->entries[0]));
        int n = ioctl(vcpu_fd, KVM_SET_MSRS, rest);
        g_free(rest);
        if (n < 0)
            break;
        done += (unsigned)n;
        if (done + refused < total)
            refused++;
    }
    return refused;
}
