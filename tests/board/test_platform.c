/*
 * Platform pieces of the pc board: firmware mapping (-bios, the isa-bios
 * alias, clear errors), PAM and SMRAM, the CMOS contents firmware reads,
 * port 0x92 and the minimal i8042, ACPI power-off and system reset through
 * 0xCF9 (board devices back to power-on state, PAM kept).
 */
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <sys/wait.h>

#include "cmos_io.h"
#include "libqtest.h"
#include "pci_cfg.h"

#define BIOS_64K 0x10000

static char *write_test_bios(size_t size)
{
    char *path = g_strdup_printf("%s/modemu-board-bios-%d.bin", g_get_tmp_dir(), getpid());
    uint8_t *image = g_malloc(size);
    for (size_t i = 0; i < size; i++)
        image[i] = (uint8_t)(i * 13 + 7);
    g_assert_true(g_file_set_contents(path, (char *)image, size, NULL));
    g_free(image);
    return path;
}

static void test_default_firmware(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults");
    /* SeaBIOS's reset vector is a far jump, visible at both addresses. */
    g_assert_cmphex(qtest_readb(s, 0xfffffff0), ==, 0xea);
    uint8_t high[64], low[64];
    qtest_memread(s, 0xffffffc0, high, sizeof(high));
    qtest_memread(s, 0xfffc0, low, sizeof(low));
    g_assert_cmpmem(high, sizeof(high), low, sizeof(low));
    qtest_quit(s);
}

static void test_custom_firmware_and_pam(void)
{
    char *bios = write_test_bios(BIOS_64K);
    char *args = g_strdup_printf("-M pc -nodefaults -bios %s -device pci-testdev,addr=4",
                                 bios);
    QTestState *s = qtest_start(args);
    const uint8_t first = 7, last = (uint8_t)((BIOS_64K - 1) * 13 + 7);
    g_assert_cmphex(qtest_readb(s, 0xffff0000), ==, first);
    g_assert_cmphex(qtest_readb(s, 0xffffffff), ==, last);
    g_assert_cmphex(qtest_readb(s, 0xf0000), ==, first);        /* isa-bios alias */
    g_assert_cmphex(qtest_readb(s, 0xfffff), ==, last);
    qtest_writeb(s, 0xf0000, 0x99);                             /* ROM: dropped */
    g_assert_cmphex(qtest_readb(s, 0xf0000), ==, first);

    /* PAM0 high nibble: 3 = RAM read/write, 1 = RAM read-only, 0 = PCI. */
    pci_cfg_writeb(s, 0, 0x59, 0x30);
    g_assert_cmphex(qtest_readb(s, 0xf0000), ==, 0);
    qtest_writel(s, 0xf0000, 0x12345678);
    g_assert_cmphex(qtest_readl(s, 0xf0000), ==, 0x12345678);
    pci_cfg_writeb(s, 0, 0x59, 0x10);
    qtest_writel(s, 0xf0000, 0xdeadbeef);
    g_assert_cmphex(qtest_readl(s, 0xf0000), ==, 0x12345678);
    pci_cfg_writeb(s, 0, 0x59, 0x00);
    g_assert_cmphex(qtest_readb(s, 0xf0000), ==, first);
    /* A 16 KiB segment of the option-ROM area (PAM1 low nibble). */
    pci_cfg_writeb(s, 0, 0x5a, 0x03);
    qtest_writel(s, 0xc0000, 0xcafe0001);
    qtest_writel(s, 0xc4000, 0xcafe0002);
    g_assert_cmphex(qtest_readl(s, 0xc0000), ==, 0xcafe0001);
    g_assert_cmphex(qtest_readl(s, 0xc4000), ==, 0);             /* still PCI: pc.rom */

    /* SMRAM: D_OPEN shows RAM under the VGA window instead of the PCI side
     * (here a test device's BAR placed at 0xA0000); D_LCK freezes it. */
    int dev = PCI_DEVFN(4, 0);
    pci_cfg_writel(s, dev, 0x10, 0xa0000);
    pci_cfg_writew(s, dev, 4, 0x0002);
    g_assert_cmphex(pci_cfg_readb(s, 0, 0x72), ==, 0x02);
    g_assert_cmphex(qtest_readl(s, 0xa0000), ==, 0x54534554);
    pci_cfg_writeb(s, 0, 0x72, 0x4a);
    qtest_writel(s, 0xa0000, 0x11112222);
    g_assert_cmphex(qtest_readl(s, 0xa0000), ==, 0x11112222);
    pci_cfg_writeb(s, 0, 0x72, 0x1a);
    g_assert_cmphex(qtest_readl(s, 0xa0000), ==, 0x54534554);
    pci_cfg_writeb(s, 0, 0x72, 0x4a);
    g_assert_cmphex(pci_cfg_readb(s, 0, 0x72), ==, 0x1a);
    g_assert_cmphex(qtest_readl(s, 0xa0000), ==, 0x54534554);
    qtest_quit(s);
    unlink(bios);
    g_free(args);
    g_free(bios);
}

