/* PCI configuration mechanism #1 from qtest (0xCF8 latch, 0xCFC window). */
#ifndef MODEMU_TESTS_BOARD_PCI_CFG_H
#define MODEMU_TESTS_BOARD_PCI_CFG_H

#include <stdint.h>
#include "libqtest.h"

#define PCI_DEVFN(slot, fn) (((slot) << 3) | (fn))

static inline void pci_cfg_select(QTestState *s, int devfn, int offset)
{
    qtest_outl(s, 0xcf8, 0x80000000u | (uint32_t)devfn << 8 | (offset & 0xfc));
}

static inline uint32_t pci_cfg_readl(QTestState *s, int devfn, int offset)
{
    pci_cfg_select(s, devfn, offset);
    return qtest_inl(s, 0xcfc);
}

static inline uint16_t pci_cfg_readw(QTestState *s, int devfn, int offset)
{
    pci_cfg_select(s, devfn, offset);
    return qtest_inw(s, 0xcfc + (offset & 2));
}

static inline uint8_t pci_cfg_readb(QTestState *s, int devfn, int offset)
{
    pci_cfg_select(s, devfn, offset);
    return qtest_inb(s, 0xcfc + (offset & 3));
}

static inline void pci_cfg_writel(QTestState *s, int devfn, int offset, uint32_t value)
{
    pci_cfg_select(s, devfn, offset);
    qtest_outl(s, 0xcfc, value);
}

static inline void pci_cfg_writew(QTestState *s, int devfn, int offset, uint16_t value)
{
    pci_cfg_select(s, devfn, offset);
    qtest_outw(s, 0xcfc + (offset & 2), value);
}

static inline void pci_cfg_writeb(QTestState *s, int devfn, int offset, uint8_t value)
{
    pci_cfg_select(s, devfn, offset);
    qtest_outb(s, 0xcfc + (offset & 3), value);
}

#endif
