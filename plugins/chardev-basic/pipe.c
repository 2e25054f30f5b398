/* "pipe": named pipes path.in (input) and path.out (output), or one
 * bidirectional path when those do not exist, as in QEMU. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <modemu/chardev.h>

#include "backends.h"
#include "fd_stream.h"

typedef struct pipe_chardev {
    fd_chardev base;
    char *path;
} pipe_chardev;

/* O_RDWR: opening a FIFO does not wait for the other side. */
static int open_fifo(const char *path)
{
    return open(path, O_RDWR | O_CLOEXEC);
}

static bool pipe_realize(mm_object *obj, mm_error **errp)
{
    pipe_chardev *p = (pipe_chardev *)obj;
    if (!p->path || !*p->path) {
        mm_error_set(errp, "chardev: pipe: no device path given");
        return false;
    }
    char *in_path = g_strdup_printf("%s.in", p->path);
    char *out_path = g_strdup_printf("%s.out", p->path);
    int in = open_fifo(in_path), out = open_fifo(out_path);
    g_free(in_path);
    g_free(out_path);
    if (in < 0 || out < 0) {
        if (in >= 0)
            close(in);
        if (out >= 0)
            close(out);
        in = out = open_fifo(p->path);
        if (in < 0) {
            mm_error_set(errp, "Could not open '%s': %s", p->path, strerror(errno));
            return false;
        }
    }
    fd_chardev_open(&p->base, in, out);
    return true;
}

static void pipe_unrealize(mm_object *obj)
{
    fd_stream_close(&((pipe_chardev *)obj)->base.io);
}

static const mm_property pipe_properties[] = {
    MM_PROP_DEFINE_STRING("path", pipe_chardev, path, NULL,
                          "pipe name (PATH.in and PATH.out, or PATH itself)"),
    MM_PROP_END,
};

const mm_type_info pipe_chardev_type = {
    .name = "pipe",
    .parent = MM_KIND_CHARDEV,
    .description = "named pipes",
    .instance_size = sizeof(pipe_chardev),
    .user_creatable = true,
    .properties = pipe_properties,
    .realize = pipe_realize,
    .unrealize = pipe_unrealize,
};
