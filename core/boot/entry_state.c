/* Boot GDT, identity page tables and entry register state (see entry_state.h). */
#include "boot/entry_state.h"

#include <string.h>

#include "boot/boot_layout.h"
#include "boot/le_field.h"
#include "cpu/x86_cpu.h"

#define GDT_ENTRIES 4     /* null, unused, __BOOT_CS, __BOOT_DS */

/* Flat 4 GiB descriptors: base 0, limit 0xFFFFF pages, present, DPL 0. */
uint64_t mm_boot_gdt_code_descriptor(bool long_mode)
{
    /* Access 0x9B: present, code, execute/read, accessed.  Flags: G plus
     * either L (64-bit code) or D (32-bit code). */
    return long_mode ? UINT64_C(0x00af9b000000ffff) : UINT64_C(0x00cf9b000000ffff);
}

uint64_t mm_boot_gdt_data_descriptor(void)
{
    return UINT64_C(0x00cf93000000ffff);   /* present, data, read/write, accessed; G, B */
}

bool mm_boot_write_gdt(const mm_boot_memory *mem, bool long_mode)
{
    uint8_t gdt[GDT_ENTRIES * 8] = { 0 };
    put_le64(gdt, MM_BOOT_CS, mm_boot_gdt_code_descriptor(long_mode));
    put_le64(gdt, MM_BOOT_DS, mm_boot_gdt_data_descriptor());
    return mem->write(mem->opaque, MM_BOOT_GDT_ADDR, gdt, sizeof(gdt));
}

bool mm_boot_write_identity_page_tables(const mm_boot_memory *mem)
{
    uint8_t page[4096];
    const uint64_t table = X86_PTE_P | X86_PTE_W;

    memset(page, 0, sizeof(page));
    put_le64(page, 0, MM_BOOT_PDPT_ADDR | table);
    if (!mem->write(mem->opaque, MM_BOOT_PML4_ADDR, page, sizeof(page)))
        return false;

    memset(page, 0, sizeof(page));
    for (unsigned i = 0; i < MM_BOOT_PD_COUNT; i++)
        put_le64(page, i * 8, (MM_BOOT_PD_ADDR + i * 4096u) | table);
    if (!mem->write(mem->opaque, MM_BOOT_PDPT_ADDR, page, sizeof(page)))
        return false;

    /* 2 MiB pages rather than 1 GiB ones: every x86-64 CPU model has them
     * (qemu64 does not advertise pdpe1gb). */
    for (unsigned i = 0; i < MM_BOOT_PD_COUNT; i++) {
        for (unsigned j = 0; j < 512; j++) {
            uint64_t phys = ((uint64_t)i << 30) | ((uint64_t)j << 21);
            put_le64(page, j * 8, phys | table | X86_PTE_PS);
        }
        if (!mem->write(mem->opaque, MM_BOOT_PD_ADDR + i * 4096u, page, sizeof(page)))
            return false;
    }
    return true;
}

/* The descriptor cache of a selector loaded from the boot GDT. */
static mm_boot_segment flat_segment(uint16_t selector, uint64_t descriptor)
{
    uint32_t high = (uint32_t)(descriptor >> 32);
    return (mm_boot_segment){
        .selector = selector, .base = 0, .limit = 0xffffffffu,
        .flags = high & 0x00f0ff00u,   /* type/S/DPL/P and AVL/L/D/G, as the CPU caches */
    };
}

static void flat_state(mm_boot_state *s, bool long_mode, uint64_t entry, uint64_t zero_page)
{
    memset(s, 0, sizeof(*s));
    s->rip = entry;
    s->rflags = X86_FLAG_FIXED1;             /* IF = 0 */
    s->regs[X86_R_SI] = zero_page;
    s->regs[X86_R_SP] = MM_BOOT_STACK_TOP;
    s->gdt_base = MM_BOOT_GDT_ADDR;
    s->gdt_limit = GDT_ENTRIES * 8 - 1;
    mm_boot_segment data = flat_segment(MM_BOOT_DS, mm_boot_gdt_data_descriptor());
    for (int i = 0; i < MM_BOOT_SEG_COUNT; i++)
        s->seg[i] = data;
    s->seg[MM_BOOT_SEG_CS] = flat_segment(MM_BOOT_CS, mm_boot_gdt_code_descriptor(long_mode));
    /* A busy TSS and an LDT of null selector, as firmware leaves them before
     * the kernel loads its own. */
    s->tr = (mm_boot_segment){ .limit = 0xffff,
                               .flags = X86_SYS_TSS_BUSY << X86_DESC_TYPE_SHIFT | X86_DESC_P };
    s->ldtr = (mm_boot_segment){ .limit = 0xffff,
                                 .flags = X86_SYS_LDT << X86_DESC_TYPE_SHIFT | X86_DESC_P };
}

void mm_boot_state_long_mode(mm_boot_state *s, uint64_t entry, uint64_t zero_page)
{
    flat_state(s, true, entry, zero_page);
    s->cr0 = X86_CR0_PE | X86_CR0_ET | X86_CR0_PG;
    s->cr3 = MM_BOOT_PML4_ADDR;
    s->cr4 = X86_CR4_PAE;
    s->efer = X86_EFER_LME | X86_EFER_LMA;
}

void mm_boot_state_protected_mode(mm_boot_state *s, uint64_t entry, uint64_t zero_page)
{
    flat_state(s, false, entry, zero_page);
    s->cr0 = X86_CR0_PE | X86_CR0_ET;
}
