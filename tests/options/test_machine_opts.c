/* -m, -smp, -boot, -rtc, -drive and -net semantics, with QEMU's rules. */
#include <string.h>
#include <glib.h>

#include "options/drive_opts.h"
#include "options/keyval.h"
#include "options/machine_opts.h"
#include "options/net_opts.h"

static mm_opts *kv(const char *group, const char *text, const char *implied)
{
    mm_error *err = NULL;
    mm_opts *o = mm_keyval_parse(group, text, implied, &err);
    if (!o)
        g_error("parse '%s': %s", text, err->message);
    return o;
}

static uint64_t mem_size(const char *text)
{
    mm_opts *o = kv("memory", text, "size");
    mm_memory_config m;
    mm_error *err = NULL;
    if (!mm_memory_opts_parse(o, &m, &err))
        g_error("-m %s: %s", text, err->message);
    mm_opts_free(o);
    return m.size;
}

static char *mem_error(const char *text)
{
    mm_opts *o = kv("memory", text, "size");
    mm_memory_config m;
    mm_error *err = NULL;
    g_assert_false(mm_memory_opts_parse(o, &m, &err));
    mm_opts_free(o);
    char *msg = g_strdup(err->message);
    mm_error_free(err);
    return msg;
}

static void test_memory(void)
{
    mm_memory_config m;
    g_assert_true(mm_memory_opts_parse(NULL, &m, NULL));
    g_assert_cmpuint(m.size, ==, 128ull << 20);
    g_assert_cmpuint(mem_size("512"), ==, 512ull << 20);
    g_assert_cmpuint(mem_size("1G"), ==, 1ull << 30);
    g_assert_cmpuint(mem_size("1g"), ==, 1ull << 30);
    g_assert_cmpuint(mem_size("2048M"), ==, 2ull << 30);
    g_assert_cmpuint(mem_size("1.5G"), ==, 3ull << 29);
    g_assert_cmpuint(mem_size("size=256M"), ==, 256ull << 20);
    g_assert_cmpuint(mem_size("65536k"), ==, 64ull << 20);
    g_assert_cmpuint(mem_size("1000000B"), ==, 1007616);  /* rounded up to 8 KiB */
    mm_opts *o = kv("memory", "1G,slots=2,maxmem=4G", "size");
    g_assert_true(mm_memory_opts_parse(o, &m, NULL));
    g_assert_cmpuint(m.maxmem, ==, 4ull << 30);
    g_assert_cmpuint(m.slots, ==, 2);
    mm_opts_free(o);

    char *e = mem_error("1Q");
    g_assert_true(strstr(e, "Parameter 'size' expects a size"));
    g_free(e);
    e = mem_error("0");
    g_assert_cmpstr(e, ==, "memory size must be greater than 0");
    g_free(e);
    e = mem_error("-1");
    g_assert_true(strstr(e, "not '-1'"));
    g_free(e);
    e = mem_error("2G,maxmem=1G,slots=1");
    g_assert_true(g_str_has_prefix(e, "invalid value of maxmem"));
    g_free(e);
    e = mem_error("1G,slots=2");
    g_assert_cmpstr(e, ==, "invalid -m option value: missing 'maxmem' option");
    g_free(e);
    e = mem_error("1G,foo=2");
    g_assert_cmpstr(e, ==, "Invalid parameter 'foo'");
    g_free(e);
    e = mem_error("99999999999999999999G");
    g_assert_true(strstr(e, "expects a size"));
    g_free(e);
}

static bool smp(const char *text, mm_smp_config *c, char **msg)
{
    mm_opts *o = kv("smp-opts", text, "cpus");
    mm_error *err = NULL;
    bool ok = mm_smp_opts_parse(o, 255, c, &err);
    mm_opts_free(o);
    if (!ok && msg)
        *msg = g_strdup(err->message);
    mm_error_free(err);
    return ok;
}

#define SMP_IS(text, cp, so, co, th, mx) do { \
        mm_smp_config c_; \
        char *m_ = NULL; \
        if (!smp(text, &c_, &m_)) g_error("-smp %s: %s", text, m_); \
        g_assert_cmpuint(c_.cpus, ==, cp); g_assert_cmpuint(c_.sockets, ==, so); \
        g_assert_cmpuint(c_.cores, ==, co); g_assert_cmpuint(c_.threads, ==, th); \
        g_assert_cmpuint(c_.maxcpus, ==, mx); g_assert_cmpuint(c_.dies, ==, 1); \
    } while (0)

