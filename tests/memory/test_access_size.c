/* MMIO access-size handling: splitting, widening, read-modify-write, rejection. */
#include <glib.h>
#include <modemu/memory.h>

#include "memory/address_space.h"
#include "mmio_recorder.h"

#define BASE 0x1000

static mm_address_space *as;

static mmio_recorder *map_recorder(unsigned vmin, unsigned vmax, bool unaligned, unsigned imin,
                                   unsigned imax, bool has_read)
{
    as = mm_address_space_new("test", 0x100000, 0xff);
    mm_region_ops sizes = {
        .valid = { vmin, vmax, unaligned },
        .impl = { imin, imax },
    };
    mmio_recorder *rec = recorder_new("rec", 0x100, &sizes, has_read);
    for (unsigned i = 0; i < RECORDER_REGS; i++)
        rec->regs[i] = (uint8_t)i;
    mm_region_add_subregion(mm_address_space_root(as), BASE, rec->region, 0);
    return rec;
}

static void unmap_recorder(mmio_recorder *rec)
{
    recorder_free(rec);
    mm_address_space_free(as);
}

static uint64_t read_ok(uint64_t addr, unsigned size)
{
    uint64_t v = 0;
    g_assert_cmpint(mm_as_read(as, addr, size, &v), ==, MM_MEM_OK);
    return v;
}

static void test_split_wider_than_impl_max(void)
{
    mmio_recorder *rec = map_recorder(1, 8, false, 1, 2, true);
    g_assert_cmphex(read_ok(BASE + 0x10, 4), ==, 0x13121110);
    g_assert_cmpuint(rec->ncalls, ==, 2);
    recorder_expect(rec, 0, false, 0x10, 2, 0x1110);
    recorder_expect(rec, 1, false, 0x12, 2, 0x1312);

    recorder_reset_calls(rec);
    g_assert_cmpint(mm_as_write(as, BASE + 0x20, 8, UINT64_C(0x8877665544332211)), ==, MM_MEM_OK);
    g_assert_cmpuint(rec->ncalls, ==, 4);
    recorder_expect(rec, 0, true, 0x20, 2, 0x2211);
    recorder_expect(rec, 3, true, 0x26, 2, 0x8877);
    g_assert_cmphex(read_ok(BASE + 0x20, 8), ==, UINT64_C(0x8877665544332211));
    unmap_recorder(rec);
}

static void test_widen_narrow_read(void)
{
    mmio_recorder *rec = map_recorder(1, 4, false, 4, 4, true);
    g_assert_cmphex(read_ok(BASE + 0x11, 1), ==, 0x11);
    g_assert_cmpuint(rec->ncalls, ==, 1);
    recorder_expect(rec, 0, false, 0x10, 4, 0x13121110);
    recorder_reset_calls(rec);
    g_assert_cmphex(read_ok(BASE + 0x12, 2), ==, 0x1312);
    recorder_expect(rec, 0, false, 0x10, 4, 0x13121110);
    unmap_recorder(rec);
}

static void test_widen_narrow_write_read_modify_write(void)
{
    mmio_recorder *rec = map_recorder(1, 4, false, 4, 4, true);
    g_assert_cmpint(mm_as_write(as, BASE + 0x12, 1, 0xAB), ==, MM_MEM_OK);
    g_assert_cmpuint(rec->ncalls, ==, 2);
    recorder_expect(rec, 0, false, 0x10, 4, 0x13121110);
    recorder_expect(rec, 1, true, 0x10, 4, 0x13AB1110);
    unmap_recorder(rec);
}

static void test_widen_narrow_write_without_read_op(void)
{
    mmio_recorder *rec = map_recorder(1, 4, false, 4, 4, false);
    g_assert_cmpint(mm_as_write(as, BASE + 0x12, 2, 0xBEEF), ==, MM_MEM_OK);
    g_assert_cmpuint(rec->ncalls, ==, 1);
    recorder_expect(rec, 0, true, 0x10, 4, 0xBEEF0000);
    /* Reads of a region without a read callback give all ones. */
    g_assert_cmphex(read_ok(BASE + 0x10, 4), ==, 0xFFFFFFFF);
    unmap_recorder(rec);
}

static void test_widen_unaligned_spans_two_units(void)
{
    mmio_recorder *rec = map_recorder(1, 4, true, 4, 4, true);
    g_assert_cmphex(read_ok(BASE + 0x13, 2), ==, 0x1413);
    g_assert_cmpuint(rec->ncalls, ==, 2);
    recorder_expect(rec, 0, false, 0x10, 4, 0x13121110);
    recorder_expect(rec, 1, false, 0x14, 4, 0x17161514);
    recorder_reset_calls(rec);
    g_assert_cmpint(mm_as_write(as, BASE + 0x13, 2, 0xCDAB), ==, MM_MEM_OK);
    g_assert_cmpuint(rec->ncalls, ==, 4);
    recorder_expect(rec, 1, true, 0x10, 4, 0xAB121110);
    recorder_expect(rec, 3, true, 0x14, 4, 0x171615CD);
    unmap_recorder(rec);
}

static void test_rejected_accesses(void)
{
    mmio_recorder *rec = map_recorder(4, 4, false, 0, 0, true);
    uint64_t v = 0;
    g_assert_cmpint(mm_as_read(as, BASE + 0x10, 1, &v), ==, MM_MEM_REJECTED);
    g_assert_cmphex(v, ==, 0xFF);
    g_assert_cmpint(mm_as_read(as, BASE + 0x10, 8, &v), ==, MM_MEM_REJECTED);
    g_assert_cmphex(v, ==, UINT64_MAX);
    g_assert_cmpint(mm_as_read(as, BASE + 0x12, 4, &v), ==, MM_MEM_REJECTED); /* unaligned */
    g_assert_cmphex(v, ==, 0xFFFFFFFF);
    g_assert_cmpint(mm_as_write(as, BASE + 0x10, 2, 0x1234), ==, MM_MEM_REJECTED);
    g_assert_cmpint(mm_as_read(as, BASE + 0x10, 3, &v), ==, MM_MEM_REJECTED); /* no such size */
    g_assert_cmpint(mm_as_write(as, BASE + 0x10, 0, 0), ==, MM_MEM_REJECTED);
    g_assert_cmpuint(rec->ncalls, ==, 0);
    g_assert_cmphex(read_ok(BASE + 0x10, 4), ==, 0x13121110);
    unmap_recorder(rec);
}

static void test_defaults_are_one_to_four(void)
{
    mmio_recorder *rec = map_recorder(0, 0, false, 0, 0, true);
    uint64_t v;
    g_assert_cmpint(mm_as_read(as, BASE + 0x10, 8, &v), ==, MM_MEM_REJECTED);
    g_assert_cmphex(read_ok(BASE + 0x11, 1), ==, 0x11);
    recorder_expect(rec, 0, false, 0x11, 1, 0x11);
    unmap_recorder(rec);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/size/split", test_split_wider_than_impl_max);
    g_test_add_func("/memory/size/widen-read", test_widen_narrow_read);
    g_test_add_func("/memory/size/widen-write-rmw", test_widen_narrow_write_read_modify_write);
    g_test_add_func("/memory/size/widen-write-no-read", test_widen_narrow_write_without_read_op);
    g_test_add_func("/memory/size/widen-unaligned", test_widen_unaligned_spans_two_units);
    g_test_add_func("/memory/size/rejected", test_rejected_accesses);
    g_test_add_func("/memory/size/defaults", test_defaults_are_one_to_four);
    return g_test_run();
}
