/*
 * "serial" (alias "tty"): a host serial port or terminal device (path=),
 * in raw mode, whose speed and framing follow the guest UART's settings.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <modemu/chardev.h>

#include "backends.h"
#include "fd_stream.h"

typedef struct tty_chardev {
    fd_chardev base;
    char *path;
} tty_chardev;

static const struct { int baud; speed_t speed; } speeds[] = {
    { 50, B50 }, { 75, B75 }, { 110, B110 }, { 134, B134 }, { 150, B150 }, { 200, B200 },
    { 300, B300 }, { 600, B600 }, { 1200, B1200 }, { 1800, B1800 }, { 2400, B2400 },
    { 4800, B4800 }, { 9600, B9600 }, { 19200, B19200 }, { 38400, B38400 },
    { 57600, B57600 }, { 115200, B115200 },
};

/* The standard speed at or just below baud (UART divisors give odd rates). */
static speed_t nearest_speed(int baud)
{
    speed_t best = B50;
    for (size_t i = 0; i < sizeof(speeds) / sizeof(speeds[0]); i++) {
        if (speeds[i].baud <= baud)
            best = speeds[i].speed;
    }
    return best;
}

static void tty_set_line_params(mm_chardev *chr, int baud, int data_bits, char parity,
                                int stop_bits)
{
    int fd = ((tty_chardev *)chr)->base.io.out_fd;
    struct termios tio;
    if (fd < 0 || tcgetattr(fd, &tio) != 0)
        return;
    cfsetispeed(&tio, nearest_speed(baud));
    cfsetospeed(&tio, nearest_speed(baud));
    static const tcflag_t sizes[] = { CS5, CS6, CS7, CS8 };
    tio.c_cflag &= ~(tcflag_t)(CSIZE | PARENB | PARODD | CSTOPB);
    tio.c_cflag |= sizes[(data_bits < 5 || data_bits > 8) ? 3 : data_bits - 5];
    if (parity == 'E' || parity == 'O')
        tio.c_cflag |= PARENB | (parity == 'O' ? PARODD : 0);
    if (stop_bits == 2)
        tio.c_cflag |= CSTOPB;
    tcsetattr(fd, TCSADRAIN, &tio);
}

static const mm_chardev_ops tty_ops = {
    .write = fd_chardev_write,
    .accept_input = fd_chardev_accept_input,
    .set_line_params = tty_set_line_params,
};

static bool tty_realize(mm_object *obj, mm_error **errp)
{
    tty_chardev *t = (tty_chardev *)obj;
    if (!t->path || !*t->path) {
        mm_error_set(errp, "chardev: serial: no device path given");
        return false;
    }
    int fd = open(t->path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        mm_error_set(errp, "Could not open '%s': %s", t->path, strerror(errno));
        return false;
    }
    struct termios tio;
    if (tcgetattr(fd, &tio) != 0) {
        mm_error_set(errp, "'%s' is not a terminal device", t->path);
        close(fd);
        return false;
    }
    cfmakeraw(&tio);
    tio.c_cflag |= CLOCAL | CREAD;
    tcsetattr(fd, TCSANOW, &tio);
    fd_chardev_open(&t->base, fd, fd);
    t->base.chr.ops = &tty_ops;
    return true;
}

static void tty_unrealize(mm_object *obj)
{
    fd_stream_close(&((tty_chardev *)obj)->base.io);
}

static const mm_property tty_properties[] = {
    MM_PROP_DEFINE_STRING("path", tty_chardev, path, NULL, "host serial or terminal device"),
    MM_PROP_END,
};

static const char *const tty_aliases[] = { "tty", NULL };

const mm_type_info tty_chardev_type = {
    .name = "serial",
    .parent = MM_KIND_CHARDEV,
    .description = "host serial port or terminal device (raw, follows the UART's speed)",
    .aliases = tty_aliases,
    .instance_size = sizeof(tty_chardev),
    .user_creatable = true,
    .properties = tty_properties,
    .realize = tty_realize,
    .unrealize = tty_unrealize,
};