static void test_smp(void)
{
    mm_smp_config c;
    g_assert_true(mm_smp_opts_parse(NULL, 255, &c, NULL));
    g_assert_cmpuint(c.cpus, ==, 1);
    g_assert_cmpuint(c.maxcpus, ==, 1);
    /* QEMU >= 6.2 prefers cores over sockets for omitted values. */
    SMP_IS("4", 4, 1, 4, 1, 4);
    SMP_IS("cpus=8,sockets=2", 8, 2, 4, 1, 8);
    SMP_IS("8,sockets=2,cores=2", 8, 2, 2, 2, 8);
    SMP_IS("cores=2,threads=2", 4, 1, 2, 2, 4);
    SMP_IS("sockets=2", 2, 2, 1, 1, 2);
    SMP_IS("2,maxcpus=8", 2, 1, 8, 1, 8);
    SMP_IS("4,cores=2", 4, 2, 2, 1, 4);
    SMP_IS("maxcpus=4", 4, 1, 4, 1, 4);

    char *m = NULL;
    g_assert_false(smp("4,sockets=3", &c, &m));
    g_assert_cmpstr(m, ==, "Invalid CPU topology: product of the hierarchy must match maxcpus: "
                    "sockets (3) * dies (1) * cores (1) * threads (1) != maxcpus (4)");
    g_free(m);
    g_assert_false(smp("8,maxcpus=4", &c, &m));
    g_assert_true(g_str_has_prefix(m, "Invalid CPU topology: maxcpus must be equal to or "
                                      "greater than smp"));
    g_free(m);
    g_assert_false(smp("0", &c, &m));
    g_assert_true(strstr(m, "must be greater than zero"));
    g_free(m);
    g_assert_false(smp("256", &c, &m));
    g_assert_true(g_str_has_prefix(m, "Invalid SMP CPUs 256"));
    g_free(m);
    g_assert_false(smp("2,sockets=x", &c, &m));
    g_assert_cmpstr(m, ==, "Parameter 'sockets' expects a non-negative number");
    g_free(m);
    g_assert_false(smp("2,books=1", &c, &m));
    g_assert_cmpstr(m, ==, "Invalid parameter 'books'");
    g_free(m);
}

static char *boot(const char *text, mm_boot_config *b)
{
    mm_opts *o = kv("boot-opts", text, "order");
    mm_error *err = NULL;
    bool ok = mm_boot_opts_parse(o, b, &err);
    mm_opts_free(o);
    char *msg = ok ? NULL : g_strdup(err->message);
    mm_error_free(err);
    return msg;
}

static void test_boot(void)
{
    mm_boot_config b;
    g_assert_true(mm_boot_opts_parse(NULL, &b, NULL));
    g_assert_cmpstr(b.order, ==, "cad");
    mm_boot_config_clear(&b);
    g_assert_null(boot("d", &b));
    g_assert_cmpstr(b.order, ==, "d");
    mm_boot_config_clear(&b);
    g_assert_null(boot("order=nc,once=d,menu=on,splash-time=500,strict=on", &b));
    g_assert_cmpstr(b.order, ==, "nc");
    g_assert_cmpstr(b.once, ==, "d");
    g_assert_true(b.menu);
    g_assert_true(b.strict);
    g_assert_cmpint(b.splash_time, ==, 500);
    g_assert_cmpint(b.reboot_timeout, ==, -1);
    mm_boot_config_clear(&b);
    char *m = boot("z", &b);
    g_assert_cmpstr(m, ==, "Invalid boot device 'z'");
    g_free(m);
    m = boot("cdc", &b);
    g_assert_cmpstr(m, ==, "Boot device 'c' was given twice");
    g_free(m);
    m = boot("c,menu=maybe", &b);
    g_assert_cmpstr(m, ==, "Parameter 'menu' expects 'on' or 'off'");
    g_free(m);
    m = boot("c,foo=1", &b);
    g_assert_cmpstr(m, ==, "Invalid parameter 'foo'");
    g_free(m);
}

static char *rtc(const char *text, mm_rtc_config *r)
{
    mm_opts *o = kv("rtc", text, NULL);
    mm_error *err = NULL;
    bool ok = mm_rtc_opts_parse(o, r, &err);
    mm_opts_free(o);
    char *msg = ok ? NULL : g_strdup(err->message);
    mm_error_free(err);
    return msg;
}

