/*
 * isa-serial through qtest: transmit to a file backend, receive from a
 * socket backend with flow control, THRE/RDA/timeout interrupts seen on the
 * IOAPIC's input 4, OUT2 gating, loopback, divisor latch, COM2 defaults.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <glib.h>

#include "libqtest.h"

#define COM1 0x3f8
#define COM2 0x2f8
enum { RBR = 0, IER = 1, IIR = 2, FCR = 2, LCR = 3, MCR = 4, LSR = 5, MSR = 6, SCR = 7 };

static char *temp_path(const char *suffix)
{
    static int n;
    return g_strdup_printf("%s/modemu-serial-%d-%d%s", g_get_tmp_dir(), getpid(), n++, suffix);
}

/* A listening socket the emulator's client chardev connects to. */
typedef struct peer {
    char *path;
    int listen_fd, fd;
} peer;

static peer peer_listen(void)
{
    peer p = { .path = temp_path(".sock"), .fd = -1 };
    struct sockaddr_un sun = { .sun_family = AF_UNIX };
    g_strlcpy(sun.sun_path, p.path, sizeof(sun.sun_path));
    p.listen_fd = socket(AF_UNIX, SOCK_STREAM, 0);
    g_assert_cmpint(bind(p.listen_fd, (struct sockaddr *)&sun, sizeof(sun)), ==, 0);
    g_assert_cmpint(listen(p.listen_fd, 1), ==, 0);
    return p;
}

static void peer_accept(peer *p)
{
    struct pollfd pfd = { .fd = p->listen_fd, .events = POLLIN };
    g_assert_cmpint(poll(&pfd, 1, 10000), ==, 1);
    p->fd = accept(p->listen_fd, NULL, NULL);
    g_assert_cmpint(p->fd, >=, 0);
}

static void peer_close(peer *p)
{
    close(p->fd);
    close(p->listen_fd);
    unlink(p->path);
    g_free(p->path);
}

/* extra_chardev: more options of the socket chardev (",mux=on"). */
static QTestState *start_with_socket_opts(peer *p, const char *extra_chardev, const char *extra)
{
    *p = peer_listen();
    QTestState *s = qtest_startf("-M pc -nodefaults -chardev socket,id=ser,path=%s%s "
                                 "-device isa-serial,chardev=ser %s", p->path, extra_chardev,
                                 extra);
    peer_accept(p);
    return s;
}

static QTestState *start_with_socket(peer *p, const char *extra)
{
    return start_with_socket_opts(p, "", extra);
}

/* Bytes written one by one may arrive in several reads. */
static void read_exactly(int fd, char *buf, size_t len)
{
    size_t got = 0;
    while (got < len) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        g_assert_cmpint(poll(&p, 1, 5000), ==, 1);
        ssize_t n = read(fd, buf + got, len - got);
        g_assert_cmpint(n, >, 0);
        got += (size_t)n;
    }
}

/* The emulator handles socket input in its main loop, between commands:
 * poll LSR until data is ready. */
static bool wait_data_ready(QTestState *s, uint16_t base)
{
    for (int i = 0; i < 2000; i++) {
        if (qtest_inb(s, base + LSR) & 0x01)
            return true;
        g_usleep(1000);
    }
    return false;
}

static void test_transmit_to_file(void)
{
    char *path = temp_path(".out");
    QTestState *s = qtest_startf("-M pc -nodefaults -chardev file,id=ser,path=%s "
                                 "-device isa-serial,chardev=ser", path);
    g_assert_cmphex(qtest_inb(s, COM1 + LSR), ==, 0x60);   /* THRE | TEMT */
    qtest_outb(s, COM1 + LCR, 0x03);
    const char *msg = "hello, 16550\r\n";
    for (const char *c = msg; *c; c++)
        qtest_outb(s, COM1 + RBR, (uint8_t)*c);
    g_assert_cmphex(qtest_inb(s, COM1 + LSR) & 0x60, ==, 0x60);
    char *contents = NULL;
    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==, msg);
    g_free(contents);
    qtest_quit(s);
    unlink(path);
    g_free(path);
}

