/*
 * Plugin descriptor.
 *
 * Each plugin .so exports exactly one symbol the core looks for,
 * `modemu_plugin_descriptor`, defined with MM_PLUGIN_DEFINE().  It records the
 * ABI version and build stamp of the SDK the plugin was compiled against (the
 * core refuses a mismatch before touching anything else), the types the
 * plugin provides and the plugins it needs loaded first.
 *
 * At build time the manifest tool reads this descriptor and writes
 * <name>.manifest beside the .so; listing at run time reads only manifests.
 */
#ifndef MODEMU_PLUGIN_H
#define MODEMU_PLUGIN_H

#include <stdint.h>
#include <modemu/abi.h>
#include <modemu/error.h>
#include <modemu/object.h>

#define MODEMU_PLUGIN_DESCRIPTOR_SYMBOL "modemu_plugin_descriptor"

typedef struct mm_plugin_descriptor {
    uint32_t abi_version;               /* MODEMU_PLUGIN_ABI_VERSION */
    const char *build_stamp;            /* MODEMU_BUILD_STAMP */
    const char *name;                   /* must match the file name stem */
    const char *description;
    const mm_type_info *const *types;   /* NULL-terminated */
    const char *const *requires;        /* plugin names loaded first; NULL-terminated or NULL */
    /* Optional: runs once after the plugin's types are registered. */
    bool (*init)(mm_error **errp);
    /* Optional: runs at exit, in reverse load order. */
    void (*fini)(void);
} mm_plugin_descriptor;

#define MM_PLUGIN_DEFINE(...)                                             \
    MM_PLUGIN_EXPORT const mm_plugin_descriptor modemu_plugin_descriptor = { \
        .abi_version = MODEMU_PLUGIN_ABI_VERSION,                         \
        .build_stamp = MODEMU_BUILD_STAMP,                                \
        __VA_ARGS__ }

#endif
