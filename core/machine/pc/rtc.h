/*
 * MC146818 CMOS RTC (core-internal): the board fills the CMOS NVRAM bytes
 * firmware reads (memory sizes, boot order, equipment...).
 */
#ifndef MODEMU_MACHINE_PC_RTC_H
#define MODEMU_MACHINE_PC_RTC_H

#include <stdbool.h>
#include <stdint.h>

#define MM_TYPE_MC146818_RTC "mc146818rtc"
#define MM_RTC_CMOS_SIZE 128

/* No-ops (reads return 0xFF) when the board has no RTC. */
void mm_rtc_cmos_set(uint8_t index, uint8_t value);
uint8_t mm_rtc_cmos_get(uint8_t index);
/* HPET legacy replacement routing takes IRQ 8 over: the RTC's output is
 * disconnected while disabled. */
void mm_rtc_set_irq_enabled(bool enabled);

#endif
