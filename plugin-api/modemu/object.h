/*
 * Object model: types with typed properties, two-phase create/realize, ids.
 *
 * The ideas are QEMU's QOM reduced to what a machine needs:
 *  - a type has a name, a parent type, a description, an instance size, a
 *    static table of typed properties (with defaults and descriptions), and
 *    realize/unrealize hooks;
 *  - an instance struct embeds its parent's instance struct as its first
 *    member, so a `mm_object *` converts to the concrete type with a cast;
 *  - creation is two-phase: mm_object_new() allocates and applies defaults,
 *    properties are then set from the command line, and mm_object_realize()
 *    validates and brings the object to life.  Realize runs each type's hook
 *    from the root type down to the concrete one and can fail with a message;
 *  - `id=` names an instance; link properties refer to other objects by id.
 *
 * Every kind of thing the user selects by name is a type under one of the
 * root kinds below, which is also how manifests describe what a plugin
 * provides: a device is a type derived from "device", a network backend one
 * derived from "netdev", a display one derived from "display", and so on.
 */
#ifndef MODEMU_OBJECT_H
#define MODEMU_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <modemu/abi.h>
#include <modemu/error.h>

/* Root kinds.  Type names are unique within a root kind. */
#define MM_KIND_DEVICE       "device"        /* -device TYPE */
#define MM_KIND_NETDEV       "netdev"        /* -netdev TYPE / -net TYPE */
#define MM_KIND_CHARDEV      "chardev"       /* -chardev TYPE */
#define MM_KIND_DISPLAY      "display"       /* -display TYPE */
#define MM_KIND_BLOCK_FORMAT "block-format"  /* -drive format=TYPE */
#define MM_KIND_ACCEL        "accel"         /* -accel TYPE */
#define MM_KIND_MACHINE      "machine"       /* -M TYPE */
#define MM_KIND_OBJECT       "object"        /* -object TYPE, internal objects */

typedef struct mm_type mm_type;     /* a registered type (opaque) */
typedef struct mm_object mm_object;

typedef enum mm_prop_kind {
    MM_PROP_BOOL,    /* bool; on/off/yes/no/true/false, bare key means on   */
    MM_PROP_INT,     /* int64_t; decimal, 0x hex, optional k/M/G/T suffix   */
    MM_PROP_UINT,    /* uint64_t; as INT, non-negative                       */
    MM_PROP_SIZE,    /* uint64_t bytes; suffixes B K M G T P E (powers of 2) */
    MM_PROP_STRING,  /* char * (owned by the object, g_free'd)               */
    MM_PROP_ENUM,    /* int index into enum_names                            */
    MM_PROP_LINK,    /* mm_object * found by id, must be a link_type         */
} mm_prop_kind;

typedef struct mm_property {
    const char *name;
    mm_prop_kind kind;
    size_t offset;                  /* of the field in the instance struct */
    const char *default_value;      /* textual default, NULL = zero/none */
    const char *description;
    const char *const *enum_names;  /* MM_PROP_ENUM: NULL-terminated */
    const char *link_type;          /* MM_PROP_LINK: required type (or kind) */
    int64_t min, max;               /* INT/UINT range; both 0 = unbounded */
} mm_property;

#define MM_PROP_END { .name = NULL }

#define MM_PROP_DEFINE_BOOL(n, st, f, def, desc) \
    { .name = (n), .kind = MM_PROP_BOOL, .offset = offsetof(st, f), \
      .default_value = (def), .description = (desc) }
#define MM_PROP_DEFINE_INT(n, st, f, def, lo, hi, desc) \
    { .name = (n), .kind = MM_PROP_INT, .offset = offsetof(st, f), \
      .default_value = (def), .min = (lo), .max = (hi), .description = (desc) }
#define MM_PROP_DEFINE_UINT(n, st, f, def, lo, hi, desc) \
    { .name = (n), .kind = MM_PROP_UINT, .offset = offsetof(st, f), \
      .default_value = (def), .min = (lo), .max = (hi), .description = (desc) }
