/*
 * Object model: core-type registration order, defaults, property parsing
 * errors, links, ids, realize/unrealize order with unwinding, help text.
 */
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <modemu/object.h>

#include "irq/irq_intercept.h"
#include "object/core_types.h"
#include "plugin/plugin_registry.h"

typedef struct test_base {
    mm_object parent;
    bool flag;
    int64_t count;
    uint64_t mask;
    uint64_t size;
    char *label;
    int mode;
    mm_object *peer;
    int fail_at;
} test_base;

typedef struct test_dev {
    test_base parent;
    int64_t extra;
} test_dev;

static GString *events;

static void note(const char *what)
{
    g_string_append_printf(events, "%s%s", events->len ? " " : "", what);
}

enum { FAIL_NONE, FAIL_BASE, FAIL_DEV };
static const char *const fail_names[] = {"none", "base", "dev", NULL};
static const char *const mode_names[] = {"fast", "slow", NULL};

static bool base_realize(mm_object *obj, mm_error **errp)
{
    if (((test_base *)obj)->fail_at == FAIL_BASE) {
        note("R:base(fail)");
        mm_error_set(errp, "base refuses");
        return false;
    }
    note("R:base");
    return true;
}

static void base_unrealize(mm_object *obj) { note("U:base"); }
static void base_finalize(mm_object *obj) { note("F:base"); }
static void base_init(mm_object *obj) { note("I:base"); }

static bool dev_realize(mm_object *obj, mm_error **errp)
{
    if (((test_base *)obj)->fail_at == FAIL_DEV) {
        note("R:dev(fail)");
        mm_error_set(errp, "Parameter 'extra' expects an even number");
        return false;
    }
    note("R:dev");
    return true;
}

static void dev_unrealize(mm_object *obj) { note("U:dev"); }
static void dev_finalize(mm_object *obj) { note("F:dev"); }
static void dev_init(mm_object *obj) { note("I:dev"); }

static const mm_property base_props[] = {
    MM_PROP_DEFINE_BOOL("flag", test_base, flag, "on", "a switch"),
    MM_PROP_DEFINE_INT("count", test_base, count, "3", -10, 100, "how many"),
    MM_PROP_DEFINE_UINT("mask", test_base, mask, "0x10", 0, 0, NULL),
    MM_PROP_DEFINE_SIZE("size", test_base, size, "1M", "buffer size"),
    MM_PROP_DEFINE_STRING("label", test_base, label, "hello", "a name"),
    MM_PROP_DEFINE_ENUM("mode", test_base, mode, mode_names, "slow", "speed"),
    MM_PROP_DEFINE_LINK("peer", test_base, peer, "test-peer", "the peer object"),
    MM_PROP_DEFINE_ENUM("fail-at", test_base, fail_at, fail_names, NULL, NULL),
    MM_PROP_END,
};

static const mm_property dev_props[] = {
    MM_PROP_DEFINE_INT("count", test_base, count, "5", -10, 100, "how many"),
    MM_PROP_DEFINE_INT("extra", test_dev, extra, NULL, 0, 0, "extra value"),
    MM_PROP_END,
};

static const char *const dev_aliases[] = {"test-device-alias", NULL};

/* Declared child-first on purpose: registration must not depend on
 * constructor order. */
static const mm_type_info test_dev_info = {
    .name = "test-dev", .parent = "test-base", .description = "a test device",
    .category = "misc", .aliases = dev_aliases, .instance_size = sizeof(test_dev),
    .user_creatable = true, .properties = dev_props, .instance_init = dev_init,
    .realize = dev_realize, .unrealize = dev_unrealize, .instance_finalize = dev_finalize,
};
MM_CORE_TYPE_REGISTER(test_dev_info);

static const mm_type_info test_base_info = {
    .name = "test-base", .parent = MM_KIND_DEVICE, .instance_size = sizeof(test_base),
    .abstract = true, .properties = base_props, .instance_init = base_init,
    .realize = base_realize, .unrealize = base_unrealize, .instance_finalize = base_finalize,
};
MM_CORE_TYPE_REGISTER(test_base_info);

