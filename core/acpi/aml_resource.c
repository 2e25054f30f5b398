/* ACPI resource descriptors (see aml_resource.h). */
#include "acpi/aml_resource.h"

#include "boot/le_field.h"

/* Large address-space descriptor types and flags (ACPI 6.4 6.4.3.5). */
#define RES_QWORD_ADDRESS 0x8a
#define RES_DWORD_ADDRESS 0x87
#define RES_WORD_ADDRESS  0x88
#define RES_TYPE_MEMORY   0
#define RES_TYPE_IO       1
#define RES_TYPE_BUS      2
/* General flags: MaxFixed | MinFixed, positive decode, producer. */
#define RES_FLAGS_FIXED_WINDOW 0x0c
/* I/O type flags: EntireRange; memory: read/write plus cacheability. */
#define RES_IO_ENTIRE_RANGE 0x03
#define RES_MEM_READ_WRITE  0x01
#define RES_MEM_CACHEABLE   0x02

void aml_resource_io(GByteArray *b, uint16_t min, uint16_t max, uint8_t align, uint8_t len)
{
    uint8_t d[8] = { 0x47, 0x01 };    /* 16-bit decode */
    put_le16(d, 2, min);
    put_le16(d, 4, max);
    d[6] = align;
    d[7] = len;
    g_byte_array_append(b, d, sizeof(d));
}

void aml_resource_irq(GByteArray *b, unsigned irq)
{
    uint8_t d[3] = { 0x22 };
    put_le16(d, 1, (uint16_t)(1u << (irq & 15)));
    g_byte_array_append(b, d, sizeof(d));
}

/* Word/DWord/QWord address descriptors share one layout with fields of
 * `width` bytes: granularity, min, max, translation, length. */
static void address_descriptor(GByteArray *b, uint8_t tag, unsigned width, uint8_t type,
                               uint8_t type_flags, uint64_t min, uint64_t max)
{
    uint8_t d[3 + 3 + 5 * 8] = { 0 };
    size_t body = 3 + 5 * (size_t)width;
    d[0] = tag;
    put_le16(d, 1, (uint16_t)body);
    d[3] = type;
    d[4] = RES_FLAGS_FIXED_WINDOW;
    d[5] = type_flags;
    uint64_t fields[5] = { 0, min, max, 0, max - min + 1 };
    for (unsigned f = 0; f < 5; f++)
        for (unsigned i = 0; i < width; i++)
            d[6 + f * width + i] = (uint8_t)(fields[f] >> (8 * i));
    g_byte_array_append(b, d, (guint)(3 + body));
}

void aml_resource_word_bus(GByteArray *b, uint16_t min, uint16_t max)
{
    address_descriptor(b, RES_WORD_ADDRESS, 2, RES_TYPE_BUS, 0, min, max);
}

void aml_resource_word_io(GByteArray *b, uint16_t min, uint16_t max)
{
    address_descriptor(b, RES_WORD_ADDRESS, 2, RES_TYPE_IO, RES_IO_ENTIRE_RANGE, min, max);
}

static uint8_t memory_flags(bool cacheable)
{
    return RES_MEM_READ_WRITE | (cacheable ? RES_MEM_CACHEABLE : 0);
}

void aml_resource_dword_memory(GByteArray *b, uint32_t min, uint32_t max, bool cacheable)
{
    address_descriptor(b, RES_DWORD_ADDRESS, 4, RES_TYPE_MEMORY, memory_flags(cacheable),
                       min, max);
}

void aml_resource_qword_memory(GByteArray *b, uint64_t min, uint64_t max, bool cacheable)
{
    address_descriptor(b, RES_QWORD_ADDRESS, 8, RES_TYPE_MEMORY, memory_flags(cacheable),
                       min, max);
}

void aml_resource_end(GByteArray *b)
{
    static const uint8_t end[2] = { 0x79, 0x00 };
    g_byte_array_append(b, end, sizeof(end));
}
