/*
 * Guest RAM is anonymous private mmap memory.  MAP_NORESERVE keeps a large
 * -m from failing on hosts with strict overcommit accounting: pages are only
 * backed when the guest touches them, as with QEMU.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/mman.h>

#include "memory/ram_block.h"

#define HUGE_PAGE_SIZE (UINT64_C(2) << 20)

uint8_t *mm_ram_block_alloc(const char *name, uint64_t size, mm_error **errp)
{
    if (size == 0) {
        mm_error_set(errp, "memory region '%s' has size 0", name);
        return NULL;
    }
    if (size > SIZE_MAX) {
        mm_error_set(errp, "cannot allocate %" PRIu64 " bytes for '%s': too large for this host",
                     size, name);
        return NULL;
    }
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        mm_error_set(errp, "cannot allocate %" PRIu64 " MiB for '%s': %s",
                     (size + (1u << 20) - 1) >> 20, name, strerror(errno));
        return NULL;
    }
    /* Transparent huge pages cut TLB misses of the guest's RAM; advisory only. */
    if (size >= HUGE_PAGE_SIZE)
        (void)madvise(p, size, MADV_HUGEPAGE);
    return p;
}

void mm_ram_block_free(uint8_t *host, uint64_t size)
{
    if (host)
        munmap(host, size);
}
