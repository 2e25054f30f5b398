/*
 * MC146818 RTC and CMOS at 0x70/0x71 (index bit 7, the NMI mask, ignored),
 * IRQ8.  Facts from the MC146818A datasheet: registers A-D, BCD/binary and
 * 12/24-hour formats, SET freezes the clock, periodic/alarm/update-ended
 * interrupts flagged in register C (cleared by reading it), UIP during the
 * 244 us before each update, rates 1..15 of the 32.768 kHz divider chain.
 *
 * Guest time is kept as an offset from the chosen clock (-rtc clock=host:
 * wall clock, clock=vm: the virtual clock), so it costs nothing while no
 * interrupt is enabled; timers run only for enabled interrupts.
 */
#define _GNU_SOURCE   /* strptime, timegm, tm_gmtoff */
#include <string.h>
#include <time.h>
#include <glib.h>
#include <modemu/event.h>
#include <modemu/irq.h>
#include <modemu/isa.h>
#include <modemu/log.h>
#include <modemu/machine.h>

#include "machine/machine.h"
#include "machine/pc/rtc.h"
#include "object/core_types.h"

#define RTC_SECONDS 0x00
#define RTC_SECONDS_ALARM 0x01
#define RTC_MINUTES 0x02
#define RTC_MINUTES_ALARM 0x03
#define RTC_HOURS 0x04
#define RTC_HOURS_ALARM 0x05
#define RTC_DAY_OF_WEEK 0x06
#define RTC_DAY_OF_MONTH 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_REG_A 0x0a
#define RTC_REG_B 0x0b
#define RTC_REG_C 0x0c
#define RTC_REG_D 0x0d
#define RTC_CENTURY 0x32

#define REG_A_UIP 0x80
#define REG_A_DV_MASK 0x70
#define REG_A_DV_NORMAL 0x20
#define REG_A_RS_MASK 0x0f
#define REG_B_SET 0x80
#define REG_B_PIE 0x40
#define REG_B_AIE 0x20
#define REG_B_UIE 0x10
#define REG_B_SQWE 0x08
#define REG_B_DM_BINARY 0x04
#define REG_B_24H 0x02
#define REG_C_IRQF 0x80
#define REG_C_PF 0x40
#define REG_C_AF 0x20
#define REG_C_UF 0x10
#define REG_C_FLAGS 0x70
#define REG_D_VRT 0x80
#define ALARM_DONT_CARE 0xc0
#define HOUR_PM 0x80

#define RTC_FREQ 32768
#define UIP_WINDOW_NS 244000
#define NS_PER_SEC ((int64_t)MM_NS_PER_SEC)
#define RTC_MAX_SECONDS 7258118400ll   /* 2200-01-01T00:00:00Z */

typedef struct mm_rtc {
    mm_isa_device parent;
    uint8_t cmos[MM_RTC_CMOS_SIZE];
    uint8_t index;
    mm_clock_type clock;
    /* While running, guest time = guest_base_ns + (clock now - clock_base_ns). */
    int64_t guest_base_ns, clock_base_ns;
    int64_t last_flagged_second;   /* guest second whose update set UF */
    mm_timer *periodic_timer, *update_timer;
    int64_t periodic_next;         /* 32.768 kHz cycle of the next periodic tick */
    int64_t update_next;           /* clock ns of the next second boundary */
    mm_irq *irq;                   /* NULL while HPET legacy routing owns IRQ 8 */
    mm_irq *isa_irq;
    mm_memory_region *io;
} mm_rtc;

static mm_rtc *board_rtc;

static int64_t rtc_clock_now(const mm_rtc *s)
{
    return mm_clock_get_ns(s->clock);
}

static bool rtc_running(const mm_rtc *s)
{
    return !(s->cmos[RTC_REG_B] & REG_B_SET) &&
           (s->cmos[RTC_REG_A] & REG_A_DV_MASK) <= REG_A_DV_NORMAL;
}

static int64_t rtc_guest_ns(const mm_rtc *s)
{
    return s->guest_base_ns + (rtc_clock_now(s) - s->clock_base_ns);
}

