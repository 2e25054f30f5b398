/*
 * Page-table walks: no paging, 32-bit (with 4 MiB PSE pages and PSE-36),
 * PAE and 4-level long-mode paging (2 MiB and 1 GiB pages), with U/S, R/W
 * (CR0.WP), NX (EFER.NXE) and accessed/dirty bits set atomically in guest RAM
 * as hardware does (another vCPU may be updating the same entry).
 */
#include "accel/tcg/mem.h"
#include "accel/tcg/exceptions.h"

#define PTE_ADDR_MASK 0x000ffffffffff000ull

/* Host pointer of a page-table entry, or NULL when the table is not in RAM. */
static uint64_t *pte_host(tcg_vcpu *v, uint64_t paddr)
{
    bool writable;
    paddr &= v->s.a20_mask;
    uint8_t *page = v->mach->phys->ram_page(v->mach->phys_opaque, paddr, &writable);
    return page ? (uint64_t *)(page + (paddr & 0xfff)) : NULL;
}

static uint64_t pte_load(tcg_vcpu *v, uint64_t paddr, bool wide)
{
    uint64_t *p = pte_host(v, paddr);
    if (!p)
        return 0;   /* tables outside RAM read as not present */
    return wide ? __atomic_load_n(p, __ATOMIC_RELAXED)
                : __atomic_load_n((uint32_t *)p, __ATOMIC_RELAXED);
}

static void pte_set_bits(tcg_vcpu *v, uint64_t paddr, uint64_t bits)
{
    uint32_t *p = (uint32_t *)pte_host(v, paddr);
    if (p)   /* A and D are in the low dword in both formats */
        __atomic_fetch_or(p, (uint32_t)bits, __ATOMIC_RELAXED);
}

typedef struct walk_state {
    bool user_ok, write_ok, nx;
    uint64_t entry_addr[5];
    unsigned levels;
} walk_state;

/* Accumulates permissions of one level and remembers where the entry lives. */
static void walk_level(walk_state *w, uint64_t entry, uint64_t addr, bool has_perm_bits)
{
    if (has_perm_bits) {
        w->user_ok &= (entry & X86_PTE_U) != 0;
        w->write_ok &= (entry & X86_PTE_W) != 0;
    }
    w->nx |= (entry & X86_PTE_NX) != 0;
    w->entry_addr[w->levels++] = addr;
}

static bool access_allowed(tcg_vcpu *v, const walk_state *w, int acc, bool user)
{
    if (user && !w->user_ok)
        return false;
    if (acc == ACC_WRITE && !w->write_ok && (user || (v->s.cr0 & X86_CR0_WP)))
        return false;
    if (acc == ACC_EXEC && w->nx && (v->s.efer & X86_EFER_NXE))
        return false;
    return true;
}

static uint32_t pf_error(int acc, bool user, bool present, bool rsvd, tcg_vcpu *v)
{
    uint32_t err = (present ? X86_PF_P : 0) | (acc == ACC_WRITE ? X86_PF_W : 0) |
                   (user ? X86_PF_U : 0) | (rsvd ? X86_PF_RSVD : 0);
    if (acc == ACC_EXEC && (v->s.efer & X86_EFER_NXE))
        err |= X86_PF_I;
    return err;
}

/* Walks the tables; returns the physical address or sets *err. */
static bool walk(tcg_vcpu *v, uint64_t lin, int acc, bool user, uint64_t *phys, uint32_t *err,
                 walk_state *w)
{
    uint64_t cr3 = v->s.cr3;
    bool nxe = (v->s.efer & X86_EFER_NXE) != 0;
    uint64_t entry, addr, page_size;
    *w = (walk_state){ .user_ok = true, .write_ok = true };

    if (!(v->s.cr4 & X86_CR4_PAE)) {
        addr = (cr3 & 0xfffff000) + ((lin >> 20) & 0xffc);
        entry = pte_load(v, addr, false);
        if (!(entry & X86_PTE_P))
            goto not_present;
        walk_level(w, entry, addr, true);
        if ((entry & X86_PTE_PS) && (v->s.cr4 & X86_CR4_PSE)) {
            uint64_t base = (entry & 0xffc00000) | ((entry >> 13) & 0xff) << 32;
            *phys = base | (lin & 0x3fffff);
            return true;
        }
        addr = (entry & 0xfffff000) + ((lin >> 10) & 0xffc);
        entry = pte_load(v, addr, false);
        if (!(entry & X86_PTE_P))
            goto not_present;
        walk_level(w, entry, addr, true);
        *phys = (entry & 0xfffff000) | (lin & 0xfff);
        return true;
    }

    unsigned shift;
    uint64_t table;
    if (v->s.efer & X86_EFER_LMA) {
        addr = (cr3 & PTE_ADDR_MASK) + ((lin >> 36) & 0xff8);
        entry = pte_load(v, addr, true);
        if (!(entry & X86_PTE_P))
            goto not_present;
        if ((entry & X86_PTE_NX) && !nxe)
            goto reserved;
        walk_level(w, entry, addr, true);
        shift = 30;
    } else {
        /* PAE PDPTEs carry no permission bits and no accessed bit. */
        addr = (cr3 & 0xffffffe0) + ((lin >> 27) & 0x18);
        entry = pte_load(v, addr, true);
        if (!(entry & X86_PTE_P))
            goto not_present;
        shift = 21;
    }
    table = entry & PTE_ADDR_MASK;
    /* PDPT (long mode), PD, PT. */
    for (;;) {
        addr = table + (((lin >> shift) & 0x1ff) << 3);
        entry = pte_load(v, addr, true);
        if (!(entry & X86_PTE_P))
            goto not_present;
        if ((entry & X86_PTE_NX) && !nxe)
            goto reserved;
        walk_level(w, entry, addr, true);
        page_size = 1ull << shift;
        if (shift == 12 || (entry & X86_PTE_PS)) {
            *phys = (entry & PTE_ADDR_MASK & ~(page_size - 1)) | (lin & (page_size - 1));
            return true;
        }
        table = entry & PTE_ADDR_MASK;
        shift -= 9;
    }

not_present:
    *err = pf_error(acc, user, false, false, v);
    return false;
reserved:
    *err = pf_error(acc, user, true, true, v);
    return false;
}

static void set_accessed_dirty(tcg_vcpu *v, const walk_state *w, int acc)
{
    for (unsigned i = 0; i < w->levels; i++)
        pte_set_bits(v, w->entry_addr[i], X86_PTE_A);
    if (acc == ACC_WRITE && w->levels)
        pte_set_bits(v, w->entry_addr[w->levels - 1], X86_PTE_D);
}

bool tcg_translate(tcg_vcpu *v, uint64_t lin, int acc, bool user, uint64_t *phys, bool raise)
{
    if (!(v->s.cr0 & X86_CR0_PG)) {
        *phys = lin & 0xffffffffull & v->s.a20_mask;
        return true;
    }
    walk_state w;
    uint32_t err = 0;
    if (walk(v, lin, acc, user, phys, &err, &w)) {
        if (access_allowed(v, &w, acc, user)) {
            set_accessed_dirty(v, &w, acc);
            *phys &= v->s.a20_mask;
            return true;
        }
        err = pf_error(acc, user, true, false, v);
    }
    if (raise) {
        v->s.cr2 = lin;
        tcg_raise_error(v, X86_EXC_PF, err);
    }
    return false;
}
