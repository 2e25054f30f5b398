/*
 * The software TLB: linear page -> host pointer for RAM, with separate tags
 * for read, write and execute so one compare on the fast path also checks
 * the permission.  One set per privilege (kernel/user), so CPL changes need
 * no flush.  Pages holding decoded code get no fast write entry: their
 * writes go through the slow path, which invalidates the decoded code.
 */
#include <string.h>

#include "accel/tcg/mem.h"
#include "accel/tcg/code_cache.h"
#include "accel/tcg/exceptions.h"

static void tlb_entry_clear(tcg_tlb_entry *e)
{
    e->tag_read = e->tag_write = e->tag_exec = TCG_TLB_INVALID;
}

void tcg_tlb_flush(tcg_vcpu *v)
{
    for (unsigned m = 0; m < TCG_MMU_COUNT; m++)
        for (unsigned i = 0; i < TCG_TLB_SIZE; i++)
            tlb_entry_clear(&v->tlb[m][i]);
    /* The jump cache is keyed by linear address: its mapping may have changed. */
    memset(v->jump_cache, 0, sizeof(v->jump_cache));
}

void tcg_tlb_flush_page(tcg_vcpu *v, uint64_t lin)
{
    uint64_t page = lin & TCG_PAGE_MASK;
    for (unsigned m = 0; m < TCG_MMU_COUNT; m++) {
        tcg_tlb_entry *e = &v->tlb[m][(lin >> 12) & (TCG_TLB_SIZE - 1)];
        if (e->tag_read == page || e->tag_write == page || e->tag_exec == page)
            tlb_entry_clear(e);
    }
    memset(v->jump_cache, 0, sizeof(v->jump_cache));
}

void tcg_tlb_protect_phys_page(tcg_vcpu *v, uint64_t phys_page)
{
    for (unsigned m = 0; m < TCG_MMU_COUNT; m++)
        for (unsigned i = 0; i < TCG_TLB_SIZE; i++)
            if (v->tlb[m][i].phys_page == phys_page)
                v->tlb[m][i].tag_write = TCG_TLB_INVALID;
}

static bool canonical(uint64_t lin)
{
    return (uint64_t)((int64_t)(lin << 16) >> 16) == lin;
}

tcg_tlb_entry *tcg_tlb_fill(tcg_vcpu *v, uint64_t lin, int acc, uint64_t *phys)
{
    if (v->s.efer & X86_EFER_LMA && !canonical(lin))
        tcg_raise_error(v, X86_EXC_GP, 0);
    bool user = v->mmu_idx == TCG_MMU_USER;
    tcg_translate(v, lin, acc, user, phys, true);
    uint64_t phys_page = *phys & TCG_PAGE_MASK;
    bool writable;
    uint8_t *host = v->mach->phys->ram_page(v->mach->phys_opaque, phys_page, &writable);
    if (!host)
        return NULL;
    tcg_tlb_entry *e = tlb_entry(v, lin);
    uint64_t page = lin & TCG_PAGE_MASK;
    /* A different page evicts the entry; the same page adds permissions. */
    if (e->phys_page != phys_page || (e->tag_read != page && e->tag_write != page &&
                                      e->tag_exec != page))
        tlb_entry_clear(e);
    e->phys_page = phys_page;
    e->addend = (uintptr_t)host - page;
    /* Any permitted access implies read permission on x86.  Write entries
     * are only made by write fills, after the walk set the dirty bit. */
    e->tag_read = page;
    if (acc == ACC_EXEC)
        e->tag_exec = page;
    if (acc == ACC_WRITE && writable && !tcg_code_page_has_code(v->mach, phys_page))
        e->tag_write = page;
    return e;
}
