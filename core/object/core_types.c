/* The list of core types filled by MM_CORE_TYPE_REGISTER (see core_types.h). */
#include <glib.h>
#include <modemu/error.h>

#include "object/core_types.h"
#include "object/type_registry.h"

static mm_core_type_entry *pending_core_types;
static bool core_types_done;

void mm_core_type_add(mm_core_type_entry *entry)
{
    entry->next = pending_core_types;
    pending_core_types = entry;
}

static bool parent_known(const mm_type_info *info)
{
    return mm_is_root_kind(info->parent) || mm_type_find(NULL, info->parent);
}

/* One pass over the pending list: registers every entry whose parent is
 * known and unlinks it.  Returns how many were registered. */
static unsigned register_ready_core_types(void)
{
    unsigned done = 0;
    mm_core_type_entry **link = &pending_core_types;
    while (*link) {
        mm_core_type_entry *entry = *link;
        if (!entry->info->parent || !parent_known(entry->info)) {
            link = &entry->next;
            continue;
        }
        mm_error *err = NULL;
        if (!mm_type_register_for(entry->info, NULL, &err))
            mm_error_report_and_free(err);
        *link = entry->next;
        done++;
    }
    return done;
}

void mm_core_types_init(void)
{
    if (core_types_done)
        return;
    /* Set first: mm_type_find below re-enters through the registry's lazy init. */
    core_types_done = true;
    while (register_ready_core_types() > 0) {
    }
    for (mm_core_type_entry *e = pending_core_types; e; e = e->next)
        mm_error_report("core type '%s' has unknown parent '%s'", e->info->name,
                        e->info->parent ? e->info->parent : "(none)");
    pending_core_types = NULL;
}
