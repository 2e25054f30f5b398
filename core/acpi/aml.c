/* The AML encoder (see aml.h). */
#include "acpi/aml.h"

#include <stdlib.h>
#include <string.h>

unsigned aml_pkg_length_encode(size_t len, uint8_t out[4])
{
    /* The PkgLength counts itself: one byte holds up to 63 in total, more
     * bytes carry 4 bits in the lead byte and 8 in each following one. */
    if (len + 1 <= 0x3f) {
        out[0] = (uint8_t)(len + 1);
        return 1;
    }
    unsigned n = len + 2 <= 0xfff ? 2 : len + 3 <= 0xfffff ? 3 : 4;
    size_t total = len + n;
    out[0] = (uint8_t)(((n - 1) << 6) | (total & 0x0f));
    for (unsigned i = 1; i < n; i++)
        out[i] = (uint8_t)(total >> (4 + 8 * (i - 1)));
    return n;
}

static void name_seg(GByteArray *b, const char *seg, size_t len)
{
    uint8_t s[4] = { '_', '_', '_', '_' };
    memcpy(s, seg, len > 4 ? 4 : len);
    g_byte_array_append(b, s, 4);
}

void aml_name_string(GByteArray *b, const char *path)
{
    if (*path == AML_ROOT_CHAR) {
        g_byte_array_append(b, (const guint8 *)"\\", 1);
        path++;
    }
    gchar **segs = g_strsplit(path, ".", -1);
    guint n = g_strv_length(segs);
    if (n == 0 || (n == 1 && !*segs[0])) {
        uint8_t null_name = 0;   /* the root itself: NullName */
        g_byte_array_append(b, &null_name, 1);
    } else if (n == 2) {
        uint8_t p = AML_DUAL_NAME_PREFIX;
        g_byte_array_append(b, &p, 1);
    } else if (n > 2) {
        uint8_t p[2] = { AML_MULTI_NAME_PREFIX, (uint8_t)n };
        g_byte_array_append(b, p, 2);
    }
    for (guint i = 0; i < n && *segs[i]; i++)
        name_seg(b, segs[i], strlen(segs[i]));
    g_strfreev(segs);
}

void aml_integer(GByteArray *b, uint64_t value)
{
    uint8_t enc[9];
    unsigned len;
    if (value == 0 || value == 1) {
        enc[0] = value ? AML_ONE_OP : AML_ZERO_OP;
        len = 1;
    } else {
        unsigned width = value <= 0xff ? 1 : value <= 0xffff ? 2 : value <= 0xffffffffu ? 4 : 8;
        enc[0] = width == 1 ? AML_BYTE_PREFIX : width == 2 ? AML_WORD_PREFIX
               : width == 4 ? AML_DWORD_PREFIX : AML_QWORD_PREFIX;
        for (unsigned i = 0; i < width; i++)
            enc[1 + i] = (uint8_t)(value >> (8 * i));
        len = 1 + width;
    }
    g_byte_array_append(b, enc, len);
}

void aml_string(GByteArray *b, const char *s)
{
    uint8_t prefix = AML_STRING_PREFIX;
    g_byte_array_append(b, &prefix, 1);
    g_byte_array_append(b, (const guint8 *)s, (guint)strlen(s) + 1);
}

uint32_t aml_eisa_id_value(const char *id)
{
    /* Three letters of 5 bits each and four hex digits, stored so that the
     * bytes read in memory order are: letters (big-endian), then digits. */
    uint32_t letters = (uint32_t)((id[0] & 0x1f) << 10 | (id[1] & 0x1f) << 5 | (id[2] & 0x1f));
    uint32_t digits = (uint32_t)strtoul(id + 3, NULL, 16) & 0xffff;
    uint32_t be = letters << 16 | digits;
    return GUINT32_SWAP_LE_BE(be);
}

void aml_eisa_id(GByteArray *b, const char *id)
{
    aml_integer(b, aml_eisa_id_value(id));
}

void aml_name(GByteArray *b, const char *path)
{
    uint8_t op = AML_NAME_OP;
    g_byte_array_append(b, &op, 1);
    aml_name_string(b, path);
}

static aml_mark begin(GByteArray *b, const uint8_t *op, size_t op_len)
{
    g_byte_array_append(b, op, (guint)op_len);
    return (aml_mark){ .pos = b->len };
}

aml_mark aml_scope_begin(GByteArray *b, const char *path)
{
    static const uint8_t op = AML_SCOPE_OP;
    aml_mark m = begin(b, &op, 1);
    aml_name_string(b, path);
    return m;
}

aml_mark aml_device_begin(GByteArray *b, const char *path)
{
    static const uint8_t op[2] = { AML_EXT_OP_PREFIX, AML_DEVICE_OP };
    aml_mark m = begin(b, op, 2);
    aml_name_string(b, path);
    return m;
}

aml_mark aml_package_begin(GByteArray *b, unsigned elements)
{
    static const uint8_t op = AML_PACKAGE_OP;
    aml_mark m = begin(b, &op, 1);
    uint8_t count = (uint8_t)elements;
    g_byte_array_append(b, &count, 1);
    return m;
}

void aml_end(GByteArray *b, aml_mark mark)
{
    uint8_t len[4];
    unsigned n = aml_pkg_length_encode(b->len - mark.pos, len);
    /* GByteArray is a GArray of bytes underneath: insert the length. */
    g_array_insert_vals((GArray *)b, (guint)mark.pos, len, n);
}

void aml_buffer(GByteArray *b, const uint8_t *data, size_t len)
{
    static const uint8_t op = AML_BUFFER_OP;
    aml_mark m = begin(b, &op, 1);
    aml_integer(b, len);
    g_byte_array_append(b, data, (guint)len);
    aml_end(b, m);
}
