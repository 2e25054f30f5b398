/* The local APIC and the APIC bus (see apic.h). */
#include <inttypes.h>
#include <string.h>
#include <glib.h>
#include <modemu/event.h>
#include <modemu/log.h>
#include <modemu/memory.h>

#include "cpu/apic.h"
#include "cpu/x86_msr.h"
#include "machine/pc/apic_bus.h"
#include "machine/pc/ioapic.h"
#include "machine/pc/pic.h"

/* Register offsets. */
enum {
    APIC_ID = 0x20, APIC_VERSION = 0x30, APIC_TPR = 0x80, APIC_APR = 0x90, APIC_PPR = 0xa0,
    APIC_EOI = 0xb0, APIC_LDR = 0xd0, APIC_DFR = 0xe0, APIC_SVR = 0xf0, APIC_ISR = 0x100,
    APIC_TMR = 0x180, APIC_IRR = 0x200, APIC_ESR = 0x280, APIC_LVT_CMCI = 0x2f0,
    APIC_ICR_LO = 0x300, APIC_ICR_HI = 0x310, APIC_LVT_TIMER = 0x320, APIC_LVT_THERMAL = 0x330,
    APIC_LVT_PERF = 0x340, APIC_LVT_LINT0 = 0x350, APIC_LVT_LINT1 = 0x360,
    APIC_LVT_ERROR = 0x370, APIC_TIMER_INIT = 0x380, APIC_TIMER_CUR = 0x390,
    APIC_TIMER_DIV = 0x3e0,
};
enum { LVT_TIMER, LVT_THERMAL, LVT_PERF, LVT_LINT0, LVT_LINT1, LVT_ERROR, LVT_COUNT };

#define LVT_MASKED (1u << 16)
#define LVT_LEVEL (1u << 15)
#define SVR_ENABLE (1u << 8)
#define DM_FIXED 0
#define DM_LOWEST 1
#define DM_SMI 2
#define DM_NMI 4
#define DM_INIT 5
#define DM_SIPI 6
#define DM_EXTINT 7
#define TIMER_PERIODIC (1u << 17)

struct mm_apic {
    uint32_t id;
    bool bsp;
    uint64_t base_msr;
    uint32_t tpr, ldr, dfr, svr, esr, icr_lo, icr_hi;
    uint32_t lvt[LVT_COUNT];
    uint32_t isr[8], irr[8], tmr[8];
    uint32_t timer_initial, timer_divide;
    int64_t timer_start_ns;
    mm_timer *timer;
    const mm_apic_cpu_ops *ops;
    void *opaque;
};

static GPtrArray *apic_bus;        /* mm_apic * of every CPU */
static mm_apic *current_apic;

static bool vec_test(const uint32_t *bits, unsigned vec) { return (bits[vec >> 5] >> (vec & 31)) & 1; }
static void vec_set(uint32_t *bits, unsigned vec) { bits[vec >> 5] |= 1u << (vec & 31); }
static void vec_clear(uint32_t *bits, unsigned vec) { bits[vec >> 5] &= ~(1u << (vec & 31)); }

/* Highest set vector, or -1. */
static int vec_highest(const uint32_t *bits)
{
    for (int i = 7; i >= 0; i--)
        if (bits[i])
            return i * 32 + 31 - __builtin_clz(bits[i]);
    return -1;
}

static bool hw_enabled(const mm_apic *a) { return (a->base_msr & X86_APIC_BASE_ENABLE) != 0; }
static bool sw_enabled(const mm_apic *a) { return hw_enabled(a) && (a->svr & SVR_ENABLE); }

static uint32_t ppr(const mm_apic *a)
{
    int isrv = vec_highest(a->isr);
    uint32_t isr_class = isrv < 0 ? 0 : (uint32_t)isrv & 0xf0;
    return (a->tpr & 0xf0) >= isr_class ? a->tpr : isr_class;
}

