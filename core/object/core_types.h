/*
 * Registration of the types the core itself provides (core-internal).
 *
 * Base types such as "pci-device" and "isa-device", the machine types, the
 * accelerators and the core chardev backends live in libmodemu, not in a
 * plugin.  Each core area declares its types next to its code with
 *
 *     static const mm_type_info pci_device_info = { .name = "pci-device", ... };
 *     MM_CORE_TYPE_REGISTER(pci_device_info);
 *
 * The macro appends the info to a list from an __attribute__((constructor))
 * function, so no central file needs editing when an area adds a type.
 * Constructors run in an unspecified order, so mm_core_types_init() registers
 * the list in dependency order (a type after its parent), whatever order the
 * constructors appended in.  A type whose parent never appears is reported
 * once on stderr and left out: it is a core bug, but it must not abort.
 *
 * mm_core_types_init() is idempotent and runs automatically the first time
 * anything touches the type registry (mm_type_find, mm_type_register,
 * mm_object_new ...), so callers normally never call it themselves.  The root
 * kinds of <modemu/object.h> ("device", "netdev", ...) are registered first as
 * abstract types; a core type names one of them or another type as parent.
 *
 * Linking: a static archive only contributes the object files something
 * references, and a file whose only entry point is this constructor is
 * referenced by nothing.  libmodemu.so contains every file; a test that needs
 * the core types and links the core statically should link the object
 * library (target_link_libraries(t PRIVATE modemu-core-objs ...), as
 * tests/object does) rather than the modemu-core-static archive.
 */
#ifndef MODEMU_OBJECT_CORE_TYPES_H
#define MODEMU_OBJECT_CORE_TYPES_H

#include <modemu/object.h>

typedef struct mm_core_type_entry {
    const mm_type_info *info;
    struct mm_core_type_entry *next;
} mm_core_type_entry;

/* Called by the constructor that MM_CORE_TYPE_REGISTER generates. */
void mm_core_type_add(mm_core_type_entry *entry);

/* Registers the root kinds, then every listed core type.  Idempotent. */
void mm_core_types_init(void);

#define MM_CORE_TYPE_CONCAT_(a, b) a##b
#define MM_CORE_TYPE_CONCAT(a, b) MM_CORE_TYPE_CONCAT_(a, b)

/* `type_info` is the name of a static const mm_type_info object. */
#define MM_CORE_TYPE_REGISTER(type_info)                                              \
    static mm_core_type_entry MM_CORE_TYPE_CONCAT(mm_core_type_entry_, type_info) = { \
        .info = &(type_info) };                                                       \
    __attribute__((constructor)) static void                                          \
    MM_CORE_TYPE_CONCAT(mm_core_type_ctor_, type_info)(void)                          \
    {                                                                                 \
        mm_core_type_add(&MM_CORE_TYPE_CONCAT(mm_core_type_entry_, type_info));       \
    }

#endif
