/* Dirty-page tracking per client. */
#include <glib.h>
#include <modemu/memory.h>

#include "memory/address_space.h"

#define PAGE 0x1000

static void test_dirty_clients(void)
{
    mm_address_space *as = mm_address_space_new("t", 1 << 24, 0xff);
    mm_memory_region *ram = mm_region_new_ram(NULL, "vram", 64 * PAGE + 100, NULL);
    /* Mapped through an alias at an offset: dirty offsets are region offsets. */
    mm_memory_region *alias = mm_region_new_alias(NULL, "win", ram, 8 * PAGE, 32 * PAGE);
    mm_region_add_subregion(mm_address_space_root(as), 0x100000, alias, 0);

    /* Off: nothing is recorded. */
    g_assert_false(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 0, 64 * PAGE));
    mm_ram_dirty_enable(ram, MM_DIRTY_CLIENT_DISPLAY, true);
    /* Enabling starts all dirty; clearing works once. */
    g_assert_true(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 0, 65 * PAGE));
    g_assert_false(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 0, 65 * PAGE));

    /* A sized write at alias offset 0x10 dirties region page 8 only. */
    mm_as_write(as, 0x100010, 4, 1);
    g_assert_false(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 0, 8 * PAGE));
    g_assert_false(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 9 * PAGE, PAGE));
    g_assert_true(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 8 * PAGE + 5, 1));
    g_assert_false(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 8 * PAGE, PAGE));

    /* A buffer write across a page boundary dirties both pages. */
    uint8_t buf[8] = { 0 };
    mm_as_write_buf(as, 0x100000 + 2 * PAGE - 4, buf, sizeof(buf));
    g_assert_true(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 9 * PAGE, 1));
    g_assert_true(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 10 * PAGE, 1));
    g_assert_false(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 0, 65 * PAGE));

    /* Reads never dirty; writable map_ram does; read-only map_ram does not. */
    uint64_t v;
    mm_as_read(as, 0x100000, 8, &v);
    g_assert_nonnull(mm_as_map_ram(as, 0x100000 + 4 * PAGE, PAGE, false));
    g_assert_false(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 0, 65 * PAGE));
    g_assert_nonnull(mm_as_map_ram(as, 0x100000 + 4 * PAGE, 2 * PAGE + 1, true));
    g_assert_true(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 14 * PAGE, 1));
    g_assert_true(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 12 * PAGE, 2 * PAGE));
    g_assert_false(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 0, 65 * PAGE));

    /* Clients are independent: a CPU writing through host pointers reports
     * it; the code client sees it even after display cleared its copy. */
    mm_ram_dirty_enable(ram, MM_DIRTY_CLIENT_CODE, true);
    g_assert_true(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_CODE, 0, 65 * PAGE));
    mm_ram_mark_dirty(ram, 64 * PAGE, 50);   /* the partial last page */
    g_assert_true(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 64 * PAGE, 1));
    g_assert_true(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_CODE, 64 * PAGE + 99, 1));
    /* Out-of-range marks and queries are ignored, not crashes. */
    mm_ram_mark_dirty(ram, 1000 * PAGE, PAGE);
    mm_ram_mark_dirty(ram, UINT64_MAX - 10, 100);
    g_assert_false(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_CODE, 1000 * PAGE, PAGE));
    g_assert_false(mm_ram_test_and_clear_dirty(ram, 7, 0, PAGE));

    /* Disabled clients stop recording. */
    mm_ram_dirty_enable(ram, MM_DIRTY_CLIENT_DISPLAY, false);
    mm_as_write(as, 0x100000, 1, 1);
    g_assert_false(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_DISPLAY, 0, 65 * PAGE));
    g_assert_true(mm_ram_test_and_clear_dirty(ram, MM_DIRTY_CLIENT_CODE, 8 * PAGE, 1));

    mm_region_free(alias);
    mm_region_free(ram);
    mm_address_space_free(as);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/dirty/clients", test_dirty_clients);
    return g_test_run();
}
