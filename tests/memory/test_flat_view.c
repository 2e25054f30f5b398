/* Flat-view rendering: overlaps, priorities, aliases, containers, edits. */
#include <glib.h>
#include <modemu/memory.h>

#include "memory/address_space.h"
#include "memory/mtree_dump.h"
#include "mmio_recorder.h"

static mm_address_space *as;
static mm_memory_region *root;

static void setup(void)
{
    as = mm_address_space_new("test", UINT64_C(1) << 32, 0xff);
    root = mm_address_space_root(as);
}

static void teardown(void)
{
    mm_address_space_free(as);
}

static mm_memory_region *new_ram(const char *name, uint64_t size)
{
    mm_memory_region *mr = mm_region_new_ram(NULL, name, size, NULL);
    g_assert_nonnull(mr);
    return mr;
}

/* Asserts that addr is mapped to `region` at `offset` in a range [start, start+size). */
static void expect_range(uint64_t addr, mm_memory_region *region, uint64_t offset,
                         uint64_t start, uint64_t size)
{
    const mm_flat_range *r = mm_as_find(as, addr);
    g_assert_nonnull(r);
    g_assert_true(r->region == region);
    g_assert_cmphex(r->offset_in_region + (addr - r->start), ==, offset);
    g_assert_cmphex(r->start, ==, start);
    g_assert_cmphex(r->size, ==, size);
    if (mm_region_host_ptr(region))
        g_assert_true(r->host == (uint8_t *)mm_region_host_ptr(region) + r->offset_in_region);
    else
        g_assert_null(r->host);
}

static size_t view_ranges(void)
{
    return as->view.nr;
}

static void test_higher_priority_wins(void)
{
    setup();
    mm_memory_region *a = new_ram("a", 0x3000), *b = new_ram("b", 0x1000);
    mm_region_add_subregion(root, 0, a, 0);
    mm_region_add_subregion(root, 0x1000, b, 1);
    g_assert_cmpuint(view_ranges(), ==, 3);
    expect_range(0x0, a, 0x0, 0x0, 0x1000);
    expect_range(0x1800, b, 0x800, 0x1000, 0x1000);
    expect_range(0x2fff, a, 0x2fff, 0x2000, 0x1000);
    g_assert_null(mm_as_find(as, 0x3000));

    /* A lower priority added later stays underneath. */
    mm_memory_region *c = new_ram("c", 0x4000);
    mm_region_add_subregion(root, 0, c, -1);
    expect_range(0x1000, b, 0, 0x1000, 0x1000);
    expect_range(0x0, a, 0, 0, 0x1000);
    expect_range(0x3000, c, 0x3000, 0x3000, 0x1000);
    mm_region_free(a);
    mm_region_free(b);
    mm_region_free(c);
    g_assert_cmpuint(view_ranges(), ==, 0);
    teardown();
}

static void test_equal_priority_later_added_wins(void)
{
    setup();
    mm_memory_region *a = new_ram("a", 0x2000), *b = new_ram("b", 0x2000);
    mm_region_add_subregion(root, 0, a, 0);
    mm_region_add_subregion(root, 0x1000, b, 0);
    expect_range(0x1000, b, 0, 0x1000, 0x2000);
    expect_range(0x0, a, 0, 0, 0x1000);
    /* Re-adding a makes it the later one. */
    mm_region_del_subregion(root, a);
    mm_region_add_subregion(root, 0, a, 0);
    expect_range(0x1000, a, 0x1000, 0, 0x2000);
    expect_range(0x2000, b, 0x1000, 0x2000, 0x1000);
    mm_region_free(a);
    mm_region_free(b);
    teardown();
}

static void test_alias_window(void)
{
    setup();
    mm_memory_region *ram = new_ram("ram", 0x4000);
    mm_memory_region *alias = mm_region_new_alias(NULL, "win", ram, 0x800, 0x1000);
    mm_region_add_subregion(root, 0x10000, alias, 0);
    expect_range(0x10000, ram, 0x800, 0x10000, 0x1000);
    expect_range(0x10fff, ram, 0x17ff, 0x10000, 0x1000);
    g_assert_null(mm_as_find(as, 0x11000));
    g_assert_null(mm_as_find(as, 0));

    /* Moving the window and the offset. */
    mm_region_set_alias_offset(alias, 0x3800);   /* only 0x800 bytes of ram left */
    expect_range(0x10000, ram, 0x3800, 0x10000, 0x800);
    g_assert_null(mm_as_find(as, 0x10800));
    mm_region_set_address(alias, 0x20000);
    expect_range(0x207ff, ram, 0x3fff, 0x20000, 0x800);
    g_assert_null(mm_as_find(as, 0x10000));
    mm_region_free(alias);
    mm_region_free(ram);

    /* An alias whose offset exceeds its address (the target's offset 0 would
     * sit below address 0): the arithmetic wraps and still lands right. */
    mm_memory_region *big = new_ram("big", 0x100000);
    mm_memory_region *low = mm_region_new_alias(NULL, "low", big, 0xF0000, 0x1000);
    mm_region_add_subregion(root, 0x100, low, 0);
    expect_range(0x100, big, 0xF0000, 0x100, 0x1000);
    expect_range(0x10ff, big, 0xF0fff, 0x100, 0x1000);
    mm_region_free(low);
    mm_region_free(big);
    teardown();
}