static void kick(mm_apic *a)
{
    if (a->ops && a->ops->kick)
        a->ops->kick(a->opaque);
}

/* A fixed interrupt accepted by this APIC. */
static void accept_fixed(mm_apic *a, uint8_t vector, bool level)
{
    if (vector < 16) {
        a->esr |= 1u << 6;   /* received illegal vector */
        return;
    }
    vec_set(a->irr, vector);
    if (level)
        vec_set(a->tmr, vector);
    else
        vec_clear(a->tmr, vector);
    kick(a);
}

static void deliver_to(mm_apic *a, unsigned mode, uint8_t vector, bool level)
{
    switch (mode) {
    case DM_FIXED:
    case DM_LOWEST:
        if (sw_enabled(a))
            accept_fixed(a, vector, level);
        break;
    case DM_NMI:
        if (a->ops && a->ops->nmi)
            a->ops->nmi(a->opaque);
        break;
    case DM_INIT:
        if (a->ops && a->ops->init)
            a->ops->init(a->opaque);
        break;
    case DM_SIPI:
        if (a->ops && a->ops->sipi)
            a->ops->sipi(a->opaque, vector);
        break;
    case DM_EXTINT:
        kick(a);   /* the CPU acknowledges the 8259 itself */
        break;
    default:
        mm_log(MM_LOG_UNIMP, "apic: delivery mode %u not implemented\n", mode);
        break;
    }
}

static bool matches_destination(const mm_apic *a, uint8_t dest, bool logical)
{
    if (!logical)
        return dest == 0xff || dest == (a->id & 0xff);
    if (dest == 0xff)
        return true;
    uint8_t ldr = a->ldr >> 24;
    if ((a->dfr >> 28) == 0xf)   /* flat model */
        return (ldr & dest) != 0;
    /* cluster model: high nibble cluster, low nibble members */
    return (ldr >> 4) == (dest >> 4) && (ldr & dest & 0xf) != 0;
}

/* Routes a message on the APIC bus (IOAPIC, MSI, IPI without shorthand). */
static void bus_deliver(uint8_t dest, bool logical, unsigned mode, uint8_t vector, bool level)
{
    if (!apic_bus)
        return;
    if (mode == DM_LOWEST) {
        /* Lowest priority: the matching APIC with the lowest TPR takes it. */
        mm_apic *best = NULL;
        for (guint i = 0; i < apic_bus->len; i++) {
            mm_apic *a = g_ptr_array_index(apic_bus, i);
            if (matches_destination(a, dest, logical) && sw_enabled(a) &&
                (!best || (a->tpr & 0xf0) < (best->tpr & 0xf0)))
                best = a;
        }
        if (best)
            deliver_to(best, mode, vector, level);
        return;
    }
    for (guint i = 0; i < apic_bus->len; i++) {
        mm_apic *a = g_ptr_array_index(apic_bus, i);
        if (matches_destination(a, dest, logical))
            deliver_to(a, mode, vector, level);
    }
}

void mm_apic_soft_deliver_msi(uint64_t addr, uint32_t data)
{
    if (!apic_bus || apic_bus->len == 0) {
        mm_log(MM_LOG_INT, "apic-bus: no local APIC for message addr=0x%" PRIx64
               " data=0x%08" PRIx32 "\n", addr, data);
        return;
    }
    bus_deliver((uint8_t)(addr >> 12), (addr >> 2) & 1, (data >> 8) & 7, (uint8_t)data,
                (data >> 15) & 1);
}

