/* The program name used as the prefix of every diagnostic line. */
#ifndef MODEMU_UTIL_PROGNAME_H
#define MODEMU_UTIL_PROGNAME_H

const char *mm_progname(void);
void mm_set_progname(const char *argv0);

#endif
