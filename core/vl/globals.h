/*
 * -global driver.property=value (core-internal).  vl records the -global
 * options before anything is created; every place that creates a device
 * calls mm_globals_apply() between mm_object_new() and setting the object's
 * own properties, so explicit values still win, as in QEMU.  vl does it for
 * -device and the NICs of -net/-nic; a board creating its default devices
 * should do the same.
 */
#ifndef MODEMU_VL_GLOBALS_H
#define MODEMU_VL_GLOBALS_H

#include <stdbool.h>
#include <modemu/error.h>
#include <modemu/object.h>

/* Sets every -global whose driver the object is (or derives from). */
bool mm_globals_apply(mm_object *obj, mm_error **errp);

#endif