static void test_rtc(void)
{
    mm_rtc_config r;
    g_assert_true(mm_rtc_opts_parse(NULL, &r, NULL));
    g_assert_cmpstr(r.base, ==, "utc");
    g_assert_false(r.base_is_datetime);
    mm_rtc_config_clear(&r);
    g_assert_null(rtc("base=localtime,clock=vm,driftfix=slew", &r));
    g_assert_cmpstr(r.base, ==, "localtime");
    g_assert_cmpint(r.clock, ==, MM_RTC_CLOCK_VM);
    g_assert_true(r.driftfix_slew);
    mm_rtc_config_clear(&r);
    g_assert_null(rtc("base=2006-06-17T16:01:21", &r));
    g_assert_true(r.base_is_datetime);
    g_assert_cmpint(r.base_epoch, ==, 1150560081);
    mm_rtc_config_clear(&r);
    g_assert_null(rtc("base=2020-01-02", &r));
    g_assert_cmpint(r.base_epoch, ==, 1577923200);
    mm_rtc_config_clear(&r);
    char *m = rtc("base=2006-13-45", &r);
    g_assert_true(g_str_has_prefix(m, "invalid datetime format '2006-13-45'"));
    g_free(m);
    m = rtc("clock=wall", &r);
    g_assert_cmpstr(m, ==, "Invalid clock option: wall");
    g_free(m);
    m = rtc("driftfix=fast", &r);
    g_assert_cmpstr(m, ==, "Invalid driftfix option: fast");
    g_free(m);
}

static char *drive(const char *text)
{
    mm_opts *o = kv("drive", text, NULL);
    mm_error *err = NULL;
    bool ok = mm_drive_opts_check(o, &err);
    mm_opts_free(o);
    char *msg = ok ? NULL : g_strdup(err->message);
    mm_error_free(err);
    return msg;
}

static void test_drive(void)
{
    g_assert_null(drive("file=/images/a.raw,index=1,media=disk"));
    g_assert_null(drive("file=x.qcow2,if=virtio,format=qcow2,cache=none,aio=native,"
                        "discard=unmap,id=d0,readonly=on,snapshot=off,werror=stop,"
                        "rerror=report,serial=ABC,boot=on"));
    g_assert_null(drive("file=x,if=ide,bus=0,unit=1,cyls=100,heads=16,secs=63"));
    char *m = drive("file=x,if=usb");
    g_assert_true(g_str_has_prefix(m, "invalid if value 'usb' (valid: none, ide"));
    g_free(m);
    m = drive("file=x,media=tape");
    g_assert_cmpstr(m, ==, "invalid media value 'tape' (valid: disk, cdrom)");
    g_free(m);
    m = drive("file=x,index=one");
    g_assert_cmpstr(m, ==, "Parameter 'index' expects a non-negative number");
    g_free(m);
    m = drive("file=x,readonly=sure");
    g_assert_cmpstr(m, ==, "Parameter 'readonly' expects 'on' or 'off'");
    g_free(m);
    m = drive("file=x,colour=red");
    g_assert_cmpstr(m, ==, "Invalid parameter 'colour'");
    g_free(m);
    m = drive("file=x,cyls=100");
    g_assert_cmpstr(m, ==, "cyls, heads and secs must be given together");
    g_free(m);
    m = drive("file=x,index=0,unit=1");
    g_assert_cmpstr(m, ==, "index cannot be used with bus and unit");
    g_free(m);
}

static void test_net_vlan(void)
{
    unsigned vlan = 99;
    mm_opts *o = kv("net", "nic,vlan=3,model=virtio,macaddr=00:16:35:AF:94:4B", "type");
    g_assert_true(mm_net_opts_vlan(o, &vlan, NULL));
    g_assert_cmpuint(vlan, ==, 3);
    g_assert_cmpstr(mm_net_nic_driver(mm_opts_get(o, "model")), ==, "virtio-net-pci");
    g_assert_true(mm_net_key_is_frontend("macaddr"));
    g_assert_false(mm_net_key_is_frontend("ifname"));
    mm_opts_free(o);
    o = kv("net", "tap,ifname=tap6,script=no,downscript=no", "type");
    g_assert_true(mm_net_opts_vlan(o, &vlan, NULL));
    g_assert_cmpuint(vlan, ==, 0);
    g_assert_cmpstr(mm_net_nic_driver(NULL), ==, "e1000");
    mm_opts_free(o);
    mm_error *err = NULL;
    o = kv("net", "user,vlan=x", "type");
    g_assert_false(mm_net_opts_vlan(o, &vlan, &err));
    g_assert_cmpstr(err->message, ==, "Parameter 'vlan' expects a non-negative number");
    mm_error_free(err);
    mm_opts_free(o);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/options/memory", test_memory);
    g_test_add_func("/options/smp", test_smp);
    g_test_add_func("/options/boot", test_boot);
    g_test_add_func("/options/rtc", test_rtc);
    g_test_add_func("/options/drive", test_drive);
    g_test_add_func("/options/net-vlan", test_net_vlan);
    return g_test_run();
}
