/* Unit tests of the option syntax, the option table and the option database. */
#include <string.h>
#include <glib.h>

#include "options/cmdline.h"
#include "options/keyval.h"
#include "options/groups.h"
#include "options/opts.h"
#include "options/table.h"

/* Parses argv (NULL-terminated, without argv[0]); returns the error text or
 * NULL, and leaves the result in *c. */
static char *parse(mm_cmdline *c, const char *const *args)
{
    int argc = 1;
    const char *argv[64] = { "modemu-system-x86_64" };
    for (int i = 0; args[i]; i++)
        argv[argc++] = args[i];
    mm_cmdline_init(c);
    mm_error *err = NULL;
    if (mm_cmdline_parse(c, argc, (char **)argv, &err))
        return NULL;
    char *msg = g_strdup(err->message);
    mm_error_free(err);
    return msg;
}

#define PARSE_OK(c, ...) do { \
        const char *const a_[] = { __VA_ARGS__, NULL }; \
        char *e_ = parse(c, a_); \
        if (e_) g_error("unexpected error: %s", e_); \
    } while (0)

#define PARSE_ERR(expected, ...) do { \
        mm_cmdline c_; \
        const char *const a_[] = { __VA_ARGS__, NULL }; \
        char *e_ = parse(&c_, a_); \
        g_assert_nonnull(e_); \
        g_assert_cmpstr(e_, ==, expected); \
        g_free(e_); \
        mm_cmdline_destroy(&c_); \
    } while (0)

static const char *get(mm_cmdline *c, const char *group, const char *key)
{
    mm_opts *opts = mm_opts_db_first(c->db, group);
    g_assert_nonnull(opts);
    return mm_opts_get(opts, key);
}

static void test_implied_keys(void)
{
    mm_cmdline c;
    PARSE_OK(&c, "-device", "e1000,mac=52:54:00:12:34:56", "-netdev", "user,id=n0",
             "-vnc", ":5,password", "-chardev", "socket,id=c,path=/tmp/x", "-M", "pc",
             "-accel", "kvm", "-name", "vm1", "-boot", "d", "-m", "512");
    g_assert_cmpstr(get(&c, "device", "driver"), ==, "e1000");
    g_assert_cmpstr(get(&c, "device", "mac"), ==, "52:54:00:12:34:56");
    g_assert_cmpstr(get(&c, "netdev", "type"), ==, "user");
    g_assert_cmpstr(get(&c, "netdev", "id"), ==, "n0");
    g_assert_cmpstr(get(&c, "vnc", "vnc"), ==, ":5");
    g_assert_cmpstr(get(&c, "vnc", "password"), ==, "on");
    g_assert_cmpstr(get(&c, "chardev", "backend"), ==, "socket");
    g_assert_cmpstr(mm_opts_id(mm_opts_db_first(c.db, "chardev")), ==, "c");
    g_assert_cmpstr(get(&c, "machine", "type"), ==, "pc");
    g_assert_cmpstr(get(&c, "accel", "accel"), ==, "kvm");
    g_assert_cmpstr(get(&c, "name", "guest"), ==, "vm1");
    g_assert_cmpstr(get(&c, "boot-opts", "order"), ==, "d");
    g_assert_cmpstr(get(&c, "memory", "size"), ==, "512");
    mm_cmdline_destroy(&c);
}

static void test_escaping_and_shorthands(void)
{
    mm_cmdline c;
    PARSE_OK(&c, "-drive", "file=a,,b.img,if=virtio", "-chardev",
             "socket,id=s0,host=localhost,port=4444,server,nowait,nodelay",
             "-device", "x,,y,prop=1");
    g_assert_cmpstr(get(&c, "drive", "file"), ==, "a,b.img");
    g_assert_cmpstr(get(&c, "drive", "if"), ==, "virtio");
    g_assert_cmpstr(get(&c, "chardev", "server"), ==, "on");
    g_assert_cmpstr(get(&c, "chardev", "wait"), ==, "off");
    g_assert_cmpstr(get(&c, "chardev", "delay"), ==, "off");
    g_assert_cmpstr(get(&c, "device", "driver"), ==, "x,y");
    mm_opts *d = mm_opts_db_first(c.db, "drive");
    char *text = mm_opts_to_string(d);
    g_assert_cmpstr(text, ==, "file=a,,b.img,if=virtio");
    g_free(text);
    mm_cmdline_destroy(&c);
}