static int64_t floor_div(int64_t a, int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* ---- register <-> time conversion ---- */

static bool rtc_binary(const mm_rtc *s)
{
    return s->cmos[RTC_REG_B] & REG_B_DM_BINARY;
}

static uint8_t rtc_to_reg(const mm_rtc *s, int value)
{
    return rtc_binary(s) ? value : ((value / 10) << 4) | (value % 10);
}

static int rtc_from_reg(const mm_rtc *s, uint8_t value)
{
    if (rtc_binary(s))
        return value;
    return ((value >> 4) & 0xf) * 10 + (value & 0xf);
}

static uint8_t rtc_hour_to_reg(const mm_rtc *s, int hour)
{
    if (s->cmos[RTC_REG_B] & REG_B_24H)
        return rtc_to_reg(s, hour);
    int h12 = hour % 12 ? hour % 12 : 12;
    return rtc_to_reg(s, h12) | (hour >= 12 ? HOUR_PM : 0);
}

static int rtc_hour_from_reg(const mm_rtc *s, uint8_t reg)
{
    if (s->cmos[RTC_REG_B] & REG_B_24H)
        return rtc_from_reg(s, reg);
    int hour = rtc_from_reg(s, reg & ~HOUR_PM) % 12;
    return (reg & HOUR_PM) ? hour + 12 : hour;
}

static void rtc_time_to_regs(mm_rtc *s, int64_t guest_seconds)
{
    time_t t = (time_t)guest_seconds;
    struct tm tm;
    gmtime_r(&t, &tm);
    s->cmos[RTC_SECONDS] = rtc_to_reg(s, tm.tm_sec);
    s->cmos[RTC_MINUTES] = rtc_to_reg(s, tm.tm_min);
    s->cmos[RTC_HOURS] = rtc_hour_to_reg(s, tm.tm_hour);
    s->cmos[RTC_DAY_OF_WEEK] = rtc_to_reg(s, tm.tm_wday + 1);
    s->cmos[RTC_DAY_OF_MONTH] = rtc_to_reg(s, tm.tm_mday);
    s->cmos[RTC_MONTH] = rtc_to_reg(s, tm.tm_mon + 1);
    s->cmos[RTC_YEAR] = rtc_to_reg(s, tm.tm_year % 100);
    s->cmos[RTC_CENTURY] = rtc_to_reg(s, (tm.tm_year + 1900) / 100);
}

static int64_t rtc_regs_to_time(const mm_rtc *s)
{
    struct tm tm = {
        .tm_sec = rtc_from_reg(s, s->cmos[RTC_SECONDS]),
        .tm_min = rtc_from_reg(s, s->cmos[RTC_MINUTES]),
        .tm_hour = rtc_hour_from_reg(s, s->cmos[RTC_HOURS]),
        .tm_mday = rtc_from_reg(s, s->cmos[RTC_DAY_OF_MONTH]),
        .tm_mon = rtc_from_reg(s, s->cmos[RTC_MONTH]) - 1,
        .tm_year = rtc_from_reg(s, s->cmos[RTC_YEAR]) +
                   rtc_from_reg(s, s->cmos[RTC_CENTURY]) * 100 - 1900,
    };
    /* The guest may store anything (invalid BCD, century 99...): keep the
     * result where nanosecond arithmetic cannot overflow (1970..2200). */
    int64_t t = (int64_t)timegm(&tm);
    return t < 0 ? 0 : MIN(t, RTC_MAX_SECONDS);
}

/* Restarts the clock from the time registers, `sub_ns` into the second. */
static void rtc_set_time_from_regs(mm_rtc *s, int64_t sub_ns)
{
    s->guest_base_ns = rtc_regs_to_time(s) * NS_PER_SEC + sub_ns;
    s->clock_base_ns = rtc_clock_now(s);
    s->last_flagged_second = floor_div(s->guest_base_ns, NS_PER_SEC);
}

static void rtc_refresh_time_regs(mm_rtc *s)
{
    if (rtc_running(s))
        rtc_time_to_regs(s, floor_div(rtc_guest_ns(s), NS_PER_SEC));
}

/* ---- interrupts ---- */

static void rtc_raise_flags(mm_rtc *s, uint8_t flags)
{
    s->cmos[RTC_REG_C] |= flags;
    if (s->cmos[RTC_REG_B] & s->cmos[RTC_REG_C] & REG_C_FLAGS) {
        s->cmos[RTC_REG_C] |= REG_C_IRQF;
        mm_irq_raise(s->irq);
    }
}

static bool rtc_alarm_field_matches(const mm_rtc *s, int alarm_reg, int time_reg)
{
    uint8_t alarm = s->cmos[alarm_reg];
    return (alarm & ALARM_DONT_CARE) == ALARM_DONT_CARE || alarm == s->cmos[time_reg];
}

static bool rtc_alarm_matches(mm_rtc *s, int64_t guest_second)
{
    rtc_time_to_regs(s, guest_second);
    return rtc_alarm_field_matches(s, RTC_SECONDS_ALARM, RTC_SECONDS) &&
           rtc_alarm_field_matches(s, RTC_MINUTES_ALARM, RTC_MINUTES) &&
           rtc_alarm_field_matches(s, RTC_HOURS_ALARM, RTC_HOURS);
}

/* The update cycle at the start of guest second `second`. */
static void rtc_update_cycle(mm_rtc *s, int64_t second)
{
    uint8_t flags = REG_C_UF;
    if (rtc_alarm_matches(s, second))
        flags |= REG_C_AF;
    s->last_flagged_second = second;
    rtc_raise_flags(s, flags);
}

/* Update-ended flags that the guest can observe without a timer running:
 * computed when register C is read. */
static void rtc_catch_up_updates(mm_rtc *s)
{
    if (!rtc_running(s))
        return;
    int64_t second = floor_div(rtc_guest_ns(s), NS_PER_SEC);
    if (second > s->last_flagged_second)
        rtc_update_cycle(s, second);
}

static void rtc_update_timer_arm(mm_rtc *s)
{
    bool wanted = rtc_running(s) && (s->cmos[RTC_REG_B] & (REG_B_UIE | REG_B_AIE));
    if (!wanted) {
        mm_timer_del(s->update_timer);
        return;
    }
    int64_t guest = rtc_guest_ns(s);
    int64_t next_second = floor_div(guest, NS_PER_SEC) + 1;
    s->update_next = s->clock_base_ns + (next_second * NS_PER_SEC - s->guest_base_ns);
    mm_timer_mod(s->update_timer, s->update_next);
}

static void rtc_update_timer_cb(void *opaque)
{
    mm_rtc *s = opaque;
    if (!rtc_running(s))
        return;
    int64_t second = floor_div(s->guest_base_ns + (s->update_next - s->clock_base_ns),
                               NS_PER_SEC);
    if (second > s->last_flagged_second)
        rtc_update_cycle(s, second);
    s->update_next += NS_PER_SEC;
    mm_timer_mod(s->update_timer, s->update_next);
}

/* Period of rate select RS in 32.768 kHz cycles; 0 = off.  RS 1 and 2 give
 * the same rates as 8 and 9 (datasheet table 5 with the 32.768 kHz base). */
static int64_t rtc_period_cycles(const mm_rtc *s)
{
    int rs = s->cmos[RTC_REG_A] & REG_A_RS_MASK;
    if (!rs)
        return 0;
    if (rs <= 2)
        rs += 7;
    return 1ll << (rs - 1);
}

static int64_t cycles_to_ns(int64_t cycles)
{
    return (int64_t)(((__int128)cycles * NS_PER_SEC + RTC_FREQ - 1) / RTC_FREQ);
}

static void rtc_periodic_arm(mm_rtc *s)
{
    int64_t period = rtc_period_cycles(s);
    bool divider_on = (s->cmos[RTC_REG_A] & REG_A_DV_MASK) <= REG_A_DV_NORMAL;
    if (!period || !divider_on || !(s->cmos[RTC_REG_B] & REG_B_PIE)) {
        mm_timer_del(s->periodic_timer);
        return;
    }
    /* Ticks are aligned to the divider chain: multiples of the period. */
    int64_t now = rtc_clock_now(s);
    int64_t now_cycles = (int64_t)(((__int128)now * RTC_FREQ) / NS_PER_SEC);
    s->periodic_next = (floor_div(now_cycles, period) + 1) * period;
    mm_timer_mod(s->periodic_timer, cycles_to_ns(s->periodic_next));
}

static void rtc_periodic_timer_cb(void *opaque)
{
    mm_rtc *s = opaque;
    int64_t period = rtc_period_cycles(s);
    if (!period)
        return;
    rtc_raise_flags(s, REG_C_PF);
    /* Counted in divider cycles so that rounding to ns never accumulates. */
    s->periodic_next += period;
    mm_timer_mod(s->periodic_timer, cycles_to_ns(s->periodic_next));
}

/* ---- register access ---- */

static void rtc_write_reg_a(mm_rtc *s, uint8_t value)
{
    bool was_running = rtc_running(s);
    if (was_running)
        rtc_refresh_time_regs(s);
    s->cmos[RTC_REG_A] = value & ~REG_A_UIP;
    /* Leaving divider reset: the first update comes 500 ms later. */
    if (!was_running && rtc_running(s))
        rtc_set_time_from_regs(s, NS_PER_SEC / 2);
    rtc_periodic_arm(s);
    rtc_update_timer_arm(s);
}

static void rtc_write_reg_b(mm_rtc *s, uint8_t value)
{
    bool was_running = rtc_running(s);
    if (value & REG_B_SET) {
        if (was_running)
            rtc_refresh_time_regs(s);
        value &= ~REG_B_UIE;   /* SET clears UIE */
    }
    s->cmos[RTC_REG_B] = value;
    if (!was_running && rtc_running(s))
        rtc_set_time_from_regs(s, 0);
    if (value & s->cmos[RTC_REG_C] & REG_C_FLAGS) {
        s->cmos[RTC_REG_C] |= REG_C_IRQF;
        mm_irq_raise(s->irq);
    } else {
        s->cmos[RTC_REG_C] &= ~REG_C_IRQF;
        mm_irq_lower(s->irq);
    }
    rtc_periodic_arm(s);
    rtc_update_timer_arm(s);
}

static void rtc_write_time_reg(mm_rtc *s, uint8_t index, uint8_t value)
{
    if (rtc_running(s)) {
        rtc_refresh_time_regs(s);
        s->cmos[index] = value;
        rtc_set_time_from_regs(s, 0);
        rtc_update_timer_arm(s);
    } else {
        s->cmos[index] = value;
    }
}

static void rtc_cmos_write(mm_rtc *s, uint8_t index, uint8_t value)
{
    switch (index) {
    case RTC_SECONDS: case RTC_MINUTES: case RTC_HOURS: case RTC_DAY_OF_WEEK:
    case RTC_DAY_OF_MONTH: case RTC_MONTH: case RTC_YEAR: case RTC_CENTURY:
        rtc_write_time_reg(s, index, value);
        break;
    case RTC_REG_A:
        rtc_write_reg_a(s, value);
        break;
    case RTC_REG_B:
        rtc_write_reg_b(s, value);
        break;
    case RTC_REG_C:
    case RTC_REG_D:
        break;   /* read-only */
    default:
        s->cmos[index] = value;
        break;
    }
}

static uint8_t rtc_cmos_read(mm_rtc *s, uint8_t index)
{
    switch (index) {
    case RTC_SECONDS: case RTC_MINUTES: case RTC_HOURS: case RTC_DAY_OF_WEEK:
    case RTC_DAY_OF_MONTH: case RTC_MONTH: case RTC_YEAR: case RTC_CENTURY:
        rtc_refresh_time_regs(s);
        return s->cmos[index];
    case RTC_REG_A: {
        uint8_t value = s->cmos[RTC_REG_A];
        if (rtc_running(s)) {
            int64_t sub = rtc_guest_ns(s) - floor_div(rtc_guest_ns(s), NS_PER_SEC) * NS_PER_SEC;
            if (sub >= NS_PER_SEC - UIP_WINDOW_NS)
                value |= REG_A_UIP;
        }
        return value;
    }
    case RTC_REG_C: {
        rtc_catch_up_updates(s);
        uint8_t value = s->cmos[RTC_REG_C];
        s->cmos[RTC_REG_C] = 0;
        mm_irq_lower(s->irq);
        return value;
    }
    case RTC_REG_D:
        return REG_D_VRT;
    default:
        return s->cmos[index];
    }
}

static uint64_t rtc_io_read(void *opaque, uint64_t offset, unsigned size)
{
    mm_rtc *s = opaque;
    if (offset == 0)
        return 0xff;
    return rtc_cmos_read(s, s->index);
}

static void rtc_io_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    mm_rtc *s = opaque;
    if (offset == 0)
        s->index = value & 0x7f;   /* bit 7 is the NMI mask, not modelled */
    else
        rtc_cmos_write(s, s->index, value);
}

