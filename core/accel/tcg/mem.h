/*
 * Guest memory accesses of the software CPU.
 *
 * Fast path (inline): segment base and limit, then one software-TLB compare;
 * a hit is a host load or store with no call.  Everything else (TLB miss,
 * page walk, access crossing a page, MMIO, writes to pages holding decoded
 * code) goes to the out-of-line slow path in mem_slow.c, which may raise #PF,
 * #GP or #SS by longjmp.
 */
#ifndef MODEMU_TCG_MEM_H
#define MODEMU_TCG_MEM_H

#include <string.h>

#include "accel/tcg/tcg_vcpu.h"

#define TCG_PAGE_MASK (~0xfffull)

uint64_t tcg_lin_read_slow(tcg_vcpu *v, uint64_t lin, unsigned size, int acc);
void tcg_lin_write_slow(tcg_vcpu *v, uint64_t lin, unsigned size, uint64_t value);
/* Segment-limit failure (expand-down segments, real limits): checks and raises. */
void tcg_seg_check_slow(tcg_vcpu *v, unsigned seg, uint64_t ea, unsigned size, int acc);
/* Host pointer for a locked read-modify-write of `size` bytes, or NULL when the
 * operand is not plain RAM in one page (then the caller does it unlocked). */
void *tcg_lin_host_rmw(tcg_vcpu *v, uint64_t lin, unsigned size);

static inline uint64_t host_load(const void *p, unsigned size)
{
    switch (size) {
    case 1: return *(const uint8_t *)p;
    case 2: { uint16_t x; memcpy(&x, p, 2); return x; }
    case 4: { uint32_t x; memcpy(&x, p, 4); return x; }
    default: { uint64_t x; memcpy(&x, p, 8); return x; }
    }
}

static inline void host_store(void *p, unsigned size, uint64_t value)
{
    switch (size) {
    case 1: *(uint8_t *)p = (uint8_t)value; break;
    case 2: { uint16_t x = (uint16_t)value; memcpy(p, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)value; memcpy(p, &x, 4); break; }
    default: memcpy(p, &value, 8); break;
    }
}

static inline tcg_tlb_entry *tlb_entry(tcg_vcpu *v, uint64_t lin)
{
    return &v->tlb[v->mmu_idx][(lin >> 12) & (TCG_TLB_SIZE - 1)];
}

/* The entry's tag for an access kind (ACC_READ, ACC_WRITE, ACC_EXEC). */
static inline uint64_t tcg_tlb_tag(const tcg_tlb_entry *e, int acc)
{
    return acc == ACC_READ ? e->tag_read : acc == ACC_WRITE ? e->tag_write : e->tag_exec;
}

/* size in bytes: 1, 2, 4 or 8. */
static inline uint64_t tcg_lin_read(tcg_vcpu *v, uint64_t lin, unsigned size)
{
    tcg_tlb_entry *e = tlb_entry(v, lin);
    if (__builtin_expect(e->tag_read == (lin & TCG_PAGE_MASK) &&
                         (lin & 0xfff) <= 4096u - size, 1))
        return host_load((void *)(uintptr_t)(lin + e->addend), size);
    return tcg_lin_read_slow(v, lin, size, ACC_READ);
}

static inline void tcg_lin_write(tcg_vcpu *v, uint64_t lin, unsigned size, uint64_t value)
{
    tcg_tlb_entry *e = tlb_entry(v, lin);
    if (__builtin_expect(e->tag_write == (lin & TCG_PAGE_MASK) &&
                         (lin & 0xfff) <= 4096u - size, 1)) {
        host_store((void *)(uintptr_t)(lin + e->addend), size, value);
        return;
    }
    tcg_lin_write_slow(v, lin, size, value);
}

/* Effective address (already truncated to the address size) -> linear address. */
static inline uint64_t tcg_seg_linear(tcg_vcpu *v, unsigned seg, uint64_t ea, unsigned size,
                                      int acc)
{
    const mm_x86_segment *s = &v->s.seg[seg];
    if (v->code_size == SZ64)
        return seg >= X86_SEG_FS ? ea + s->base : ea;
    if (__builtin_expect(ea + size - 1 > s->limit || (s->flags & X86_DESC_E && !(s->flags & X86_DESC_CS)), 0))
        tcg_seg_check_slow(v, seg, ea, size, acc);
    return (uint32_t)(s->base + ea);
}

static inline uint64_t tcg_read(tcg_vcpu *v, unsigned seg, uint64_t ea, unsigned size)
{
    return tcg_lin_read(v, tcg_seg_linear(v, seg, ea, size, ACC_READ), size);
}

static inline void tcg_write(tcg_vcpu *v, unsigned seg, uint64_t ea, unsigned size,
                             uint64_t value)
{
    tcg_lin_write(v, tcg_seg_linear(v, seg, ea, size, ACC_WRITE), size, value);
}

/* Reads/writes of system structures (descriptor tables, TSS, IDT): supervisor
 * accesses regardless of CPL. */
uint64_t tcg_sys_read(tcg_vcpu *v, uint64_t lin, unsigned size);
void tcg_sys_write(tcg_vcpu *v, uint64_t lin, unsigned size, uint64_t value);

/* Linear -> physical translation through the page tables (no TLB fill); on a
 * fault raises #PF when `raise`, else returns false. */
bool tcg_translate(tcg_vcpu *v, uint64_t lin, int acc, bool user, uint64_t *phys,
                   bool raise);

/* TLB maintenance. */
void tcg_tlb_flush(tcg_vcpu *v);
void tcg_tlb_flush_page(tcg_vcpu *v, uint64_t lin);
/* Drops fast write entries that map the physical page (it now holds code). */
void tcg_tlb_protect_phys_page(tcg_vcpu *v, uint64_t phys_page);
/* Fills the TLB for lin (raising #PF/#GP on failure); returns the entry, or
 * NULL when the page is not RAM (MMIO: *phys tells where). */
tcg_tlb_entry *tcg_tlb_fill(tcg_vcpu *v, uint64_t lin, int acc, uint64_t *phys);

#endif
