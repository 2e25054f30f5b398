/* -d item names (see options/log_items.h). */
#include <string.h>
#include <glib.h>
#include <modemu/log.h>

#include "options/log_items.h"

typedef struct log_item {
    const char *name;
    uint32_t mask;
    const char *help;
} log_item;

static const log_item log_items[] = {
    { "guest_errors", MM_LOG_GUEST_ERROR, "log when the guest misprograms a device" },
    { "unimp",        MM_LOG_UNIMP,       "log use of features that are not modelled" },
    { "unassigned",   MM_LOG_UNASSIGNED,  "log accesses to unassigned memory and ports" },
    { "int",          MM_LOG_INT,         "log interrupts and exceptions" },
    { "cpu",          MM_LOG_CPU,         "log the CPU state before each instruction" },
    { "in_asm",       MM_LOG_IN_ASM,      "log guest code as it is decoded" },
    { "mmu",          MM_LOG_MMU,         "log page table walks" },
    { "plugin",       MM_LOG_PLUGIN,      "log plugin discovery and loading" },
};

/* QEMU's other -d items: known, so they get "not implemented yet". */
static const char *const qemu_only_items[] = {
    "out_asm", "op", "op_opt", "op_ind", "op_plugin", "exec", "pcall", "cpu_reset",
    "ioport", "page", "nochain", "strace", "tid", "vpu", NULL
};

static const log_item *log_item_find(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(log_items); i++) {
        if (!strcmp(log_items[i].name, name))
            return &log_items[i];
    }
    return NULL;
}

bool mm_log_items_parse(const char *items, uint32_t *mask, mm_error **errp)
{
    char **names = g_strsplit(items, ",", -1);
    uint32_t result = 0;
    bool ok = true;
    for (char **n = names; *n && ok; n++) {
        if (!strcmp(*n, "all")) {
            for (size_t i = 0; i < G_N_ELEMENTS(log_items); i++)
                result |= log_items[i].mask;
            continue;
        }
        const log_item *item = log_item_find(*n);
        if (!item && (g_strv_contains(qemu_only_items, *n) || g_str_has_prefix(*n, "trace:"))) {
            mm_error_set(errp, "log item '%s' is not implemented yet in modemu", *n);
            ok = false;
        } else if (!item) {
            mm_error_set(errp, "unknown log item '%s' ('-d help' lists them)", *n);
            ok = false;
        } else {
            result |= item->mask;
        }
    }
    g_strfreev(names);
    if (ok)
        *mask = result;
    return ok;
}

void mm_log_items_print(FILE *out)
{
    fprintf(out, "Log items (comma separated):\n");
    for (size_t i = 0; i < G_N_ELEMENTS(log_items); i++)
        fprintf(out, "%-14s %s\n", log_items[i].name, log_items[i].help);
    fprintf(out, "%-14s %s\n", "all", "every item above");
}