static void test_alias_of_nested_containers(void)
{
    setup();
    /* outer (0x10000) holds inner at 0x4000 holding ram at 0x100 and mmio at 0x2000. */
    mm_memory_region *outer = mm_region_new_container(NULL, "outer", 0x10000);
    mm_memory_region *inner = mm_region_new_container(NULL, "inner", 0x8000);
    mm_memory_region *ram = new_ram("ram", 0x1000);
    mmio_recorder *dev = recorder_new("dev", 0x100, NULL, true);
    mm_region_add_subregion(inner, 0x100, ram, 0);
    mm_region_add_subregion(inner, 0x2000, dev->region, 0);
    mm_region_add_subregion(outer, 0x4000, inner, 0);
    /* Nothing is visible yet: outer is not mapped. */
    g_assert_cmpuint(view_ranges(), ==, 0);
    mm_region_add_subregion(root, 0x100000, outer, 0);
    expect_range(0x104100, ram, 0, 0x104100, 0x1000);
    expect_range(0x106010, dev->region, 0x10, 0x106000, 0x100);

    /* An alias of outer starting inside inner's RAM, mapped at 0x200000. */
    mm_memory_region *alias = mm_region_new_alias(NULL, "outer-alias", outer, 0x4800, 0x1900);
    mm_region_add_subregion(root, 0x200000, alias, 0);
    expect_range(0x200000, ram, 0x700, 0x200000, 0x900);
    g_assert_null(mm_as_find(as, 0x200900));
    expect_range(0x201800, dev->region, 0, 0x201800, 0x100);

    /* Changes below an alias target are seen through the alias. */
    uint64_t gen = mm_address_space_generation(as);
    mm_region_set_enabled(ram, false);
    g_assert_cmpuint(mm_address_space_generation(as), >, gen);
    g_assert_null(mm_as_find(as, 0x200000));
    g_assert_null(mm_as_find(as, 0x104100));
    mm_region_set_enabled(ram, true);
    expect_range(0x200000, ram, 0x700, 0x200000, 0x900);

    mm_region_free(alias);
    mm_region_free(outer);
    mm_region_free(inner);
    mm_region_free(ram);
    recorder_free(dev);
    teardown();
}

static void test_container_holes_show_lower_priority(void)
{
    setup();
    mm_memory_region *low = new_ram("low", 0x10000);
    mm_memory_region *box = mm_region_new_container(NULL, "box", 0x10000);
    mm_memory_region *piece = new_ram("piece", 0x1000);
    mm_region_add_subregion(box, 0x8000, piece, 0);
    mm_region_add_subregion(root, 0, low, 0);
    mm_region_add_subregion(root, 0, box, 5);
    expect_range(0x7fff, low, 0x7fff, 0, 0x8000);
    expect_range(0x8000, piece, 0, 0x8000, 0x1000);
    expect_range(0x9000, low, 0x9000, 0x9000, 0x7000);
    mm_region_free(box);
    mm_region_free(piece);
    mm_region_free(low);
    teardown();
}

static void test_children_clipped_to_parent(void)
{
    setup();
    mm_memory_region *box = mm_region_new_container(NULL, "box", 0x1000);
    mm_memory_region *big = new_ram("big", 0x4000);
    mm_region_add_subregion(box, 0x800, big, 0);
    mm_region_add_subregion(root, 0x10000, box, 0);
    expect_range(0x10800, big, 0, 0x10800, 0x800);
    g_assert_null(mm_as_find(as, 0x11000));
    mm_region_free(box);
    mm_region_free(big);
    teardown();
}

static void test_enable_move_and_readonly(void)
{
    setup();
    mm_memory_region *ram = new_ram("ram", 0x1000);
    mm_region_add_subregion(root, 0x5000, ram, 0);
    uint64_t gen = mm_address_space_generation(as);
    mm_region_set_enabled(ram, false);
    g_assert_null(mm_as_find(as, 0x5000));
    mm_region_set_enabled(ram, true);
    mm_region_set_address(ram, 0x7000);
    g_assert_null(mm_as_find(as, 0x5000));
    expect_range(0x7000, ram, 0, 0x7000, 0x1000);
    g_assert_false(mm_as_find(as, 0x7000)->readonly);
    mm_region_set_readonly(ram, true);
    g_assert_true(mm_as_find(as, 0x7000)->readonly);
    g_assert_cmpuint(mm_address_space_generation(as), ==, gen + 4);
    /* No-op edits do not rebuild. */
    mm_region_set_readonly(ram, true);
    mm_region_set_address(ram, 0x7000);
    g_assert_cmpuint(mm_address_space_generation(as), ==, gen + 4);
    mm_region_free(ram);
    teardown();
}

