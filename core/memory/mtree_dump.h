/*
 * Text dumps of the memory tree and of the flat view, in the spirit of
 * QEMU's `info mtree` and `info mtree -f` (for the monitor and debugging).
 */
#ifndef MODEMU_MEMORY_MTREE_DUMP_H
#define MODEMU_MEMORY_MTREE_DUMP_H

#include <glib.h>
#include <modemu/memory.h>

/* Appends "address-space: NAME" and the region tree, one region a line:
 * "  START-END (prio P, KIND): NAME", aliases with "@TARGET START-END". */
void mm_memory_dump_tree(GString *out, mm_address_space *as);
/* Appends the flat view: one line per range with the region it reaches. */
void mm_memory_dump_flat(GString *out, mm_address_space *as);

#endif
