/* -global driver.property=value (see vl/vl.h). */
#include <string.h>

#include "vl/core_api.h"
#include "vl/globals.h"
#include "vl/vl.h"

static const mm_opts_db *globals_db;

void vl_globals_set(const mm_opts_db *db)
{
    globals_db = db;
}

bool mm_globals_apply(mm_object *obj, mm_error **errp)
{
    for (unsigned i = 0; globals_db && i < mm_opts_db_count(globals_db); i++) {
        const mm_opts *g = mm_opts_db_at(globals_db, i);
        if (strcmp(mm_opts_group(g), "global") || !mm_object_is_a(obj, mm_opts_get(g, "driver")))
            continue;
        if (!mm_object_set_property(obj, mm_opts_get(g, "property"), mm_opts_get(g, "value"),
                                    errp)) {
            mm_error_prepend(errp, "-global %s.%s=%s", mm_opts_get(g, "driver"),
                             mm_opts_get(g, "property"), mm_opts_get(g, "value"));
            return false;
        }
    }
    return true;
}