static void test_transaction_rebuilds_once(void)
{
    setup();
    mm_memory_region *a = new_ram("a", 0x1000), *b = new_ram("b", 0x1000);
    uint64_t gen = mm_address_space_generation(as);
    mm_memory_transaction_begin();
    mm_region_add_subregion(root, 0, a, 0);
    mm_memory_transaction_begin();
    mm_region_add_subregion(root, 0x1000, b, 0);
    mm_memory_transaction_commit();
    g_assert_cmpuint(mm_address_space_generation(as), ==, gen);
    g_assert_null(mm_as_find(as, 0));
    mm_memory_transaction_commit();
    g_assert_cmpuint(mm_address_space_generation(as), ==, gen + 1);
    expect_range(0, a, 0, 0, 0x1000);
    expect_range(0x1000, b, 0, 0x1000, 0x1000);
    mm_region_free(a);
    mm_region_free(b);
    teardown();
}

static void test_adjacent_pieces_merge(void)
{
    setup();
    mm_memory_region *ram = new_ram("ram", 0x4000);
    mm_memory_region *lo = mm_region_new_alias(NULL, "lo", ram, 0, 0x2000);
    mm_memory_region *hi = mm_region_new_alias(NULL, "hi", ram, 0x2000, 0x2000);
    mm_region_add_subregion(root, 0x0, lo, 0);
    mm_region_add_subregion(root, 0x2000, hi, 0);
    g_assert_cmpuint(view_ranges(), ==, 1);
    expect_range(0x3fff, ram, 0x3fff, 0, 0x4000);
    /* Different rights do not merge. */
    mm_region_set_readonly(hi, true);
    g_assert_cmpuint(view_ranges(), ==, 2);
    mm_region_free(lo);
    mm_region_free(hi);
    mm_region_free(ram);
    teardown();
}

static void test_misuse_is_refused(void)
{
    setup();
    mm_memory_region *box = mm_region_new_container(NULL, "box", 0x1000);
    mm_memory_region *ram = new_ram("ram", 0x1000);
    mm_region_add_subregion(root, 0, box, 0);
    mm_region_add_subregion(box, 0, ram, 0);
    mm_region_add_subregion(root, 0x8000, ram, 0);    /* already mapped: ignored */
    mm_region_add_subregion(box, 0, box, 0);          /* itself: ignored */
    mm_region_add_subregion(ram, 0, box, 0);          /* not a container: ignored */
    expect_range(0, ram, 0, 0, 0x1000);
    g_assert_null(mm_as_find(as, 0x8000));
    /* An alias cycle is cut off instead of recursing forever. */
    mm_memory_region *cyc = mm_region_new_container(NULL, "cyc", 0x1000);
    mm_memory_region *loop = mm_region_new_alias(NULL, "loop", cyc, 0, 0x1000);
    mm_region_add_subregion(cyc, 0, loop, 0);
    mm_region_add_subregion(root, 0x10000, cyc, 0);
    g_assert_null(mm_as_find(as, 0x10000));
    mm_region_del_subregion(cyc, loop);
    mm_region_free(loop);
    mm_region_free(cyc);
    mm_region_free(box);
    mm_region_free(ram);
    teardown();
}

static void test_dumps(void)
{
    setup();
    mm_memory_region *ram = new_ram("ram", 0x4000);
    mm_memory_region *box = mm_region_new_container(NULL, "box", 0x1000);
    mm_memory_region *win = mm_region_new_alias(NULL, "win", ram, 0x2000, 0x1000);
    mm_region_add_subregion(root, 0, ram, 0);
    mm_region_add_subregion(root, 0x10000, box, 2);
    mm_region_add_subregion(box, 0x800, win, 0);
    mm_region_set_readonly(win, true);
    GString *out = g_string_new("");
    mm_memory_dump_tree(out, as);
    g_assert_cmpstr(out->str, ==,
        "address-space: test\n"
        "  0000000000000000-00000000ffffffff (prio 0, container): test\n"
        "    0000000000010000-0000000000010fff (prio 2, container): box\n"
        "      0000000000010800-00000000000117ff (prio 0, ram, readonly): alias win "
        "@ram 0000000000002000-0000000000002fff\n"
        "    0000000000000000-0000000000003fff (prio 0, ram): ram\n");
    g_string_truncate(out, 0);
    mm_memory_dump_flat(out, as);
    g_assert_true(g_str_has_suffix(out->str,
        "  0000000000000000-0000000000003fff (ram): ram\n"
        "  0000000000010800-0000000000010fff (ram, readonly): ram @0000000000002000\n"));
    g_string_free(out, TRUE);
    mm_region_free(win);
    mm_region_free(box);
    mm_region_free(ram);
    teardown();
}

