/* "file": output to path= (truncated, or appended with append=on); optional
 * input from input-path=. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <modemu/chardev.h>

#include "backends.h"
#include "fd_stream.h"

typedef struct file_chardev {
    fd_chardev base;
    char *path;
    char *input_path;
    bool append;
} file_chardev;

static int open_or_error(const char *path, int flags, mm_error **errp)
{
    int fd = open(path, flags | O_CLOEXEC, 0666);
    if (fd < 0)
        mm_error_set(errp, "Could not open '%s': %s", path, strerror(errno));
    return fd;
}

static bool file_realize(mm_object *obj, mm_error **errp)
{
    file_chardev *f = (file_chardev *)obj;
    if (!f->path || !*f->path) {
        mm_error_set(errp, "chardev: file: no filename given");
        return false;
    }
    int out = open_or_error(f->path, O_WRONLY | O_CREAT | (f->append ? O_APPEND : O_TRUNC),
                            errp);
    if (out < 0)
        return false;
    int in = -1;
    if (f->input_path) {
        in = open_or_error(f->input_path, O_RDONLY, errp);
        if (in < 0) {
            close(out);
            return false;
        }
    }
    fd_chardev_open(&f->base, in, out);
    return true;
}

static void file_unrealize(mm_object *obj)
{
    fd_stream_close(&((file_chardev *)obj)->base.io);
}

static const mm_property file_properties[] = {
    MM_PROP_DEFINE_STRING("path", file_chardev, path, NULL, "file that receives the output"),
    MM_PROP_DEFINE_STRING("input-path", file_chardev, input_path, NULL,
                          "file read as input (optional)"),
    MM_PROP_DEFINE_BOOL("append", file_chardev, append, "off",
                        "append to the file instead of truncating it"),
    MM_PROP_END,
};

const mm_type_info file_chardev_type = {
    .name = "file",
    .parent = MM_KIND_CHARDEV,
    .description = "output to a file",
    .instance_size = sizeof(file_chardev),
    .user_creatable = true,
    .properties = file_properties,
    .realize = file_realize,
    .unrealize = file_unrealize,
};
