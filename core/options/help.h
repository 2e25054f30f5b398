/*
 * Help texts: -h usage, -version, and the listings behind `-device help`,
 * `-M help`, `-display help` ... which come from what is really registered
 * (core types and plugin manifests) and load no plugin.
 */
#ifndef MODEMU_OPTIONS_HELP_H
#define MODEMU_OPTIONS_HELP_H

#include <stdbool.h>
#include <stdio.h>
#include <modemu/error.h>

/* The machine type used without -M. */
#define MM_DEFAULT_MACHINE_NAME "pc"

void mm_help_print_usage(FILE *out);
void mm_help_print_version(FILE *out);

/* Prints the listing for `kind` ("device", "machine", "display", "netdev",
 * "chardev", "accel", "object", "cpu", "log", "plugins"); with `name`, the
 * properties of that type (`-device e1000,help`). */
bool mm_help_print_listing(const char *kind, const char *name, FILE *out, mm_error **errp);

#endif