static void test_firmware_errors(void)
{
    qtest_expect_refusal("-M pc -bios no-such-firmware.bin", "could not find firmware");
    char *bios = write_test_bios(1000);
    char *args = g_strdup_printf("-M pc -bios %s", bios);
    qtest_expect_refusal(args, "invalid size");
    unlink(bios);
    g_free(args);
    g_free(bios);
    qtest_expect_refusal("-M pc,smm=on", "System Management Mode");
}

static void test_cmos_layout(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -m 512 -smp 2");
    g_assert_cmphex(cmos_read(s, 0x15) | cmos_read(s, 0x16) << 8, ==, 640);
    g_assert_cmphex(cmos_read(s, 0x17) | cmos_read(s, 0x18) << 8, ==, 0xffff);
    g_assert_cmphex(cmos_read(s, 0x30) | cmos_read(s, 0x31) << 8, ==, 0xffff);
    g_assert_cmphex(cmos_read(s, 0x34) | cmos_read(s, 0x35) << 8, ==, 0x1f00);
    g_assert_cmphex(cmos_read(s, 0x5b) | cmos_read(s, 0x5c) << 8, ==, 0);
    g_assert_cmphex(cmos_read(s, 0x3d), ==, 0x12);   /* default order "cad" */
    g_assert_cmphex(cmos_read(s, 0x38), ==, 0x30);
    g_assert_cmphex(cmos_read(s, 0x5f), ==, 1);      /* CPUs - 1 */
    g_assert_cmphex(cmos_read(s, 0x14) & 0x02, ==, 0x02);   /* FPU */
    qtest_quit(s);
    s = qtest_start("-M pc -nodefaults -m 4G -boot order=nd");
    g_assert_cmphex(cmos_read(s, 0x3d), ==, 0x34);
    g_assert_cmphex(cmos_read(s, 0x38), ==, 0x00);
    /* 3 GiB below 4 GiB, 1 GiB above: 0x4000 units of 64 KiB. */
    g_assert_cmphex(cmos_read(s, 0x5b) | cmos_read(s, 0x5c) << 8 | cmos_read(s, 0x5d) << 16,
                    ==, 0x4000);
    g_assert_cmphex(qtest_readl(s, 0x100000000ull), ==, 0);
    qtest_writel(s, 0x13ffffffcull, 0x600dd00d);   /* last word of RAM above 4G */
    g_assert_cmphex(qtest_readl(s, 0x13ffffffcull), ==, 0x600dd00d);
    qtest_quit(s);
}

