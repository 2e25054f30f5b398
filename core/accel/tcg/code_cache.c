/* The decoded-code cache (see code_cache.h). */
#include <string.h>
#include <glib.h>

#include "accel/tcg/code_cache.h"
#include "accel/tcg/decode.h"
#include "accel/tcg/dispatch.h"
#include "accel/tcg/fast_paths.h"
#include "accel/tcg/mem.h"

bool tcg_insn_ends_block(const tcg_insn *in);

struct tcg_code_cache {
    GHashTable *blocks;     /* key (uint64_t *) -> tcg_block */
    GHashTable *pages;      /* physical page number -> GPtrArray of blocks */
    GPtrArray *graveyard;   /* invalidated, freed by tcg_code_collect */
};

tcg_code_cache *tcg_code_cache_new(void)
{
    tcg_code_cache *c = g_new0(tcg_code_cache, 1);
    c->blocks = g_hash_table_new(g_int64_hash, g_int64_equal);
    c->pages = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                     (GDestroyNotify)g_ptr_array_unref);
    c->graveyard = g_ptr_array_new_with_free_func(g_free);
    return c;
}

void tcg_code_cache_free(tcg_code_cache *c)
{
    if (!c)
        return;
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, c->blocks);
    while (g_hash_table_iter_next(&it, &key, &value))
        g_ptr_array_add(c->graveyard, value);
    g_hash_table_destroy(c->blocks);
    g_hash_table_destroy(c->pages);
    g_ptr_array_unref(c->graveyard);
    g_free(c);
}

static gpointer page_key(uint64_t phys_page)
{
    return GSIZE_TO_POINTER((gsize)(phys_page >> 12));
}

bool tcg_code_page_has_code(tcg_machine *m, uint64_t phys_page)
{
    return g_hash_table_contains(m->code->pages, page_key(phys_page));
}

static void page_add_block(tcg_machine *m, uint64_t phys_page, tcg_block *b)
{
    GPtrArray *list = g_hash_table_lookup(m->code->pages, page_key(phys_page));
    if (!list) {
        list = g_ptr_array_new();
        g_hash_table_insert(m->code->pages, page_key(phys_page), list);
        /* From now on writes to this page must take the slow path. */
        for (unsigned i = 0; i < m->nr_vcpus; i++)
            tcg_tlb_protect_phys_page(m->vcpus[i], phys_page);
    }
    g_ptr_array_add(list, b);
}

static void block_kill(tcg_machine *m, tcg_block *b)
{
    if (!b->valid)
        return;
    b->valid = false;
    g_hash_table_remove(m->code->blocks, &b->key);
    /* Remove it from the other page's list too. */
    for (unsigned p = 0; p < 2; p++) {
        if (b->phys_page[p] == ~0ull)
            continue;
        GPtrArray *list = g_hash_table_lookup(m->code->pages, page_key(b->phys_page[p]));
        if (list)
            g_ptr_array_remove_fast(list, b);
    }
    g_ptr_array_add(m->code->graveyard, b);
    m->code_garbage = true;
}

void tcg_code_invalidate_phys(tcg_machine *m, uint64_t phys, uint64_t len)
{
    if (len == 0)
        return;
    uint64_t first = phys & TCG_PAGE_MASK, last = (phys + len - 1) & TCG_PAGE_MASK;
    bool killed = false;
    for (uint64_t page = first; page <= last && page >= first; page += 4096) {
        GPtrArray *list = g_hash_table_lookup(m->code->pages, page_key(page));
        if (!list)
            continue;
        killed = true;
        g_ptr_array_ref(list);
        while (list->len)
            block_kill(m, g_ptr_array_index(list, list->len - 1));
        g_ptr_array_unref(list);
        g_hash_table_remove(m->code->pages, page_key(page));
    }
    if (!killed)
        return;
    for (unsigned i = 0; i < m->nr_vcpus; i++) {
        memset(m->vcpus[i]->jump_cache, 0, sizeof(m->vcpus[i]->jump_cache));
        m->vcpus[i]->exit_block = true;
    }
}

void tcg_code_flush_all(tcg_machine *m)
{
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, m->code->blocks);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        tcg_block *b = value;
        b->valid = false;
        g_ptr_array_add(m->code->graveyard, b);
        m->code_garbage = true;
        g_hash_table_iter_remove(&it);
    }
    g_hash_table_remove_all(m->code->pages);
    for (unsigned i = 0; i < m->nr_vcpus; i++) {
        memset(m->vcpus[i]->jump_cache, 0, sizeof(m->vcpus[i]->jump_cache));
        m->vcpus[i]->exit_block = true;
    }
}

void tcg_code_collect_slow(tcg_machine *m)
{
    g_ptr_array_set_size(m->code->graveyard, 0);
    m->code_garbage = false;
    m->code_epoch++;
}

tcg_block *tcg_block_link_slow(tcg_vcpu *v, tcg_block *b, unsigned slot)
{
    /* The chained lookup also drops stale links (chain_epoch). */
    tcg_block *n = tcg_code_lookup_chained(v, b, tcg_code_pc(v));
    if (n && (b->link_ok & (1u << slot)) && n->cached)
        b->link[slot] = n;
    return n;
}

static bool is_jcc(uint16_t opcode)
{
    return (opcode >= 0x70 && opcode <= 0x7f) || (opcode >= 0x180 && opcode <= 0x18f);
}