static const mm_region_ops rtc_ops = {
    .read = rtc_io_read,
    .write = rtc_io_write,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

void mm_rtc_cmos_set(uint8_t index, uint8_t value)
{
    if (board_rtc && index < MM_RTC_CMOS_SIZE)
        board_rtc->cmos[index] = value;
}

void mm_rtc_set_irq_enabled(bool enabled)
{
    mm_rtc *s = board_rtc;
    if (!s)
        return;
    if (!enabled)
        mm_irq_lower(s->irq);
    s->irq = enabled ? s->isa_irq : NULL;
    if (enabled && (s->cmos[RTC_REG_C] & REG_C_IRQF))
        mm_irq_raise(s->irq);
}

uint8_t mm_rtc_cmos_get(uint8_t index)
{
    if (!board_rtc || index >= MM_RTC_CMOS_SIZE)
        return 0xff;
    return board_rtc->cmos[index];
}

/* ---- -rtc base= ---- */

static bool rtc_parse_base(const char *base, int64_t *seconds, mm_error **errp)
{
    time_t now = (time_t)(mm_clock_get_ns(MM_CLOCK_REALTIME) / NS_PER_SEC);
    if (!base || !strcmp(base, "utc")) {
        *seconds = now;
        return true;
    }
    if (!strcmp(base, "localtime")) {
        struct tm local;
        localtime_r(&now, &local);
        *seconds = (int64_t)now + local.tm_gmtoff;
        return true;
    }
    struct tm tm = { 0 };
    const char *end = strptime(base, "%Y-%m-%dT%H:%M:%S", &tm);
    if (!end || *end) {
        memset(&tm, 0, sizeof(tm));
        end = strptime(base, "%Y-%m-%d", &tm);
    }
    if (!end || *end || tm.tm_year < 0) {
        mm_error_set(errp, "invalid datetime format for -rtc base: '%s' "
                     "(valid formats: '2006-06-17T16:01:21' or '2006-06-17')", base);
        return false;
    }
    *seconds = (int64_t)timegm(&tm);
    if (*seconds < 0 || *seconds > RTC_MAX_SECONDS) {
        mm_error_set(errp, "-rtc base=%s: date out of range (1970-01-01 .. 2199-12-31)", base);
        return false;
    }
    return true;
}

static void rtc_reset(void *opaque)
{
    mm_rtc *s = opaque;
    s->cmos[RTC_REG_B] &= ~(REG_B_PIE | REG_B_AIE | REG_B_SQWE | REG_B_UIE);
    s->cmos[RTC_REG_C] &= ~(REG_C_UF | REG_C_IRQF | REG_C_PF | REG_C_AF);
    mm_irq_lower(s->irq);
    rtc_periodic_arm(s);
    rtc_update_timer_arm(s);
}

static bool rtc_realize(mm_object *obj, mm_error **errp)
{
    mm_rtc *s = (mm_rtc *)obj;
    mm_machine_state *m = mm_current_machine();
    int64_t base_seconds;
    if (!rtc_parse_base(m ? m->rtc_base : NULL, &base_seconds, errp))
        return false;
    s->clock = m && m->rtc_clock_vm ? MM_CLOCK_VIRTUAL : MM_CLOCK_REALTIME;
    s->cmos[RTC_REG_A] = 0x26;   /* 32.768 kHz divider, 1024 Hz rate */
    s->cmos[RTC_REG_B] = REG_B_24H;
    s->cmos[RTC_REG_D] = REG_D_VRT;
    s->guest_base_ns = base_seconds * NS_PER_SEC;
    s->clock_base_ns = rtc_clock_now(s);
    s->last_flagged_second = base_seconds;
    rtc_time_to_regs(s, base_seconds);
    s->isa_irq = mm_isa_get_irq(8);
    s->irq = s->isa_irq;
    s->periodic_timer = mm_timer_new(s->clock, rtc_periodic_timer_cb, s);
    s->update_timer = mm_timer_new(s->clock, rtc_update_timer_cb, s);
    s->io = mm_region_new_io(obj, "rtc", 2, &rtc_ops, s);
    mm_isa_register_ioport(&s->parent, s->io, 0x70);
    board_rtc = s;
    mm_machine_register_reset(rtc_reset, s);
    return true;
}

static void rtc_unrealize(mm_object *obj)
{
    mm_rtc *s = (mm_rtc *)obj;
    mm_machine_unregister_reset(rtc_reset, s);
    mm_timer_free(s->periodic_timer);
    mm_timer_free(s->update_timer);
    mm_isa_unregister_ioport(&s->parent, s->io);
    mm_region_free(s->io);
    if (board_rtc == s)
        board_rtc = NULL;
}

static const mm_type_info rtc_info = {
    .name = MM_TYPE_MC146818_RTC,
    .parent = MM_TYPE_ISA_DEVICE,
    .description = "MC146818 real-time clock and CMOS memory (IRQ8)",
    .category = "misc",
    .instance_size = sizeof(mm_rtc),
    .realize = rtc_realize,
    .unrealize = rtc_unrealize,
};
MM_CORE_TYPE_REGISTER(rtc_info);
