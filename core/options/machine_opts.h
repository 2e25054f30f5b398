/*
 * Turning the machine-describing groups of the option database into values,
 * with QEMU's rules and messages: -m ([memory]), -smp ([smp-opts]),
 * -boot ([boot-opts]) and -rtc ([rtc]).  Each takes the group's instance
 * (NULL when the option was not given: the defaults apply).
 */
#ifndef MODEMU_OPTIONS_MACHINE_OPTS_H
#define MODEMU_OPTIONS_MACHINE_OPTS_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/error.h>
#include "machine/machine.h"
#include "options/opts.h"

#define MM_DEFAULT_RAM_SIZE (128ull << 20)

typedef struct mm_memory_config {
    uint64_t size;       /* bytes, rounded up to 8 KiB like QEMU */
    uint64_t maxmem;     /* 0 = no hotplug range */
    unsigned slots;
} mm_memory_config;

bool mm_memory_opts_parse(const mm_opts *opts, mm_memory_config *out, mm_error **errp);

/* Fills missing values the way QEMU (6.2 and later, cores preferred over
 * sockets) does and rejects inconsistent topologies.  max_cpus is the
 * machine type's limit (0 = no limit). */
bool mm_smp_opts_parse(const mm_opts *opts, unsigned max_cpus, mm_smp_config *out,
                       mm_error **errp);

typedef struct mm_boot_config {
    char *order;         /* "cad" by default */
    char *once;          /* NULL unless once= */
    bool menu;
    int64_t splash_time; /* ms, -1 = unset */
    int64_t reboot_timeout; /* ms, -1 = no reboot after failed boot */
    bool strict;
} mm_boot_config;

bool mm_boot_opts_parse(const mm_opts *opts, mm_boot_config *out, mm_error **errp);
void mm_boot_config_clear(mm_boot_config *config);

typedef enum mm_rtc_clock { MM_RTC_CLOCK_HOST, MM_RTC_CLOCK_RT, MM_RTC_CLOCK_VM } mm_rtc_clock;

typedef struct mm_rtc_config {
    char *base;          /* "utc", "localtime" or the datetime as given */
    bool base_is_datetime;
    int64_t base_epoch;  /* datetime base in seconds since the epoch (UTC) */
    mm_rtc_clock clock;
    bool driftfix_slew;
} mm_rtc_config;

bool mm_rtc_opts_parse(const mm_opts *opts, mm_rtc_config *out, mm_error **errp);
void mm_rtc_config_clear(mm_rtc_config *config);

#endif
