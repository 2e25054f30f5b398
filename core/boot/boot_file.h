/* Reading the files a direct boot loads (core-internal). */
#ifndef MODEMU_BOOT_BOOT_FILE_H
#define MODEMU_BOOT_BOOT_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <modemu/error.h>

/* Reads all of `path` into *data (g_free it); on failure the message names
 * `what` ("kernel", "initrd" ...), the path and the reason. */
bool mm_boot_read_file(const char *what, const char *path, uint8_t **data, size_t *len,
                       mm_error **errp);

#endif