static void send_ipi(mm_apic *self)
{
    unsigned mode = (self->icr_lo >> 8) & 7, shorthand = (self->icr_lo >> 18) & 3;
    uint8_t vector = (uint8_t)self->icr_lo;
    bool logical = (self->icr_lo >> 11) & 1, level = (self->icr_lo >> 15) & 1;
    bool assert = (self->icr_lo >> 14) & 1;
    if (mode == DM_INIT && level && !assert)
        return;   /* INIT level de-assert: no action on modern CPUs */
    switch (shorthand) {
    case 0:
        bus_deliver((uint8_t)(self->icr_hi >> 24), logical, mode, vector, false);
        break;
    case 1:
        deliver_to(self, mode, vector, false);
        break;
    default:
        for (guint i = 0; i < apic_bus->len; i++) {
            mm_apic *a = g_ptr_array_index(apic_bus, i);
            if (shorthand == 2 || a != self)
                deliver_to(a, mode, vector, false);
        }
        break;
    }
}

/* ---- timer ---- */

static unsigned timer_shift(const mm_apic *a)
{
    unsigned d = (a->timer_divide & 3) | ((a->timer_divide >> 1) & 4);
    return (d + 1) & 7;   /* 0b111 means divide by 1 */
}

static int64_t timer_period_ns(const mm_apic *a)
{
    return (int64_t)a->timer_initial << timer_shift(a);
}

static uint32_t timer_current(const mm_apic *a)
{
    if (a->timer_initial == 0)
        return 0;
    int64_t elapsed = (mm_clock_get_ns(MM_CLOCK_VIRTUAL) - a->timer_start_ns) >> timer_shift(a);
    if (a->lvt[LVT_TIMER] & TIMER_PERIODIC)
        return a->timer_initial - (uint32_t)(elapsed % a->timer_initial);
    return elapsed >= a->timer_initial ? 0 : a->timer_initial - (uint32_t)elapsed;
}

static void timer_arm(mm_apic *a)
{
    if (!a->timer)
        return;
    if (a->timer_initial == 0) {
        mm_timer_del(a->timer);
        return;
    }
    mm_timer_mod(a->timer, a->timer_start_ns + timer_period_ns(a));
}

static void timer_expired(void *opaque)
{
    mm_apic *a = opaque;
    uint32_t lvt = a->lvt[LVT_TIMER];
    if (!(lvt & LVT_MASKED) && sw_enabled(a))
        accept_fixed(a, (uint8_t)lvt, false);
    if ((lvt & TIMER_PERIODIC) && a->timer_initial) {
        a->timer_start_ns += timer_period_ns(a);
        timer_arm(a);
    }
}

/* ---- registers ---- */

void mm_apic_reset(mm_apic *a)
{
    a->tpr = a->ldr = a->esr = a->icr_lo = a->icr_hi = 0;
    a->dfr = 0xffffffff;
    a->svr = 0xff;
    for (unsigned i = 0; i < LVT_COUNT; i++)
        a->lvt[i] = LVT_MASKED;
    /* As QEMU does: firmware expects the BSP's LINT0 in ExtINT mode so the
     * 8259 reaches the CPU once the APIC is enabled. */
    if (a->bsp)
        a->lvt[LVT_LINT0] = DM_EXTINT << 8;
    memset(a->isr, 0, sizeof(a->isr));
    memset(a->irr, 0, sizeof(a->irr));
    memset(a->tmr, 0, sizeof(a->tmr));
    a->timer_initial = 0;
    a->timer_divide = 0;
    if (a->timer)
        mm_timer_del(a->timer);
    a->base_msr = X86_APIC_DEFAULT_ADDR | X86_APIC_BASE_ENABLE | (a->bsp ? X86_APIC_BASE_BSP : 0);
}

mm_apic *mm_apic_new(uint32_t apic_id, bool bsp, const mm_apic_cpu_ops *ops, void *opaque)
{
    mm_apic *a = g_new0(mm_apic, 1);
    a->id = apic_id;
    a->bsp = bsp;
    a->ops = ops;
    a->opaque = opaque;
    a->timer = mm_timer_new(MM_CLOCK_VIRTUAL, timer_expired, a);
    mm_apic_reset(a);
    if (!apic_bus)
        apic_bus = g_ptr_array_new();
    g_ptr_array_add(apic_bus, a);
    if (!current_apic)
        current_apic = a;
    return a;
}

