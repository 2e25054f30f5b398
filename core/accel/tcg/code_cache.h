/*
 * Decoded-code cache: blocks of decoded instructions keyed by the physical
 * address of their first byte and the code size (16/32/64-bit CS), so the
 * same code reached through different mappings or CPUs is decoded once.  A
 * block ends at a control transfer, an instruction that changes the CPU
 * mode, or a page boundary.  Pages holding blocks are write-protected in the
 * TLBs; a write to one invalidates every block on that page (self-modifying
 * code, module loading).  Invalidated blocks are freed only between blocks,
 * since the writer may be executing one of them.
 */
#ifndef MODEMU_TCG_CODE_CACHE_H
#define MODEMU_TCG_CODE_CACHE_H

#include <stddef.h>

#include "accel/tcg/tcg_vcpu.h"
#include "accel/tcg/mem.h"

#define TCG_BLOCK_MAX_INSNS 64

typedef struct tcg_block {
    uint64_t key;              /* physical address | code size << 60 */
    uint64_t lin_pc;           /* linear address it was looked up by (jump cache) */
    uint64_t phys_page[2];     /* pages holding its bytes ([1] = ~0 if one page) */
    uint8_t code_size;
    bool valid;
    bool cached;               /* false for code outside RAM: used once, then freed */
    uint32_t n_insns;
    /* Direct chaining: the last two blocks entered from this one's end (a
     * Jcc has two successors), trusted only while chain_epoch equals the
     * machine's code_epoch (no block freed since they were stored). */
    struct tcg_block *chain_next[2];
    uint64_t chain_epoch;
    /* Static successors: [0] the fall-through, [1] the branch target of a
     * direct JMP/CALL/Jcc, recorded on first use when link_ok allows (the
     * target lies on the block's first page, so it is the same physical code
     * under every mapping that reaches this block); trusted, like
     * chain_next, while chain_epoch equals code_epoch. */
    struct tcg_block *link[2];
    uint8_t link_ok;           /* bit k: slot k may be linked */
    tcg_insn insns[];
} tcg_block;

typedef struct tcg_code_cache tcg_code_cache;

tcg_code_cache *tcg_code_cache_new(void);
void tcg_code_cache_free(tcg_code_cache *c);
tcg_block *tcg_code_lookup_slow(tcg_vcpu *v, uint64_t lin);

static inline unsigned jc_index(uint64_t lin)
{
    return (unsigned)((lin ^ (lin >> TCG_JC_BITS)) & (TCG_JC_SIZE - 1));
}

static inline uint64_t tcg_code_pc(const tcg_vcpu *v)
{
    uint64_t lin = v->s.seg[X86_SEG_CS].base + v->s.rip;
    return v->code_size != SZ64 ? (uint32_t)lin : lin;
}

/* Whether block b is the code at linear PC lin now: decoded for this code
 * size, still valid, and lin's page executable and mapped to b's physical
 * page (so jump-cache and chain entries survive TLB flushes and address
 * space switches without being cleared: a stale one simply fails here). */
static inline bool tcg_block_matches(tcg_vcpu *v, const tcg_block *b, uint64_t lin)
{
    const tcg_tlb_entry *e = tlb_entry(v, lin);
    return b->lin_pc == lin && b->code_size == v->code_size && b->valid &&
           e->tag_exec == (lin & TCG_PAGE_MASK) && e->phys_page == b->phys_page[0];
}

/* The block at CS:RIP if the jump cache (by linear PC) has it, else NULL. */
static inline tcg_block *tcg_code_lookup_cached(tcg_vcpu *v, uint64_t lin)
{
    tcg_block *b = v->jump_cache[jc_index(lin)];
    if (__builtin_expect(b && tcg_block_matches(v, b, lin), 1))
        return b;
    return NULL;
}

/* The block that ends with sentinel `end` (whose imm counts the block's insns). */
static inline tcg_block *tcg_block_of_sentinel(const tcg_insn *end)
{
    return (tcg_block *)((const char *)(end - end->imm) - offsetof(tcg_block, insns));
}

/* The successor of block b at linear PC lin: b's chain slots first (hot in
 * the cache, unlike the jump cache), then the jump cache, which refills a
 * slot.  Every hit passes the same checks as the jump cache. */
static inline tcg_block *tcg_code_lookup_chained(tcg_vcpu *v, tcg_block *b, uint64_t lin)
{
    if (__builtin_expect(b->chain_epoch != v->mach->code_epoch, 0)) {
        b->chain_next[0] = b->chain_next[1] = NULL;
        b->link[0] = b->link[1] = NULL;
        b->chain_epoch = v->mach->code_epoch;
    }
    for (unsigned i = 0; i < 2; i++) {
        tcg_block *n = b->chain_next[i];
        if (n && tcg_block_matches(v, n, lin))
            return n;
    }
    tcg_block *n = tcg_code_lookup_cached(v, lin);
    if (n) {
        b->chain_next[1] = b->chain_next[0];
        b->chain_next[0] = n;
    }
    return n;
}

/* Block b's successor through static slot `slot` at the current PC, found
 * by the chained lookup and recorded in b->link[slot] when allowed. */
tcg_block *tcg_block_link_slow(tcg_vcpu *v, tcg_block *b, unsigned slot);

/* The block at the vCPU's CS:RIP, decoding it if needed (may raise #PF/#GP). */
static inline tcg_block *tcg_code_lookup(tcg_vcpu *v)
{
    uint64_t lin = tcg_code_pc(v);
    tcg_block *b = tcg_code_lookup_cached(v, lin);
    return b ? b : tcg_code_lookup_slow(v, lin);
}
bool tcg_code_page_has_code(tcg_machine *m, uint64_t phys_page);
/* A write hit [phys, phys+len): drop blocks decoded from its pages (a CPU
 * store into a code page, or device DMA and loaders via the memory API). */
void tcg_code_invalidate_phys(tcg_machine *m, uint64_t phys, uint64_t len);
/* Drops everything (memory map changed). */
void tcg_code_flush_all(tcg_machine *m);
void tcg_code_collect_slow(tcg_machine *m);
/* Frees invalidated blocks; only call between blocks. */
static inline void tcg_code_collect(tcg_machine *m)
{
    if (__builtin_expect(m->code_garbage, 0))
        tcg_code_collect_slow(m);
}

#endif
