/* PCI configuration mechanism #1 on ports 0xCF8-0xCFF. */
#include <modemu/log.h>

#include "pci/pci_host_conf1.h"
#include "pci/pci_internal.h"

#define CONF1_ENABLE 0x80000000u
#define CONF1_DATA 4
#define CF9_OFFSET 1

static struct {
    uint32_t latch;
    mm_cf9_read_fn cf9_read;
    mm_cf9_write_fn cf9_write;
    void *cf9_opaque;
} conf1;

void mm_pci_conf1_set_cf9(mm_cf9_read_fn read, mm_cf9_write_fn write, void *opaque)
{
    conf1.cf9_read = read;
    conf1.cf9_write = write;
    conf1.cf9_opaque = opaque;
}

uint32_t mm_pci_conf1_latch(void)
{
    return conf1.latch;
}

static bool conf1_is_cf9(uint64_t offset, unsigned size)
{
    return offset == CF9_OFFSET && size == 1 && conf1.cf9_write;
}

/* Bus 0 only: other bus numbers are not present and read all ones. */
static bool conf1_target(uint64_t offset, int *devfn, uint32_t *reg)
{
    if (!(conf1.latch & CONF1_ENABLE) || ((conf1.latch >> 16) & 0xff) != 0)
        return false;
    *devfn = (conf1.latch >> 8) & 0xff;
    *reg = (conf1.latch & 0xfc) | (offset & 3);
    return true;
}

static uint64_t conf1_read(void *opaque, uint64_t offset, unsigned size)
{
    uint64_t all_ones = size >= 4 ? UINT32_MAX : (1u << (8 * size)) - 1;
    if (offset < CONF1_DATA) {
        if (conf1_is_cf9(offset, size))
            return conf1.cf9_read ? conf1.cf9_read(conf1.cf9_opaque) : 0;
        return (conf1.latch >> (8 * offset)) & all_ones;
    }
    int devfn;
    uint32_t reg;
    if (!conf1_target(offset, &devfn, &reg))
        return all_ones;
    return mm_pci_bus_config_read(devfn, reg, size);
}

static void conf1_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    if (offset < CONF1_DATA) {
        if (conf1_is_cf9(offset, size)) {
            conf1.cf9_write(conf1.cf9_opaque, value);
            return;
        }
        /* Only a dword write at 0xCF8 loads the latch (byte writes at 0xCF8
         * belong to other chipset registers on real hardware). */
        if (offset == 0 && size == 4)
            conf1.latch = (uint32_t)value;
        return;
    }
    int devfn;
    uint32_t reg;
    if (conf1_target(offset, &devfn, &reg))
        mm_pci_bus_config_write(devfn, reg, (uint32_t)value, size);
}

static const mm_region_ops conf1_ops = {
    .read = conf1_read,
    .write = conf1_write,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

mm_memory_region *mm_pci_conf1_region_new(mm_object *owner)
{
    conf1.latch = 0;
    return mm_region_new_io(owner, "pci-conf", 8, &conf1_ops, NULL);
}
