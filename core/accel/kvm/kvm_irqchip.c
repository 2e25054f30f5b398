/*
 * The in-kernel interrupt controllers: 8259 pair, IOAPIC, local APICs and the
 * 8254 PIT, used where the host offers them (KVM_CAP_IRQCHIP, KVM_CAP_PIT2).
 *
 * With them the kernel handles the controllers' ports and MMIO itself, INIT/
 * SIPI between vCPUs, and HLT; the board's interrupt outputs are routed here
 * as GSIs (mm_kvm_set_gsi) and MSIs (mm_kvm_signal_msi).
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <modemu/log.h>

#include "accel/kvm/kvm_int.h"
#include "machine/pc/apic_bus.h"


/* Local APIC register offsets (SDM vol. 3 table 11-1). */
enum {
    APIC_REG_ID = 0x20, APIC_REG_TPR = 0x80, APIC_REG_LDR = 0xd0, APIC_REG_DFR = 0xe0,
    APIC_REG_SVR = 0xf0, APIC_REG_ISR = 0x100, APIC_REG_TMR = 0x180, APIC_REG_IRR = 0x200,
    APIC_REG_ESR = 0x280, APIC_REG_ICR_LO = 0x300, APIC_REG_ICR_HI = 0x310,
    APIC_REG_LVT_TIMER = 0x320, APIC_REG_LVT_ERROR = 0x370, APIC_REG_TIMER_ICR = 0x380,
    APIC_REG_TIMER_DCR = 0x3e0,
    APIC_REG_LVT_LINT0 = 0x350,
};
#define APIC_LVT_MASKED 0x10000u
#define APIC_LVT_EXTINT 0x700u

static bool kvm_pit_create(kvm_state_t *s, mm_error **errp)
{
    struct kvm_pit_config config = { .flags = 0 };
    if (ioctl(s->vm_fd, KVM_CREATE_PIT2, &config) < 0) {
        mm_error_set(errp, "KVM: KVM_CREATE_PIT2 failed: %s", strerror(errno));
        return false;
    }
    s->pit_in_kernel = true;
    return true;
}

bool kvm_irqchip_create(kvm_state_t *s, const mm_kvm_options *opts, mm_error **errp)
{
    bool offered = kvm_device_has_cap(s->vm_fd, KVM_CAP_IRQCHIP) &&
                   kvm_device_has_cap(s->vm_fd, KVM_CAP_IRQ_ROUTING);
    if (opts->irqchip == MM_KVM_IRQCHIP_OFF)
        return true;
    if (!offered) {
        if (opts->irqchip == MM_KVM_IRQCHIP_ON) {
            mm_error_set(errp, "KVM: kernel-irqchip=on but the host has no in-kernel irqchip");
            return false;
        }
        return true;
    }
    if (ioctl(s->vm_fd, KVM_CREATE_IRQCHIP) < 0) {
        mm_error_set(errp, "KVM: KVM_CREATE_IRQCHIP failed: %s", strerror(errno));
        return false;
    }
    s->irqchip_in_kernel = true;
    /* PCI MSIs from the board go to the kernel's APICs, not the software ones. */
    mm_apic_bus_set_msi_sink(mm_kvm_signal_msi);
    if (!kvm_routes_init_pc(s, errp))
        return false;
    if (!opts->no_pit && kvm_device_has_cap(s->vm_fd, KVM_CAP_PIT2))
        return kvm_pit_create(s, errp);
    return true;
}

static void kvm_irqchip_set(kvm_state_t *s, struct kvm_irqchip *chip)
{
    if (ioctl(s->vm_fd, KVM_SET_IRQCHIP, chip) < 0)
        mm_log(MM_LOG_GUEST_ERROR, "kvm: KVM_SET_IRQCHIP(%u) failed: %s\n", chip->chip_id,
               strerror(errno));
}

/* Power-on state of one 8259; the ELCR is board state that survives reset. */
static void kvm_pic_reset(kvm_state_t *s, unsigned chip_id)
{
    struct kvm_irqchip chip = { .chip_id = chip_id };
    if (ioctl(s->vm_fd, KVM_GET_IRQCHIP, &chip) < 0)
        return;
    uint8_t elcr = chip.chip.pic.elcr, elcr_mask = chip.chip.pic.elcr_mask;
    memset(&chip.chip.pic, 0, sizeof(chip.chip.pic));
    chip.chip.pic.elcr = elcr;
    chip.chip.pic.elcr_mask = elcr_mask;
    kvm_irqchip_set(s, &chip);
}

