/* Little-endian values of 1..8 bytes in memory (guest byte order). */
#ifndef MODEMU_MEMORY_LE_BYTES_H
#define MODEMU_MEMORY_LE_BYTES_H

#include <stdint.h>
#include <string.h>

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "modemu's memory core assumes a little-endian host"
#endif

static inline uint64_t mm_size_mask(unsigned size)
{
    return size >= 8 ? UINT64_MAX : (UINT64_C(1) << (size * 8)) - 1;
}

static inline uint64_t mm_load_le(const void *p, unsigned size)
{
    switch (size) {
    case 1: return *(const uint8_t *)p;
    case 2: { uint16_t v; memcpy(&v, p, 2); return v; }
    case 4: { uint32_t v; memcpy(&v, p, 4); return v; }
    case 8: { uint64_t v; memcpy(&v, p, 8); return v; }
    default: { uint64_t v = 0; memcpy(&v, p, size); return v; }
    }
}

static inline void mm_store_le(void *p, unsigned size, uint64_t value)
{
    switch (size) {
    case 1: *(uint8_t *)p = (uint8_t)value; return;
    case 2: { uint16_t v = (uint16_t)value; memcpy(p, &v, 2); return; }
    case 4: { uint32_t v = (uint32_t)value; memcpy(p, &v, 4); return; }
    default: memcpy(p, &value, size); return;
    }
}

#endif
