/* Creating typed objects from option instances (see vl/vl.h). */
#include <string.h>

#include "vl/core_api.h"
#include "vl/globals.h"
#include "vl/vl.h"

/* Loads the providing plugin if needed: "device 'e1000' is provided by plugin
 * e1000, which is not installed" comes from here. */
bool vl_require_type(const char *kind, const char *name, mm_error **errp)
{
    return mm_plugins_require_type(kind, name, errp) != NULL;
}

mm_object *vl_object_from_opts(const char *kind, const mm_opts *opts, const char *type_key,
                               mm_error **errp)
{
    const char *type = mm_opts_get(opts, type_key);
    if (!type) {
        mm_error_set(errp, "Parameter '%s' is missing", type_key);
        return NULL;
    }
    if (!vl_require_type(kind, type, errp))
        return NULL;
    mm_object *obj = mm_object_new(kind, type, mm_opts_id(opts), errp);
    if (!obj)
        return NULL;
    if (!mm_globals_apply(obj, errp)) {
        mm_object_free(obj);
        return NULL;
    }
    for (unsigned i = 0; i < mm_opts_count(opts); i++) {
        const char *key = mm_opts_key_at(opts, i);
        if (!strcmp(key, type_key))
            continue;
        if (!mm_object_set_property(obj, key, mm_opts_value_at(opts, i), errp)) {
            mm_object_free(obj);
            return NULL;
        }
    }
    if (!mm_object_realize(obj, errp)) {
        mm_object_free(obj);
        return NULL;
    }
    return obj;
}
