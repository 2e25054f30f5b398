/*
 * Option groups (QemuOpts-style).  A merged group has one instance that every
 * use of its options adds to (-m 1G -m maxmem=4G is one [memory] section);
 * a list group gets one instance per use (-device, -drive ...).  Groups that
 * describe the process rather than the machine (pid file, daemonizing,
 * logging) are not written by -writeconfig.
 */
#ifndef MODEMU_OPTIONS_GROUPS_H
#define MODEMU_OPTIONS_GROUPS_H

#include <stdbool.h>

typedef struct mm_opts_group_def {
    const char *name;
    bool merge;
    bool in_config;
} mm_opts_group_def;

/* NULL if `name` is not a group modemu knows. */
const mm_opts_group_def *mm_opts_group_find(const char *name);

#endif
