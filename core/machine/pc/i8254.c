/*
 * The 8254 programmable interval timer at 0x40-0x43, 1.193182 MHz, channel 0
 * on ISA IRQ0, channel 2 gated by port 0x61.
 *
 * Counting is not stepped: each channel remembers when its count was loaded
 * and derives the counter and OUT from the virtual clock.  IRQ0 follows
 * channel 0's OUT pin, driven by a virtual-clock timer armed for its next
 * transition.  The timer callback evaluates OUT at the time it was armed for,
 * so every edge is generated even when the clock jumped past several.
 *
 * OUT per mode (8254 datasheet): 0 low until terminal count, then high;
 * 1 low from the trigger until terminal count; 2 high except one clock
 * before reload; 3 square wave, high for the first (count+1)/2 clocks;
 * 4/5 high except one clock at terminal count.
 */
#include <string.h>
#include <glib.h>
#include <modemu/event.h>
#include <modemu/irq.h>
#include <modemu/isa.h>
#include <modemu/log.h>
#include <modemu/machine.h>

#include "machine/pc/pit.h"
#include "object/core_types.h"

enum { RW_LATCH = 0, RW_LSB = 1, RW_MSB = 2, RW_WORD0 = 3, RW_WORD1 = 4 };

typedef struct pit_channel {
    uint32_t count;          /* 1..0x10000 */
    int64_t load_time;       /* ns when counting started */
    uint16_t latched_count;
    uint8_t count_latched;   /* RW_* state of a pending latch, 0 = none */
    bool status_latched;
    uint8_t status;
    uint8_t read_state, write_state, write_latch;
    uint8_t rw_mode, mode;
    bool bcd, gate;
    /* Channel 0 only: IRQ timer and the time it is armed for. */
    mm_timer *timer;
    int64_t next_transition;
} pit_channel;

typedef struct mm_i8254 {
    mm_isa_device parent;
    pit_channel ch[3];
    mm_memory_region *io;
    mm_irq *irq;
    bool irq_enabled;
} mm_i8254;

static mm_i8254 *board_pit;

static int64_t now_ns(void)
{
    return mm_clock_get_ns(MM_CLOCK_VIRTUAL);
}

static uint64_t ns_to_ticks(int64_t ns)
{
    return ns <= 0 ? 0 : (uint64_t)(((unsigned __int128)ns * MM_PIT_FREQ) / MM_NS_PER_SEC);
}

/* The first instant at which `ticks` clocks have elapsed. */
static int64_t ticks_to_ns(uint64_t ticks)
{
    return (int64_t)(((unsigned __int128)ticks * MM_NS_PER_SEC + MM_PIT_FREQ - 1) / MM_PIT_FREQ);
}

static uint64_t pit_elapsed(const pit_channel *c, int64_t t)
{
    return ns_to_ticks(t - c->load_time);
}

static uint32_t pit_counter(const pit_channel *c, int64_t t)
{
    uint64_t d = pit_elapsed(c, t);
    switch (c->mode) {
    case 0: case 1: case 4: case 5:
        return (c->count - d) & 0xffff;
    case 3:
        /* Counts down by two, twice per period. */
        return c->count - ((2 * d) % c->count);
    default:
        return c->count - (d % c->count);
    }
}

static bool pit_out_at(const pit_channel *c, int64_t t)
{
    uint64_t d = pit_elapsed(c, t);
    switch (c->mode) {
    case 0:
    case 1:
        return d >= c->count;
    case 2:
        return c->count < 2 || d % c->count != c->count - 1;
    case 3:
        return d % c->count < (c->count + 1) / 2;
    default: /* 4, 5 */
        return d != c->count;
    }
}

/* Elapsed ticks of OUT's next change after `d` ticks, or 0 if none. */
static uint64_t pit_next_transition_ticks(const pit_channel *c, uint64_t d)
{
    uint64_t period = c->count, base = d - d % period;
    switch (c->mode) {
    case 0:
    case 1:
        return d < period ? period : 0;
    case 2:
        /* Low at period-1, high again at period.  A count of 1 is illegal
         * in the periodic modes: OUT then never changes. */
        if (period < 2)
            return 0;
        return d % period < period - 1 ? base + period - 1 : base + period;
    case 3: {
        if (period < 2)
            return 0;
        uint64_t high = (period + 1) / 2;
        return d % period < high ? base + high : base + period;
    }
    default: /* 4, 5 */
        if (d < period)
            return period;
        return d == period ? period + 1 : 0;
    }
}