/* Random overlapping layouts checked against a direct model of the rule:
 * at each address the enabled region with the highest priority wins, the
 * later-added among equals.  Also nests half of the layouts one container
 * down, which must not change the outcome. */
#define MODEL_REGIONS 24
#define MODEL_GRANULE 0x100
#define MODEL_SPAN 64   /* granules */

typedef struct model_region {
    mm_memory_region *mr;
    uint64_t start, size;   /* in granules */
    int priority;
    bool enabled;
} model_region;

static int model_winner(const model_region *m, int n, uint64_t g)
{
    int best = -1;
    for (int i = 0; i < n; i++) {   /* i increases with add order */
        if (!m[i].enabled || g < m[i].start || g >= m[i].start + m[i].size)
            continue;
        if (best < 0 || m[i].priority >= m[best].priority)
            best = i;
    }
    return best;
}

static void test_random_layouts_match_model(void)
{
    GRand *rng = g_rand_new_with_seed(20261126);
    for (int round = 0; round < 200; round++) {
        setup();
        bool nested = round & 1;
        mm_memory_region *parent = root;
        if (nested) {
            parent = mm_region_new_container(NULL, "nest", MODEL_SPAN * MODEL_GRANULE);
            mm_region_add_subregion(root, 0, parent, 0);
        }
        model_region m[MODEL_REGIONS];
        mm_memory_transaction_begin();
        for (int i = 0; i < MODEL_REGIONS; i++) {
            m[i].start = g_rand_int_range(rng, 0, MODEL_SPAN);
            m[i].size = g_rand_int_range(rng, 1, MODEL_SPAN / 4);
            m[i].priority = g_rand_int_range(rng, -2, 3);
            m[i].enabled = g_rand_int_range(rng, 0, 8) != 0;
            m[i].mr = new_ram("r", m[i].size * MODEL_GRANULE);
            mm_region_set_enabled(m[i].mr, m[i].enabled);
            mm_region_add_subregion(parent, m[i].start * MODEL_GRANULE, m[i].mr, m[i].priority);
        }
        mm_memory_transaction_commit();
        for (uint64_t g = 0; g < MODEL_SPAN + MODEL_SPAN / 4; g++) {
            int w = model_winner(m, MODEL_REGIONS, g);
            const mm_flat_range *r = mm_as_find(as, g * MODEL_GRANULE + 0x80);
            if (w < 0 || (g >= MODEL_SPAN && nested)) {
                g_assert_null(r);
                continue;
            }
            g_assert_nonnull(r);
            g_assert_true(r->region == m[w].mr);
            g_assert_cmphex(r->offset_in_region + (g * MODEL_GRANULE + 0x80 - r->start), ==,
                            (g - m[w].start) * MODEL_GRANULE + 0x80);
        }
        /* Ranges are sorted, disjoint and merged. */
        for (size_t i = 1; i < as->view.nr; i++) {
            const mm_flat_range *a = &as->view.ranges[i - 1], *b = &as->view.ranges[i];
            g_assert_cmphex(a->start + a->size, <=, b->start);
            g_assert_false(a->start + a->size == b->start && a->region == b->region &&
                           a->offset_in_region + a->size == b->offset_in_region);
        }
        for (int i = 0; i < MODEL_REGIONS; i++)
            mm_region_free(m[i].mr);
        if (nested)
            mm_region_free(parent);
        teardown();
    }
    g_rand_free(rng);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/flat/higher-priority-wins", test_higher_priority_wins);
    g_test_add_func("/memory/flat/equal-priority-later-wins", test_equal_priority_later_added_wins);
    g_test_add_func("/memory/flat/alias-window", test_alias_window);
    g_test_add_func("/memory/flat/alias-of-nested-containers", test_alias_of_nested_containers);
    g_test_add_func("/memory/flat/container-holes", test_container_holes_show_lower_priority);
    g_test_add_func("/memory/flat/clipped-to-parent", test_children_clipped_to_parent);
    g_test_add_func("/memory/flat/enable-move-readonly", test_enable_move_and_readonly);
    g_test_add_func("/memory/flat/transaction", test_transaction_rebuilds_once);
    g_test_add_func("/memory/flat/merge", test_adjacent_pieces_merge);
    g_test_add_func("/memory/flat/misuse", test_misuse_is_refused);
    g_test_add_func("/memory/flat/dumps", test_dumps);
    g_test_add_func("/memory/flat/random-vs-model", test_random_layouts_match_model);
    return g_test_run();
}
