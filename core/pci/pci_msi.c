/* The MSI capability (PCI Local Bus 3.0, 6.8.1). */
#include <glib.h>
#include <modemu/log.h>

#include "pci/pci_internal.h"

#define MSI_FLAGS 2
#define MSI_ADDRESS_LO 4
#define MSI_FLAGS_ENABLE 0x0001
#define MSI_FLAGS_QMASK 0x000e   /* log2 of vectors capable */
#define MSI_FLAGS_QSIZE 0x0070   /* log2 of vectors enabled */
#define MSI_FLAGS_64BIT 0x0080
#define MSI_FLAGS_MASKBIT 0x0100

static unsigned msi_data_offset(const pci_msi_state *msi)
{
    return msi->cap + (msi->is_64bit ? 12 : 8);
}

static unsigned msi_mask_offset(const pci_msi_state *msi)
{
    return msi->cap + (msi->is_64bit ? 16 : 12);
}

static unsigned msi_cap_size(bool is_64bit, bool per_vector_mask)
{
    if (per_vector_mask)
        return is_64bit ? 24 : 20;
    return is_64bit ? 14 : 10;
}

MM_API bool mm_msi_init(mm_pci_device *dev, uint8_t offset, unsigned nr_vectors,
                        bool msi64bit, bool per_vector_mask, mm_error **errp)
{
    pci_device_state *st = pci_state(dev);
    if (nr_vectors < 1 || nr_vectors > 32 || (nr_vectors & (nr_vectors - 1))) {
        mm_error_set(errp, "%s: MSI needs a power-of-two vector count up to 32, not %u",
                     mm_object_type_name(&dev->obj), nr_vectors);
        return false;
    }
    uint8_t cap = mm_pci_add_capability(dev, MM_PCI_CAP_ID_MSI, offset,
                                        msi_cap_size(msi64bit, per_vector_mask), errp);
    if (!cap)
        return false;
    st->msi = (pci_msi_state){ .cap = cap, .nr_vectors = nr_vectors, .is_64bit = msi64bit,
                               .per_vector_mask = per_vector_mask };
    uint16_t flags = (uint16_t)(__builtin_ctz(nr_vectors) << 1);
    if (msi64bit)
        flags |= MSI_FLAGS_64BIT;
    if (per_vector_mask)
        flags |= MSI_FLAGS_MASKBIT;
    pci_set_word(dev->config + cap + MSI_FLAGS, flags);
    pci_set_word(dev->wmask + cap + MSI_FLAGS, MSI_FLAGS_ENABLE | MSI_FLAGS_QSIZE);
    pci_set_long(dev->wmask + cap + MSI_ADDRESS_LO, 0xfffffffc);
    if (msi64bit)
        pci_set_long(dev->wmask + cap + MSI_ADDRESS_LO + 4, 0xffffffff);
    pci_set_word(dev->wmask + msi_data_offset(&st->msi), 0xffff);
    if (per_vector_mask) {
        uint32_t vectors_mask = nr_vectors == 32 ? 0xffffffff : (1u << nr_vectors) - 1;
        pci_set_long(dev->wmask + msi_mask_offset(&st->msi), vectors_mask);
    }
    return true;
}

MM_API bool mm_msi_enabled(const mm_pci_device *dev)
{
    const pci_msi_state *msi = &pci_state(dev)->msi;
    return msi->cap && (pci_get_word(dev->config + msi->cap + MSI_FLAGS) & MSI_FLAGS_ENABLE);
}

static unsigned msi_vectors_enabled(const mm_pci_device *dev)
{
    const pci_msi_state *msi = &pci_state(dev)->msi;
    unsigned log2 = (pci_get_word(dev->config + msi->cap + MSI_FLAGS) & MSI_FLAGS_QSIZE) >> 4;
    unsigned n = 1u << MIN(log2, 5u);
    return n > msi->nr_vectors ? msi->nr_vectors : n;
}

static void msi_send(mm_pci_device *dev, unsigned vector)
{
    const pci_msi_state *msi = &pci_state(dev)->msi;
    uint64_t addr = pci_get_long(dev->config + msi->cap + MSI_ADDRESS_LO);
    if (msi->is_64bit)
        addr |= (uint64_t)pci_get_long(dev->config + msi->cap + MSI_ADDRESS_LO + 4) << 32;
    uint32_t data = pci_get_word(dev->config + msi_data_offset(msi));
    unsigned n = msi_vectors_enabled(dev);
    /* Multiple-message MSI: the low bits of the data carry the vector. */
    data = (data & ~(n - 1)) | (vector & (n - 1));
    mm_pci_send_msi(dev, addr, data);
}

static bool msi_vector_masked(const mm_pci_device *dev, unsigned vector)
{
    const pci_msi_state *msi = &pci_state(dev)->msi;
    return msi->per_vector_mask &&
           (pci_get_long(dev->config + msi_mask_offset(msi)) & (1u << vector));
}

static void msi_set_pending(mm_pci_device *dev, unsigned vector, bool pending)
{
    const pci_msi_state *msi = &pci_state(dev)->msi;
    uint8_t *reg = dev->config + msi_mask_offset(msi) + 4;
    uint32_t bits = pci_get_long(reg);
    bits = pending ? bits | (1u << vector) : bits & ~(1u << vector);
    pci_set_long(reg, bits);
}

MM_API void mm_msi_notify(mm_pci_device *dev, unsigned vector)
{
    if (!mm_msi_enabled(dev))
        return;
    if (vector >= msi_vectors_enabled(dev)) {
        mm_log(MM_LOG_GUEST_ERROR, "%s: MSI vector %u not enabled\n",
               mm_object_type_name(&dev->obj), vector);
        return;
    }
    if (msi_vector_masked(dev, vector)) {
        msi_set_pending(dev, vector, true);
        return;
    }
    msi_send(dev, vector);
}

void mm_msi_config_written(mm_pci_device *dev, uint32_t offset, unsigned len)
{
    const pci_msi_state *msi = &pci_state(dev)->msi;
    if (!ranges_overlap(offset, len, msi->cap, msi_cap_size(msi->is_64bit,
                                                            msi->per_vector_mask)))
        return;
    mm_pci_intx_update(dev);
    if (!msi->per_vector_mask || !mm_msi_enabled(dev))
        return;
    /* Unmasking a vector with a pending message delivers it now. */
    uint32_t pending = pci_get_long(dev->config + msi_mask_offset(msi) + 4);
    for (unsigned v = 0; v < msi->nr_vectors; v++) {
        if ((pending & (1u << v)) && !msi_vector_masked(dev, v) &&
            v < msi_vectors_enabled(dev)) {
            msi_set_pending(dev, v, false);
            msi_send(dev, v);
        }
    }
}

/* Power-on: disabled, one vector, nothing masked or pending. */
void mm_msi_reset(mm_pci_device *dev)
{
    const pci_msi_state *msi = &pci_state(dev)->msi;
    if (!msi->cap)
        return;
    uint8_t *flags = dev->config + msi->cap + MSI_FLAGS;
    pci_set_word(flags, pci_get_word(flags) & ~(MSI_FLAGS_ENABLE | MSI_FLAGS_QSIZE));
    if (msi->per_vector_mask) {
        pci_set_long(dev->config + msi_mask_offset(msi), 0);
        pci_set_long(dev->config + msi_mask_offset(msi) + 4, 0);
    }
}
