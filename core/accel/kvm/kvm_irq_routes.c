/*
 * The GSI routing table of the in-kernel irqchip.  KVM replaces the whole
 * table on every KVM_SET_GSI_ROUTING, so we keep it here: the fixed pc
 * routes first, then one MSI route per interrupt notifier (irqfd), with GSIs
 * allocated above the IOAPIC's pins.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>

#include "accel/kvm/kvm_int.h"
#include "accel/kvm/kvm_notify.h"

#define KVM_ISA_IRQS 16
#define KVM_PIC_CASCADE_IRQ 2

static bool kvm_routes_commit(kvm_state_t *s, mm_error **errp)
{
    guint n = s->routes->len;
    struct kvm_irq_routing *table =
        g_malloc0(sizeof(*table) + n * sizeof(struct kvm_irq_routing_entry));
    table->nr = n;
    memcpy(table->entries, s->routes->data, n * sizeof(struct kvm_irq_routing_entry));
    bool ok = ioctl(s->vm_fd, KVM_SET_GSI_ROUTING, table) == 0;
    if (!ok)
        mm_error_set(errp, "KVM: KVM_SET_GSI_ROUTING failed: %s", strerror(errno));
    g_free(table);
    return ok;
}

static void kvm_route_add_irqchip(kvm_state_t *s, unsigned gsi, unsigned chip, unsigned pin)
{
    struct kvm_irq_routing_entry e;
    memset(&e, 0, sizeof(e));
    e.gsi = gsi;
    e.type = KVM_IRQ_ROUTING_IRQCHIP;
    e.u.irqchip.irqchip = chip;
    e.u.irqchip.pin = pin;
    g_array_append_val(s->routes, e);
}

/*
 * The pc routing QEMU uses and its ACPI MADT describes: ISA IRQ n is PIC pin
 * n and IOAPIC pin n, except IRQ0 (the PIT) which reaches IOAPIC pin 2 (the
 * interrupt source override) and IRQ2, the PIC cascade, which has no GSI.
 */
bool kvm_routes_init_pc(kvm_state_t *s, mm_error **errp)
{
    s->routes = g_array_new(FALSE, TRUE, sizeof(struct kvm_irq_routing_entry));
    s->next_msi_gsi = KVM_IOAPIC_PINS;
    for (unsigned irq = 0; irq < KVM_ISA_IRQS; irq++) {
        if (irq != KVM_PIC_CASCADE_IRQ)
            kvm_route_add_irqchip(s, irq, irq < 8 ? KVM_IRQCHIP_PIC_MASTER : KVM_IRQCHIP_PIC_SLAVE,
                                  irq % 8);
    }
    for (unsigned gsi = 0; gsi < KVM_IOAPIC_PINS; gsi++) {
        if (gsi != KVM_PIC_CASCADE_IRQ)
            kvm_route_add_irqchip(s, gsi, KVM_IRQCHIP_IOAPIC, gsi == 0 ? 2 : gsi);
    }
    return kvm_routes_commit(s, errp);
}

void kvm_routes_fini(kvm_state_t *s)
{
    if (s->routes)
        g_array_free(s->routes, TRUE);
    s->routes = NULL;
}

static struct kvm_irq_routing_entry *kvm_route_find(kvm_state_t *s, int gsi)
{
    for (guint i = 0; s->routes && i < s->routes->len; i++) {
        struct kvm_irq_routing_entry *e =
            &g_array_index(s->routes, struct kvm_irq_routing_entry, i);
        if (e->type == KVM_IRQ_ROUTING_MSI && (int)e->gsi == gsi)
            return e;
    }
    return NULL;
}

static void kvm_route_set_msi(struct kvm_irq_routing_entry *e, uint64_t addr, uint32_t data)
{
    e->u.msi.address_lo = (uint32_t)addr;
    e->u.msi.address_hi = (uint32_t)(addr >> 32);
    e->u.msi.data = data;
}

int kvm_msi_route_add(uint64_t addr, uint32_t data, mm_error **errp)
{
    kvm_state_t *s = kvm_state();
    if (!s->irqchip_in_kernel || !s->routes) {
        mm_error_set(errp, "KVM: MSI routes need the in-kernel irqchip");
        return -1;
    }
    struct kvm_irq_routing_entry e;
    memset(&e, 0, sizeof(e));
    e.gsi = s->next_msi_gsi++;
    e.type = KVM_IRQ_ROUTING_MSI;
    kvm_route_set_msi(&e, addr, data);
    g_array_append_val(s->routes, e);
    if (!kvm_routes_commit(s, errp)) {
        g_array_set_size(s->routes, s->routes->len - 1);
        return -1;
    }
    return (int)e.gsi;
}

bool kvm_msi_route_update(int gsi, uint64_t addr, uint32_t data, mm_error **errp)
{
    kvm_state_t *s = kvm_state();
    struct kvm_irq_routing_entry *e = kvm_route_find(s, gsi);
    if (!e) {
        mm_error_set(errp, "KVM: no MSI route for GSI %d", gsi);
        return false;
    }
    kvm_route_set_msi(e, addr, data);
    return kvm_routes_commit(s, errp);
}

void kvm_msi_route_del(int gsi)
{
    kvm_state_t *s = kvm_state();
    for (guint i = 0; s->routes && i < s->routes->len; i++) {
        struct kvm_irq_routing_entry *e =
            &g_array_index(s->routes, struct kvm_irq_routing_entry, i);
        if (e->type == KVM_IRQ_ROUTING_MSI && (int)e->gsi == gsi) {
            g_array_remove_index(s->routes, i);
            kvm_routes_commit(s, NULL);
            return;
        }
    }
}
