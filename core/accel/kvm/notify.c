/*
 * <modemu/notify.h>: doorbells and interrupt notifiers.  Under KVM they are
 * ioeventfds and irqfds; otherwise they step aside (doorbells) or deliver
 * through the board's APIC bus (interrupt notifiers).
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <glib-unix.h>
#include <modemu/notify.h>

#include "accel/kvm/kvm.h"
#include "accel/kvm/kvm_notify.h"
#include "machine/pc/apic_bus.h"

struct mm_doorbell {
    mm_doorbell_config config;
    mm_doorbell_fn fn;
    void *opaque;
    int fd;              /* eventfd, -1 when not accelerated */
    guint watch;
};

struct mm_irq_notifier {
    uint64_t addr;
    uint32_t data;
    int fd;              /* eventfd of the irqfd, -1 when not accelerated */
    int gsi;
};

/* Main-loop callback (machine lock held): drain the counter, ring once. */
static gboolean mm_doorbell_ready(gint fd, GIOCondition cond, gpointer opaque)
{
    mm_doorbell *db = opaque;
    uint64_t count;
    if (read(fd, &count, sizeof(count)) == sizeof(count) && count)
        db->fn(db->opaque);
    return G_SOURCE_CONTINUE;
}

static bool mm_doorbell_config_valid(const mm_doorbell_config *c, mm_error **errp)
{
    bool size_ok = c->size == 1 || c->size == 2 || c->size == 4 || (!c->io && c->size == 8) ||
                   (!c->io && c->size == 0 && !c->match_value);
    if (!size_ok || (c->io && c->addr > 0xffff)) {
        mm_error_set(errp, "doorbell: invalid %s doorbell of size %u at 0x%" G_GINT64_MODIFIER "x",
                     c->io ? "port" : "memory", c->size, c->addr);
        return false;
    }
    return true;
}

MM_API mm_doorbell *mm_doorbell_new(const mm_doorbell_config *config, mm_doorbell_fn fn,
                                    void *opaque, mm_error **errp)
{
    if (!mm_doorbell_config_valid(config, errp))
        return NULL;
    mm_doorbell *db = g_new0(mm_doorbell, 1);
    db->config = *config;
    db->fn = fn;
    db->opaque = opaque;
    db->fd = -1;
    if (!kvm_notify_ioeventfd_usable())
        return db;   /* plain dispatch: the region's write handler sees the write */
    db->fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (db->fd < 0) {
        mm_error_set(errp, "doorbell: eventfd: %s", strerror(errno));
        g_free(db);
        return NULL;
    }
    if (!kvm_ioeventfd_assign(db->fd, config->io, config->addr, config->size,
                              config->match_value, config->value, true, errp)) {
        close(db->fd);
        g_free(db);
        return NULL;
    }
    db->watch = g_unix_fd_add(db->fd, G_IO_IN, mm_doorbell_ready, db);
    return db;
}

MM_API bool mm_doorbell_is_accelerated(const mm_doorbell *db)
{
    return db && db->fd >= 0;
}

MM_API void mm_doorbell_free(mm_doorbell *db)
{
    if (!db)
        return;
    if (db->fd >= 0) {
        g_source_remove(db->watch);
        kvm_ioeventfd_assign(db->fd, db->config.io, db->config.addr, db->config.size,
                             db->config.match_value, db->config.value, false, NULL);
        close(db->fd);
    }
    g_free(db);
}

MM_API mm_irq_notifier *mm_irq_notifier_new_msi(uint64_t addr, uint32_t data,
                                                mm_error **errp)
{
    mm_irq_notifier *n = g_new0(mm_irq_notifier, 1);
    n->addr = addr;
    n->data = data;
    n->fd = n->gsi = -1;
    if (!kvm_notify_irqfd_usable())
        return n;
    n->gsi = kvm_msi_route_add(addr, data, errp);
    if (n->gsi < 0) {
        g_free(n);
        return NULL;
    }
    n->fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (n->fd < 0 || !kvm_irqfd_assign(n->fd, n->gsi, true, errp)) {
        if (n->fd < 0)
            mm_error_set(errp, "irq notifier: eventfd: %s", strerror(errno));
        else
            close(n->fd);
        kvm_msi_route_del(n->gsi);
        g_free(n);
        return NULL;
    }
    return n;
}

MM_API bool mm_irq_notifier_set_msi(mm_irq_notifier *n, uint64_t addr, uint32_t data,
                                    mm_error **errp)
{
    n->addr = addr;
    n->data = data;
    return n->fd < 0 || kvm_msi_route_update(n->gsi, addr, data, errp);
}

MM_API void mm_irq_notifier_trigger(mm_irq_notifier *n)
{
    if (n->fd >= 0) {
        uint64_t one = 1;
        /* EAGAIN means the counter is saturated: the interrupt is pending anyway. */
        if (write(n->fd, &one, sizeof(one)) < 0 && errno != EAGAIN)
            mm_warn_report("irq notifier: eventfd write failed: %s", strerror(errno));
        return;
    }
    /* The APIC bus sends it to the kernel irqchip when KVM installed one. */
    mm_apic_deliver_msi(n->addr, n->data);
}

MM_API bool mm_irq_notifier_is_accelerated(const mm_irq_notifier *n)
{
    return n && n->fd >= 0;
}

MM_API void mm_irq_notifier_free(mm_irq_notifier *n)
{
    if (!n)
        return;
    if (n->fd >= 0) {
        kvm_irqfd_assign(n->fd, n->gsi, false, NULL);
        close(n->fd);
        kvm_msi_route_del(n->gsi);
    }
    g_free(n);
}
