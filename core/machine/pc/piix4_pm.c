/*
 * PIIX4 power management function (PCI 00:01.3, 8086:7113 rev 3): the ACPI
 * PM1 event/control registers and the 24-bit PM timer (3.579545 MHz, from
 * the virtual clock) in a 64-byte I/O block at PMBA (cfg 0x40, enabled by
 * PMREGMISC bit 0, cfg 0x80), the fixed GPE0 block at 0xAFE0, APM ports
 * 0xB2/0xB3, SCI on ISA IRQ 9.
 *
 * No SMM is emulated: like QEMU with smm=off, DEVACTB (cfg 0x5B) reads 0x02
 * so SeaBIOS skips its SMM set-up, SCI_EN is already set at reset, and APM
 * commands other than ACPI enable/disable are only logged.
 */
#include <glib.h>
#include <modemu/event.h>
#include <modemu/isa.h>
#include <modemu/log.h>
#include <modemu/machine.h>
#include <modemu/pci.h>

#include "object/core_types.h"
#include "pci/pci_internal.h"

#define PIIX4_PMBA 0x40
#define PIIX4_DEVACTB 0x58
#define PIIX4_PMREGMISC 0x80
#define PMREGMISC_PMIOSE 0x01
#define PM_IO_SIZE 64
#define PM_BASE_MASK 0xffc0

#define PM1_STS 0x00
#define PM1_EN 0x02
#define PM1_CNT 0x04
#define PM_TMR 0x08

#define PM1_TMR 0x0001
#define PM1_GBL 0x0020
#define PM1_PWRBTN 0x0100
#define PM1_RTC 0x0400
#define PM1_WAK_STS 0x8000
#define PM1_SCI_SOURCES (PM1_TMR | PM1_GBL | PM1_PWRBTN | PM1_RTC)
#define PM1_CNT_SCI_EN 0x0001
#define PM1_CNT_SLP_TYP_SHIFT 10
#define PM1_CNT_SLP_TYP_MASK (7u << PM1_CNT_SLP_TYP_SHIFT)
#define PM1_CNT_SLP_EN 0x2000
#define SLP_TYP_S5 0

#define PM_TIMER_FREQ 3579545
#define PM_TIMER_MASK 0xffffff
#define PM_TIMER_MSB (1u << 23)

#define GPE0_BASE 0xafe0
#define GPE0_LEN 4
#define APM_CNT_PORT 0xb2
#define APM_ACPI_ENABLE 0xf1
#define APM_ACPI_DISABLE 0xf0
#define SCI_IRQ 9

typedef struct mm_piix4_pm {
    mm_pci_device parent;
    uint16_t pm1_sts, pm1_en, pm1_cnt;
    uint16_t gpe_sts, gpe_en;
    uint8_t apm_cnt, apm_sts;
    int64_t tmr_overflow_ns;    /* next time bit 23 of the timer toggles */
    mm_timer *tmr_timer;
    mm_memory_region *pm_io, *gpe_io, *apm_io;
    bool pm_io_mapped;
    mm_irq *sci;
} mm_piix4_pm;

static uint64_t pm_timer_ticks(int64_t ns)
{
    return ns <= 0 ? 0 : (uint64_t)(((unsigned __int128)ns * PM_TIMER_FREQ) / MM_NS_PER_SEC);
}

static int64_t pm_ticks_to_ns(uint64_t ticks)
{
    return (int64_t)(((unsigned __int128)ticks * MM_NS_PER_SEC + PM_TIMER_FREQ - 1) /
                     PM_TIMER_FREQ);
}

static void pm_update_sci(mm_piix4_pm *s)
{
    bool level = (s->pm1_sts & s->pm1_en & PM1_SCI_SOURCES) || (s->gpe_sts & s->gpe_en);
    mm_irq_set(s->sci, level);
}

/* TMR_STS is set whenever the timer's bit 23 changes; compute lazily and
 * run a timer only while the guest wants the SCI for it. */
static void pm_timer_refresh(mm_piix4_pm *s)
{
    int64_t now = mm_clock_get_ns(MM_CLOCK_VIRTUAL);
    if (now >= s->tmr_overflow_ns) {
        s->pm1_sts |= PM1_TMR;
        uint64_t ticks = pm_timer_ticks(now);
        uint64_t next = (ticks / PM_TIMER_MSB + 1) * PM_TIMER_MSB;
        s->tmr_overflow_ns = pm_ticks_to_ns(next);
    }
    if (s->pm1_en & PM1_TMR)
        mm_timer_mod(s->tmr_timer, s->tmr_overflow_ns);
    else
        mm_timer_del(s->tmr_timer);
}

