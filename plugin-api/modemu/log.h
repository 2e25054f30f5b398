/*
 * Optional diagnostic logging, selected like QEMU's `-d item,item -D file`.
 * Messages are dropped unless their mask is enabled.  Device models report
 * guest misprogramming with MM_LOG_GUEST_ERROR, never by aborting.
 */
#ifndef MODEMU_LOG_H
#define MODEMU_LOG_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/abi.h>

enum {
    MM_LOG_GUEST_ERROR = 1u << 0,  /* guest did something invalid to a device */
    MM_LOG_UNIMP       = 1u << 1,  /* guest used a feature we do not model */
    MM_LOG_UNASSIGNED  = 1u << 2,  /* access to unmapped memory or ports */
    MM_LOG_INT         = 1u << 3,  /* interrupts and exceptions (CPU) */
    MM_LOG_CPU         = 1u << 4,  /* register state before each instruction */
    MM_LOG_IN_ASM      = 1u << 5,  /* guest code as it is translated/decoded */
    MM_LOG_MMU         = 1u << 6,  /* page walks */
    MM_LOG_PLUGIN      = 1u << 7,  /* plugin discovery and loading */
};

MM_API bool mm_log_enabled(uint32_t mask);
MM_API void mm_log(uint32_t mask, const char *fmt, ...) MM_PRINTF(2, 3);

#endif
