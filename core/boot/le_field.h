/* Little-endian field access in byte buffers (boot images, tables). */
#ifndef MODEMU_BOOT_LE_FIELD_H
#define MODEMU_BOOT_LE_FIELD_H

#include <stddef.h>
#include <stdint.h>

static inline uint16_t le16_at(const uint8_t *p, size_t off)
{
    return (uint16_t)(p[off] | p[off + 1] << 8);
}

static inline uint32_t le32_at(const uint8_t *p, size_t off)
{
    return (uint32_t)le16_at(p, off) | (uint32_t)le16_at(p, off + 2) << 16;
}

static inline uint64_t le64_at(const uint8_t *p, size_t off)
{
    return (uint64_t)le32_at(p, off) | (uint64_t)le32_at(p, off + 4) << 32;
}

static inline void put_le16(uint8_t *p, size_t off, uint16_t v)
{
    p[off] = (uint8_t)v;
    p[off + 1] = (uint8_t)(v >> 8);
}

static inline void put_le32(uint8_t *p, size_t off, uint32_t v)
{
    put_le16(p, off, (uint16_t)v);
    put_le16(p, off + 2, (uint16_t)(v >> 16));
}

static inline void put_le64(uint8_t *p, size_t off, uint64_t v)
{
    put_le32(p, off, (uint32_t)v);
    put_le32(p, off + 4, (uint32_t)(v >> 32));
}

#endif
