/* The backend types this plugin provides (one file each). */
#ifndef CHARDEV_BASIC_BACKENDS_H
#define CHARDEV_BASIC_BACKENDS_H

#include <modemu/object.h>

extern const mm_type_info null_chardev_type;
extern const mm_type_info stdio_chardev_type;
extern const mm_type_info file_chardev_type;
extern const mm_type_info pipe_chardev_type;
extern const mm_type_info socket_chardev_type;
extern const mm_type_info pty_chardev_type;
extern const mm_type_info udp_chardev_type;
extern const mm_type_info tty_chardev_type;

/* Puts the terminal back as it was (plugin unload, exit). */
void stdio_chardev_restore_terminal(void);

#endif
