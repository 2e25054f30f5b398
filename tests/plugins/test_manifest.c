/*
 * Manifest write/read round trip (inherited properties, aliases, characters
 * that need escaping) and the ELF checks discovery relies on.
 * Usage: test-manifest LIBMODEMU_SO SMALL_SO (the small one is damaged
 * hundreds of times, so it should be small).
 */
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <modemu/plugin.h>

#include "object/property.h"
#include "plugin/elf_file.h"
#include "plugin/manifest.h"

static const char *shared_object;   /* libmodemu: its DT_NEEDED are known */
static const char *small_object;    /* copied and damaged by the ELF tests */

typedef struct tm_base {
    mm_object parent;
    uint64_t size;
    int mode;
    char *label;
} tm_base;

static const char *const tm_modes[] = {"a", "b", NULL};
static const mm_property tm_base_props[] = {
    MM_PROP_DEFINE_SIZE("size", tm_base, size, "64K", "buffer; with a semicolon"),
    MM_PROP_DEFINE_ENUM("mode", tm_base, mode, tm_modes, NULL, NULL),
    MM_PROP_END,
};
static const mm_type_info tm_base_info = {
    .name = "tm-base", .parent = MM_KIND_DEVICE, .instance_size = sizeof(tm_base),
    .abstract = true, .properties = tm_base_props,
};
static const mm_property tm_dev_props[] = {
    MM_PROP_DEFINE_STRING("label", tm_base, label, NULL, "multi\nline, with = and [x]"),
    MM_PROP_END,
};
static const char *const tm_aliases[] = {"tm-alias", "tm-other", NULL};
static const mm_type_info tm_dev_info = {
    .name = "tm-dev", .parent = "tm-base", .description = "device; \"quoted\"",
    .category = "misc", .aliases = tm_aliases, .instance_size = sizeof(tm_base),
    .user_creatable = true, .properties = tm_dev_props,
};
static const mm_type_info *const tm_types[] = {&tm_base_info, &tm_dev_info, NULL};
static const char *const tm_requires[] = {"other-plugin", NULL};
static const mm_plugin_descriptor tm_descriptor = {
    .abi_version = MODEMU_PLUGIN_ABI_VERSION, .build_stamp = MODEMU_BUILD_STAMP,
    .name = "tm", .description = "manifest test", .types = tm_types, .requires = tm_requires,
};

/* stdio, not g_file_set_contents(): that one fsyncs, which makes hundreds
 * of rewrites take seconds. */
static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    g_assert_nonnull(f);
    g_assert_cmpuint(fwrite(data, 1, len, f), ==, len);
    g_assert_cmpint(fclose(f), ==, 0);
}

static void check_prop(const mm_manifest_type *t, guint i, const char *name, const char *label,
                       const char *def, const char *desc)
{
    g_assert_cmpuint(i, <, t->props->len);
    const mm_prop_summary *s = g_ptr_array_index(t->props, i);
    g_assert_cmpstr(s->name, ==, name);
    g_assert_cmpstr(s->type_label, ==, label);
    g_assert_cmpstr(s->default_text, ==, def);
    g_assert_cmpstr(s->description, ==, desc);
}

static void test_round_trip(void)
{
    g_assert_nonnull(mm_type_register(&tm_base_info, NULL));
    g_assert_nonnull(mm_type_register(&tm_dev_info, NULL));
    mm_error *err = NULL;
    mm_manifest *m = mm_manifest_from_descriptor(&tm_descriptor, shared_object, &err);
    g_assert_null(err);
    char *dir = g_dir_make_tmp("tm-XXXXXX", NULL);
    char *path = g_build_filename(dir, "tm.manifest", NULL);
    g_assert_true(mm_manifest_save(m, path, NULL));
    mm_manifest_free(m);

    m = mm_manifest_load(path, &err);
    g_assert_null(err);
    g_assert_cmpstr(m->name, ==, "tm");
    g_assert_cmpuint(m->abi_version, ==, MODEMU_PLUGIN_ABI_VERSION);
    g_assert_cmpstr(m->build_stamp, ==, MODEMU_BUILD_STAMP);
    g_assert_cmpstr(m->requires[0], ==, "other-plugin");
    g_assert_null(m->requires[1]);
    g_assert_true(g_strv_contains((const char *const *)m->needed, "libglib-2.0.so.0"));
    g_assert_true(g_strv_contains((const char *const *)m->needed, "libltdl.so.7"));
    g_assert_cmpuint(m->types->len, ==, 2);
    const mm_manifest_type *t = mm_manifest_find_type(m, MM_KIND_DEVICE, "tm-other");
    g_assert_nonnull(t);
    g_assert_cmpstr(t->name, ==, "tm-dev");
    g_assert_cmpstr(t->parent, ==, "tm-base");
    g_assert_cmpstr(t->description, ==, "device; \"quoted\"");
    g_assert_cmpstr(t->category, ==, "misc");
    g_assert_true(t->user_creatable);
    g_assert_false(t->abstract);
    g_assert_cmpstr(t->aliases[0], ==, "tm-alias");
    /* inherited properties first, in declaration order */
    g_assert_cmpuint(t->props->len, ==, 3);
    check_prop(t, 0, "size", "<size>", "64K", "buffer; with a semicolon");
    check_prop(t, 1, "mode", "<a|b>", "a", NULL);
    check_prop(t, 2, "label", "<str>", NULL, "multi\nline, with = and [x]");
    g_assert_null(mm_manifest_find_type(m, MM_KIND_NETDEV, "tm-dev"));
    g_assert_true(mm_manifest_find_type(m, MM_KIND_DEVICE, "tm-base")->abstract);
    mm_manifest_free(m);

    /* A damaged manifest is an error naming the file, not a crash. */
    g_assert_true(g_file_set_contents(path, "[plugin]\nformat=1\ntypes=device/missing;\n", -1,
                                      NULL));
    g_assert_null(mm_manifest_load(path, &err));
    g_assert_nonnull(strstr(err->message, path));
    mm_error_free(err);
    err = NULL;
    g_assert_true(g_file_set_contents(path, "\x01\x02garbage", -1, NULL));
    g_assert_null(mm_manifest_load(path, &err));
    mm_error_free(err);
    g_remove(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
}

static char *write_prefix(const char *dir, const char *name, gsize len)
{
    gchar *data = NULL;
    gsize full = 0;
    g_assert_true(g_file_get_contents(small_object, &data, &full, NULL));
    char *path = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(path, data, (gssize)MIN(len, full), NULL));
    g_free(data);
    return path;
}