static void test_repeated_and_merged(void)
{
    mm_cmdline c;
    PARSE_OK(&c, "-device", "e1000", "-device", "rtl8139,id=n1", "-m", "512", "-m", "1G",
             "-M", "pc", "-machine", "accel=kvm", "-serial", "stdio", "-serial", "null",
             "--m", "2G", "--device", "virtio-net-pci");
    g_assert_cmpuint(mm_opts_db_group_count(c.db, "device"), ==, 3);
    g_assert_cmpuint(mm_opts_db_group_count(c.db, "memory"), ==, 1);
    g_assert_cmpuint(mm_opts_db_group_count(c.db, "serial"), ==, 2);
    g_assert_cmpstr(get(&c, "memory", "size"), ==, "2G");
    g_assert_cmpstr(get(&c, "machine", "type"), ==, "pc");
    g_assert_cmpstr(get(&c, "machine", "accel"), ==, "kvm");
    g_assert_cmpstr(mm_opts_get(mm_opts_db_at(c.db, 1), "driver"), ==, "rtl8139");
    mm_cmdline_destroy(&c);
}

static void test_bad_syntax(void)
{
    PARSE_ERR("-foo: invalid option", "-foo");
    PARSE_ERR("-m=512: invalid option", "-m=512");
    PARSE_ERR("--foo: invalid option", "--foo");
    PARSE_ERR("-m: requires an argument", "-m");
    PARSE_ERR("-device: requires an argument", "-device");
    PARSE_ERR("-icount: not implemented yet in modemu", "-icount", "1");
    PARSE_ERR("-s: not implemented yet in modemu", "-s");
    PARSE_ERR("-device e1000,: Invalid empty parameter in 'e1000,'", "-device", "e1000,");
    PARSE_ERR("-device e1000,a b=1: Invalid parameter name 'a b'", "-device", "e1000,a b=1");
    PARSE_ERR("-device e1000,id=1x: Parameter 'id' expects an identifier", "-device",
              "e1000,id=1x");
    PARSE_ERR("-device e1000,id=a: Duplicate ID 'a' for device", "-device", "e1000,id=a",
              "-device", "e1000,id=a");
    PARSE_ERR("-cpu qemu64,+: CPU feature '+' is not +name, -name or name=value", "-cpu",
              "qemu64,+");
    PARSE_ERR("-balloon foo: Unknown -balloon argument foo", "-balloon", "foo");
    PARSE_ERR("-usbdevice joystick: could not add USB device 'joystick'", "-usbdevice",
              "joystick");
    PARSE_ERR("-global foo: Invalid -global: expected driver.property=value", "-global", "foo");
    PARSE_ERR("-d bogus: unknown log item 'bogus' ('-d help' lists them)", "-d", "bogus");
    PARSE_ERR("-d int,op: log item 'op' is not implemented yet in modemu", "-d", "int,op");
    PARSE_ERR("-plugins list: only 'help' is supported (lists the discovered plugins)",
              "-plugins", "list");
}

static void test_help_requests(void)
{
    static const struct {
        const char *opt, *arg, *kind, *name;
    } cases[] = {
        { "-device", "help", "device", NULL }, { "-device", "?", "device", NULL },
        { "-device", "e1000,help", "device", "e1000" }, { "-M", "help", "machine", NULL },
        { "-machine", "?", "machine", NULL }, { "-cpu", "help", "cpu", NULL },
        { "-display", "help", "display", NULL }, { "-netdev", "help", "netdev", NULL },
        { "-chardev", "help", "chardev", NULL }, { "-accel", "help", "accel", NULL },
        { "-d", "help", "log", NULL }, { "-plugins", "help", "plugins", NULL },
        { "-netdev", "user,help", "netdev", "user" },
        { "-net", "nic,model=help", "nic-model", NULL },
        { "-nic", "user,model=?", "nic-model", NULL },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        mm_cmdline c;
        PARSE_OK(&c, cases[i].opt, cases[i].arg);
        g_assert_cmpstr(c.help_kind, ==, cases[i].kind);
        g_assert_cmpstr(c.help_name, ==, cases[i].name);
        mm_cmdline_destroy(&c);
    }
}

