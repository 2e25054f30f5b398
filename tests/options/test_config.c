/* -writeconfig / -readconfig: QEMU's format, and the round trip. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>

#include "options/cmdline.h"
#include "options/config_file.h"

static const char *const rich_args[] = {
    "modemu-system-x86_64", "-M", "pc,accel=kvm:tcg", "-m", "1G,slots=2,maxmem=4G",
    "-smp", "4,sockets=2", "-name", "guest=vm \"quoted\" \\ name", "-boot", "order=dc,menu=on",
    "-rtc", "base=localtime,clock=vm", "-cpu", "qemu64,+ssse3",
    "-drive", "file=/images/a,,b.raw,index=0,media=disk,cache=none",
    "-hdb", "/images/two.img", "-cdrom", "/images/cd.iso",
    "-chardev", "socket,id=mon0,path=/tmp/mon,server,nowait",
    "-netdev", "user,id=n0,hostfwd=tcp::2222-:22", "-device", "e1000,netdev=n0,id=nic0",
    "-device", "virtio-blk-pci,drive=d1", "-net", "nic,vlan=1,model=virtio",
    "-net", "tap,vlan=1,ifname=tap0,script=no", "-kernel", "/boot/vmlinuz",
    "-append", "console=ttyS0 quiet", "-serial", "tcp::4444,server,nowait",
    "-vnc", ":5,password", "-S", "-no-reboot", "-global", "isa-serial.index=1",
    "-pidfile", "/tmp/not-in-config.pid", "-daemonize",
};

static char *write_to_string(const mm_opts_db *db)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    mm_config_write(db, f);
    fclose(f);
    return buf;
}

static mm_opts_db *read_from_string(const char *text, mm_error **errp)
{
    mm_opts_db *db = mm_opts_db_new();
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    bool ok = mm_config_read(db, f, "test.cfg", errp);
    fclose(f);
    if (!ok) {
        mm_opts_db_free(db);
        return NULL;
    }
    return db;
}

static void test_round_trip(void)
{
    mm_cmdline c;
    mm_cmdline_init(&c);
    g_assert_true(mm_cmdline_parse(&c, G_N_ELEMENTS(rich_args), (char **)rich_args, NULL));
    char *first = write_to_string(c.db);
    g_assert_true(g_str_has_prefix(first, "# qemu config file\n\n[machine]\n  type = \"pc\"\n"));
    g_assert_true(strstr(first, "[device \"nic0\"]\n  driver = \"e1000\"\n  netdev = \"n0\"\n"));
    g_assert_true(strstr(first, "  file = \"/images/a,b.raw\"\n"));
    g_assert_true(strstr(first, "[smp-opts]\n  cpus = \"4\"\n  sockets = \"2\"\n"));
    /* The process, not the machine: QEMU does not write these either. */
    g_assert_null(strstr(first, "pidfile"));
    g_assert_null(strstr(first, "daemonize"));

    mm_error *err = NULL;
    mm_opts_db *db = read_from_string(first, &err);
    g_assert_null(err);
    char *second = write_to_string(db);
    g_assert_cmpstr(first, ==, second);
    /* Same instances, same order, same values. */
    g_assert_cmpuint(mm_opts_db_count(db) + 1, ==, mm_opts_db_count(c.db));
    mm_opts *name = mm_opts_db_first(db, "name");
    g_assert_cmpstr(mm_opts_get(name, "guest"), ==, "vm \"quoted\" \\ name");
    g_assert_cmpstr(mm_opts_id(mm_opts_db_find(db, "chardev", "mon0")), ==, "mon0");
    g_free(first);
    g_free(second);
    mm_opts_db_free(db);
    mm_cmdline_destroy(&c);
}

/* -readconfig FILE on the command line merges with the options around it. */
static void test_readconfig_option(void)
{
    char *path = g_build_filename(g_get_tmp_dir(), "modemu-readconfig-XXXXXX", NULL);
    int fd = g_mkstemp(path);
    g_assert_cmpint(fd, >=, 0);
    const char *text = "# written by hand\n[machine]\n  type = \"none\"\n\n"
                       "[memory]\n  size = \"256\"\n\n[device \"dev0\"]\n  driver = \"e1000\"\n";
    g_assert_cmpint(write(fd, text, strlen(text)), ==, (ssize_t)strlen(text));
    close(fd);
    const char *args[] = { "x", "-m", "512", "-readconfig", path, "-M", "accel=tcg",
                           "-device", "e1000,id=dev1" };
    mm_cmdline c;
    mm_cmdline_init(&c);
    mm_error *err = NULL;
    g_assert_true(mm_cmdline_parse(&c, G_N_ELEMENTS(args), (char **)args, &err));
    mm_opts *mem = mm_opts_db_first(c.db, "memory");
    g_assert_cmpstr(mm_opts_get(mem, "size"), ==, "256");
    mm_opts *machine = mm_opts_db_first(c.db, "machine");
    g_assert_cmpstr(mm_opts_get(machine, "type"), ==, "none");
    g_assert_cmpstr(mm_opts_get(machine, "accel"), ==, "tcg");
    g_assert_cmpuint(mm_opts_db_group_count(c.db, "device"), ==, 2);
    mm_cmdline_destroy(&c);

    /* The same id from the file and from the command line collides. */
    const char *dup[] = { "x", "-readconfig", path, "-device", "e1000,id=dev0" };
    mm_cmdline_init(&c);
    g_assert_false(mm_cmdline_parse(&c, G_N_ELEMENTS(dup), (char **)dup, &err));
    g_assert_cmpstr(err->message, ==, "-device e1000,id=dev0: Duplicate ID 'dev0' for device");
    mm_error_free(err);
    mm_cmdline_destroy(&c);
    unlink(path);
    g_free(path);
}

static void expect_read_error(const char *text, const char *message)
{
    mm_error *err = NULL;
    g_assert_null(read_from_string(text, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(err->message, ==, message);
    mm_error_free(err);
}

static void test_read_errors(void)
{
    expect_read_error("  size = \"1\"\n", "test.cfg:1: no group defined");
    expect_read_error("[memory]\n  size = \"1\n", "test.cfg:2: parse error");
    expect_read_error("[memory\n", "test.cfg:1: parse error");
    expect_read_error("# c\n[spaceship]\n", "test.cfg:2: There is no option group 'spaceship'");
    expect_read_error("[process]\n", "test.cfg:1: There is no option group 'process'");
    expect_read_error("[device \"1bad\"]\n", "test.cfg:1: parse error");
    expect_read_error("[device \"a\"]\n  driver = \"x\"\n[device \"a\"]\n  driver = \"y\"\n",
                      "test.cfg:4: Duplicate ID 'a' for device");
    mm_error *err = NULL;
    mm_opts_db *db = mm_opts_db_new();
    g_assert_false(mm_config_read_file(db, "/nonexistent/x.cfg", &err));
    g_assert_true(g_str_has_prefix(err->message, "could not open '/nonexistent/x.cfg'"));
    mm_error_free(err);
    mm_opts_db_free(db);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/config/round-trip", test_round_trip);
    g_test_add_func("/config/readconfig-option", test_readconfig_option);
    g_test_add_func("/config/read-errors", test_read_errors);
    return g_test_run();
}