static void test_elf_checks(void)
{
    char *why = NULL;
    g_assert_true(mm_elf_plausible(small_object, &why));
    g_assert_null(why);
    char *dir = g_dir_make_tmp("tm-elf-XXXXXX", NULL);
    char *cut = write_prefix(dir, "cut.so", 3000);
    g_assert_false(mm_elf_plausible(cut, &why));
    g_assert_true(g_str_has_prefix(why, "truncated"));
    g_clear_pointer(&why, g_free);
    char *tiny = write_prefix(dir, "tiny.so", 20);
    g_assert_false(mm_elf_plausible(tiny, &why));
    g_assert_cmpstr(why, ==, "truncated (shorter than an ELF header)");
    g_clear_pointer(&why, g_free);
    char *text = g_build_filename(dir, "text.so", NULL);
    g_assert_true(g_file_set_contents(text, "this is not a shared object at all, but long enough "
                                            "to hold an ELF header's worth of bytes", -1, NULL));
    g_assert_false(mm_elf_plausible(text, &why));
    g_assert_cmpstr(why, ==, "not an ELF file");
    g_clear_pointer(&why, g_free);
    g_assert_null(mm_elf_needed(cut, NULL, &why));
    g_clear_pointer(&why, g_free);
    g_remove(cut);
    g_remove(tiny);
    g_remove(text);
    g_rmdir(dir);
    g_free(cut);
    g_free(tiny);
    g_free(text);
    g_free(dir);
}

/* Damaged shared objects: random byte flips in the headers must give an
 * answer, never a crash or an out-of-bounds read (run under ASan too). */
static void test_elf_damaged(void)
{
    gchar *orig = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(small_object, &orig, &len, NULL));
    char *dir = g_dir_make_tmp("tm-fuzz-XXXXXX", NULL);
    char *path = g_build_filename(dir, "damaged.so", NULL);
    GRand *rng = g_rand_new_with_seed(1234);
    gchar *copy = g_malloc(len);
    for (int round = 0; round < 300; round++) {
        memcpy(copy, orig, len);
        for (int flips = 0; flips < 8; flips++) {
            /* Mostly the ELF header, sometimes the section header table. */
            gsize at = g_rand_boolean(rng) ? (gsize)g_rand_int_range(rng, 16, 64)
                                           : (gsize)g_rand_int_range(rng, 0, (gint32)len);
            copy[at] = (gchar)g_rand_int(rng);
        }
        write_file(path, copy, len);
        char *why = NULL, *runpath = NULL;
        (void)mm_elf_plausible(path, &why);
        g_free(why);
        why = NULL;
        GPtrArray *needed = mm_elf_needed(path, &runpath, &why);
        if (needed)
            g_ptr_array_unref(needed);
        g_free(runpath);
        g_free(why);
    }
    g_free(copy);
    g_rand_free(rng);
    g_remove(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
    g_free(orig);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    if (argc < 3) {
        fprintf(stderr, "usage: %s LIBMODEMU_SO SMALL_SO\n", argv[0]);
        return 2;
    }
    shared_object = argv[1];
    small_object = argv[2];
    g_test_add_func("/manifest/round-trip", test_round_trip);
    g_test_add_func("/manifest/elf-checks", test_elf_checks);
    g_test_add_func("/manifest/elf-damaged", test_elf_damaged);
    return g_test_run();
}
