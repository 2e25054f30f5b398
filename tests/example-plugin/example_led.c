/*
 * example-led: a third-party device plugin built out of tree against the
 * installed modemu SDK (see sdk-project/CMakeLists.txt).  A front-panel LED
 * with a colour, a brightness and a label; realize checks that a lit LED
 * has a colour other than "off".
 */
#include <modemu/plugin.h>

typedef struct example_led {
    mm_object parent;
    int colour;
    uint64_t brightness;
    char *label;
    bool blink;
} example_led;

static const char *const led_colours[] = {"off", "red", "green", "blue", NULL};

static bool example_led_realize(mm_object *obj, mm_error **errp)
{
    example_led *led = (example_led *)obj;
    if (led->brightness > 0 && led->colour == 0) {
        mm_error_set(errp, "example-led: brightness %llu needs a colour",
                     (unsigned long long)led->brightness);
        return false;
    }
    return true;
}

static const mm_property example_led_props[] = {
    MM_PROP_DEFINE_ENUM("colour", example_led, colour, led_colours, "green", "LED colour"),
    MM_PROP_DEFINE_UINT("brightness", example_led, brightness, "128", 0, 255,
                        "brightness, 0 to 255"),
    MM_PROP_DEFINE_STRING("label", example_led, label, "power", "panel label"),
    MM_PROP_DEFINE_BOOL("blink", example_led, blink, "off", "blink instead of glowing"),
    MM_PROP_END,
};

static const mm_type_info example_led_type = {
    .name = "example-led",
    .parent = MM_KIND_DEVICE,
    .description = "Example front-panel LED (out-of-tree plugin)",
    .category = "misc",
    .instance_size = sizeof(example_led),
    .user_creatable = true,
    .properties = example_led_props,
    .realize = example_led_realize,
};

static const mm_type_info *const example_led_types[] = {&example_led_type, NULL};

MM_PLUGIN_DEFINE(.name = "example-led",
                 .description = "example out-of-tree device plugin",
                 .types = example_led_types);