static void kvm_ioapic_reset(kvm_state_t *s)
{
    struct kvm_irqchip chip = { .chip_id = KVM_IRQCHIP_IOAPIC };
    if (ioctl(s->vm_fd, KVM_GET_IRQCHIP, &chip) < 0)
        return;
    uint64_t base = chip.chip.ioapic.base_address;
    memset(&chip.chip.ioapic, 0, sizeof(chip.chip.ioapic));
    chip.chip.ioapic.base_address = base;
    for (unsigned pin = 0; pin < KVM_IOAPIC_PINS; pin++)
        chip.chip.ioapic.redirtbl[pin].fields.mask = 1;
    kvm_irqchip_set(s, &chip);
}

/* As the kernel leaves a fresh PIT: no counter programmed, gate 2 low. */
static void kvm_pit_reset(kvm_state_t *s)
{
    struct kvm_pit_state2 pit;
    memset(&pit, 0, sizeof(pit));
    for (unsigned ch = 0; ch < 3; ch++) {
        pit.channels[ch].mode = 0xff;
        pit.channels[ch].gate = ch != 2;
    }
    if (ioctl(s->vm_fd, KVM_SET_PIT2, &pit) < 0)
        mm_log(MM_LOG_GUEST_ERROR, "kvm: KVM_SET_PIT2 failed: %s\n", strerror(errno));
}

void kvm_irqchip_reset(kvm_state_t *s)
{
    if (!s->irqchip_in_kernel)
        return;
    kvm_pic_reset(s, KVM_IRQCHIP_PIC_MASTER);
    kvm_pic_reset(s, KVM_IRQCHIP_PIC_SLAVE);
    kvm_ioapic_reset(s);
    if (s->pit_in_kernel)
        kvm_pit_reset(s);
}

static void apic_reg_set(struct kvm_lapic_state *lapic, unsigned reg, uint32_t value)
{
    memcpy(&lapic->regs[reg], &value, sizeof(value));
}

/*
 * Power-on state of a local APIC (SDM vol. 3 10.4.7.1), with LINT0 of the
 * BSP in ExtINT mode as QEMU and KVM set it: the 8259 then reaches the BSP
 * in real mode before any firmware touches the APIC.
 */
void kvm_lapic_reset(kvm_state_t *s, kvm_vcpu *v)
{
    if (!s->irqchip_in_kernel)
        return;
    struct kvm_lapic_state lapic;
    if (ioctl(v->fd, KVM_GET_LAPIC, &lapic) < 0)
        return;
    uint32_t version;
    memcpy(&version, &lapic.regs[0x30], sizeof(version));
    memset(&lapic, 0, sizeof(lapic));
    apic_reg_set(&lapic, 0x30, version);
    apic_reg_set(&lapic, APIC_REG_ID, v->index << 24);
    apic_reg_set(&lapic, APIC_REG_DFR, 0xffffffffu);
    apic_reg_set(&lapic, APIC_REG_SVR, 0xff);
    for (unsigned reg = APIC_REG_LVT_TIMER; reg <= APIC_REG_LVT_ERROR; reg += 0x10)
        apic_reg_set(&lapic, reg, APIC_LVT_MASKED);
    if (v->index == 0)
        apic_reg_set(&lapic, APIC_REG_LVT_LINT0, APIC_LVT_EXTINT);
    if (ioctl(v->fd, KVM_SET_LAPIC, &lapic) < 0)
        mm_log(MM_LOG_GUEST_ERROR, "kvm: KVM_SET_LAPIC failed: %s\n", strerror(errno));
}

bool mm_kvm_irqchip_in_kernel(void)
{
    return kvm_state()->irqchip_in_kernel;
}

void mm_kvm_set_gsi(unsigned gsi, int level)
{
    kvm_state_t *s = kvm_state();
    if (!s->irqchip_in_kernel || gsi >= KVM_IOAPIC_PINS)
        return;
    struct kvm_irq_level line = { .irq = gsi, .level = level != 0 };
    if (ioctl(s->vm_fd, KVM_IRQ_LINE, &line) < 0)
        mm_log(MM_LOG_GUEST_ERROR, "kvm: KVM_IRQ_LINE %u failed: %s\n", gsi, strerror(errno));
}

void mm_kvm_signal_msi(uint64_t addr, uint32_t data)
{
    kvm_state_t *s = kvm_state();
    if (!s->irqchip_in_kernel)
        return;
    struct kvm_msi msi = {
        .address_lo = (uint32_t)addr,
        .address_hi = (uint32_t)(addr >> 32),
        .data = data,
    };
    /* 0 means the interrupt was blocked (masked at the APIC): not an error. */
    if (ioctl(s->vm_fd, KVM_SIGNAL_MSI, &msi) < 0)
        mm_log(MM_LOG_GUEST_ERROR, "kvm: KVM_SIGNAL_MSI 0x%" G_GINT64_MODIFIER "x/0x%x "
               "failed: %s\n", addr, data, strerror(errno));
}
