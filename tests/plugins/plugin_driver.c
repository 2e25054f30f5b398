/*
 * Test driver for the plugin system through its core-internal C API, used
 * until and besides the command line:
 *   plugin-driver list                        mm_plugins_print_list
 *   plugin-driver types KIND                  mm_plugins_foreach_type
 *   plugin-driver help KIND NAME              mm_plugins_print_type_help
 *   plugin-driver new KIND NAME [k=v ...]     require, create, set, realize
 *   plugin-driver require-twice KIND NAME     require twice: a failed plugin
 *                                             must fail again, not half-work
 * Errors: one line on stderr, exit status 1.
 */
#include <stdio.h>
#include <string.h>
#include <modemu/object.h>

#include "plugin/plugin_registry.h"

static void print_type(const mm_type_summary *s, void *opaque)
{
    printf("%s %s (%s)%s\n", s->name, s->plugin ? s->plugin : "core",
           s->description ? s->description : "", s->user_creatable ? "" : " [internal]");
}

static int create(int argc, char **argv)
{
    mm_error *err = NULL;
    mm_object *obj = NULL;
    if (mm_plugins_require_type(argv[2], argv[3], &err))
        obj = mm_object_new(argv[2], argv[3], NULL, &err);
    for (int i = 4; obj && i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (eq)
            *eq = '\0';
        if (!mm_object_set_property(obj, argv[i], eq ? eq + 1 : NULL, &err)) {
            mm_object_free(obj);
            obj = NULL;
        }
    }
    if (obj && !mm_object_realize(obj, &err)) {
        mm_object_free(obj);
        obj = NULL;
    }
    if (!obj) {
        mm_error_report_and_free(err);
        return 1;
    }
    printf("realized %s\n", mm_object_type_name(obj));
    mm_object_free(obj);
    mm_plugins_shutdown();
    return 0;
}

static int require_twice(const char *kind, const char *name)
{
    int failures = 0;
    for (int i = 0; i < 2; i++) {
        mm_error *err = NULL;
        if (!mm_plugins_require_type(kind, name, &err)) {
            printf("attempt %d: %s\n", i + 1, err->message);
            mm_error_free(err);
            failures++;
        } else {
            printf("attempt %d: ok\n", i + 1);
        }
    }
    return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
    mm_plugins_discover();
    if (argc == 2 && !strcmp(argv[1], "list")) {
        mm_plugins_print_list(stdout);
        return 0;
    }
    if (argc == 3 && !strcmp(argv[1], "types")) {
        mm_plugins_foreach_type(argv[2], print_type, NULL);
        return 0;
    }
    if (argc == 4 && !strcmp(argv[1], "help")) {
        mm_error *err = NULL;
        if (!mm_plugins_print_type_help(argv[2], argv[3], stdout, &err)) {
            mm_error_report_and_free(err);
            return 1;
        }
        return 0;
    }
    if (argc == 4 && !strcmp(argv[1], "require-twice"))
        return require_twice(argv[2], argv[3]);
    if (argc >= 4 && !strcmp(argv[1], "new"))
        return create(argc, argv);
    fprintf(stderr, "usage: plugin-driver list | types KIND | help KIND NAME | new KIND NAME [k=v...]\n");
    return 2;
}
