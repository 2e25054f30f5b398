/*
 * Errors that travel up to the user as one line.
 *
 * Functions that can fail take `mm_error **errp` as their last argument, return
 * false (or NULL) on failure and fill *errp with a message, QEMU-style.  Pass
 * NULL to ignore the message.  The caller that finally reports it prints
 * "modemu-system-x86_64: <message>" and owns freeing it.
 */
#ifndef MODEMU_ERROR_H
#define MODEMU_ERROR_H

#include <stdbool.h>
#include <modemu/abi.h>

typedef struct mm_error {
    char *message;
} mm_error;

/* Sets *errp (if errp != NULL and *errp == NULL) to a formatted message. */
MM_API void mm_error_set(mm_error **errp, const char *fmt, ...) MM_PRINTF(2, 3);
/* Prefixes an existing error: "prefix: old message". */
MM_API void mm_error_prepend(mm_error **errp, const char *fmt, ...) MM_PRINTF(2, 3);
MM_API void mm_error_free(mm_error *err);
/* Prints "modemu-system-x86_64: message" on stderr and frees the error. */
MM_API void mm_error_report_and_free(mm_error *err);
/* One-line diagnostics on stderr with the program-name prefix. */
MM_API void mm_error_report(const char *fmt, ...) MM_PRINTF(1, 2);
MM_API void mm_warn_report(const char *fmt, ...) MM_PRINTF(1, 2);

#endif
