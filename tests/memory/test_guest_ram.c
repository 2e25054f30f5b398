/* Guest RAM from -m: QEMU's below/above-4G split and the mapping. */
#include <glib.h>
#include <modemu/memory.h>

#include "memory/guest_ram.h"

#define MIB (UINT64_C(1) << 20)
#define GIB (UINT64_C(1) << 30)

static void expect_split(uint64_t ram, uint64_t limit, uint64_t below, uint64_t above)
{
    uint64_t b, a;
    mm_guest_ram_split(ram, limit, &b, &a);
    g_assert_cmphex(b, ==, below);
    g_assert_cmphex(a, ==, above);
}

/* The observed QEMU figures from PC-FACTS section 2. */
static void test_split_rule(void)
{
    expect_split(128 * MIB, 0, 128 * MIB, 0);
    expect_split(2 * GIB, 0, 2 * GIB, 0);
    expect_split(3 * GIB, 0, 3 * GIB, 0);
    expect_split(3584 * MIB - 1, 0, 3584 * MIB - 1, 0);
    expect_split(3584 * MIB, 0, 3 * GIB, 512 * MIB);
    expect_split(8 * GIB, 0, 3 * GIB, 5 * GIB);
    /* max-ram-below-4g=2G: 3G of RAM gives 2G low, 1G high. */
    expect_split(3 * GIB, 2 * GIB, 2 * GIB, 1 * GIB);
    expect_split(1 * GIB, 2 * GIB, 1 * GIB, 0);
}

static void test_init_maps_8g(void)
{
    mm_error *err = NULL;
    g_assert_true(mm_guest_ram_init(8 * GIB, 0, &err));
    g_assert_null(err);
    g_assert_cmphex(mm_machine_ram_size(), ==, 8 * GIB);
    g_assert_cmphex(mm_machine_ram_below_4g(), ==, 3 * GIB);
    g_assert_cmphex(mm_machine_ram_above_4g(), ==, 5 * GIB);

    mm_memory_region *block = mm_guest_ram_region();
    uint8_t *host = mm_region_host_ptr(block);
    g_assert_nonnull(host);
    mm_address_space *mem = mm_machine_memory_space();
    const mm_flat_range *low = mm_as_find(mem, 0);
    g_assert_true(low->region == block);
    g_assert_cmphex(low->size, ==, 3 * GIB);
    g_assert_null(mm_as_find(mem, 3 * GIB));           /* the PCI hole */
    g_assert_null(mm_as_find(mem, 4 * GIB - 1));
    const mm_flat_range *high = mm_as_find(mem, 4 * GIB);
    g_assert_true(high->region == block);
    g_assert_cmphex(high->offset_in_region, ==, 3 * GIB);
    g_assert_cmphex(high->start + high->size, ==, 9 * GIB);
    g_assert_null(mm_as_find(mem, 9 * GIB));

    /* The byte at 4G is block offset 3G. */
    g_assert_cmpint(mm_as_write(mem, 4 * GIB, 4, 0xCAFEF00D), ==, MM_MEM_OK);
    g_assert_cmpuint(host[3 * GIB], ==, 0x0D);
    g_assert_cmpint(mm_as_write(mem, 0x1000, 1, 0x77), ==, MM_MEM_OK);
    g_assert_cmpuint(host[0x1000], ==, 0x77);

    /* Only once per process. */
    g_assert_false(mm_guest_ram_init(GIB, 0, &err));
    g_assert_nonnull(err);
    mm_error_free(err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/guest-ram/split", test_split_rule);
    g_test_add_func("/memory/guest-ram/init-8g", test_init_maps_8g);
    return g_test_run();
}
