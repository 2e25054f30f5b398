/* Firmware search path (see firmware_path.h). */
#include <string.h>
#include <glib.h>

#include "machine/firmware_path.h"

static const char *const default_dirs[] = { "/usr/share/seabios", "/usr/share/qemu", NULL };
static GPtrArray *user_dirs;

void mm_firmware_add_search_dir(const char *dir)
{
    if (!user_dirs)
        user_dirs = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(user_dirs, g_strdup(dir));
}

static GPtrArray *firmware_dirs(void)
{
    GPtrArray *dirs = g_ptr_array_new();
    for (guint i = 0; user_dirs && i < user_dirs->len; i++)
        g_ptr_array_add(dirs, g_ptr_array_index(user_dirs, i));
    for (int i = 0; default_dirs[i]; i++)
        g_ptr_array_add(dirs, (gpointer)default_dirs[i]);
    return dirs;
}

char *mm_firmware_find(const char *name)
{
    if (!name || !*name)
        return NULL;
    if (strchr(name, '/'))
        return g_file_test(name, G_FILE_TEST_IS_REGULAR) ? g_strdup(name) : NULL;
    GPtrArray *dirs = firmware_dirs();
    char *found = NULL;
    for (guint i = 0; i < dirs->len && !found; i++) {
        char *path = g_build_filename(g_ptr_array_index(dirs, i), name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
            found = path;
        else
            g_free(path);
    }
    g_ptr_array_unref(dirs);
    return found;
}

char *mm_firmware_search_dirs_text(void)
{
    GPtrArray *dirs = firmware_dirs();
    g_ptr_array_add(dirs, NULL);
    char *text = g_strjoinv(", ", (char **)dirs->pdata);
    g_ptr_array_unref(dirs);
    return text;
}
