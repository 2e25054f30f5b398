/*
 * Per-object state other core areas keep outside the object (core-internal).
 *
 * Some core services attach data to objects in side tables keyed by the
 * object (core/irq's GPIO input arrays).  The object model cannot know them,
 * so each such area registers one hook that mm_object_free() runs for every
 * object being freed, after its type's finalizers: the area drops what it
 * kept for that object.
 */
#ifndef MODEMU_OBJECT_OBJECT_FREE_HOOKS_H
#define MODEMU_OBJECT_OBJECT_FREE_HOOKS_H

#include <modemu/object.h>

typedef void (*mm_object_free_hook)(mm_object *obj);

/* Registers fn; registering the same function again does nothing. */
void mm_object_add_free_hook(mm_object_free_hook fn);
/* Runs every registered hook on obj (called by mm_object_free). */
void mm_object_run_free_hooks(mm_object *obj);

#endif
