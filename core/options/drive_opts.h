/* -drive keys and values, checked with QEMU's names and messages. */
#ifndef MODEMU_OPTIONS_DRIVE_OPTS_H
#define MODEMU_OPTIONS_DRIVE_OPTS_H

#include <stdbool.h>
#include <modemu/error.h>
#include "options/opts.h"

bool mm_drive_opts_check(const mm_opts *opts, mm_error **errp);

#endif