static void test_shorthand_options(void)
{
    mm_cmdline c;
    PARSE_OK(&c, "disk.img", "-cdrom", "cd.iso", "-fda", "fl.img", "-balloon", "virtio",
             "-usbdevice", "disk:u.img", "-usbdevice", "tablet", "-global",
             "isa-serial.chardev=s0", "-enable-kvm", "-no-acpi", "-nographic", "-S",
             "-no-reboot", "-no-shutdown", "-nodefaults", "-cpu", "qemu64,+ssse3,-sse4.1",
             "-kernel", "bz,Image", "-append", "console=ttyS0 a,b", "-full-screen",
             "-display", "vnc=:3,password");
    g_assert_cmpstr(get(&c, "vnc", "vnc"), ==, ":3");
    g_assert_cmpstr(get(&c, "vnc", "password"), ==, "on");
    mm_opts *d0 = mm_opts_db_at(c.db, 0);
    g_assert_cmpstr(mm_opts_group(d0), ==, "drive");
    g_assert_cmpstr(mm_opts_get(d0, "file"), ==, "disk.img");
    g_assert_cmpstr(mm_opts_get(d0, "index"), ==, "0");
    g_assert_cmpstr(mm_opts_get(d0, "media"), ==, "disk");
    mm_opts *cd = mm_opts_db_at(c.db, 1);
    g_assert_cmpstr(mm_opts_get(cd, "media"), ==, "cdrom");
    g_assert_cmpstr(mm_opts_get(cd, "index"), ==, "2");
    mm_opts *fd = mm_opts_db_at(c.db, 2);
    g_assert_cmpstr(mm_opts_get(fd, "if"), ==, "floppy");
    mm_opts *balloon = mm_opts_db_at(c.db, 3);
    g_assert_cmpstr(mm_opts_get(balloon, "driver"), ==, "virtio-balloon-pci");
    g_assert_nonnull(mm_opts_db_find(c.db, "drive", "usbdisk0"));
    g_assert_cmpstr(get(&c, "machine", "usb"), ==, "on");
    g_assert_cmpstr(get(&c, "global", "driver"), ==, "isa-serial");
    g_assert_cmpstr(get(&c, "global", "property"), ==, "chardev");
    g_assert_cmpstr(get(&c, "global", "value"), ==, "s0");
    g_assert_cmpstr(get(&c, "accel", "accel"), ==, "kvm");
    g_assert_cmpstr(get(&c, "machine", "acpi"), ==, "off");
    g_assert_cmpstr(get(&c, "machine", "graphics"), ==, "off");
    g_assert_cmpstr(get(&c, "machine", "defaults"), ==, "off");
    g_assert_cmpstr(get(&c, "machine", "kernel"), ==, "bz,Image");
    g_assert_cmpstr(get(&c, "machine", "append"), ==, "console=ttyS0 a,b");
    g_assert_cmpstr(get(&c, "runstate", "start-stopped"), ==, "on");
    g_assert_cmpstr(get(&c, "runstate", "reboot"), ==, "off");
    g_assert_cmpstr(get(&c, "runstate", "shutdown"), ==, "off");
    g_assert_cmpstr(get(&c, "cpu", "model"), ==, "qemu64");
    g_assert_cmpstr(get(&c, "cpu", "features"), ==, "+ssse3,-sse4.1");
    g_assert_cmpstr(get(&c, "display", "full-screen"), ==, "on");
    mm_cmdline_destroy(&c);
}

