/*
 * Where firmware and option-ROM files are searched (core-internal): the -L
 * directories in command-line order, then /usr/share/seabios and
 * /usr/share/qemu, as QEMU's data path on Debian.
 */
#ifndef MODEMU_MACHINE_FIRMWARE_PATH_H
#define MODEMU_MACHINE_FIRMWARE_PATH_H

/* vl calls this for each -L DIR, before the machine is realized. */
void mm_firmware_add_search_dir(const char *dir);
/* The path of `name` (returned as-is if it contains a '/' and exists), or
 * NULL if not found.  g_free the result. */
char *mm_firmware_find(const char *name);
/* "dir1, dir2, ..." for error messages.  g_free the result. */
char *mm_firmware_search_dirs_text(void);

#endif
