/* Reading the files a direct boot loads (see boot_file.h). */
#include "boot/boot_file.h"

#include <glib.h>

bool mm_boot_read_file(const char *what, const char *path, uint8_t **data, size_t *len,
                       mm_error **errp)
{
    GError *gerr = NULL;
    gchar *contents;
    gsize size;
    if (!g_file_get_contents(path, &contents, &size, &gerr)) {
        mm_error_set(errp, "could not load %s '%s': %s", what, path, gerr->message);
        g_error_free(gerr);
        return false;
    }
    *data = (uint8_t *)contents;
    *len = size;
    return true;
}
