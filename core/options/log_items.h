/* The -d log item names (QEMU's spellings) and their masks from <modemu/log.h>. */
#ifndef MODEMU_OPTIONS_LOG_ITEMS_H
#define MODEMU_OPTIONS_LOG_ITEMS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <modemu/error.h>

/* "guest_errors,unimp" -> mask; unknown items are an error naming the item. */
bool mm_log_items_parse(const char *items, uint32_t *mask, mm_error **errp);
/* `-d help`. */
void mm_log_items_print(FILE *out);

#endif
