/* The two mm_boot_memory sinks: the machine's RAM and a host buffer. */
#include "boot/guest_memory.h"

#include <string.h>
#include <modemu/memory.h>

static bool machine_write(void *opaque, uint64_t addr, const void *buf, size_t len)
{
    /* Only RAM: a loader writing into MMIO or a hole is a layout bug that
     * should fail loudly, not poke device registers. */
    void *host = mm_as_map_ram(mm_machine_memory_space(), addr, len, true);
    if (!host)
        return false;
    memcpy(host, buf, len);
    return true;
}

mm_boot_memory mm_boot_memory_of_machine(void)
{
    return (mm_boot_memory){ .write = machine_write, .opaque = NULL };
}

static bool buffer_write(void *opaque, uint64_t addr, const void *buf, size_t len)
{
    mm_boot_buffer *b = opaque;
    if (addr > b->size || len > b->size - addr)
        return false;
    memcpy(b->bytes + addr, buf, len);
    return true;
}

mm_boot_memory mm_boot_memory_of_buffer(mm_boot_buffer *buffer)
{
    return (mm_boot_memory){ .write = buffer_write, .opaque = buffer };
}