#define MM_PROP_DEFINE_SIZE(n, st, f, def, desc) \
    { .name = (n), .kind = MM_PROP_SIZE, .offset = offsetof(st, f), \
      .default_value = (def), .description = (desc) }
#define MM_PROP_DEFINE_STRING(n, st, f, def, desc) \
    { .name = (n), .kind = MM_PROP_STRING, .offset = offsetof(st, f), \
      .default_value = (def), .description = (desc) }
#define MM_PROP_DEFINE_ENUM(n, st, f, names, def, desc) \
    { .name = (n), .kind = MM_PROP_ENUM, .offset = offsetof(st, f), \
      .enum_names = (names), .default_value = (def), .description = (desc) }
#define MM_PROP_DEFINE_LINK(n, st, f, ltype, desc) \
    { .name = (n), .kind = MM_PROP_LINK, .offset = offsetof(st, f), \
      .link_type = (ltype), .description = (desc) }

typedef struct mm_type_info {
    const char *name;         /* e.g. "isa-serial", "user", "vnc" */
    const char *parent;       /* parent type name, e.g. "isa-device", or a root kind */
    const char *description;  /* one line for help listings */
    const char *category;     /* devices: "storage", "network", "display",
                                 "input", "usb", "sound", "misc", "bridge" ... */
    const char *const *aliases; /* other names the type answers to (NULL-terminated) */
    size_t instance_size;     /* >= the parent's instance size */
    bool abstract;            /* cannot be instantiated (base types) */
    bool user_creatable;      /* may be created from the command line */
    const mm_property *properties; /* terminated by MM_PROP_END; may be NULL */
    /* Called after allocation, before defaults are applied. */
    void (*instance_init)(mm_object *obj);
    /* Called root-first; on failure earlier hooks' unrealize runs in reverse. */
    bool (*realize)(mm_object *obj, mm_error **errp);
    void (*unrealize)(mm_object *obj);
    /* Called when the object is freed, after unrealize. */
    void (*instance_finalize)(mm_object *obj);
    /* Per-type constant data a base type reads for its subclasses (optional). */
    const void *class_data;
} mm_type_info;

struct mm_object {
    const mm_type *type;
    char *id;                 /* from id=, or NULL */
    bool realized;
    void *core_private;       /* owned by libmodemu */
};

/* Registration.  Plugins normally list their types in their descriptor instead. */
MM_API const mm_type *mm_type_register(const mm_type_info *info, mm_error **errp);
MM_API const mm_type *mm_type_find(const char *kind, const char *name);
MM_API const mm_type_info *mm_type_get_info(const mm_type *type);
MM_API const char *mm_type_name(const mm_type *type);
MM_API const mm_type *mm_type_parent(const mm_type *type);
/* True if `type` is `name` or derives from it. */
MM_API bool mm_type_is_a(const mm_type *type, const char *name);
/* Finds a property on the type or its ancestors. */
MM_API const mm_property *mm_type_find_property(const mm_type *type, const char *name);

/* Lifecycle. */
MM_API mm_object *mm_object_new(const char *kind, const char *type_name, const char *id,
                                mm_error **errp);
MM_API bool mm_object_set_property(mm_object *obj, const char *name, const char *value,
                                   mm_error **errp);
/* Returns a newly allocated textual form of the property's current value. */
MM_API char *mm_object_get_property(mm_object *obj, const char *name, mm_error **errp);
MM_API bool mm_object_realize(mm_object *obj, mm_error **errp);
MM_API void mm_object_unrealize(mm_object *obj);
MM_API void mm_object_free(mm_object *obj);

MM_API bool mm_object_is_a(const mm_object *obj, const char *type_name);
MM_API const char *mm_object_type_name(const mm_object *obj);
/* Looks an object up by id among objects whose type is-a `type_or_kind`. */
MM_API mm_object *mm_object_find_by_id(const char *type_or_kind, const char *id);
/* Internal objects (the board's PIC, IOAPIC...) get a path name for qtest. */
MM_API void mm_object_set_path_name(mm_object *obj, const char *path);
MM_API mm_object *mm_object_find_by_path(const char *path);

#endif
