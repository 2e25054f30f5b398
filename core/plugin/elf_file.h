/*
 * Cheap checks on plugin files without loading them (core-internal).
 *
 * Discovery must not dlopen anything, yet must notice a garbage or truncated
 * .so; the manifest tool must record which shared libraries a plugin needs so
 * listing can tell "would not load: libSDL2-2.0.so.0 missing" up front.  Both
 * read the ELF headers directly.
 */
#ifndef MODEMU_PLUGIN_ELF_FILE_H
#define MODEMU_PLUGIN_ELF_FILE_H

#include <stdbool.h>
#include <glib.h>

/* True if `path` looks like a complete ELF shared object for this host: valid
 * identification, same class/byte order/machine, ET_DYN, and the file is long
 * enough to hold its program and section header tables.  Otherwise false and
 * *why (g_free it) says what is wrong. */
bool mm_elf_plausible(const char *path, char **why);

/* The DT_NEEDED sonames of a shared object (GPtrArray of char*, owned) and,
 * if runpath != NULL, its DT_RUNPATH (or DT_RPATH) in *runpath (may be NULL).
 * Returns NULL with *why set when the file cannot be read as ELF. */
GPtrArray *mm_elf_needed(const char *path, char **runpath, char **why);

#endif
