/* Plugin descriptor: the basic character backends. */
#include <modemu/plugin.h>

#include "backends.h"

static const mm_type_info *const chardev_basic_types[] = {
    &null_chardev_type, &stdio_chardev_type, &file_chardev_type, &pipe_chardev_type,
    &socket_chardev_type, &pty_chardev_type, &udp_chardev_type, &tty_chardev_type, NULL,
};

MM_PLUGIN_DEFINE(
    .name = "chardev-basic",
    .description = "character backends: null, stdio, file, pipe, socket, pty, udp, serial",
    .types = chardev_basic_types,
    .fini = stdio_chardev_restore_terminal,
);
