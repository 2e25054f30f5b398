/* -display, -vnc, -spice, -nographic (see vl/vl.h). */
#include <string.h>

#include "vl/core_api.h"
#include "vl/vl.h"

/* A display of `type` configured by the keys of `opts` (other than
 * `skip_key`, which named the type). */
static bool display_create(const char *type, const mm_opts *opts, const char *skip_key,
                           mm_error **errp)
{
    mm_opts *display = mm_opts_new("display", NULL);
    mm_opts_set(display, "type", type);
    for (unsigned i = 0; opts && i < mm_opts_count(opts); i++) {
        if (!skip_key || strcmp(mm_opts_key_at(opts, i), skip_key))
            mm_opts_set(display, mm_opts_key_at(opts, i), mm_opts_value_at(opts, i));
    }
    bool ok = vl_object_from_opts(MM_KIND_DISPLAY, display, "type", errp) != NULL;
    mm_opts_free(display);
    return ok;
}

bool vl_display_create(const mm_opts_db *db, mm_error **errp)
{
    const mm_opts *vnc = mm_opts_db_first(db, "vnc");
    const mm_opts *spice = mm_opts_db_first(db, "spice");
    const mm_opts *display = mm_opts_db_first(db, "display");
    const char *type = display ? mm_opts_get(display, "type") : NULL;
    /* "-vnc none": QEMU's way of saying no VNC server at start-up. */
    if (vnc && mm_opts_get(vnc, "vnc") && !strcmp(mm_opts_get(vnc, "vnc"), "none"))
        vnc = NULL;
    if (vnc && !display_create("vnc", vnc, NULL, errp))
        return false;
    if (spice && !display_create("spice", spice, NULL, errp))
        return false;
    /* No -display: QEMU would open its default window; modemu's default is
     * headless until a GUI display plugin is installed and chosen. */
    if (!type || !strcmp(type, "none"))
        return true;
    return display_create(type, display, "type", errp);
}
