/* The machine lock (core-internal part). */
#ifndef MODEMU_EVENT_MACHINE_LOCK_H
#define MODEMU_EVENT_MACHINE_LOCK_H

#include <stdbool.h>

/* Whether the calling thread holds the machine lock. */
bool mm_machine_lock_held(void);

#endif
