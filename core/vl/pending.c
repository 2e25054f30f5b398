/* See vl/pending.h. */
#include "vl/pending.h"

bool vl_not_implemented(const char *what, mm_error **errp)
{
    mm_error_set(errp, "%s: not implemented yet", what);
    return false;
}