static void pit_irq_schedule(mm_i8254 *s, int64_t after)
{
    pit_channel *c = &s->ch[0];
    if (!c->timer)
        return;
    uint64_t d = pit_elapsed(c, after);
    uint64_t next = s->irq_enabled ? pit_next_transition_ticks(c, d) : 0;
    if (!next) {
        mm_timer_del(c->timer);
        return;
    }
    c->next_transition = c->load_time + ticks_to_ns(next);
    mm_timer_mod(c->timer, c->next_transition);
}

static void pit_irq_timer_cb(void *opaque)
{
    mm_i8254 *s = opaque;
    pit_channel *c = &s->ch[0];
    int64_t t = c->next_transition;
    mm_irq_set(s->irq, pit_out_at(c, t));
    pit_irq_schedule(s, t);
}

/* Restart channel 0's IRQ output after a reprogramming at time t. */
static void pit_irq_restart(mm_i8254 *s, int64_t t)
{
    if (!s->irq_enabled)
        return;
    mm_irq_set(s->irq, pit_out_at(&s->ch[0], t));
    pit_irq_schedule(s, t);
}

static void pit_load_count(mm_i8254 *s, int channel, uint32_t value)
{
    pit_channel *c = &s->ch[channel];
    if (value == 0)
        value = 0x10000;
    c->count = value;
    c->load_time = now_ns();
    if (channel == 0)
        pit_irq_restart(s, c->load_time);
}

static void pit_latch_count(pit_channel *c)
{
    if (c->count_latched)
        return;
    c->latched_count = pit_counter(c, now_ns());
    c->count_latched = c->rw_mode;
}

static void pit_read_back(mm_i8254 *s, uint8_t val)
{
    for (int i = 0; i < 3; i++) {
        if (!(val & (2 << i)))
            continue;
        pit_channel *c = &s->ch[i];
        if (!(val & 0x20))
            pit_latch_count(c);
        if (!(val & 0x10) && !c->status_latched) {
            c->status = (pit_out_at(c, now_ns()) << 7) | (c->rw_mode << 4) | (c->mode << 1) |
                        c->bcd;
            c->status_latched = true;
        }
    }
}

static void pit_write_control(mm_i8254 *s, uint8_t val)
{
    int channel = val >> 6;
    if (channel == 3) {
        pit_read_back(s, val);
        return;
    }
    pit_channel *c = &s->ch[channel];
    int access = (val >> 4) & 3;
    if (access == 0) {
        pit_latch_count(c);
        return;
    }
    c->rw_mode = access;
    c->read_state = c->write_state = access;
    c->mode = (val >> 1) & 7;
    if (c->mode > 5)
        c->mode -= 4;   /* 6 and 7 alias 2 and 3 */
    c->bcd = val & 1;
    if (c->bcd)
        mm_log(MM_LOG_UNIMP, "i8254: BCD counting not supported, counting in binary\n");
}

static void pit_write_counter(mm_i8254 *s, int channel, uint8_t val)
{
    pit_channel *c = &s->ch[channel];
    switch (c->write_state) {
    case RW_LSB:
        pit_load_count(s, channel, val);
        break;
    case RW_MSB:
        pit_load_count(s, channel, val << 8);
        break;
    case RW_WORD0:
        c->write_latch = val;
        c->write_state = RW_WORD1;
        break;
    default:
        pit_load_count(s, channel, c->write_latch | (val << 8));
        c->write_state = RW_WORD0;
        break;
    }
}

static uint8_t pit_read_latched(pit_channel *c)
{
    uint8_t ret;
    switch (c->count_latched) {
    case RW_LSB:
        ret = c->latched_count & 0xff;
        c->count_latched = 0;
        break;
    case RW_MSB:
        ret = c->latched_count >> 8;
        c->count_latched = 0;
        break;
    default: /* RW_WORD0: low byte now, high byte next */
        ret = c->latched_count & 0xff;
        c->count_latched = RW_MSB;
        break;
    }
    return ret;
}

