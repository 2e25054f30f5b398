/* Bottom-half queue as the main loop sees it (core-internal). */
#ifndef MODEMU_EVENT_BH_QUEUE_H
#define MODEMU_EVENT_BH_QUEUE_H

#include <stdbool.h>

bool mm_bh_queue_pending(void);
/* Runs the bottom halves pending on entry, on the main thread. */
void mm_bh_queue_run(void);

#endif
