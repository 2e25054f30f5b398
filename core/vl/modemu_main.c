/* Placeholder entry point; replaced by the command-line work (issue 2). */
#include <stdio.h>
#include <string.h>
#include <modemu/embed.h>
#include <modemu/error.h>
#include "util/progname.h"

MM_API int modemu_main(int argc, char **argv)
{
    mm_set_progname(argv[0]);
    if (argc > 1 && (!strcmp(argv[1], "-version") || !strcmp(argv[1], "--version"))) {
        printf("modemu emulator version %s\n", MODEMU_VERSION_STRING);
        return 0;
    }
    mm_error_report("command line not implemented yet");
    return 1;
}
