/*
 * One source, many test plugins: the CMake file compiles it with different
 * TP_* definitions into good and deliberately broken plugins.
 *   TP_NAME      plugin name (= file stem)          TP_TYPE    device type provided
 *   TP_PARENT    parent type (default "device")     TP_REQUIRES  a required plugin
 *   TP_ABI_DELTA added to the ABI version           TP_STAMP   build stamp override
 *   TP_USE_DUMMY link to and call libtpdummy (a library the tests delete)
 *   TP_INIT_FAILS the descriptor's init fails (its types must be withdrawn)
 * A constructor writes $TP_CTOR_MARK/<name> when the plugin is loaded, which
 * is how tests prove that listing loads nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <modemu/plugin.h>

#ifndef TP_PARENT
#define TP_PARENT MM_KIND_DEVICE
#endif
#ifndef TP_ABI_DELTA
#define TP_ABI_DELTA 0
#endif
#ifndef TP_STAMP
#define TP_STAMP MODEMU_BUILD_STAMP
#endif

#ifdef TP_USE_DUMMY
int tpdummy_answer(void);
#endif

typedef struct tp_widget {
    mm_object parent;
    uint64_t speed;
    char *tag;
    bool loud;
    int64_t big_space[4];   /* room for a child type inheriting from this one */
} tp_widget;

__attribute__((constructor)) static void tp_mark_loaded(void)
{
    const char *dir = getenv("TP_CTOR_MARK");
    if (!dir)
        return;
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", dir, TP_NAME);
    FILE *f = fopen(path, "w");
    if (f)
        fclose(f);
}

static bool tp_realize(mm_object *obj, mm_error **errp)
{
    tp_widget *w = (tp_widget *)obj;
#ifdef TP_USE_DUMMY
    w->speed += (uint64_t)tpdummy_answer();
#endif
    if (w->tag && w->tag[0] == '!') {
        mm_error_set(errp, "Parameter 'tag' must not start with '!'");
        return false;
    }
    return true;
}

static const mm_property tp_props[] = {
    MM_PROP_DEFINE_UINT("speed", tp_widget, speed, "100", 1, 1000, "widget speed"),
    MM_PROP_DEFINE_STRING("tag", tp_widget, tag, NULL, "a free-form tag"),
    MM_PROP_DEFINE_BOOL("loud", tp_widget, loud, "off", "make noise"),
    MM_PROP_END,
};

static const mm_type_info tp_type = {
    .name = TP_TYPE,
    .parent = TP_PARENT,
    .description = "test widget from " TP_NAME,
    .category = "misc",
    .instance_size = sizeof(tp_widget) + 64,
    .user_creatable = true,
    .properties = tp_props,
    .realize = tp_realize,
};

static const mm_type_info *const tp_types[] = {&tp_type, NULL};

#ifdef TP_INIT_FAILS
static bool tp_init(mm_error **errp)
{
    mm_error_set(errp, "cannot reach the widget controller");
    return false;
}
#define TP_INIT tp_init
#else
#define TP_INIT NULL
#endif

#ifdef TP_REQUIRES
static const char *const tp_requires[] = {TP_REQUIRES, NULL};
#define TP_REQUIRES_LIST tp_requires
#else
#define TP_REQUIRES_LIST NULL
#endif

MM_PLUGIN_EXPORT const mm_plugin_descriptor modemu_plugin_descriptor = {
    .abi_version = MODEMU_PLUGIN_ABI_VERSION + TP_ABI_DELTA,
    .build_stamp = TP_STAMP,
    .name = TP_NAME,
    .description = "modemu test plugin " TP_NAME,
    .types = tp_types,
    .requires = TP_REQUIRES_LIST,
    .init = TP_INIT,
};