static void test_port92_and_i8042(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults");
    g_assert_cmphex(qtest_inb(s, 0x92), ==, 0x00);   /* the latch, as on QEMU */
    qtest_outb(s, 0x92, 0x02);
    g_assert_cmphex(qtest_inb(s, 0x92), ==, 0x02);
    qtest_outb(s, 0x92, 0x00);
    g_assert_cmphex(qtest_inb(s, 0x92), ==, 0x00);
    qtest_outb(s, 0x64, 0xdf);                       /* i8042: A20 on */
    g_assert_cmphex(qtest_inb(s, 0x92), ==, 0x00);   /* port 0x92 keeps its own latch */
    qtest_outb(s, 0x64, 0xaa);                       /* self test */
    g_assert_cmphex(qtest_inb(s, 0x64) & 0x05, ==, 0x05);
    g_assert_cmphex(qtest_inb(s, 0x60), ==, 0x55);
    g_assert_cmphex(qtest_inb(s, 0x64) & 0x01, ==, 0x00);
    qtest_outb(s, 0x64, 0xd0);                       /* read output port */
    g_assert_cmphex(qtest_inb(s, 0x60) & 0x03, ==, 0x03);
    /* No keyboard behind the minimal controller: timeout and 0xFE at once. */
    qtest_outb(s, 0x60, 0xff);
    g_assert_cmphex(qtest_inb(s, 0x64) & 0x41, ==, 0x41);
    g_assert_cmphex(qtest_inb(s, 0x60), ==, 0xfe);
    g_assert_cmphex(qtest_inb(s, 0x64) & 0x41, ==, 0x00);
    qtest_quit(s);
}

static void test_acpi_poweroff(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults");
    int pm = PCI_DEVFN(1, 3);
    pci_cfg_writel(s, pm, 0x40, 0x601);
    pci_cfg_writeb(s, pm, 0x80, 0x01);
    /* SLP_TYP 0 (S5) + SLP_EN: the process ends with status 0. */
    g_free(qtest_rsp_raw(s, "outw 0x604 0x2001"));
    int status = qtest_wait_exit(s, 10000);
    g_assert_cmpint(status, !=, -1);
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    qtest_quit(s);
}

/* The monitor on a unix socket: each command is complete once the next
 * "(qemu) " prompt arrives. */
static void monitor_wait_prompt(GSocketConnection *conn)
{
    GInputStream *in = g_io_stream_get_input_stream(G_IO_STREAM(conn));
    GString *seen = g_string_new(NULL);
    char c;
    while (!g_str_has_suffix(seen->str, "(qemu) ")) {
        g_assert_cmpint(g_input_stream_read(in, &c, 1, NULL, NULL), ==, 1);
        g_string_append_c(seen, c);
    }
    g_string_free(seen, TRUE);
}

static GSocketConnection *monitor_connect(const char *socket_path)
{
    GSocketAddress *addr = g_unix_socket_address_new(socket_path);
    GSocketClient *client = g_socket_client_new();
    GSocketConnection *conn = NULL;
    for (int i = 0; i < 500 && !conn; i++) {
        conn = g_socket_client_connect(client, G_SOCKET_CONNECTABLE(addr), NULL, NULL);
        if (!conn)
            g_usleep(10000);
    }
    g_assert_nonnull(conn);
    g_object_unref(client);
    g_object_unref(addr);
    monitor_wait_prompt(conn);
    return conn;
}

static void monitor_command(GSocketConnection *conn, const char *command)
{
    GOutputStream *out = g_io_stream_get_output_stream(G_IO_STREAM(conn));
    char *line = g_strdup_printf("%s\n", command);
    g_assert_true(g_output_stream_write_all(out, line, strlen(line), NULL, NULL, NULL));
    g_free(line);
    monitor_wait_prompt(conn);
}

static void test_power_button(void)
{
    char *sock = g_strdup_printf("%s/modemu-board-mon-%d.sock", g_get_tmp_dir(), getpid());
    char *args = g_strdup_printf("-M pc -nodefaults -chardev socket,id=mon,path=%s,server=on,"
                                 "wait=off -mon chardev=mon", sock);
    QTestState *s = qtest_start(args);
    qtest_irq_intercept_in(s, "ioapic");
    int pm = PCI_DEVFN(1, 3);
    pci_cfg_writel(s, pm, 0x40, 0x601);
    pci_cfg_writeb(s, pm, 0x80, 0x01);
    GSocketConnection *mon = monitor_connect(sock);
    /* Not enabled by the guest: the press is not latched. */
    monitor_command(mon, "system_powerdown");
    g_assert_cmphex(qtest_inw(s, 0x600) & 0x0100, ==, 0);
    qtest_outw(s, 0x602, 0x0100);                    /* PWRBTN_EN */
    monitor_command(mon, "system_powerdown");
    g_assert_cmphex(qtest_inw(s, 0x600) & 0x0100, ==, 0x0100);
    g_assert_true(qtest_get_irq(s, 9));
    qtest_outw(s, 0x600, 0x0100);                    /* acknowledge */
    g_assert_false(qtest_get_irq(s, 9));
    g_object_unref(mon);
    qtest_quit(s);
    unlink(sock);
    g_free(args);
    g_free(sock);
}

