/*
 * Edits of the region tree: mapping, unmapping, moving, enabling and
 * read-only switching.  Each edit ends in mm_memory_region_changed(), which
 * rebuilds the flat views unless nothing visible changed.
 *
 * Misuse (mapping a region twice, cycles) is a plugin bug, not guest input:
 * it is reported as a warning and the edit is ignored.
 */
#include <glib.h>
#include <modemu/memory.h>

#include "memory/region.h"
#include "memory/update.h"

static uint64_t next_add_sequence;

/* Children are kept in painting order: higher priority first, and among
 * equal priorities the later-added first, so it wins where they overlap. */
static bool paints_before(const mm_memory_region *a, const mm_memory_region *b)
{
    if (a->priority != b->priority)
        return a->priority > b->priority;
    return a->add_sequence > b->add_sequence;
}

static bool is_ancestor_or_self(const mm_memory_region *candidate, const mm_memory_region *mr)
{
    for (; mr; mr = mr->parent) {
        if (mr == candidate)
            return true;
    }
    return false;
}

MM_API void mm_region_add_subregion(mm_memory_region *parent, uint64_t offset,
                                    mm_memory_region *child, int priority)
{
    if (!parent || !child || parent->kind != MM_REGION_CONTAINER) {
        mm_warn_report("memory: cannot add '%s' to '%s': not a container",
                       child ? child->name : "(null)", parent ? parent->name : "(null)");
        return;
    }
    if (child->parent || child->root_of || is_ancestor_or_self(child, parent)) {
        mm_warn_report("memory: region '%s' is already mapped (or would contain itself)",
                       child->name);
        return;
    }
    child->parent = parent;
    child->addr = offset;
    child->priority = priority;
    child->add_sequence = ++next_add_sequence;
    guint pos = 0;
    while (pos < parent->children->len &&
           paints_before(g_ptr_array_index(parent->children, pos), child))
        pos++;
    g_ptr_array_insert(parent->children, (gint)pos, child);
    mm_memory_region_changed(child);
}

MM_API void mm_region_del_subregion(mm_memory_region *parent, mm_memory_region *child)
{
    if (!parent || !child || child->parent != parent) {
        mm_warn_report("memory: region '%s' is not a subregion of '%s'",
                       child ? child->name : "(null)", parent ? parent->name : "(null)");
        return;
    }
    g_ptr_array_remove(parent->children, child);
    child->parent = NULL;
    mm_memory_region_changed(parent);
}

MM_API void mm_region_set_enabled(mm_memory_region *mr, bool enabled)
{
    if (!mr || mr->enabled == enabled)
        return;
    mr->enabled = enabled;
    mm_memory_region_changed(mr);
}

MM_API void mm_region_set_address(mm_memory_region *mr, uint64_t offset)
{
    if (!mr || mr->addr == offset)
        return;
    mr->addr = offset;
    mm_memory_region_changed(mr);
}

MM_API void mm_region_set_alias_offset(mm_memory_region *alias, uint64_t offset)
{
    if (!alias || alias->kind != MM_REGION_ALIAS) {
        mm_warn_report("memory: region '%s' is not an alias", alias ? alias->name : "(null)");
        return;
    }
    if (alias->alias_offset == offset)
        return;
    alias->alias_offset = offset;
    mm_memory_region_changed(alias);
}

/* ROM stays read-only whatever is asked: the guest must never write it. */
MM_API void mm_region_set_readonly(mm_memory_region *mr, bool readonly)
{
    if (!mr || mr->kind == MM_REGION_ROM || mr->readonly == readonly)
        return;
    mr->readonly = readonly;
    mm_memory_region_changed(mr);
}

bool mm_region_may_be_visible(const mm_memory_region *mr)
{
    for (; mr; mr = mr->parent) {
        if (mr->alias_refs || mr->root_of)
            return true;
        if (!mr->parent)
            return false;
    }
    return false;
}
