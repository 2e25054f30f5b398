/*
 * PCI bus 0: devfn allocation (`addr=`, multifunction rules), config-cycle
 * dispatch and INTx sharing.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <modemu/log.h>

#include "pci/pci_internal.h"

#define PCI_SLOT(devfn) ((devfn) >> 3)
#define PCI_FUNC(devfn) ((devfn) & 7)

typedef struct pci_bus {
    bool present;
    mm_pci_device *devices[PCI_DEVFN_MAX];
    mm_memory_region *mem_space, *io_space;
    mm_pci_map_irq_fn map_irq;
    mm_pci_set_irq_fn set_irq;
    void *irq_opaque;
    int pirq_count[PCI_NUM_PINS];   /* devices asserting each PIRQ */
} pci_bus;

static pci_bus bus0;

void mm_pci_bus_init(mm_memory_region *mem_space, mm_memory_region *io_space,
                     mm_pci_map_irq_fn map_irq, mm_pci_set_irq_fn set_irq, void *opaque)
{
    memset(&bus0, 0, sizeof(bus0));
    bus0.present = true;
    bus0.mem_space = mem_space;
    bus0.io_space = io_space;
    bus0.map_irq = map_irq;
    bus0.set_irq = set_irq;
    bus0.irq_opaque = opaque;
}

void mm_pci_bus_teardown(void)
{
    memset(&bus0, 0, sizeof(bus0));
}

bool mm_pci_bus_present(void)
{
    return bus0.present;
}

mm_memory_region *mm_pci_bus_mem_space(void)
{
    return bus0.mem_space;
}

mm_memory_region *mm_pci_bus_io_space(void)
{
    return bus0.io_space;
}

mm_pci_device *mm_pci_bus_find(int devfn)
{
    if (devfn < 0 || devfn >= PCI_DEVFN_MAX)
        return NULL;
    return bus0.devices[devfn];
}

/* "SLOT" or "SLOT.FN", hexadecimal as in QEMU (an optional 0x is accepted). */
static bool pci_parse_addr(const char *text, int *devfn)
{
    char *end;
    errno = 0;
    unsigned long slot = strtoul(text, &end, 16);
    if (errno || end == text || slot > 31)
        return false;
    unsigned long fn = 0;
    if (*end == '.') {
        const char *fn_text = end + 1;
        fn = strtoul(fn_text, &end, 16);
        if (errno || end == fn_text || fn > 7)
            return false;
    }
    if (*end)
        return false;
    *devfn = (int)(slot << 3 | fn);
    return true;
}

static bool pci_slot_has_functions(int slot, int except_fn)
{
    for (int fn = 0; fn < 8; fn++) {
        if (fn != except_fn && bus0.devices[slot << 3 | fn])
            return true;
    }
    return false;
}

static int pci_first_free_slot(void)
{
    for (int slot = 0; slot < 32; slot++) {
        if (!pci_slot_has_functions(slot, -1))
            return slot << 3;
    }
    return -1;
}

static const char *pci_device_label(const mm_pci_device *dev)
{
    return dev->obj.id ? dev->obj.id : mm_object_type_name(&dev->obj);
}

/* QEMU's rules: functions > 0 need a multifunction function 0 once it
 * exists; a non-multifunction function 0 cannot join other functions. */
static bool pci_check_multifunction(const mm_pci_device *dev, int devfn, mm_error **errp)
{
    int slot = PCI_SLOT(devfn);
    mm_pci_device *fn0 = bus0.devices[slot << 3];
    if (PCI_FUNC(devfn) && fn0 && !fn0->multifunction) {
        mm_error_set(errp, "PCI: %x.0 is a single-function device, function %x.%x cannot "
                     "be added (give it multifunction=on)", slot, slot, PCI_FUNC(devfn));
        return false;
    }
    if (!PCI_FUNC(devfn) && !dev->multifunction && pci_slot_has_functions(slot, 0)) {
        mm_error_set(errp, "PCI: single function device can't be populated in function %x.0",
                     slot);
        return false;
    }
    return true;
}

bool mm_pci_bus_attach(mm_pci_device *dev, mm_error **errp)
{
    if (!bus0.present) {
        mm_error_set(errp, "No PCI bus found for device '%s'", mm_object_type_name(&dev->obj));
        return false;
    }
    int devfn;
    if (dev->addr && *dev->addr) {
        if (!pci_parse_addr(dev->addr, &devfn)) {
            mm_error_set(errp, "Property '%s.addr' doesn't take value '%s' "
                         "(expected SLOT[.FN] in hex, slot <= 1f, function <= 7)",
                         mm_object_type_name(&dev->obj), dev->addr);
            return false;
        }
        if (bus0.devices[devfn]) {
            mm_error_set(errp, "PCI: slot %d function %d not available for %s, in use by %s",
                         PCI_SLOT(devfn), PCI_FUNC(devfn), pci_device_label(dev),
                         pci_device_label(bus0.devices[devfn]));
            return false;
        }
    } else {
        devfn = pci_first_free_slot();
        if (devfn < 0) {
            mm_error_set(errp, "PCI: no slot/function available for %s, all in use",
                         pci_device_label(dev));
            return false;
        }
    }
    if (!pci_check_multifunction(dev, devfn, errp))
        return false;
    bus0.devices[devfn] = dev;
    pci_state(dev)->devfn = devfn;
    return true;
}

void mm_pci_bus_detach(mm_pci_device *dev)
{
    pci_device_state *st = pci_state(dev);
    if (!st || st->devfn < 0)
        return;
    if (bus0.devices[st->devfn] == dev)
        bus0.devices[st->devfn] = NULL;
    st->devfn = -1;
}

void mm_pci_bus_intx_change(int devfn, int pin, int delta)
{
    if (!bus0.map_irq || pin < 0 || pin >= PCI_NUM_PINS)
        return;
    int pirq = bus0.map_irq(devfn, pin);
    if (pirq < 0 || pirq >= PCI_NUM_PINS)
        return;
    int old = bus0.pirq_count[pirq];
    bus0.pirq_count[pirq] += delta;
    if ((old != 0) != (bus0.pirq_count[pirq] != 0) && bus0.set_irq)
        bus0.set_irq(bus0.irq_opaque, pirq, bus0.pirq_count[pirq] != 0);
}

static bool pci_config_access_ok(uint32_t offset, unsigned len)
{
    return (len == 1 || len == 2 || len == 4) && offset < MM_PCI_CONFIG_SIZE &&
           offset + len <= MM_PCI_CONFIG_SIZE;
}

uint32_t mm_pci_bus_config_read(int devfn, uint32_t offset, unsigned len)
{
    uint32_t all_ones = len >= 4 ? UINT32_MAX : (1u << (len * 8)) - 1;
    mm_pci_device *dev = mm_pci_bus_find(devfn);
    if (!dev || !pci_config_access_ok(offset, len))
        return all_ones;
    if (dev->config_read)
        return dev->config_read(dev, offset, len);
    return mm_pci_default_config_read(dev, offset, len);
}

void mm_pci_bus_config_write(int devfn, uint32_t offset, uint32_t value, unsigned len)
{
    mm_pci_device *dev = mm_pci_bus_find(devfn);
    if (!dev || !pci_config_access_ok(offset, len))
        return;
    if (dev->config_write)
        dev->config_write(dev, offset, value, len);
    else
        mm_pci_default_config_write(dev, offset, value, len);
}