static void pm_timer_cb(void *opaque)
{
    mm_piix4_pm *s = opaque;
    pm_timer_refresh(s);
    pm_update_sci(s);
}

/* The power button (monitor system_powerdown): PWRBTN_STS, and an SCI if
 * the guest enabled it; an OS without ACPI ignores it, as on QEMU. */
static void pm_power_button(void *opaque)
{
    mm_piix4_pm *s = opaque;
    if (!(s->pm1_en & PM1_PWRBTN))
        return;
    s->pm1_sts |= PM1_PWRBTN;
    pm_update_sci(s);
}

static void pm_write_cnt(mm_piix4_pm *s, uint16_t value)
{
    s->pm1_cnt = value & ~PM1_CNT_SLP_EN;
    if (!(value & PM1_CNT_SLP_EN))
        return;
    unsigned slp_typ = (value & PM1_CNT_SLP_TYP_MASK) >> PM1_CNT_SLP_TYP_SHIFT;
    if (slp_typ == SLP_TYP_S5) {
        mm_machine_request_shutdown(MM_SHUTDOWN_GUEST_POWEROFF);
        return;
    }
    mm_log(MM_LOG_UNIMP, "piix4-pm: sleep type %u (S3/S4) not supported, ignored\n", slp_typ);
}

static uint64_t pm_io_read(void *opaque, uint64_t offset, unsigned size)
{
    mm_piix4_pm *s = opaque;
    switch (offset) {
    case PM1_STS:
        pm_timer_refresh(s);
        return s->pm1_sts;
    case PM1_EN:
        return s->pm1_en;
    case PM1_CNT:
        return s->pm1_cnt;
    case PM_TMR:
    case PM_TMR + 2: {
        uint32_t tmr = pm_timer_ticks(mm_clock_get_ns(MM_CLOCK_VIRTUAL)) & PM_TIMER_MASK;
        return tmr >> (8 * (offset - PM_TMR));
    }
    default:
        return 0;
    }
}

static void pm_io_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    mm_piix4_pm *s = opaque;
    switch (offset) {
    case PM1_STS:
        pm_timer_refresh(s);
        s->pm1_sts &= ~value;   /* write 1 to clear */
        break;
    case PM1_EN:
        s->pm1_en = value;
        pm_timer_refresh(s);
        break;
    case PM1_CNT:
        pm_write_cnt(s, value);
        break;
    default:
        break;
    }
    pm_update_sci(s);
}

/* Registers are 16-bit (the timer 32-bit); narrower or odd accesses are
 * split by the core into the implemented sizes. */
static const mm_region_ops pm_io_ops = {
    .read = pm_io_read,
    .write = pm_io_write,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 2, .max_access_size = 4 },
};

static uint64_t gpe_read(void *opaque, uint64_t offset, unsigned size)
{
    mm_piix4_pm *s = opaque;
    uint32_t regs = s->gpe_sts | (uint32_t)s->gpe_en << 16;
    return (regs >> (8 * offset)) & 0xff;
}

static void gpe_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    mm_piix4_pm *s = opaque;
    unsigned shift = 8 * (offset & 1);
    if (offset < 2)
        s->gpe_sts &= ~((value & 0xff) << shift);
    else
        s->gpe_en = (s->gpe_en & ~(0xff << shift)) | (value & 0xff) << shift;
    pm_update_sci(s);
}

static const mm_region_ops gpe_ops = {
    .read = gpe_read,
    .write = gpe_write,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

static uint64_t apm_read(void *opaque, uint64_t offset, unsigned size)
{
    mm_piix4_pm *s = opaque;
    return offset == 0 ? s->apm_cnt : s->apm_sts;
}

static void apm_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    mm_piix4_pm *s = opaque;
    if (offset == 1) {
        s->apm_sts = value;
        return;
    }
    s->apm_cnt = value;
    if (value == APM_ACPI_ENABLE)
        s->pm1_cnt |= PM1_CNT_SCI_EN;
    else if (value == APM_ACPI_DISABLE)
        s->pm1_cnt &= ~PM1_CNT_SCI_EN;
    else
        mm_log(MM_LOG_UNIMP, "piix4-pm: APM command 0x%02x needs SMM, ignored\n",
               (unsigned)value);
}

