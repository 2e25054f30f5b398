/*
 * modemu plugin API: ABI version and symbol visibility.
 *
 * Everything a plugin may call in libmodemu is declared with MM_API in a header
 * under plugin-api/modemu/.  libmodemu is built with -fvisibility=hidden, so a
 * core function without MM_API is invisible to plugins by construction.
 */
#ifndef MODEMU_ABI_H
#define MODEMU_ABI_H

#include <modemu/build-stamp.h>

/* Bump on any incompatible change to a struct or function in plugin-api/. */
#define MODEMU_PLUGIN_ABI_VERSION 1u

#define MM_API __attribute__((visibility("default")))
/* Symbols a plugin exports to the core (its descriptor). */
#define MM_PLUGIN_EXPORT __attribute__((visibility("default")))

#define MM_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))

#endif
