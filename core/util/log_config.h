/* Core-side configuration of logging (-d, -D). */
#ifndef MODEMU_UTIL_LOG_CONFIG_H
#define MODEMU_UTIL_LOG_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

void mm_log_set_mask(uint32_t mask);
bool mm_log_set_file(const char *path);

#endif