static void test_receive_with_flow_control(void)
{
    peer p;
    QTestState *s = start_with_socket(&p, "");
    /* Without FIFO one byte is held; the rest waits in the backend. */
    g_assert_cmpint(write(p.fd, "AB", 2), ==, 2);
    g_assert_true(wait_data_ready(s, COM1));
    g_assert_cmphex(qtest_inb(s, COM1 + RBR), ==, 'A');
    g_assert_true(wait_data_ready(s, COM1));
    g_assert_cmphex(qtest_inb(s, COM1 + LSR) & 0x02, ==, 0);   /* no overrun */
    g_assert_cmphex(qtest_inb(s, COM1 + RBR), ==, 'B');
    g_assert_cmphex(qtest_inb(s, COM1 + LSR) & 0x01, ==, 0);

    /* FIFO mode: 40 bytes through a 16-byte FIFO, none lost. */
    qtest_outb(s, COM1 + FCR, 0x07);
    char sent[41], got[41] = { 0 };
    for (int i = 0; i < 40; i++)
        sent[i] = (char)('a' + i % 26);
    sent[40] = 0;
    g_assert_cmpint(write(p.fd, sent, 40), ==, 40);
    for (int i = 0; i < 40; i++) {
        g_assert_true(wait_data_ready(s, COM1));
        got[i] = (char)qtest_inb(s, COM1 + RBR);
    }
    g_assert_cmpstr(got, ==, sent);
    g_assert_cmphex(qtest_inb(s, COM1 + LSR) & 0x03, ==, 0);
    /* Output goes the other way on the same socket. */
    qtest_outb(s, COM1 + RBR, 'Z');
    char c = 0;
    read_exactly(p.fd, &c, 1);
    g_assert_cmpint(c, ==, 'Z');
    qtest_quit(s);
    peer_close(&p);
}

static void test_thre_interrupt(void)
{
    peer p;
    QTestState *s = start_with_socket(&p, "");
    qtest_irq_intercept_in(s, "ioapic");
    qtest_outb(s, COM1 + MCR, 0x08);   /* OUT2: IRQ reaches the bus */
    g_assert_false(qtest_get_irq(s, 4));
    qtest_outb(s, COM1 + IER, 0x02);   /* THRI while THR empty: pending at once */
    g_assert_true(qtest_get_irq(s, 4));
    g_assert_cmphex(qtest_inb(s, COM1 + IIR), ==, 0x02);
    /* Reading IIR acknowledged it. */
    g_assert_false(qtest_get_irq(s, 4));
    g_assert_cmphex(qtest_inb(s, COM1 + IIR), ==, 0x01);
    /* Re-enabling THRI raises it again (Linux's THRE test relies on it). */
    qtest_outb(s, COM1 + IER, 0x00);
    qtest_outb(s, COM1 + IER, 0x02);
    g_assert_true(qtest_get_irq(s, 4));
    /* Writing THR: sent at once, so THRE is pending again. */
    qtest_outb(s, COM1 + RBR, 'x');
    g_assert_true(qtest_get_irq(s, 4));
    /* OUT2 clear: the pending interrupt no longer reaches the line. */
    qtest_outb(s, COM1 + MCR, 0x00);
    g_assert_false(qtest_get_irq(s, 4));
    g_assert_cmphex(qtest_inb(s, COM1 + IIR), ==, 0x02);   /* still identified */
    qtest_outb(s, COM1 + MCR, 0x08);
    qtest_outb(s, COM1 + IER, 0x00);
    g_assert_false(qtest_get_irq(s, 4));
    qtest_quit(s);
    peer_close(&p);
}

