/* Value parsers: bools, integers with suffixes, sizes (core/object/property.h). */
#include <glib.h>

#include "object/property.h"

static void test_bool(void)
{
    static const char *const on[] = {"on", "yes", "true", "y"};
    static const char *const off[] = {"off", "no", "false", "n"};
    bool b;
    for (size_t i = 0; i < G_N_ELEMENTS(on); i++) {
        b = false;
        g_assert_true(mm_parse_bool(on[i], &b));
        g_assert_true(b);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(off); i++) {
        b = true;
        g_assert_true(mm_parse_bool(off[i], &b));
        g_assert_false(b);
    }
    g_assert_false(mm_parse_bool("On", &b));
    g_assert_false(mm_parse_bool("1", &b));
    g_assert_false(mm_parse_bool("", &b));
}

static void test_int(void)
{
    int64_t v;
    g_assert_true(mm_parse_int("10", &v) && v == 10);
    g_assert_true(mm_parse_int("010", &v) && v == 10);   /* not octal */
    g_assert_true(mm_parse_int("0x1F", &v) && v == 31);
    g_assert_true(mm_parse_int("-5", &v) && v == -5);
    g_assert_true(mm_parse_int("+7", &v) && v == 7);
    g_assert_true(mm_parse_int("4k", &v) && v == 4096);
    g_assert_true(mm_parse_int("4K", &v) && v == 4096);
    g_assert_true(mm_parse_int("3M", &v) && v == 3 << 20);
    g_assert_true(mm_parse_int("2G", &v) && v == 2ll << 30);
    g_assert_true(mm_parse_int("1T", &v) && v == 1ll << 40);
    g_assert_true(mm_parse_int("-2k", &v) && v == -2048);
    g_assert_true(mm_parse_int("9223372036854775807", &v) && v == INT64_MAX);
    g_assert_true(mm_parse_int("-9223372036854775808", &v) && v == INT64_MIN);
    v = 99;
    g_assert_false(mm_parse_int("9223372036854775808", &v));
    g_assert_false(mm_parse_int("99999999999999999999", &v));
    g_assert_false(mm_parse_int("abc", &v));
    g_assert_false(mm_parse_int("", &v));
    g_assert_false(mm_parse_int("10x", &v));
    g_assert_false(mm_parse_int("1kk", &v));
    g_assert_false(mm_parse_int("1P", &v));     /* P/E are size-only */
    g_assert_false(mm_parse_int("0x", &v));
    g_assert_false(mm_parse_int("-", &v));
    g_assert_false(mm_parse_int("8388608T", &v)); /* 2^63: overflows int64 */
    g_assert_cmpint(v, ==, 99);                  /* untouched on failure */
}

static void test_uint(void)
{
    uint64_t v;
    g_assert_true(mm_parse_uint("18446744073709551615", &v) && v == UINT64_MAX);
    g_assert_true(mm_parse_uint("0xffffffffffffffff", &v) && v == UINT64_MAX);
    g_assert_true(mm_parse_uint("16M", &v) && v == 16u << 20);
    g_assert_false(mm_parse_uint("18446744073709551616", &v));
    g_assert_false(mm_parse_uint("-1", &v));
    g_assert_false(mm_parse_uint("+1", &v));
    g_assert_false(mm_parse_uint("16777216T", &v)); /* 2^64 */
}

static void test_size(void)
{
    uint64_t v;
    g_assert_true(mm_parse_size("512", &v) && v == 512);
    g_assert_true(mm_parse_size("512B", &v) && v == 512);
    g_assert_true(mm_parse_size("4K", &v) && v == 4096);
    g_assert_true(mm_parse_size("4k", &v) && v == 4096);
    g_assert_true(mm_parse_size("128M", &v) && v == 128u << 20);
    g_assert_true(mm_parse_size("1.5G", &v) && v == 3ull << 29);
    g_assert_true(mm_parse_size("0.5K", &v) && v == 512);
    g_assert_true(mm_parse_size("2T", &v) && v == 2ull << 40);
    g_assert_true(mm_parse_size("1P", &v) && v == 1ull << 50);
    g_assert_true(mm_parse_size("15E", &v) && v == 15ull << 60);
    g_assert_true(mm_parse_size("0x1000", &v) && v == 4096);
    g_assert_false(mm_parse_size("16E", &v));     /* 2^64 */
    g_assert_false(mm_parse_size("1.5", &v));     /* a fraction needs a unit */
    g_assert_false(mm_parse_size("1.5B", &v));
    g_assert_false(mm_parse_size(".5G", &v));
    g_assert_false(mm_parse_size("1.G", &v));
    g_assert_false(mm_parse_size("-1G", &v));
    g_assert_false(mm_parse_size("1X", &v));
    g_assert_false(mm_parse_size("", &v));
    g_assert_false(mm_parse_size("G", &v));
    g_assert_false(mm_parse_size("1GB", &v));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/property-parse/bool", test_bool);
    g_test_add_func("/property-parse/int", test_int);
    g_test_add_func("/property-parse/uint", test_uint);
    g_test_add_func("/property-parse/size", test_size);
    return g_test_run();
}