static const mm_type_info test_peer_info = {
    .name = "test-peer", .parent = MM_KIND_OBJECT, .instance_size = sizeof(mm_object),
    .user_creatable = true,
};
MM_CORE_TYPE_REGISTER(test_peer_info);

static const mm_type_info test_other_info = {
    .name = "test-other", .parent = MM_KIND_DEVICE, .instance_size = sizeof(mm_object),
};
MM_CORE_TYPE_REGISTER(test_other_info);

static mm_object *new_dev(const char *id)
{
    mm_error *err = NULL;
    mm_object *obj = mm_object_new(MM_KIND_DEVICE, "test-dev", id, &err);
    g_assert_null(err);
    g_assert_nonnull(obj);
    return obj;
}

static void expect_set_error(mm_object *obj, const char *prop, const char *value,
                             const char *message)
{
    mm_error *err = NULL;
    g_assert_false(mm_object_set_property(obj, prop, value, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(err->message, ==, message);
    mm_error_free(err);
}

static void expect_get(mm_object *obj, const char *prop, const char *value)
{
    char *v = mm_object_get_property(obj, prop, NULL);
    g_assert_cmpstr(v, ==, value);
    g_free(v);
}

static void test_registration(void)
{
    const mm_type *dev = mm_type_find(MM_KIND_DEVICE, "test-dev");
    g_assert_nonnull(dev);
    g_assert_true(mm_type_find(MM_KIND_DEVICE, "test-device-alias") == dev);
    g_assert_true(mm_type_is_a(dev, "test-base"));
    g_assert_true(mm_type_is_a(dev, MM_KIND_DEVICE));
    g_assert_false(mm_type_is_a(dev, MM_KIND_OBJECT));
    g_assert_cmpstr(mm_type_name(mm_type_parent(dev)), ==, "test-base");
    g_assert_null(mm_type_find(MM_KIND_NETDEV, "test-dev"));
    g_assert_nonnull(mm_type_find(MM_KIND_DEVICE, MM_KIND_DEVICE));

    /* A second registration of the same name is refused; another kind is fine. */
    static const mm_type_info dup = {.name = "test-dev", .parent = MM_KIND_DEVICE,
                                     .instance_size = sizeof(mm_object)};
    mm_error *err = NULL;
    g_assert_null(mm_type_register(&dup, &err));
    g_assert_cmpstr(err->message, ==, "device type 'test-dev' is already registered by the core");
    mm_error_free(err);
    static const mm_type_info same_name_netdev = {.name = "test-dev", .parent = MM_KIND_NETDEV,
                                                  .instance_size = sizeof(mm_object)};
    g_assert_nonnull(mm_type_register(&same_name_netdev, NULL));
    static const mm_type_info orphan = {.name = "orphan", .parent = "no-such-parent",
                                        .instance_size = sizeof(mm_object)};
    err = NULL;
    g_assert_null(mm_type_register(&orphan, &err));
    g_assert_cmpstr(err->message, ==, "parent type 'no-such-parent' is not registered");
    mm_error_free(err);
    static const mm_type_info too_small = {.name = "too-small", .parent = "test-base",
                                           .instance_size = sizeof(mm_object)};
    g_assert_null(mm_type_register(&too_small, NULL));
}

static void test_defaults_and_get(void)
{
    g_string_truncate(events, 0);
    mm_object *obj = new_dev(NULL);
    test_dev *d = (test_dev *)obj;
    g_assert_cmpstr(events->str, ==, "I:base I:dev");
    g_assert_true(d->parent.flag);
    g_assert_cmpint(d->parent.count, ==, 5);    /* the subclass default wins */
    g_assert_cmpuint(d->parent.mask, ==, 16);
    g_assert_cmpuint(d->parent.size, ==, 1u << 20);
    g_assert_cmpstr(d->parent.label, ==, "hello");
    g_assert_cmpint(d->parent.mode, ==, 1);
    g_assert_null(d->parent.peer);
    expect_get(obj, "flag", "on");
    expect_get(obj, "count", "5");
    expect_get(obj, "mask", "16");
    expect_get(obj, "size", "1048576");
    expect_get(obj, "label", "hello");
    expect_get(obj, "mode", "slow");
    expect_get(obj, "peer", "");
    expect_get(obj, "extra", "0");
    mm_object_free(obj);
}

static void test_set_good_values(void)
{
    mm_object *obj = new_dev(NULL);
    test_dev *d = (test_dev *)obj;
    g_assert_true(mm_object_set_property(obj, "flag", "off", NULL));
    g_assert_false(d->parent.flag);
    g_assert_true(mm_object_set_property(obj, "flag", NULL, NULL));  /* bare key */
    g_assert_true(d->parent.flag);
    g_assert_true(mm_object_set_property(obj, "count", "-10", NULL));
    g_assert_true(mm_object_set_property(obj, "count", "0x64", NULL));
    g_assert_cmpint(d->parent.count, ==, 100);
    g_assert_true(mm_object_set_property(obj, "mask", "2k", NULL));
    g_assert_cmpuint(d->parent.mask, ==, 2048);
    g_assert_true(mm_object_set_property(obj, "size", "1.5G", NULL));
    expect_get(obj, "size", "1610612736");
    g_assert_true(mm_object_set_property(obj, "label", "a,b", NULL));
    expect_get(obj, "label", "a,b");
    g_assert_true(mm_object_set_property(obj, "mode", "fast", NULL));
    expect_get(obj, "mode", "fast");
    g_assert_true(mm_object_set_property(obj, "extra", "-1M", NULL));
    expect_get(obj, "extra", "-1048576");
    mm_object_free(obj);
}

static void test_bad_values(void)
{
    mm_object *obj = new_dev(NULL);
    expect_set_error(obj, "count", "abc",
                     "property 'count' of 'test-dev': invalid value 'abc', expected an integer "
                     "between -10 and 100");
    expect_set_error(obj, "count", "101",
                     "property 'count' of 'test-dev': invalid value '101', expected an integer "
                     "between -10 and 100");
    expect_set_error(obj, "extra", "12q",
                     "property 'extra' of 'test-dev': invalid value '12q', expected an integer");
    expect_set_error(obj, "mask", "-1",
                     "property 'mask' of 'test-dev': invalid value '-1', expected a non-negative "
                     "integer");
    expect_set_error(obj, "flag", "maybe",
                     "property 'flag' of 'test-dev': invalid value 'maybe', expected on/off, "
                     "yes/no or true/false");
    expect_set_error(obj, "size", "1X",
                     "property 'size' of 'test-dev': invalid value '1X', expected a size (bytes, "
                     "or with suffix K, M, G, T, P, E)");
    expect_set_error(obj, "mode", "medium",
                     "property 'mode' of 'test-dev': invalid value 'medium', expected one of: "
                     "fast, slow");
    expect_set_error(obj, "label", NULL, "property 'label' of 'test-dev' needs a value");
    expect_set_error(obj, "foo", "1",
                     "'test-dev' has no property 'foo' (valid: flag, count, mask, size, label, "
                     "mode, peer, fail-at, extra)");
    /* Failed sets leave the old values. */
    expect_get(obj, "count", "5");
    expect_get(obj, "mode", "slow");
    mm_error *err = NULL;
    g_assert_null(mm_object_get_property(obj, "foo", &err));
    g_assert_nonnull(err);
    mm_error_free(err);
    mm_object_free(obj);
}

static void test_links(void)
{
    mm_error *err = NULL;
    mm_object *peer = mm_object_new(MM_KIND_OBJECT, "test-peer", "p1", &err);
    g_assert_nonnull(peer);
    mm_object *other = mm_object_new(MM_KIND_DEVICE, "test-other", "o1", &err);
    g_assert_nonnull(other);
    mm_object *obj = new_dev("d1");
    g_assert_true(mm_object_set_property(obj, "peer", "p1", NULL));
    g_assert_true(((test_base *)obj)->peer == peer);
    expect_get(obj, "peer", "p1");
    expect_set_error(obj, "peer", "o1", "property 'peer' of 'test-dev': no test-peer with id 'o1'");
    expect_set_error(obj, "peer", "zz", "property 'peer' of 'test-dev': no test-peer with id 'zz'");
    g_assert_true(mm_object_find_by_id(MM_KIND_DEVICE, "d1") == obj);
    g_assert_true(mm_object_find_by_id("test-base", "d1") == obj);
    g_assert_null(mm_object_find_by_id("test-other", "d1"));
    g_assert_true(mm_object_find_by_id(MM_KIND_OBJECT, "p1") == peer);
    mm_object_free(obj);
    mm_object_free(other);
    mm_object_free(peer);
    g_assert_null(mm_object_find_by_id(MM_KIND_OBJECT, "p1"));
}

static void test_ids(void)
{
    mm_object *a = new_dev("dup");
    mm_error *err = NULL;
    g_assert_null(mm_object_new(MM_KIND_DEVICE, "test-dev", "dup", &err));
    g_assert_cmpstr(err->message, ==, "Duplicate ID 'dup' for device");
    mm_error_free(err);
    /* ids are unique per root kind */
    mm_object *b = mm_object_new(MM_KIND_OBJECT, "test-peer", "dup", NULL);
    g_assert_nonnull(b);
    err = NULL;
    g_assert_null(mm_object_new(MM_KIND_DEVICE, "test-dev", "1bad", &err));
    g_assert_cmpstr(err->message, ==, "Parameter 'id' expects an identifier, got '1bad'");
    mm_error_free(err);
    mm_object_free(a);
    mm_object *c = new_dev("dup");  /* free released the id */
    mm_object_free(c);
    mm_object_free(b);
}

static void test_realize_order(void)
{
    mm_object *obj = new_dev(NULL);
    g_string_truncate(events, 0);
    g_assert_true(mm_object_realize(obj, NULL));
    g_assert_true(obj->realized);
    g_assert_cmpstr(events->str, ==, "R:base R:dev");
    expect_set_error(obj, "count", "1",
                     "cannot set property 'count' of 'test-dev' after it was realized");
    g_string_truncate(events, 0);
    mm_object_unrealize(obj);
    g_assert_cmpstr(events->str, ==, "U:dev U:base");
    g_string_truncate(events, 0);
    mm_object_free(obj);
    g_assert_cmpstr(events->str, ==, "F:dev F:base");
}

static void test_realize_unwinds(void)
{
    mm_object *obj = new_dev(NULL);
    g_assert_true(mm_object_set_property(obj, "fail-at", "dev", NULL));
    g_string_truncate(events, 0);
    mm_error *err = NULL;
    g_assert_false(mm_object_realize(obj, &err));
    g_assert_cmpstr(err->message, ==, "Parameter 'extra' expects an even number");
    mm_error_free(err);
    g_assert_false(obj->realized);
    g_assert_cmpstr(events->str, ==, "R:base R:dev(fail) U:base");

    g_assert_true(mm_object_set_property(obj, "fail-at", "base", NULL));
    g_string_truncate(events, 0);
    g_assert_false(mm_object_realize(obj, NULL));
    g_assert_cmpstr(events->str, ==, "R:base(fail)");
    g_string_truncate(events, 0);
    mm_object_free(obj);   /* not realized: no unrealize hooks */
    g_assert_cmpstr(events->str, ==, "F:dev F:base");
}

static void test_unknown_types(void)
{
    mm_error *err = NULL;
    g_assert_null(mm_object_new(MM_KIND_DEVICE, "test-base", NULL, &err));
    g_assert_cmpstr(err->message, ==, "device type 'test-base' is abstract and cannot be created");
    mm_error_free(err);
    err = NULL;
    g_assert_null(mm_object_new(MM_KIND_DEVICE, "nope", NULL, &err));
    g_assert_cmpstr(err->message, ==, "'nope' is not a valid device model name");
    mm_error_free(err);
    err = NULL;
    g_assert_null(mm_plugins_require_type(MM_KIND_DISPLAY, "vnc", &err));
    g_assert_cmpstr(err->message, ==, "display 'vnc' is provided by plugin ui-vnc, which is not "
                                      "installed");
    mm_error_free(err);
    err = NULL;
    g_assert_null(mm_plugins_require_type(MM_KIND_DEVICE, "usb-tablet", &err));
    g_assert_cmpstr(err->message, ==, "device 'usb-tablet' is provided by plugin usb, which is "
                                      "not installed");
    mm_error_free(err);
    err = NULL;
    g_assert_null(mm_plugins_require_type(MM_KIND_NETDEV, "vde", &err));
    g_assert_cmpstr(err->message, ==, "unknown netdev 'vde'");
    mm_error_free(err);
}

static void test_path_names(void)
{
    mm_object *obj = new_dev(NULL);
    mm_object_set_path_name(obj, "/machine/test");
    g_assert_true(mm_object_find_by_path("/machine/test") == obj);
    mm_object_free(obj);
    g_assert_null(mm_object_find_by_path("/machine/test"));
}

static void test_help_text(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    g_assert_true(mm_plugins_print_type_help(MM_KIND_DEVICE, "test-dev", out, NULL));
    fclose(out);
    g_assert_cmpstr(text, ==,
                    "test-dev options:\n"
                    "  count=<int64>            - how many (default: 5)\n"
                    "  extra=<int64>            - extra value (default: 0)\n"
                    "  fail-at=<none|base|dev>  - (default: none)\n"
                    "  flag=<bool>              - a switch (default: on)\n"
                    "  label=<str>              - a name (default: hello)\n"
                    "  mask=<uint64>            - (default: 0x10)\n"
                    "  mode=<fast|slow>         - speed (default: slow)\n"
                    "  peer=<link<test-peer>>   - the peer object\n"
                    "  size=<size>              - buffer size (default: 1M)\n");
    free(text);
}

static void collect_name(const mm_type_summary *s, void *opaque)
{
    g_string_append_printf(opaque, "%s:%s ", s->name, s->user_creatable ? "u" : "-");
}

static void test_listing(void)
{
    GString *names = g_string_new(NULL);
    mm_plugins_foreach_type(MM_KIND_DEVICE, collect_name, names);
    /* abstract test-base is not listed; sorted by name */
    g_assert_nonnull(strstr(names->str, "test-dev:u test-other:- "));
    g_assert_null(strstr(names->str, "test-base"));
    g_string_free(names, TRUE);
}

static void ignore_line(void *opaque, int n, int level)
{
}

/* Freeing a device frees its GPIO inputs (core/irq's free hook).  The freed
 * object's address is only used as the key core/irq looks up, never read. */
static void test_free_drops_gpio_inputs(void)
{
    mm_object *obj = new_dev(NULL);
    mm_gpio_in_init(obj, NULL, ignore_line, NULL, 4);
    mm_gpio_in_init(obj, "named", ignore_line, NULL, 1);
    g_assert_true(mm_gpio_has_inputs(obj));
    uintptr_t key = (uintptr_t)obj;
    mm_object_free(obj);
    g_assert_false(mm_gpio_has_inputs((mm_object *)key));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    events = g_string_new(NULL);
    g_test_add_func("/object/registration", test_registration);
    g_test_add_func("/object/defaults-and-get", test_defaults_and_get);
    g_test_add_func("/object/set-good-values", test_set_good_values);
    g_test_add_func("/object/bad-values", test_bad_values);
    g_test_add_func("/object/links", test_links);
    g_test_add_func("/object/ids", test_ids);
    g_test_add_func("/object/realize-order", test_realize_order);
    g_test_add_func("/object/realize-unwinds", test_realize_unwinds);
    g_test_add_func("/object/unknown-types", test_unknown_types);
    g_test_add_func("/object/path-names", test_path_names);
    g_test_add_func("/object/help-text", test_help_text);
    g_test_add_func("/object/listing", test_listing);
    g_test_add_func("/object/free-drops-gpio-inputs", test_free_drops_gpio_inputs);
    int rc = g_test_run();
    g_string_free(events, TRUE);
    return rc;
}