static void test_keyval_api(void)
{
    mm_error *err = NULL;
    mm_opts *o = mm_keyval_parse("netdev", "tap,id=t0,ifname=tap0,script=no,vhost", "type",
                                 &err);
    g_assert_null(err);
    g_assert_cmpstr(mm_opts_get(o, "type"), ==, "tap");
    g_assert_cmpstr(mm_opts_get(o, "vhost"), ==, "on");
    g_assert_cmpuint(mm_opts_count(o), ==, 4);  /* id is not a pair */
    /* An implied value may hold '=' only after an explicit key. */
    g_assert_true(mm_keyval_parse_into(o, "script=a=b", "type", &err));
    g_assert_cmpstr(mm_opts_get(o, "script"), ==, "a=b");
    /* Errors leave the instance unchanged. */
    g_assert_false(mm_keyval_parse_into(o, "x=1,,,", "type", &err));
    g_assert_nonnull(err);
    mm_error_free(err);
    g_assert_null(mm_opts_get(o, "x"));
    mm_opts_free(o);
    g_assert_true(mm_opts_id_is_valid("a-b.c_1"));
    g_assert_false(mm_opts_id_is_valid("-a"));
    g_assert_false(mm_opts_id_is_valid(""));
}

/* Every option has a unique name, a help line, and what its kind needs. */
static void test_option_table(void)
{
    GHashTable *names = g_hash_table_new(g_str_hash, g_str_equal);
    unsigned n = 0;
    for (const mm_option_def *def; (def = mm_option_at(n)); n++) {
        g_assert_false(g_hash_table_contains(names, def->name));
        g_hash_table_add(names, (gpointer)def->name);
        g_assert_true(def->help && *def->help);
        g_assert_true(mm_option_find(def->name) == def);
        switch (def->kind) {
        case MM_OPTION_KEYVAL:
        case MM_OPTION_STRING:
            g_assert_true(def->has_arg && def->group && mm_opts_group_find(def->group));
            g_assert_true(def->kind == MM_OPTION_KEYVAL || def->key);
            break;
        case MM_OPTION_FLAG:
            g_assert_true(!def->has_arg && def->key && def->value);
            g_assert_nonnull(mm_opts_group_find(def->group));
            break;
        case MM_OPTION_CUSTOM:
            g_assert_nonnull(def->handler);
            break;
        case MM_OPTION_UNIMPLEMENTED:
            break;
        }
    }
    g_assert_cmpuint(n, >, 100);
    g_hash_table_destroy(names);
    /* The seed chapter's options are all known. */
    static const char *const seed[] = {
        "name", "boot", "pidfile", "nodefaults", "daemonize", "M", "machine", "accel",
        "enable-kvm", "cpu", "m", "balloon", "smp", "no-acpi", "S", "readconfig", "writeconfig",
        "rtc", "device", "drive", "hda", "hdb", "hdc", "hdd", "cdrom", "kernel", "initrd",
        "append", "vga", "display", "nographic", "spice", "vnc", "no-frame", "full-screen",
        "no-quit", "alt-grab", "ctrl-grab", "k", "usb", "usbdevice", "chardev", "serial",
        "parallel", "monitor", "mon", "qmp", "net", "netdev", "nic", "fsdev", "virtfs",
        "snapshot", "no-reboot", "no-shutdown", NULL
    };
    for (int i = 0; seed[i]; i++) {
        const mm_option_def *def = mm_option_find(seed[i]);
        g_assert_nonnull(def);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/options/implied-keys", test_implied_keys);
    g_test_add_func("/options/escaping-shorthands", test_escaping_and_shorthands);
    g_test_add_func("/options/repeated-merged", test_repeated_and_merged);
    g_test_add_func("/options/bad-syntax", test_bad_syntax);
    g_test_add_func("/options/help-requests", test_help_requests);
    g_test_add_func("/options/shorthands", test_shorthand_options);
    g_test_add_func("/options/keyval-api", test_keyval_api);
    g_test_add_func("/options/table", test_option_table);
    return g_test_run();
}