void mm_apic_free(mm_apic *a)
{
    if (!a)
        return;
    if (a->timer)
        mm_timer_free(a->timer);
    g_ptr_array_remove(apic_bus, a);
    if (current_apic == a)
        current_apic = apic_bus->len ? g_ptr_array_index(apic_bus, 0) : NULL;
    g_free(a);
}

unsigned mm_apic_bus_count(void)
{
    return apic_bus ? apic_bus->len : 0;
}

static void eoi(mm_apic *a)
{
    int vec = vec_highest(a->isr);
    if (vec < 0)
        return;
    vec_clear(a->isr, (unsigned)vec);
    if (vec_test(a->tmr, (unsigned)vec))
        mm_ioapic_eoi_broadcast((uint8_t)vec);
    kick(a);
}

uint32_t mm_apic_mmio_read(mm_apic *a, uint32_t offset)
{
    offset &= 0xff0;
    if (offset >= APIC_ISR && offset < APIC_ISR + 0x80)
        return a->isr[(offset - APIC_ISR) >> 4];
    if (offset >= APIC_TMR && offset < APIC_TMR + 0x80)
        return a->tmr[(offset - APIC_TMR) >> 4];
    if (offset >= APIC_IRR && offset < APIC_IRR + 0x80)
        return a->irr[(offset - APIC_IRR) >> 4];
    if (offset >= APIC_LVT_TIMER && offset <= APIC_LVT_ERROR)
        return a->lvt[(offset - APIC_LVT_TIMER) >> 4];
    switch (offset) {
    case APIC_ID: return a->id << 24;
    case APIC_VERSION: return 0x14 | ((LVT_COUNT - 1) << 16);
    case APIC_TPR: return a->tpr;
    case APIC_APR: return 0;
    case APIC_PPR: return ppr(a);
    case APIC_LDR: return a->ldr;
    case APIC_DFR: return a->dfr;
    case APIC_SVR: return a->svr;
    case APIC_ESR: return a->esr;
    case APIC_ICR_LO: return a->icr_lo & ~(1u << 12);   /* delivery always complete */
    case APIC_ICR_HI: return a->icr_hi;
    case APIC_TIMER_INIT: return a->timer_initial;
    case APIC_TIMER_CUR: return timer_current(a);
    case APIC_TIMER_DIV: return a->timer_divide;
    default: return 0;
    }
}

static void write_lvt(mm_apic *a, unsigned index, uint32_t value)
{
    static const uint32_t writable[LVT_COUNT] = {
        0x700ff | TIMER_PERIODIC, 0x107ff, 0x107ff, 0x1a7ff, 0x1a7ff, 0x100ff,
    };
    if (!(a->svr & SVR_ENABLE))
        value |= LVT_MASKED;   /* software-disabled APIC keeps LVTs masked */
    bool was_periodic = a->lvt[LVT_TIMER] & TIMER_PERIODIC;
    a->lvt[index] = value & writable[index];
    if (index == LVT_TIMER && was_periodic != !!(value & TIMER_PERIODIC))
        timer_arm(a);
    kick(a);
}

void mm_apic_mmio_write(mm_apic *a, uint32_t offset, uint32_t value)
{
    offset &= 0xff0;
    if (offset >= APIC_LVT_TIMER && offset <= APIC_LVT_ERROR) {
        write_lvt(a, (offset - APIC_LVT_TIMER) >> 4, value);
        return;
    }
    switch (offset) {
    case APIC_ID: a->id = value >> 24; break;
    case APIC_TPR: a->tpr = value & 0xff; kick(a); break;
    case APIC_EOI: eoi(a); break;
    case APIC_LDR: a->ldr = value & 0xff000000; break;
    case APIC_DFR: a->dfr = value | 0x0fffffff; break;
    case APIC_SVR:
        a->svr = value & 0x3ff;
        if (!(a->svr & SVR_ENABLE))
            for (unsigned i = 0; i < LVT_COUNT; i++)
                a->lvt[i] |= LVT_MASKED;
        kick(a);
        break;
    case APIC_ESR: a->esr = 0; break;
    case APIC_ICR_LO: a->icr_lo = value & ~(1u << 12); send_ipi(a); break;
    case APIC_ICR_HI: a->icr_hi = value & 0xff000000; break;
    case APIC_TIMER_INIT:
        a->timer_initial = value;
        a->timer_start_ns = mm_clock_get_ns(MM_CLOCK_VIRTUAL);
        timer_arm(a);
        break;
    case APIC_TIMER_DIV: a->timer_divide = value & 0xb; break;
    default:
        break;   /* read-only registers: writes ignored */
    }
}