static void test_receive_interrupts(void)
{
    peer p;
    QTestState *s = start_with_socket(&p, "");
    qtest_irq_intercept_in(s, "ioapic");
    qtest_outb(s, COM1 + MCR, 0x08);
    qtest_outb(s, COM1 + IER, 0x01);   /* RDI */
    g_assert_cmpint(write(p.fd, "q", 1), ==, 1);
    g_assert_true(wait_data_ready(s, COM1));
    g_assert_true(qtest_get_irq(s, 4));
    g_assert_cmphex(qtest_inb(s, COM1 + IIR), ==, 0x04);
    g_assert_cmphex(qtest_inb(s, COM1 + RBR), ==, 'q');
    g_assert_false(qtest_get_irq(s, 4));

    /* FIFO with trigger level 14: 3 bytes raise no RDA, but after four
     * character times of silence the timeout interrupt fires. */
    qtest_outb(s, COM1 + FCR, 0xc7);
    g_assert_cmpint(write(p.fd, "abc", 3), ==, 3);
    g_assert_true(wait_data_ready(s, COM1));
    g_usleep(20000);   /* let all three bytes arrive */
    qtest_inb(s, COM1 + SCR);
    g_assert_cmphex(qtest_inb(s, COM1 + IIR), ==, 0xc1);
    g_assert_false(qtest_get_irq(s, 4));
    qtest_clock_step(s, 10 * 1000 * 1000);   /* 4 chars at 9600 baud < 5 ms */
    g_assert_cmphex(qtest_inb(s, COM1 + IIR), ==, 0xcc);
    g_assert_true(qtest_get_irq(s, 4));
    g_assert_cmphex(qtest_inb(s, COM1 + RBR), ==, 'a');
    g_assert_false(qtest_get_irq(s, 4));
    qtest_quit(s);
    peer_close(&p);
}

static void test_loopback_and_modem_status(void)
{
    char *path = temp_path(".out");
    QTestState *s = qtest_startf("-M pc -nodefaults -chardev file,id=ser,path=%s "
                                 "-device isa-serial,chardev=ser", path);
    qtest_outb(s, COM1 + MCR, 0x10 | 0x02);   /* LOOP | RTS */
    qtest_outb(s, COM1 + RBR, 0x55);
    g_assert_cmphex(qtest_inb(s, COM1 + LSR) & 0x01, ==, 0x01);
    g_assert_cmphex(qtest_inb(s, COM1 + RBR), ==, 0x55);
    uint8_t msr = qtest_inb(s, COM1 + MSR);
    g_assert_cmphex(msr & 0xf0, ==, 0x10);    /* CTS follows RTS, the rest off */
    g_assert_cmphex(msr & 0x0f, !=, 0);       /* and the changes are flagged */
    g_assert_cmphex(qtest_inb(s, COM1 + MSR) & 0x0f, ==, 0);   /* reading cleared them */
    qtest_outb(s, COM1 + MCR, 0x10 | 0x01 | 0x08);   /* LOOP | DTR | OUT2 */
    g_assert_cmphex(qtest_inb(s, COM1 + MSR) & 0xf0, ==, 0xa0);   /* DSR | DCD */
    /* Two bytes into the one-byte holding register: overrun, reported once. */
    qtest_outb(s, COM1 + RBR, 0x01);
    qtest_outb(s, COM1 + RBR, 0x02);
    g_assert_cmphex(qtest_inb(s, COM1 + LSR) & 0x03, ==, 0x03);   /* DR | OE */
    g_assert_cmphex(qtest_inb(s, COM1 + LSR) & 0x03, ==, 0x01);
    g_assert_cmphex(qtest_inb(s, COM1 + RBR), ==, 0x02);          /* the newest byte */
    /* Nothing reached the backend while looped back. */
    char *contents = NULL;
    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==, "");
    g_free(contents);
    qtest_quit(s);
    unlink(path);
    g_free(path);
}

static void test_divisor_latch_and_scratch(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -device isa-serial,index=1");
    qtest_outb(s, COM2 + IER, 0x05);
    qtest_outb(s, COM2 + LCR, 0x83);          /* DLAB */
    qtest_outb(s, COM2 + RBR, 0x01);          /* DLL */
    qtest_outb(s, COM2 + IER, 0x02);          /* DLM */
    g_assert_cmphex(qtest_inb(s, COM2 + RBR), ==, 0x01);
    g_assert_cmphex(qtest_inb(s, COM2 + IER), ==, 0x02);
    qtest_outb(s, COM2 + LCR, 0x03);
    g_assert_cmphex(qtest_inb(s, COM2 + IER), ==, 0x05);   /* IER untouched */
    g_assert_cmphex(qtest_inb(s, COM2 + LCR), ==, 0x03);
    qtest_outb(s, COM2 + SCR, 0xa5);
    g_assert_cmphex(qtest_inb(s, COM2 + SCR), ==, 0xa5);
    g_assert_cmphex(qtest_inb(s, COM1 + SCR), ==, 0xff);   /* no COM1 */
    qtest_quit(s);
}

