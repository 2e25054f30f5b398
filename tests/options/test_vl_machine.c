/* vl: the option database turned into a machine (mm_machine_state fields,
 * -M properties, realize), with a machine type registered by the test. */
#include <string.h>
#include <glib.h>
#include <modemu/object.h>

#include "options/cmdline.h"
#include "vl/vl.h"

typedef struct test_machine {
    mm_machine_state parent;
    int64_t widgets;
    bool realized_with_ram;
} test_machine;

static bool test_machine_realize(mm_object *obj, mm_error **errp)
{
    test_machine *tm = (test_machine *)obj;
    if (tm->widgets == 13) {
        mm_error_set(errp, "unlucky widgets");
        return false;
    }
    tm->realized_with_ram = tm->parent.ram_size != 0;
    return true;
}

static const mm_property test_machine_props[] = {
    MM_PROP_DEFINE_INT("widgets", test_machine, widgets, "1", 0, 100, "number of widgets"),
    MM_PROP_END,
};

static const mm_type_info test_machine_info = {
    .name = "test-machine",
    .parent = MM_KIND_MACHINE,
    .description = "machine type of the vl unit test",
    .instance_size = sizeof(test_machine),
    .user_creatable = true,
    .properties = test_machine_props,
    .realize = test_machine_realize,
};

static mm_machine_state *create(const char *const *args, char **msg)
{
    int argc = 0;
    const char *argv[64] = { NULL };
    argv[argc++] = "modemu-system-x86_64";
    for (int i = 0; args[i]; i++)
        argv[argc++] = args[i];
    mm_cmdline c;
    mm_cmdline_init(&c);
    mm_error *err = NULL;
    mm_machine_state *m = NULL;
    if (mm_cmdline_parse(&c, argc, (char **)argv, &err))
        m = vl_machine_create(c.db, "qtest", &err);
    if (!m && msg)
        *msg = g_strdup(err->message);
    mm_error_free(err);
    mm_cmdline_destroy(&c);
    return m;
}

static void test_fields(void)
{
    const char *const args[] = {
        "-M", "test-machine,widgets=7", "-m", "1G", "-smp", "4,sockets=2",
        "-cpu", "qemu64,+ssse3,-sse4.1", "-kernel", "/boot/vmlinuz", "-initrd", "/boot/initrd",
        "-append", "console=ttyS0", "-boot", "order=nc,once=d,menu=on", "-rtc",
        "base=2020-01-02T03:04:05,clock=vm", "-no-acpi", "-nodefaults", "-S", "-no-reboot",
        "-no-shutdown", "-nographic", "-usb", "-name", "vm1", "-vga", "none",
        "-bios", "/fw/bios.bin", NULL
    };
    char *msg = NULL;
    mm_machine_state *m = create(args, &msg);
    if (!m)
        g_error("create: %s", msg);
    test_machine *tm = (test_machine *)m;
    g_assert_cmpint(tm->widgets, ==, 7);
    g_assert_true(tm->realized_with_ram);
    g_assert_true(m->obj.realized);
    g_assert_cmpuint(m->ram_size, ==, 1ull << 30);
    g_assert_cmpuint(m->smp.cpus, ==, 4);
    g_assert_cmpuint(m->smp.sockets, ==, 2);
    g_assert_cmpuint(m->smp.cores, ==, 2);
    g_assert_cmpuint(m->smp.threads, ==, 1);
    g_assert_cmpstr(m->cpu_model, ==, "qemu64");
    g_assert_cmpstr(m->cpu_flags, ==, ",+ssse3,-sse4.1");
    g_assert_cmpstr(m->accel, ==, "qtest");
    g_assert_cmpstr(m->kernel, ==, "/boot/vmlinuz");
    g_assert_cmpstr(m->initrd, ==, "/boot/initrd");
    g_assert_cmpstr(m->append, ==, "console=ttyS0");
    g_assert_cmpstr(m->firmware, ==, "/fw/bios.bin");
    g_assert_cmpstr(m->boot_order, ==, "nc");
    g_assert_cmpstr(m->boot_once, ==, "d");
    g_assert_true(m->boot_menu);
    g_assert_cmpstr(m->rtc_base, ==, "2020-01-02T03:04:05");
    g_assert_true(m->rtc_clock_vm);
    g_assert_false(m->acpi);
    g_assert_false(m->defaults);
    g_assert_true(m->start_stopped);
    g_assert_true(m->no_reboot);
    g_assert_true(m->no_shutdown);
    g_assert_true(m->nographic);
    g_assert_true(m->usb);
    g_assert_cmpstr(m->name, ==, "vm1");
    g_assert_cmpstr(m->vga, ==, "none");
    vl_machine_destroy(m);
}

static void test_defaults(void)
{
    const char *const args[] = { "-M", "test-machine", NULL };
    mm_machine_state *m = create(args, NULL);
    g_assert_nonnull(m);
    g_assert_cmpuint(m->ram_size, ==, 128ull << 20);
    g_assert_cmpuint(m->smp.cpus, ==, 1);
    g_assert_cmpstr(m->cpu_model, ==, "qemu64");
    g_assert_null(m->cpu_flags);
    g_assert_cmpstr(m->boot_order, ==, "cad");
    g_assert_cmpstr(m->rtc_base, ==, "utc");
    g_assert_true(m->acpi);
    g_assert_true(m->defaults);
    g_assert_false(m->start_stopped);
    g_assert_false(m->nographic);
    vl_machine_destroy(m);
}

