/* The CPU unit-test machine (see guest_env.h). */
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "guest_env.h"
#include "cpu/x86_regs.h"
#include "accel/tcg/code_cache.h"

static uint8_t *env_ram_page(void *opaque, uint64_t paddr, bool *writable)
{
    guest_env *e = opaque;
    if (paddr >= GUEST_RAM_SIZE)
        return NULL;
    *writable = true;
    return e->ram + (paddr & ~0xfffull);
}

static uint64_t env_mmio_read(void *opaque, uint64_t paddr, unsigned size)
{
    return ~0ull;
}

static void env_mmio_write(void *opaque, uint64_t paddr, unsigned size, uint64_t value)
{
}

static uint64_t env_io_in(void *opaque, uint16_t port, unsigned size)
{
    return ~0ull;
}

static void env_io_out(void *opaque, uint16_t port, unsigned size, uint64_t value)
{
    guest_env *e = opaque;
    e->last_port = port;
    e->last_port_out = value;
}

static uint64_t env_generation(void *opaque)
{
    return 1;
}

static int64_t env_clock(void *opaque)
{
    return 1000;
}

static void env_reset(void *opaque)
{
    guest_env *e = opaque;
    e->reset_requests++;
}

static const tcg_phys_ops env_ops = {
    .ram_page = env_ram_page,
    .mmio_read = env_mmio_read,
    .mmio_write = env_mmio_write,
    .io_in = env_io_in,
    .io_out = env_io_out,
    .generation = env_generation,
    .clock_ns = env_clock,
    .request_reset = env_reset,
};

guest_env *guest_env_new(void)
{
    guest_env *e = g_new0(guest_env, 1);
    e->ram = g_malloc0(GUEST_RAM_SIZE);
    e->mach = tcg_machine_new(&env_ops, e);
    e->model = mm_cpuid_model_new("qemu64", NULL, true, NULL);
    e->cpu = tcg_vcpu_new(e->mach, 0, e->model);
    return e;
}

void guest_env_free(guest_env *e)
{
    tcg_machine_free(e->mach);
    g_free(e->model);
    g_free(e->ram);
    g_free(e);
}

static void put64(guest_env *e, uint32_t paddr, uint64_t v)
{
    memcpy(e->ram + paddr, &v, 8);
}

void guest_env_build_page_tables(guest_env *e)
{
    uint64_t rwu = X86_PTE_P | X86_PTE_W | X86_PTE_U;
    memset(e->ram + GUEST_PML4, 0, 0x4000);
    put64(e, GUEST_PML4, GUEST_PDPT | rwu);
    put64(e, GUEST_PDPT + 0 * 8, GUEST_PD_LOW | rwu);
    put64(e, GUEST_PDPT + 1 * 8, GUEST_PD_DATA | rwu);
    for (unsigned i = 0; i < 4; i++)
        put64(e, GUEST_PD_LOW + i * 8, ((uint64_t)i << 21) | rwu | X86_PTE_PS);
    put64(e, GUEST_PD_DATA, GUEST_DATA_PHYS | rwu | X86_PTE_PS);
}

static void flat(mm_x86_segment *s, uint16_t sel, bool code)
{
    s->selector = sel;
    s->base = 0;
    s->limit = 0xffffffff;
    s->flags = X86_DESC_P | X86_DESC_S | X86_DESC_G | X86_DESC_A | X86_DESC_W |
               (code ? X86_DESC_CS | X86_DESC_L : X86_DESC_B);
}

void guest_env_enter_long_mode(guest_env *e)
{
    mm_x86_cpu *s = &e->cpu->s;
    guest_env_build_page_tables(e);
    s->cr0 = X86_CR0_PE | X86_CR0_PG | X86_CR0_ET | X86_CR0_NE | X86_CR0_WP | X86_CR0_MP;
    s->cr3 = GUEST_PML4;
    s->cr4 = X86_CR4_PAE | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
    s->efer = X86_EFER_LME | X86_EFER_LMA | X86_EFER_NXE | X86_EFER_SCE;
    flat(&s->seg[X86_SEG_CS], 0x08, true);
    for (unsigned i = 0; i < X86_SEG_COUNT; i++)
        if (i != X86_SEG_CS)
            flat(&s->seg[i], 0x10, false);
    s->rip = GUEST_CODE;
    s->regs[X86_R_SP] = GUEST_STACK_TOP;
    s->rflags = X86_FLAG_FIXED1;
    s->halted = false;
    s->pending = 0;
    tcg_vcpu_state_changed(e->cpu);
}

void guest_env_load(guest_env *e, uint32_t paddr, const void *code, size_t len)
{
    memcpy(e->ram + paddr, code, len);
    /* Host-side writes bypass the CPU: drop any code decoded from there. */
    tcg_code_invalidate_phys(e->mach, paddr, len);
}

tcg_exit guest_env_run(guest_env *e, uint64_t budget)
{
    return tcg_cpu_exec(e->cpu, budget);
}
