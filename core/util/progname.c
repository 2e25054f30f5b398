#include <string.h>
#include "util/progname.h"

static const char *progname = "modemu-system-x86_64";

const char *mm_progname(void)
{
    return progname;
}

void mm_set_progname(const char *argv0)
{
    if (!argv0 || !*argv0)
        return;
    const char *slash = strrchr(argv0, '/');
    progname = slash ? slash + 1 : argv0;
}