/* Which static successor slots of a block may be linked, and the sentinel
 * that follows them.  Only 64-bit code: there RIP never wraps and CS has no
 * base, so a target's page offset is fixed by the code itself (a 16-bit IP
 * wraps differently under different CS bases reaching the same bytes). */
static void block_plan_links(tcg_block *b, const tcg_insn *last, bool ends_block,
                             uint64_t lin, uint64_t lin_next)
{
    uint64_t page = lin & TCG_PAGE_MASK;
    uint64_t target = lin_next + last->imm;
    tcg_insn *end = &b->insns[b->n_insns];
    bool direct = last->opcode == 0xe8 || last->opcode == 0xe9 || last->opcode == 0xeb;
    b->link_ok = 0;
    if (b->code_size != SZ64)
        return;
    if (is_jcc(last->opcode)) {
        /* The Jcc's own threaded entry picks the slot (fast_paths.c). */
        b->link_ok = (uint8_t)(((lin_next & TCG_PAGE_MASK) == page) |
                               (((target & TCG_PAGE_MASK) == page) << 1));
    } else if (direct || !ends_block) {
        unsigned slot = direct ? 1 : 0;
        uint64_t next = direct ? target : lin_next;
        b->link_ok = (uint8_t)(((next & TCG_PAGE_MASK) == page) << slot);
        end->fn = end->impl = tcg_block_end_linked;
        end->sub = (uint8_t)slot;
    }
}

/* Decodes a new block at lin (first instruction's page already known). */
static tcg_block *block_translate(tcg_vcpu *v, uint64_t lin, uint64_t phys, bool cacheable)
{
    tcg_insn buf[TCG_BLOCK_MAX_INSNS];
    tcg_fetch f = { .v = v, .lin = lin };
    unsigned n = 0;
    uint64_t page_end = (lin & TCG_PAGE_MASK) + 4096;
    bool crossed = false;
    while (n < TCG_BLOCK_MAX_INSNS) {
        uint64_t at = f.lin;
        /* Instructions after the first must not start a fetch that could
         * fault: stop where one would run into the next page. */
        if (n > 0 && at + 15 > page_end)
            break;
        tcg_decode(&f, v->code_size, &buf[n]);
        crossed |= f.crossed_page;
        n++;
        if (tcg_insn_ends_block(&buf[n - 1]) || f.lin >= page_end)
            break;
    }
    /* n instructions plus the sentinel that ends the threaded chain. */
    tcg_block *b = g_malloc(sizeof(tcg_block) + (n + 1) * sizeof(tcg_insn));
    memcpy(b->insns, buf, n * sizeof(tcg_insn));
    for (unsigned i = 0; i < n; i++) {
        b->insns[i].impl = b->insns[i].fn;
        b->insns[i].fn = tcg_threaded_entry(b->insns[i].impl);
    }
    if (n >= 2 && is_jcc(buf[n - 1].opcode)) {
        tcg_op_fn fused = tcg_fused_jcc_entry(b->insns[n - 2].impl, buf[n - 1].opcode);
        if (fused)
            b->insns[n - 2].fn = fused;
    }
    b->insns[n] = (tcg_insn){ .fn = tcg_block_end, .impl = tcg_block_end, .len = 0, .imm = n };
    b->n_insns = n;
    b->chain_next[0] = b->chain_next[1] = NULL;
    b->chain_epoch = v->mach->code_epoch;
    b->link[0] = b->link[1] = NULL;
    b->code_size = v->code_size;
    block_plan_links(b, &buf[n - 1], tcg_insn_ends_block(&buf[n - 1]), lin, f.lin);
    b->key = phys | ((uint64_t)v->code_size << 60);
    b->lin_pc = lin;
    b->valid = true;
    b->cached = cacheable;
    b->phys_page[0] = phys & TCG_PAGE_MASK;
    b->phys_page[1] = ~0ull;
    if (crossed) {
        uint64_t phys2;
        tcg_translate(v, page_end, ACC_EXEC, v->mmu_idx == TCG_MMU_USER, &phys2, true);
        b->phys_page[1] = phys2 & TCG_PAGE_MASK;
    }
    return b;
}

tcg_block *tcg_code_lookup_slow(tcg_vcpu *v, uint64_t lin)
{
    tcg_block *b;

    /* Translate the PC (may raise #PF / #GP). */
    tcg_tlb_entry *e = tlb_entry(v, lin);
    uint64_t phys;
    bool ram = true;
    if (e->tag_exec == (lin & TCG_PAGE_MASK)) {
        phys = e->phys_page | (lin & 0xfff);
    } else {
        ram = tcg_tlb_fill(v, lin, ACC_EXEC, &phys) != NULL;
    }
    tcg_machine *m = v->mach;
    uint64_t key = phys | ((uint64_t)v->code_size << 60);
    if (ram) {
        b = g_hash_table_lookup(m->code->blocks, &key);
        if (b) {
            b->lin_pc = lin;
            v->jump_cache[jc_index(lin)] = b;
            return b;
        }
    }
    b = block_translate(v, lin, phys, ram);
    if (!ram) {
        g_ptr_array_add(m->code->graveyard, b);   /* code outside RAM: not kept */
        m->code_garbage = true;
        return b;
    }
    g_hash_table_insert(m->code->blocks, &b->key, b);
    page_add_block(m, b->phys_page[0], b);
    if (b->phys_page[1] != ~0ull)
        page_add_block(m, b->phys_page[1], b);
    v->jump_cache[jc_index(lin)] = b;
    return b;
}
