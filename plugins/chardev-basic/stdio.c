/*
 * "stdio": the emulator's standard input and output.  When stdin is a
 * terminal it is put in raw mode (keys go to the guest one by one, no echo)
 * and restored on exit; signal=off also passes Ctrl-C to the guest.
 */
#include <stddef.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>
#include <modemu/chardev.h>

#include "backends.h"
#include "fd_stream.h"

typedef struct stdio_chardev {
    fd_chardev base;
    bool signal;
} stdio_chardev;

static bool stdio_in_use;
static bool terminal_saved;
static struct termios saved_termios;

void stdio_chardev_restore_terminal(void)
{
    if (terminal_saved)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    terminal_saved = false;
}

static void enter_raw_mode(bool keep_signals)
{
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved_termios) != 0)
        return;
    terminal_saved = true;
    atexit(stdio_chardev_restore_terminal);
    struct termios raw = saved_termios;
    raw.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    raw.c_oflag |= OPOST;   /* keep "\n" -> "\r\n" for the emulator's own messages */
    raw.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | IEXTEN);
    if (!keep_signals)
        raw.c_lflag &= ~(tcflag_t)ISIG;
    raw.c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
    raw.c_cflag |= CS8;
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(STDIN_FILENO, TCSANOW, &raw);
}

static bool stdio_realize(mm_object *obj, mm_error **errp)
{
    stdio_chardev *s = (stdio_chardev *)obj;
    if (stdio_in_use) {
        mm_error_set(errp, "cannot use stdio by multiple character devices");
        return false;
    }
    stdio_in_use = true;
    enter_raw_mode(s->signal);
    fd_chardev_open(&s->base, STDIN_FILENO, STDOUT_FILENO);
    return true;
}

static void stdio_unrealize(mm_object *obj)
{
    stdio_chardev *s = (stdio_chardev *)obj;
    fd_stream_pause(&s->base.io);   /* stdin/stdout stay open: they are not ours */
    stdio_chardev_restore_terminal();
    stdio_in_use = false;
}

static const mm_property stdio_properties[] = {
    MM_PROP_DEFINE_BOOL("signal", stdio_chardev, signal, "on",
                        "Ctrl-C etc. signal the emulator (off: passed to the guest)"),
    MM_PROP_END,
};

const mm_type_info stdio_chardev_type = {
    .name = "stdio",
    .parent = MM_KIND_CHARDEV,
    .description = "standard input and output (raw mode on a terminal)",
    .instance_size = sizeof(stdio_chardev),
    .user_creatable = true,
    .properties = stdio_properties,
    .realize = stdio_realize,
    .unrealize = stdio_unrealize,
};
