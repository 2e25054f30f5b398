#include <string.h>
#include <glib.h>

#include "mmio_recorder.h"

static void record(mmio_recorder *rec, bool write, uint64_t offset, unsigned size,
                   uint64_t value)
{
    g_assert_cmpuint(rec->ncalls, <, RECORDER_MAX_CALLS);
    rec->calls[rec->ncalls++] = (recorded_call){ write, offset, size, value };
}

static uint64_t recorder_read(void *opaque, uint64_t offset, unsigned size)
{
    mmio_recorder *rec = opaque;
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        uint64_t o = offset + i;
        v |= (uint64_t)(o < RECORDER_REGS ? rec->regs[o] : 0xEE) << (8 * i);
    }
    record(rec, false, offset, size, v);
    return v;
}

static void recorder_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    mmio_recorder *rec = opaque;
    for (unsigned i = 0; i < size; i++) {
        if (offset + i < RECORDER_REGS)
            rec->regs[offset + i] = (uint8_t)(value >> (8 * i));
    }
    record(rec, true, offset, size, value);
}

mmio_recorder *recorder_new(const char *name, uint64_t size, const mm_region_ops *sizes,
                            bool has_read)
{
    mmio_recorder *rec = g_new0(mmio_recorder, 1);
    if (sizes)
        rec->ops = *sizes;
    rec->ops.read = has_read ? recorder_read : NULL;
    rec->ops.write = recorder_write;
    rec->region = mm_region_new_io(NULL, name, size, &rec->ops, rec);
    return rec;
}

void recorder_free(mmio_recorder *rec)
{
    mm_region_free(rec->region);
    g_free(rec);
}

void recorder_reset_calls(mmio_recorder *rec)
{
    rec->ncalls = 0;
}

void recorder_expect(const mmio_recorder *rec, unsigned i, bool write, uint64_t offset,
                     unsigned size, uint64_t value)
{
    g_assert_cmpuint(i, <, rec->ncalls);
    const recorded_call *c = &rec->calls[i];
    g_assert_cmpint(c->write, ==, write);
    g_assert_cmphex(c->offset, ==, offset);
    g_assert_cmpuint(c->size, ==, size);
    g_assert_cmphex(c->value, ==, value);
}
