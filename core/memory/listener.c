/*
 * Memory listeners follow the RAM/ROM part of an address space's flat view
 * (KVM memory slots, dirty logging).  After each rebuild they get the
 * difference between the old and the new view: region_del for every RAM
 * range that is gone or changed, then region_add for every RAM range that is
 * new or changed, then commit.  Ranges identical in both views are not
 * reported, so remapping one BAR does not touch the guest-RAM slots.
 */
#include <glib.h>
#include <modemu/memory.h>

#include "memory/address_space.h"

static bool view_has_range(const mm_flat_view *view, const mm_flat_range *r)
{
    size_t i = mm_flat_view_search(view, r->start);
    return i < view->nr && mm_flat_range_equal(&view->ranges[i], r);
}

typedef void (*range_callback)(mm_memory_listener *l, const mm_flat_range *range);

/* Calls `cb` of every listener for each RAM range of `from` missing in `other`
 * (every RAM range when other is NULL). */
static void report_ranges(mm_address_space *as, const mm_flat_view *from,
                          const mm_flat_view *other, bool add)
{
    for (size_t i = 0; i < from->nr; i++) {
        const mm_flat_range *r = &from->ranges[i];
        if (!r->host || (other && view_has_range(other, r)))
            continue;
        for (guint k = 0; k < as->listeners->len; k++) {
            mm_memory_listener *l = g_ptr_array_index(as->listeners, k);
            range_callback cb = add ? l->region_add : l->region_del;
            if (cb)
                cb(l, r);
        }
    }
}

void mm_memory_listeners_notify(mm_address_space *as, const mm_flat_view *old_view,
                                const mm_flat_view *new_view)
{
    if (!as->listeners->len)
        return;
    report_ranges(as, old_view, new_view, false);
    report_ranges(as, new_view, old_view, true);
    for (guint k = 0; k < as->listeners->len; k++) {
        mm_memory_listener *l = g_ptr_array_index(as->listeners, k);
        if (l->commit)
            l->commit(l);
    }
}

void mm_memory_listeners_free(mm_address_space *as)
{
    g_ptr_array_free(as->listeners, TRUE);
    as->listeners = NULL;
}

/* Registration replays the current view as additions followed by a commit,
 * so a late listener (KVM set up after the board) sees all RAM. */
MM_API void mm_memory_listener_register(mm_address_space *as, mm_memory_listener *l)
{
    if (!as || !l)
        return;
    if (g_ptr_array_find(as->listeners, l, NULL)) {
        mm_warn_report("memory: listener registered twice on '%s'", as->name);
        return;
    }
    g_ptr_array_add(as->listeners, l);
    for (size_t i = 0; i < as->view.nr; i++) {
        const mm_flat_range *r = &as->view.ranges[i];
        if (r->host && l->region_add)
            l->region_add(l, r);
    }
    if (l->commit)
        l->commit(l);
}

/* Unregistering reports nothing: the listener tears down its own state. */
MM_API void mm_memory_listener_unregister(mm_address_space *as, mm_memory_listener *l)
{
    if (as && l)
        g_ptr_array_remove(as->listeners, l);
}