static void test_reset_control(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults");
    int piix3 = PCI_DEVFN(1, 0);
    pci_cfg_writeb(s, piix3, 0x60, 0x0b);
    pci_cfg_writeb(s, 0, 0x59, 0x30);
    qtest_outb(s, 0x21, 0x5a);                      /* PIC IMR */
    qtest_outb(s, 0xcf9, 0x02);
    g_assert_cmphex(qtest_inb(s, 0xcf9), ==, 0x02);
    qtest_outb(s, 0xcf9, 0x06);                     /* reset now */
    /* The reset is carried out by the main loop: poll until visible. */
    for (int i = 0; i < 100 && pci_cfg_readb(s, piix3, 0x60) != 0x80; i++)
        g_usleep(10000);
    g_assert_cmphex(pci_cfg_readb(s, piix3, 0x60), ==, 0x80);
    g_assert_cmphex(qtest_inb(s, 0x21), ==, 0x00);
    g_assert_cmphex(qtest_inb(s, 0xcf9), ==, 0x00);
    g_assert_cmphex(pci_cfg_readb(s, 0, 0x59), ==, 0x30);   /* PAM survives */
    g_assert_cmphex(pci_cfg_readw(s, piix3, 4), ==, 0x0007);
    qtest_quit(s);
}

/* COM ports from the default table: COM1 by default, none with
 * -nodefaults or -serial none, one per -serial backend in any case ("none"
 * takes no index, as in QEMU); LSR reads 0x60 idle. */
static void test_default_serial_ports(void)
{
    static const struct { const char *args; uint8_t com1, com2; } cases[] = {
        { "-M pc", 0x60, 0xff },
        { "-M pc -nodefaults", 0xff, 0xff },
        { "-M pc -nodefaults -serial null", 0x60, 0xff },
        { "-M pc -serial null -serial null", 0x60, 0x60 },
        { "-M pc -serial none", 0xff, 0xff },
        { "-M pc -serial none -serial null", 0x60, 0xff },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        QTestState *s = qtest_start(cases[i].args);
        g_assert_cmphex(qtest_inb(s, 0x3fd), ==, cases[i].com1);
        g_assert_cmphex(qtest_inb(s, 0x2fd), ==, cases[i].com2);
        qtest_quit(s);
    }
}

/* -global reaches the board's default devices: COM1 moved by its driver's
 * iobase; a bad -global value stops the board with one line. */
static void test_global_on_default_devices(void)
{
    QTestState *s = qtest_start("-M pc -global isa-serial.iobase=0x2e8");
    g_assert_cmphex(qtest_inb(s, 0x2ed), ==, 0x60);
    g_assert_cmphex(qtest_inb(s, 0x3fd), ==, 0xff);
    qtest_quit(s);

    qtest_expect_refusal("-M pc -global isa-serial.iobase=nope",
                         "-global isa-serial.iobase=nope");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/board/platform/default-firmware", test_default_firmware);
    g_test_add_func("/board/platform/custom-firmware-pam-smram", test_custom_firmware_and_pam);
    g_test_add_func("/board/platform/firmware-errors", test_firmware_errors);
    g_test_add_func("/board/platform/cmos-layout", test_cmos_layout);
    g_test_add_func("/board/platform/port92-i8042", test_port92_and_i8042);
    g_test_add_func("/board/platform/acpi-poweroff", test_acpi_poweroff);
    g_test_add_func("/board/platform/reset-control", test_reset_control);
    g_test_add_func("/board/platform/power-button", test_power_button);
    g_test_add_func("/board/platform/default-serial-ports", test_default_serial_ports);
    g_test_add_func("/board/platform/global-on-default-devices", test_global_on_default_devices);
    return g_test_run();
}
