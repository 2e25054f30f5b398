/* The MC146818 RTC/CMOS from qtest: index port 0x70, data port 0x71. */
#ifndef MODEMU_TESTS_BOARD_CMOS_IO_H
#define MODEMU_TESTS_BOARD_CMOS_IO_H

#include <stdint.h>
#include "libqtest.h"

static inline uint8_t cmos_read(QTestState *s, uint8_t index)
{
    qtest_outb(s, 0x70, index);
    return qtest_inb(s, 0x71);
}

static inline void cmos_write(QTestState *s, uint8_t index, uint8_t value)
{
    qtest_outb(s, 0x70, index);
    qtest_outb(s, 0x71, value);
}

#endif
