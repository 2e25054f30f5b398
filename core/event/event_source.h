/* Timers + bottom halves as one GSource on the default context (core-internal). */
#ifndef MODEMU_EVENT_EVENT_SOURCE_H
#define MODEMU_EVENT_EVENT_SOURCE_H

/* Attaches the source once; later calls do nothing. */
void mm_event_source_attach(void);

#endif
