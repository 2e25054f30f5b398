/* The table of option groups (see options/groups.h). */
#include <string.h>

#include "options/groups.h"

static const mm_opts_group_def groups[] = {
    /* merged: one instance */
    { "machine",      true,  true },
    { "memory",       true,  true },
    { "smp-opts",     true,  true },
    { "boot-opts",    true,  true },
    { "name",         true,  true },
    { "rtc",          true,  true },
    { "cpu",          true,  true },
    { "display",      true,  true },
    { "vnc",          true,  true },
    { "spice",        true,  true },
    { "keyboard",     true,  true },
    { "runstate",     true,  true },
    { "process",      true,  false },
    { "log",          true,  false },
    { "qtest",        true,  false },
    /* lists: one instance per use, in command-line order */
    { "accel",        false, true },
    { "drive",        false, true },
    { "device",       false, true },
    { "netdev",       false, true },
    { "net",          false, true },
    { "nic",          false, true },
    { "chardev",      false, true },
    { "serial",       false, true },
    { "parallel",     false, true },
    { "monitor",      false, true },
    { "qmp",          false, true },
    { "mon",          false, true },
    { "fsdev",        false, true },
    { "virtfs",       false, true },
    { "global",       false, true },
    { "object",       false, true },
    { "audiodev",     false, true },
    { "firmware-dir", false, true },
};

const mm_opts_group_def *mm_opts_group_find(const char *name)
{
    for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
        if (!strcmp(groups[i].name, name))
            return &groups[i];
    }
    return NULL;
}