/* Behind a mux, C-a b sends a break: BI with a zero byte, and an RLS
 * interrupt; C-a C-a passes one C-a through. */
static void test_break_through_mux(void)
{
    peer p;
    QTestState *s = start_with_socket_opts(&p, ",mux=on", "");
    qtest_irq_intercept_in(s, "ioapic");
    qtest_outb(s, COM1 + MCR, 0x08);
    qtest_outb(s, COM1 + IER, 0x04);   /* receiver line status */
    g_assert_cmpint(write(p.fd, "\001b", 2), ==, 2);
    /* Poll IIR, not LSR: reading LSR would acknowledge the break. */
    uint8_t iir = 0x01;
    for (int i = 0; i < 2000 && iir == 0x01; i++) {
        iir = qtest_inb(s, COM1 + IIR);
        g_usleep(1000);
    }
    g_assert_cmphex(iir, ==, 0x06);
    g_assert_true(qtest_get_irq(s, 4));
    g_assert_cmphex(qtest_inb(s, COM1 + LSR) & 0x11, ==, 0x11);   /* BI | DR */
    g_assert_false(qtest_get_irq(s, 4));   /* reading LSR cleared it */
    g_assert_cmphex(qtest_inb(s, COM1 + RBR), ==, 0x00);
    g_assert_cmpint(write(p.fd, "\001\001", 2), ==, 2);
    g_assert_true(wait_data_ready(s, COM1));
    g_assert_cmphex(qtest_inb(s, COM1 + RBR), ==, 0x01);
    qtest_quit(s);
    peer_close(&p);
}

/* A host terminal as backend: raw bytes both ways, and the UART's speed
 * and framing applied to the device. */
static void test_host_tty_backend(void)
{
    int master, slave;
    char name[128];
    g_assert_cmpint(openpty(&master, &slave, name, NULL, NULL), ==, 0);
    QTestState *s = qtest_startf("-M pc -nodefaults -chardev tty,id=ser,path=%s "
                                 "-device isa-serial,chardev=ser", name);
    qtest_outb(s, COM1 + LCR, 0x80);
    qtest_outb(s, COM1 + RBR, 0x0c);   /* divisor 12: 9600 baud */
    qtest_outb(s, COM1 + IER, 0x00);
    qtest_outb(s, COM1 + LCR, 0x07);   /* 8 data bits, no parity, 2 stop */
    struct termios tio;
    g_assert_cmpint(tcgetattr(slave, &tio), ==, 0);
    g_assert_cmpint(cfgetospeed(&tio), ==, B9600);
    /* (A pty keeps only speed and stop bits: it forces CS8, no parity.) */
    g_assert_cmphex(tio.c_cflag & CSTOPB, ==, CSTOPB);
    qtest_outb(s, COM1 + RBR, 'h');
    qtest_outb(s, COM1 + RBR, '\n');
    char buf[4] = { 0 };
    read_exactly(master, buf, 2);
    g_assert_cmpstr(buf, ==, "h\n");   /* raw: no CR added */
    g_assert_cmpint(write(master, "yo", 2), ==, 2);
    g_assert_true(wait_data_ready(s, COM1));
    g_assert_cmphex(qtest_inb(s, COM1 + RBR), ==, 'y');
    g_assert_true(wait_data_ready(s, COM1));
    g_assert_cmphex(qtest_inb(s, COM1 + RBR), ==, 'o');
    qtest_quit(s);
    close(master);
    close(slave);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/serial/transmit-to-file", test_transmit_to_file);
    g_test_add_func("/serial/receive-flow-control", test_receive_with_flow_control);
    g_test_add_func("/serial/thre-interrupt", test_thre_interrupt);
    g_test_add_func("/serial/receive-interrupts", test_receive_interrupts);
    g_test_add_func("/serial/loopback", test_loopback_and_modem_status);
    g_test_add_func("/serial/divisor-latch", test_divisor_latch_and_scratch);
    g_test_add_func("/serial/host-tty", test_host_tty_backend);
    g_test_add_func("/serial/break-through-mux", test_break_through_mux);
    return g_test_run();
}
