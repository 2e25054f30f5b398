/*
 * The HPET at 0xFED00000 as QEMU's pc presents it (IA-PC HPET spec 1.0a):
 * 64-bit main counter at 100 MHz (period 10^7 fs), three 64-bit comparators,
 * one-shot and periodic modes, edge or level interrupts, 32-bit mode, and
 * legacy replacement routing (timer 0 -> IRQ0, which the IOAPIC sees on
 * pin 2; timer 1 -> IRQ8), which silences the PIT's and RTC's own IRQs.
 * Capabilities read 0x8086A201: vendor 8086, legacy capable, 64-bit
 * counter, 3 timers, revision 1.  Comparators route to IRQ 2 only (QEMU's
 * pc intcap).  FSB (MSI) delivery is not offered.
 */
#include <glib.h>
#include <modemu/event.h>
#include <modemu/irq.h>
#include <modemu/isa.h>
#include <modemu/log.h>
#include <modemu/machine.h>

#include "machine/pc/hpet.h"
#include "machine/pc/pit.h"
#include "machine/pc/rtc.h"
#include "object/core_types.h"

#define HPET_NUM_TIMERS 3
#define HPET_MMIO_SIZE 0x400
#define HPET_NS_PER_TICK 10
#define HPET_PERIOD_FS 10000000ull
#define HPET_INTCAP (1u << 2)

#define HPET_REG_CAP 0x000
#define HPET_REG_CFG 0x010
#define HPET_REG_ISR 0x020
#define HPET_REG_COUNTER 0x0f0
#define HPET_REG_TIMER0 0x100
#define HPET_TIMER_STRIDE 0x20
#define HPET_TN_CFG 0x00
#define HPET_TN_CMP 0x08
#define HPET_TN_FSB 0x10

#define HPET_CFG_ENABLE 0x1
#define HPET_CFG_LEGACY 0x2
#define HPET_CFG_WRITE_MASK 0x3

#define TN_LEVEL 0x002
#define TN_ENABLE 0x004
#define TN_PERIODIC 0x008
#define TN_PERIODIC_CAP 0x010
#define TN_SIZE_CAP 0x020
#define TN_SETVAL 0x040
#define TN_32BIT 0x100
#define TN_INT_ROUTE_SHIFT 9
#define TN_INT_ROUTE_MASK 0x3e00
#define TN_CFG_WRITE_MASK 0x7f4eull

typedef struct hpet_timer {
    struct mm_hpet *hpet;
    int index;
    uint64_t config, cmp, period;
    mm_timer *timer;
} hpet_timer;

typedef struct mm_hpet {
    mm_isa_device parent;
    uint64_t config, isr;
    uint64_t counter;          /* value while disabled */
    int64_t counter_base_ns;   /* while enabled: counter = ticks(now - base) */
    uint64_t counter_at_enable;
    hpet_timer timers[HPET_NUM_TIMERS];
    mm_memory_region *mmio;
    mm_object *ioapic;
} mm_hpet;

static int64_t hpet_now(void)
{
    return mm_clock_get_ns(MM_CLOCK_VIRTUAL);
}

static bool hpet_enabled(const mm_hpet *s)
{
    return s->config & HPET_CFG_ENABLE;
}

static uint64_t hpet_counter(const mm_hpet *s)
{
    if (!hpet_enabled(s))
        return s->counter;
    return s->counter_at_enable + (uint64_t)(hpet_now() - s->counter_base_ns) / HPET_NS_PER_TICK;
}

/* The ISA/GSI line a timer drives. */
static mm_irq *hpet_timer_line(mm_hpet *s, const hpet_timer *t)
{
    int route;
    if (t->index <= 1 && (s->config & HPET_CFG_LEGACY))
        route = t->index == 0 ? 0 : 8;
    else
        route = (t->config & TN_INT_ROUTE_MASK) >> TN_INT_ROUTE_SHIFT;
    if (route < 16)
        return mm_isa_get_irq(route);
    return s->ioapic ? mm_gpio_in_get(s->ioapic, NULL, route) : NULL;
}

static void hpet_update_irq(mm_hpet *s, hpet_timer *t, bool fire)
{
    uint64_t mask = 1ull << t->index;
    mm_irq *line = hpet_timer_line(s, t);
    if (!fire || !(t->config & TN_ENABLE) || !hpet_enabled(s)) {
        s->isr &= ~mask;
        mm_irq_lower(line);
    } else if (t->config & TN_LEVEL) {
        s->isr |= mask;
        mm_irq_raise(line);
    } else {
        s->isr &= ~mask;
        mm_irq_pulse(line);
    }
}

/* Ticks until the comparator matches; 32-bit timers wrap at 2^32. */
static uint64_t hpet_ticks_to_match(const hpet_timer *t, uint64_t now)
{
    if (t->config & TN_32BIT) {
        uint32_t diff = (uint32_t)t->cmp - (uint32_t)now;
        return diff;
    }
    uint64_t diff = t->cmp - now;
    return (int64_t)diff > 0 ? diff : 0;
}

