/* Host memory behind RAM and ROM regions. */
#ifndef MODEMU_MEMORY_RAM_BLOCK_H
#define MODEMU_MEMORY_RAM_BLOCK_H

#include <stdint.h>
#include <modemu/error.h>

/* Zero-filled anonymous memory; NULL with *errp set when the host refuses. */
uint8_t *mm_ram_block_alloc(const char *name, uint64_t size, mm_error **errp);
void mm_ram_block_free(uint8_t *host, uint64_t size);

#endif