static void expect_failure(const char *const *args, const char *message)
{
    char *msg = NULL;
    g_assert_null(create(args, &msg));
    g_assert_nonnull(msg);
    if (strcmp(msg, message))
        g_error("got '%s', expected '%s'", msg, message);
    g_free(msg);
}

static void test_errors(void)
{
    const char *const unknown[] = { "-M", "no-such-board", NULL };
    expect_failure(unknown, "-machine no-such-board: machine type 'no-such-board' is not "
                            "available ('-machine help' lists them)");
    const char *const bad_prop[] = { "-M", "test-machine,gadgets=2", NULL };
    char *msg = NULL;
    g_assert_null(create(bad_prop, &msg));
    g_assert_true(g_str_has_prefix(msg, "-machine: "));
    g_assert_true(strstr(msg, "gadgets"));
    g_free(msg);
    const char *const realize_fails[] = { "-M", "test-machine,widgets=13", NULL };
    expect_failure(realize_fails, "unlucky widgets");
    const char *const bad_smp[] = { "-M", "test-machine", "-smp", "3,cores=2", NULL };
    expect_failure(bad_smp, "-smp: Invalid CPU topology: product of the hierarchy must match "
                            "maxcpus: sockets (1) * dies (1) * cores (2) * threads (1) != "
                            "maxcpus (3)");
    const char *const append_alone[] = { "-M", "test-machine", "-append", "x", NULL };
    expect_failure(append_alone, "-append only allowed with -kernel option");
}

typedef struct test_dev {
    mm_object obj;
    int64_t level;
    int64_t seen_level;   /* level when realized */
} test_dev;

static test_dev *last_dev;

static bool test_dev_realize(mm_object *obj, mm_error **errp)
{
    last_dev = (test_dev *)obj;
    last_dev->seen_level = last_dev->level;
    return true;
}

static const mm_property test_dev_props[] = {
    MM_PROP_DEFINE_INT("level", test_dev, level, "1", 0, 100, "a level"),
    MM_PROP_END,
};

static const mm_type_info test_dev_info = {
    .name = "test-dev", .parent = MM_KIND_DEVICE, .description = "vl test device",
    .instance_size = sizeof(test_dev), .user_creatable = true,
    .properties = test_dev_props, .realize = test_dev_realize,
};

static const mm_type_info test_dev_sub_info = {
    .name = "test-dev-sub", .parent = "test-dev", .description = "derived vl test device",
    .instance_size = sizeof(test_dev), .user_creatable = true,
};

/* -global sets defaults on devices of that type and its subtypes; the
 * device's own properties win. */
static int64_t device_level(const char *const *args, char **msg)
{
    int argc = 0;
    const char *argv[16] = { "modemu-system-x86_64" };
    for (argc = 1; args[argc - 1]; argc++)
        argv[argc] = args[argc - 1];
    mm_cmdline c;
    mm_cmdline_init(&c);
    mm_error *err = NULL;
    last_dev = NULL;
    g_assert_true(mm_cmdline_parse(&c, argc, (char **)argv, &err));
    vl_globals_set(c.db);
    bool ok = vl_devices_create(c.db, &err);
    vl_globals_set(NULL);
    mm_cmdline_destroy(&c);
    if (!ok) {
        *msg = g_strdup(err->message);
        mm_error_free(err);
        return -1;
    }
    int64_t level = last_dev->seen_level;
    mm_object_unrealize(&last_dev->obj);
    mm_object_free(&last_dev->obj);
    return level;
}

static void test_globals(void)
{
    char *msg = NULL;
    const char *const plain[] = { "-device", "test-dev", NULL };
    g_assert_cmpint(device_level(plain, &msg), ==, 1);
    const char *const global[] = { "-global", "test-dev.level=5", "-device", "test-dev", NULL };
    g_assert_cmpint(device_level(global, &msg), ==, 5);
    const char *const sub[] = { "-global", "test-dev.level=6", "-device", "test-dev-sub", NULL };
    g_assert_cmpint(device_level(sub, &msg), ==, 6);
    const char *const own[] = { "-global", "driver=test-dev,property=level,value=5",
                                "-device", "test-dev,level=7", NULL };
    g_assert_cmpint(device_level(own, &msg), ==, 7);
    const char *const other[] = { "-global", "isa-serial.index=2", "-device", "test-dev", NULL };
    g_assert_cmpint(device_level(other, &msg), ==, 1);
    const char *const bad[] = { "-global", "test-dev.level=500", "-device", "test-dev", NULL };
    g_assert_cmpint(device_level(bad, &msg), ==, -1);
    g_assert_true(g_str_has_prefix(msg, "-device test-dev: -global test-dev.level=500: "));
    g_free(msg);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    mm_error *err = NULL;
    if (!mm_type_register(&test_machine_info, &err) || !mm_type_register(&test_dev_info, &err) ||
        !mm_type_register(&test_dev_sub_info, &err))
        g_error("register: %s", err->message);
    g_test_add_func("/vl/machine-fields", test_fields);
    g_test_add_func("/vl/machine-defaults", test_defaults);
    g_test_add_func("/vl/machine-errors", test_errors);
    g_test_add_func("/vl/globals", test_globals);
    return g_test_run();
}