static void hpet_arm(mm_hpet *s, hpet_timer *t)
{
    if (!hpet_enabled(s)) {
        mm_timer_del(t->timer);
        return;
    }
    uint64_t ticks = hpet_ticks_to_match(t, hpet_counter(s));
    /* Capped so the ns arithmetic cannot overflow (a 64-bit comparator far
     * in the future re-arms itself when the cap expires). */
    ticks = MIN(ticks, (uint64_t)INT64_MAX / (4 * HPET_NS_PER_TICK));
    mm_timer_mod(t->timer, hpet_now() + (int64_t)ticks * HPET_NS_PER_TICK);
}

static bool hpet_cmp_reached(const hpet_timer *t, uint64_t now)
{
    if (t->config & TN_32BIT)
        return (int32_t)((uint32_t)t->cmp - (uint32_t)now) <= 0;
    return (int64_t)(t->cmp - now) <= 0;
}

static void hpet_timer_cb(void *opaque)
{
    hpet_timer *t = opaque;
    mm_hpet *s = t->hpet;
    uint64_t now = hpet_counter(s);
    if (!hpet_cmp_reached(t, now)) {
        hpet_arm(s, t);   /* woke up at the cap of a far comparator */
        return;
    }
    if ((t->config & TN_PERIODIC) && t->period) {
        /* Periods missed while the clock jumped are skipped, not replayed. */
        /* Periods below the advertised minimum tick (fw_cfg/ACPI: 100) are
         * stretched to it, so a guest cannot flood the host with timers. */
        uint64_t period = MAX(t->period, (uint64_t)MM_HPET_MIN_TICK);
        do {
            t->cmp += period;
            if (t->config & TN_32BIT)
                t->cmp = (uint32_t)t->cmp;
        } while (hpet_cmp_reached(t, now));
        hpet_update_irq(s, t, true);
        hpet_arm(s, t);
        return;
    }
    hpet_update_irq(s, t, true);
}

static void hpet_set_legacy(mm_hpet *s, bool legacy)
{
    mm_pit_set_irq_enabled(!legacy);
    mm_rtc_set_irq_enabled(!legacy);
}

static void hpet_write_config(mm_hpet *s, uint64_t value)
{
    uint64_t old = s->config;
    s->config = value & HPET_CFG_WRITE_MASK;
    bool was_on = old & HPET_CFG_ENABLE, on = s->config & HPET_CFG_ENABLE;
    if (!was_on && on) {
        s->counter_at_enable = s->counter;
        s->counter_base_ns = hpet_now();
        for (int i = 0; i < HPET_NUM_TIMERS; i++)
            hpet_arm(s, &s->timers[i]);
    } else if (was_on && !on) {
        s->config |= HPET_CFG_ENABLE;       /* read the running counter */
        s->counter = hpet_counter(s);
        s->config &= ~HPET_CFG_ENABLE;
        for (int i = 0; i < HPET_NUM_TIMERS; i++) {
            mm_timer_del(s->timers[i].timer);
            hpet_update_irq(s, &s->timers[i], false);
        }
    }
    if ((old ^ s->config) & HPET_CFG_LEGACY) {
        /* Lower what the timers drove on their previous routes. */
        s->config ^= HPET_CFG_LEGACY;
        for (int i = 0; i < 2; i++)
            mm_irq_lower(hpet_timer_line(s, &s->timers[i]));
        s->config ^= HPET_CFG_LEGACY;
        hpet_set_legacy(s, s->config & HPET_CFG_LEGACY);
    }
}

static void hpet_write_timer_config(mm_hpet *s, hpet_timer *t, uint64_t value)
{
    uint64_t old = t->config;
    uint64_t route = (value & TN_INT_ROUTE_MASK) >> TN_INT_ROUTE_SHIFT;
    if (!(HPET_INTCAP & (1u << route)) && (value & TN_INT_ROUTE_MASK) != (old & TN_INT_ROUTE_MASK))
        mm_log(MM_LOG_GUEST_ERROR, "hpet: timer %d routed to unsupported IRQ %u\n", t->index,
               (unsigned)route);
    if ((old ^ value) & TN_INT_ROUTE_MASK)
        mm_irq_lower(hpet_timer_line(s, t));
    t->config = (old & ~TN_CFG_WRITE_MASK) | (value & TN_CFG_WRITE_MASK);
    if (t->config & TN_32BIT) {
        t->cmp = (uint32_t)t->cmp;
        t->period = (uint32_t)t->period;
    }
    if (!(t->config & TN_LEVEL) || !(t->config & TN_ENABLE))
        hpet_update_irq(s, t, false);
    hpet_arm(s, t);
}

/* A comparator write in periodic mode sets the period; with SETVAL (or in
 * one-shot mode) it sets the comparator itself. */
static void hpet_write_comparator(mm_hpet *s, hpet_timer *t, uint64_t value, uint64_t mask)
{
    if (t->config & TN_32BIT)
        mask &= 0xffffffffull;
    if (!(t->config & TN_PERIODIC) || (t->config & TN_SETVAL))
        t->cmp = (t->cmp & ~mask) | (value & mask);
    t->period = (t->period & ~mask) | (value & mask);
    t->config &= ~TN_SETVAL;
    hpet_arm(s, t);
}