static const mm_region_ops apm_ops = {
    .read = apm_read,
    .write = apm_write,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

static void pm_io_space_update(mm_piix4_pm *s)
{
    uint8_t *c = s->parent.config;
    mm_memory_region *io = mm_address_space_root(mm_machine_io_space());
    if (s->pm_io_mapped) {
        mm_region_del_subregion(io, s->pm_io);
        s->pm_io_mapped = false;
    }
    uint32_t base = pci_get_long(c + PIIX4_PMBA) & PM_BASE_MASK;
    if ((c[PIIX4_PMREGMISC] & PMREGMISC_PMIOSE) && base) {
        mm_region_add_subregion(io, base, s->pm_io, 0);
        s->pm_io_mapped = true;
    }
}

static void piix4_pm_config_write(mm_pci_device *dev, uint32_t offset, uint32_t value,
                                  unsigned len)
{
    mm_pci_default_config_write(dev, offset, value, len);
    if (ranges_overlap(offset, len, PIIX4_PMBA, 4) ||
        ranges_overlap(offset, len, PIIX4_PMREGMISC, 1))
        pm_io_space_update((mm_piix4_pm *)dev);
}

static void piix4_pm_reset(void *opaque)
{
    mm_piix4_pm *s = opaque;
    uint8_t *c = s->parent.config;
    pci_set_long(c + PIIX4_PMBA, 0x00000001);   /* bit 0: I/O space indicator */
    c[PIIX4_PMREGMISC] = 0;
    pci_set_long(c + PIIX4_DEVACTB, 0x02000000);   /* 0x5B = 0x02: no SMM set-up */
    s->pm1_sts = s->pm1_en = 0;
    s->pm1_cnt = PM1_CNT_SCI_EN;   /* ACPI-only: no SMM to hand over from */
    s->gpe_sts = s->gpe_en = 0;
    s->apm_cnt = s->apm_sts = 0;
    s->tmr_overflow_ns = 0;
    pm_timer_refresh(s);
    s->pm1_sts &= ~PM1_TMR;
    pm_io_space_update(s);
    pm_update_sci(s);
}

static bool piix4_pm_realize(mm_object *obj, mm_error **errp)
{
    mm_piix4_pm *s = (mm_piix4_pm *)obj;
    mm_pci_device *dev = &s->parent;
    mm_pci_set_ids(dev, 0x8086, 0x7113, 0x068000, 0x03);
    mm_pci_set_interrupt_pin(dev, 1);
    dev->config_write = piix4_pm_config_write;
    /* PMBA: bits 15:6 writable; PMREGMISC: only the enable bit. */
    pci_set_long(dev->wmask + PIIX4_PMBA, PM_BASE_MASK);
    dev->wmask[PIIX4_PMREGMISC] = PMREGMISC_PMIOSE;
    s->sci = mm_isa_get_irq(SCI_IRQ);
    s->tmr_timer = mm_timer_new(MM_CLOCK_VIRTUAL, pm_timer_cb, s);
    s->pm_io = mm_region_new_io(obj, "piix4-pm", PM_IO_SIZE, &pm_io_ops, s);
    s->gpe_io = mm_region_new_io(obj, "acpi-gpe0", GPE0_LEN, &gpe_ops, s);
    s->apm_io = mm_region_new_io(obj, "apm-io", 2, &apm_ops, s);
    mm_memory_region *io = mm_address_space_root(mm_machine_io_space());
    mm_region_add_subregion(io, GPE0_BASE, s->gpe_io, 0);
    mm_region_add_subregion(io, APM_CNT_PORT, s->apm_io, 0);
    piix4_pm_reset(s);
    mm_machine_register_reset(piix4_pm_reset, s);
    mm_machine_register_powerdown(pm_power_button, s);
    return true;
}

static const mm_type_info piix4_pm_info = {
    .name = "PIIX4_PM",
    .parent = MM_TYPE_PCI_DEVICE,
    .description = "Intel PIIX4 ACPI power management (PM1, PM timer, APM, SCI on IRQ 9)",
    .category = "bridge",
    .instance_size = sizeof(mm_piix4_pm),
    .realize = piix4_pm_realize,
};
MM_CORE_TYPE_REGISTER(piix4_pm_info);
