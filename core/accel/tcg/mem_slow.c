/*
 * Slow paths of guest memory access: TLB misses, accesses that cross a page,
 * MMIO, ROM, writes to pages holding decoded code, segment limit faults.
 */
#include "accel/tcg/mem.h"
#include "accel/tcg/code_cache.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/debug_regs.h"

static uint64_t phys_read(tcg_vcpu *v, uint64_t phys, unsigned size)
{
    return v->mach->phys->mmio_read(v->mach->phys_opaque, phys, size);
}

/* Reads within one page. */
static uint64_t read_in_page(tcg_vcpu *v, uint64_t lin, unsigned size, int acc)
{
    uint64_t phys;
    tcg_tlb_entry *e = tcg_tlb_fill(v, lin, acc, &phys);
    if (acc == ACC_READ)
        tcg_debug_note_access(v, lin, size, false);
    if (e)
        return host_load((void *)(uintptr_t)(lin + e->addend), size);
    return phys_read(v, phys, size);
}

uint64_t tcg_lin_read_slow(tcg_vcpu *v, uint64_t lin, unsigned size, int acc)
{
    if ((lin & 0xfff) + size <= 4096)
        return read_in_page(v, lin, size, acc);
    uint64_t value = 0;
    for (unsigned i = 0; i < size; i++)
        value |= read_in_page(v, lin + i, 1, acc) << (8 * i);
    return value;
}

/* Writes within one page (already known to be permitted when probed). */
static void write_in_page(tcg_vcpu *v, uint64_t lin, unsigned size, uint64_t value)
{
    uint64_t phys;
    tcg_tlb_entry *e = tcg_tlb_fill(v, lin, ACC_WRITE, &phys);
    tcg_debug_note_access(v, lin, size, true);
    if (!e) {
        v->mach->phys->mmio_write(v->mach->phys_opaque, phys, size, value);
        return;
    }
    if (e->tag_write == (lin & TCG_PAGE_MASK)) {
        host_store((void *)(uintptr_t)(lin + e->addend), size, value);
        return;
    }
    bool writable;
    uint8_t *host = v->mach->phys->ram_page(v->mach->phys_opaque, e->phys_page, &writable);
    if (!writable)
        return;   /* ROM: the write is dropped, as on the board */
    host_store(host + (lin & 0xfff), size, value);
    /* The page holds decoded code: drop it (self-modifying code). */
    tcg_code_invalidate_phys(v->mach, (phys & TCG_PAGE_MASK) | (lin & 0xfff), size);
}

void tcg_lin_write_slow(tcg_vcpu *v, uint64_t lin, unsigned size, uint64_t value)
{
    if ((lin & 0xfff) + size <= 4096) {
        write_in_page(v, lin, size, value);
        return;
    }
    /* Both pages must be writable before any byte is written. */
    uint64_t phys;
    tcg_tlb_fill(v, lin, ACC_WRITE, &phys);
    tcg_tlb_fill(v, lin + size - 1, ACC_WRITE, &phys);
    for (unsigned i = 0; i < size; i++)
        write_in_page(v, lin + i, 1, value >> (8 * i));
}

void *tcg_lin_host_rmw(tcg_vcpu *v, uint64_t lin, unsigned size)
{
    if ((lin & 0xfff) + size > 4096 || (lin & (size - 1)))
        return NULL;
    tcg_tlb_entry *e = tlb_entry(v, lin);
    if (e->tag_write != (lin & TCG_PAGE_MASK)) {
        uint64_t phys;
        e = tcg_tlb_fill(v, lin, ACC_WRITE, &phys);
        if (!e || e->tag_write != (lin & TCG_PAGE_MASK))
            return NULL;
    }
    return (void *)(uintptr_t)(lin + e->addend);
}

void tcg_seg_check_slow(tcg_vcpu *v, unsigned seg, uint64_t ea, unsigned size, int acc)
{
    const mm_x86_segment *s = &v->s.seg[seg];
    uint64_t last = ea + size - 1;
    bool ok;
    if ((s->flags & X86_DESC_E) && !(s->flags & X86_DESC_CS)) {
        /* Expand-down: valid offsets are limit+1 .. 0xffff or 0xffffffff. */
        uint64_t upper = (s->flags & X86_DESC_B) ? 0xffffffffull : 0xffffull;
        ok = ea > s->limit && last <= upper;
    } else {
        ok = last <= s->limit;
    }
    if (!ok)
        tcg_raise_error(v, seg == X86_SEG_SS ? X86_EXC_SS : X86_EXC_GP, 0);
}

uint64_t tcg_sys_read(tcg_vcpu *v, uint64_t lin, unsigned size)
{
    uint8_t saved = v->mmu_idx;
    v->mmu_idx = TCG_MMU_KERNEL;
    uint64_t value = tcg_lin_read(v, lin, size);
    v->mmu_idx = saved;
    return value;
}

void tcg_sys_write(tcg_vcpu *v, uint64_t lin, unsigned size, uint64_t value)
{
    uint8_t saved = v->mmu_idx;
    v->mmu_idx = TCG_MMU_KERNEL;
    tcg_lin_write(v, lin, size, value);
    v->mmu_idx = saved;
}
