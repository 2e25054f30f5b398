/* "null": output discarded, never any input. */
#include <modemu/chardev.h>

#include "backends.h"

static int null_write(mm_chardev *chr, const uint8_t *buf, int len)
{
    return len;
}

static const mm_chardev_ops null_ops = { .write = null_write };

static bool null_realize(mm_object *obj, mm_error **errp)
{
    mm_chardev *chr = (mm_chardev *)obj;
    chr->ops = &null_ops;
    mm_chardev_be_event(chr, MM_CHARDEV_OPENED);
    return true;
}

const mm_type_info null_chardev_type = {
    .name = "null",
    .parent = MM_KIND_CHARDEV,
    .description = "discards output, gives no input",
    .instance_size = sizeof(mm_chardev),
    .user_creatable = true,
    .realize = null_realize,
};
