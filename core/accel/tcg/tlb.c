/*
 * The software TLB: linear page -> host pointer for RAM, with separate tags
 * for read, write and execute so one compare on the fast path also checks
 * the permission.  One set per privilege (kernel/user), so CPL changes need
 * no flush.  Each set is direct-mapped with a few victim entries behind it,
 * which the slow path searches before walking the page tables.  Pages
 * holding decoded code get no fast write entry: their writes go through the
 * slow path, which invalidates the decoded code.
 */
#include "accel/tcg/mem.h"
#include "accel/tcg/code_cache.h"
#include "accel/tcg/debug_regs.h"
#include "accel/tcg/exceptions.h"

static void tlb_entry_clear(tcg_tlb_entry *e)
{
    e->tag_read = e->tag_write = e->tag_exec = TCG_TLB_INVALID;
}

static bool entry_holds(const tcg_tlb_entry *e, uint64_t page)
{
    return e->tag_read == page || e->tag_write == page || e->tag_exec == page;
}

/* The victim entries of the current privilege's set. */
static tcg_tlb_entry *tlb_victims(tcg_vcpu *v)
{
    return &v->tlb[v->mmu_idx][TCG_TLB_SIZE];
}

void tcg_tlb_flush(tcg_vcpu *v)
{
    for (unsigned m = 0; m < TCG_MMU_COUNT; m++)
        for (unsigned i = 0; i < TCG_TLB_SIZE + TCG_TLB_VICTIMS; i++)
            tlb_entry_clear(&v->tlb[m][i]);
    /* The jump cache needs no flush: its entries are checked against the
     * TLB's physical page (tcg_block_matches). */
}

void tcg_tlb_flush_page(tcg_vcpu *v, uint64_t lin)
{
    uint64_t page = lin & TCG_PAGE_MASK;
    for (unsigned m = 0; m < TCG_MMU_COUNT; m++) {
        tcg_tlb_entry *e = &v->tlb[m][(lin >> 12) & (TCG_TLB_SIZE - 1)];
        if (entry_holds(e, page))
            tlb_entry_clear(e);
        for (unsigned i = TCG_TLB_SIZE; i < TCG_TLB_SIZE + TCG_TLB_VICTIMS; i++)
            if (entry_holds(&v->tlb[m][i], page))
                tlb_entry_clear(&v->tlb[m][i]);
    }
}

void tcg_tlb_protect_phys_page(tcg_vcpu *v, uint64_t phys_page)
{
    for (unsigned m = 0; m < TCG_MMU_COUNT; m++)
        for (unsigned i = 0; i < TCG_TLB_SIZE + TCG_TLB_VICTIMS; i++)
            if (v->tlb[m][i].phys_page == phys_page)
                v->tlb[m][i].tag_write = TCG_TLB_INVALID;
}

/* The page evicted from e by a conflicting one may still be among the
 * victims: swap it back into e.  Returns e, or NULL on a real miss. */
static tcg_tlb_entry *victim_swap_in(tcg_vcpu *v, tcg_tlb_entry *e, uint64_t page, int acc)
{
    tcg_tlb_entry *victims = tlb_victims(v);
    for (unsigned i = 0; i < TCG_TLB_VICTIMS; i++) {
        if (tcg_tlb_tag(&victims[i], acc) == page) {
            tcg_tlb_entry evicted = *e;
            *e = victims[i];
            victims[i] = evicted;
            return e;
        }
    }
    return NULL;
}

/* e is about to hold `page`: its current page becomes a victim, and stale
 * victim copies of `page` go (the walk below decides its permissions). */
static void victim_evict(tcg_vcpu *v, tcg_tlb_entry *e, uint64_t page)
{
    tcg_tlb_entry *victims = tlb_victims(v);
    for (unsigned i = 0; i < TCG_TLB_VICTIMS; i++)
        if (entry_holds(&victims[i], page))
            tlb_entry_clear(&victims[i]);
    if (e->tag_read != TCG_TLB_INVALID && !entry_holds(e, page)) {
        victims[v->tlb_victim_next] = *e;
        v->tlb_victim_next = (v->tlb_victim_next + 1) % TCG_TLB_VICTIMS;
        tlb_entry_clear(e);
    }
}

static bool canonical(uint64_t lin)
{
    return (uint64_t)((int64_t)(lin << 16) >> 16) == lin;
}

tcg_tlb_entry *tcg_tlb_fill(tcg_vcpu *v, uint64_t lin, int acc, uint64_t *phys)
{
    if (v->s.efer & X86_EFER_LMA && !canonical(lin))
        tcg_raise_error(v, X86_EXC_GP, 0);
    uint64_t page = lin & TCG_PAGE_MASK;
    tcg_tlb_entry *e = tlb_entry(v, lin);
    if (victim_swap_in(v, e, page, acc)) {
        *phys = e->phys_page | (lin & 0xfff);
        return e;
    }
    bool user = v->mmu_idx == TCG_MMU_USER;
    tcg_translate(v, lin, acc, user, phys, true);
    uint64_t phys_page = *phys & TCG_PAGE_MASK;
    bool writable;
    uint8_t *host = v->mach->phys->ram_page(v->mach->phys_opaque, phys_page, &writable);
    if (!host)
        return NULL;
    /* A different page evicts the entry; the same page adds permissions. */
    victim_evict(v, e, page);
    if (e->phys_page != phys_page || !entry_holds(e, page))
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
    if (tcg_debug_watched_page(v, page))
        e->tag_read = e->tag_write = TCG_TLB_INVALID;   /* data breakpoint: slow path */
    return e;
}