static uint8_t pit_read_counter(pit_channel *c)
{
    if (c->status_latched) {
        c->status_latched = false;
        return c->status;
    }
    if (c->count_latched)
        return pit_read_latched(c);
    uint32_t count = pit_counter(c, now_ns());
    switch (c->read_state) {
    case RW_LSB:
        return count & 0xff;
    case RW_MSB:
        return (count >> 8) & 0xff;
    case RW_WORD0:
        c->read_state = RW_WORD1;
        return count & 0xff;
    default:
        c->read_state = RW_WORD0;
        return (count >> 8) & 0xff;
    }
}

static uint64_t pit_io_read(void *opaque, uint64_t offset, unsigned size)
{
    mm_i8254 *s = opaque;
    if (offset == 3)
        return 0xff;   /* the control word register is write-only */
    return pit_read_counter(&s->ch[offset]);
}

static void pit_io_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    mm_i8254 *s = opaque;
    if (offset == 3)
        pit_write_control(s, value);
    else
        pit_write_counter(s, offset, value);
}

static const mm_region_ops pit_ops = {
    .read = pit_io_read,
    .write = pit_io_write,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

void mm_pit_set_gate(int channel, bool gate)
{
    mm_i8254 *s = board_pit;
    if (!s || channel < 0 || channel > 2)
        return;
    pit_channel *c = &s->ch[channel];
    /* Modes 1, 2, 3 and 5 restart on a rising gate.  Gating off modes 0/2/3/4
     * (pausing the count) is not modelled, as on QEMU. */
    if (gate && !c->gate && c->mode != 0 && c->mode != 4) {
        c->load_time = now_ns();
        if (channel == 0)
            pit_irq_restart(s, c->load_time);
    }
    c->gate = gate;
}

bool mm_pit_get_gate(int channel)
{
    return board_pit && channel >= 0 && channel <= 2 && board_pit->ch[channel].gate;
}

bool mm_pit_get_out(int channel)
{
    if (!board_pit || channel < 0 || channel > 2)
        return false;
    return pit_out_at(&board_pit->ch[channel], now_ns());
}

void mm_pit_set_irq_enabled(bool enabled)
{
    mm_i8254 *s = board_pit;
    if (!s || s->irq_enabled == enabled)
        return;
    s->irq_enabled = enabled;
    if (enabled) {
        pit_irq_restart(s, now_ns());
    } else {
        mm_timer_del(s->ch[0].timer);
        mm_irq_lower(s->irq);
    }
}

/* Power-on: every channel in mode 3 with count 0x10000 (channel 0 ticks at
 * 18.2 Hz, as the BIOS expects), gates high except channel 2's. */
static void pit_reset(void *opaque)
{
    mm_i8254 *s = opaque;
    for (int i = 0; i < 3; i++) {
        pit_channel *c = &s->ch[i];
        mm_timer *timer = c->timer;
        memset(c, 0, sizeof(*c));
        c->timer = timer;
        c->mode = 3;
        c->rw_mode = c->read_state = c->write_state = RW_WORD0;
        c->gate = i != 2;
        pit_load_count(s, i, 0);
    }
}

static bool pit_realize(mm_object *obj, mm_error **errp)
{
    mm_i8254 *s = (mm_i8254 *)obj;
    s->io = mm_region_new_io(obj, "pit", 4, &pit_ops, s);
    mm_isa_register_ioport(&s->parent, s->io, 0x40);
    s->irq = mm_isa_get_irq(0);
    s->irq_enabled = true;
    s->ch[0].timer = mm_timer_new(MM_CLOCK_VIRTUAL, pit_irq_timer_cb, s);
    board_pit = s;
    pit_reset(s);
    mm_machine_register_reset(pit_reset, s);
    return true;
}

static void pit_unrealize(mm_object *obj)
{
    mm_i8254 *s = (mm_i8254 *)obj;
    mm_machine_unregister_reset(pit_reset, s);
    mm_timer_free(s->ch[0].timer);
    s->ch[0].timer = NULL;
    mm_isa_unregister_ioport(&s->parent, s->io);
    mm_region_free(s->io);
    if (board_pit == s)
        board_pit = NULL;
}

static const mm_type_info i8254_info = {
    .name = MM_TYPE_I8254,
    .parent = MM_TYPE_ISA_DEVICE,
    .description = "8254 programmable interval timer (IRQ0)",
    .category = "misc",
    .instance_size = sizeof(mm_i8254),
    .realize = pit_realize,
    .unrealize = pit_unrealize,
};
MM_CORE_TYPE_REGISTER(i8254_info);