static hpet_timer *hpet_timer_at(mm_hpet *s, uint64_t reg, unsigned *field)
{
    if (reg < HPET_REG_TIMER0)
        return NULL;
    uint64_t index = (reg - HPET_REG_TIMER0) / HPET_TIMER_STRIDE;
    if (index >= HPET_NUM_TIMERS)
        return NULL;
    *field = (reg - HPET_REG_TIMER0) % HPET_TIMER_STRIDE;
    return &s->timers[index];
}

static uint64_t hpet_read_reg(mm_hpet *s, uint64_t reg)
{
    unsigned field;
    hpet_timer *t = hpet_timer_at(s, reg, &field);
    if (t) {
        switch (field) {
        case HPET_TN_CFG: return t->config;
        case HPET_TN_CMP: return t->cmp;
        default: return 0;   /* FSB route: not offered */
        }
    }
    switch (reg) {
    case HPET_REG_CAP: return HPET_PERIOD_FS << 32 | MM_HPET_BLOCK_ID;
    case HPET_REG_CFG: return s->config;
    case HPET_REG_ISR: return s->isr;
    case HPET_REG_COUNTER: return hpet_counter(s);
    default: return 0;
    }
}

static void hpet_write_reg(mm_hpet *s, uint64_t reg, uint64_t value, uint64_t mask)
{
    unsigned field;
    hpet_timer *t = hpet_timer_at(s, reg, &field);
    uint64_t merged = (hpet_read_reg(s, reg) & ~mask) | (value & mask);
    if (t) {
        if (field == HPET_TN_CFG)
            hpet_write_timer_config(s, t, merged);
        else if (field == HPET_TN_CMP)
            hpet_write_comparator(s, t, value, mask);
        return;
    }
    switch (reg) {
    case HPET_REG_CFG:
        hpet_write_config(s, merged);
        break;
    case HPET_REG_ISR:
        for (int i = 0; i < HPET_NUM_TIMERS; i++) {
            if ((value & mask) & s->isr & (1ull << i))
                hpet_update_irq(s, &s->timers[i], false);
        }
        break;
    case HPET_REG_COUNTER:
        if (hpet_enabled(s))
            mm_log(MM_LOG_GUEST_ERROR, "hpet: main counter written while enabled\n");
        else
            s->counter = merged;
        break;
    default:
        break;
    }
}

static uint64_t hpet_mmio_read(void *opaque, uint64_t offset, unsigned size)
{
    uint64_t value = hpet_read_reg(opaque, offset & ~7ull);
    if (size == 8)
        return value;
    return (value >> (8 * (offset & 4))) & 0xffffffffull;
}

static void hpet_mmio_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    unsigned shift = 8 * (offset & 4);
    uint64_t mask = size == 8 ? UINT64_MAX : 0xffffffffull << shift;
    hpet_write_reg(opaque, offset & ~7ull, value << (size == 8 ? 0 : shift), mask);
}

static const mm_region_ops hpet_ops = {
    .read = hpet_mmio_read,
    .write = hpet_mmio_write,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 8 },
};

static void hpet_reset(void *opaque)
{
    mm_hpet *s = opaque;
    for (int i = 0; i < HPET_NUM_TIMERS; i++) {
        hpet_timer *t = &s->timers[i];
        mm_timer_del(t->timer);
        hpet_update_irq(s, t, false);
        t->cmp = UINT64_MAX;
        t->period = 0;
        t->config = TN_PERIODIC_CAP | TN_SIZE_CAP | (uint64_t)HPET_INTCAP << 32;
    }
    if (s->config & HPET_CFG_LEGACY)
        hpet_set_legacy(s, false);
    s->config = 0;
    s->isr = 0;
    s->counter = 0;
}

static bool hpet_realize(mm_object *obj, mm_error **errp)
{
    mm_hpet *s = (mm_hpet *)obj;
    for (int i = 0; i < HPET_NUM_TIMERS; i++) {
        s->timers[i].hpet = s;
        s->timers[i].index = i;
        s->timers[i].timer = mm_timer_new(MM_CLOCK_VIRTUAL, hpet_timer_cb, &s->timers[i]);
    }
    s->ioapic = mm_object_find_by_path("ioapic");
    s->mmio = mm_region_new_io(obj, "hpet", HPET_MMIO_SIZE, &hpet_ops, s);
    mm_region_add_subregion(mm_address_space_root(mm_machine_memory_space()), MM_HPET_BASE,
                            s->mmio, 1);
    hpet_reset(s);
    mm_machine_register_reset(hpet_reset, s);
    return true;
}

static const mm_type_info hpet_info = {
    .name = MM_TYPE_HPET,
    .parent = MM_TYPE_ISA_DEVICE,
    .description = "High Precision Event Timer (3 timers, 100 MHz, legacy replacement)",
    .category = "misc",
    .instance_size = sizeof(mm_hpet),
    .realize = hpet_realize,
};
MM_CORE_TYPE_REGISTER(hpet_info);