void mm_apic_set_base_msr(mm_apic *a, uint64_t value)
{
    bool was_enabled = hw_enabled(a);
    a->base_msr = value;
    if (was_enabled && !hw_enabled(a)) {
        /* Hardware disable resets the APIC except the base and ID. */
        uint32_t id = a->id;
        mm_apic_reset(a);
        a->id = id;
        a->base_msr = value;
    }
    kick(a);
}

void mm_apic_set_cr8(mm_apic *a, uint64_t cr8)
{
    a->tpr = (uint32_t)(cr8 & 0xf) << 4;
    kick(a);
}

uint64_t mm_apic_get_cr8(const mm_apic *a)
{
    return a->tpr >> 4;
}

/* Whether the 8259's INTR reaches the CPU through this APIC. */
static bool extint_pending(const mm_apic *a)
{
    if (!mm_pic_intr_pending())
        return false;
    if (!hw_enabled(a))
        return a->bsp;   /* APIC off: INTR goes straight to the (boot) CPU */
    uint32_t lint0 = a->lvt[LVT_LINT0];
    return !(lint0 & LVT_MASKED) && ((lint0 >> 8) & 7) == DM_EXTINT;
}

bool mm_apic_interrupt_pending(mm_apic *a)
{
    if (extint_pending(a))
        return true;
    if (!sw_enabled(a))
        return false;
    int irr = vec_highest(a->irr);
    return irr >= 0 && ((uint32_t)irr & 0xf0) > (ppr(a) & 0xf0);
}

int mm_apic_acknowledge(mm_apic *a)
{
    if (extint_pending(a))
        return mm_pic_acknowledge();
    int irr = vec_highest(a->irr);
    if (!sw_enabled(a) || irr < 0 || ((uint32_t)irr & 0xf0) <= (ppr(a) & 0xf0))
        return (int)(a->svr & 0xff);   /* spurious */
    vec_clear(a->irr, (unsigned)irr);
    vec_set(a->isr, (unsigned)irr);
    return irr;
}

void mm_apic_set_current(mm_apic *a)
{
    current_apic = a;
}

static uint64_t apic_mmio_read(void *opaque, uint64_t offset, unsigned size)
{
    if (!current_apic)
        return ~0ull;
    uint32_t v = mm_apic_mmio_read(current_apic, (uint32_t)offset);
    return v >> (8 * (offset & 3));
}

static void apic_mmio_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    if (current_apic && size == 4 && !(offset & 3))
        mm_apic_mmio_write(current_apic, (uint32_t)offset, (uint32_t)value);
}

static const mm_region_ops apic_mmio_ops = {
    .read = apic_mmio_read,
    .write = apic_mmio_write,
    .valid = { .min_access_size = 1, .max_access_size = 4, .unaligned = false },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

void mm_apic_map_mmio(void)
{
    static mm_memory_region *region;
    if (region)
        return;
    region = mm_region_new_io(NULL, "apic", 0x1000, &apic_mmio_ops, NULL);
    /* Above RAM and PCI holes, like QEMU's per-CPU APIC region. */
    mm_region_add_subregion(mm_address_space_root(mm_machine_memory_space()),
                            X86_APIC_DEFAULT_ADDR, region, 0x1000);
}
