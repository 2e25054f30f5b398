/* The human monitor's commands (see monitor/monitor.h). */
#include <string.h>
#include <glib.h>
#include <modemu/machine.h>

#include "chardev/chardev_setup.h"
#include "monitor/monitor.h"
#include "runstate/runstate.h"

typedef struct monitor_command {
    const char *names;   /* "cont|c" */
    const char *args;
    const char *help;
    void (*run)(mm_monitor *mon, char **argv);
} monitor_command;

static void cmd_help(mm_monitor *mon, char **argv);

static void cmd_quit(mm_monitor *mon, char **argv)
{
    mm_machine_request_shutdown(MM_SHUTDOWN_HOST_QUIT);
}

static void cmd_stop(mm_monitor *mon, char **argv)
{
    mm_vm_stop("paused");
}

static void cmd_cont(mm_monitor *mon, char **argv)
{
    mm_vm_start();
}

static void cmd_system_reset(mm_monitor *mon, char **argv)
{
    mm_machine_request_reset(MM_SHUTDOWN_GUEST_RESET);
}

static void cmd_system_powerdown(mm_monitor *mon, char **argv)
{
    /* Without an ACPI power button nothing can tell the guest; QEMU stays
     * silent there too, but saying so is more useful. */
    if (!mm_machine_request_powerdown())
        mm_monitor_printf(mon, "system_powerdown: this machine has no power button\n");
}

static void print_chardev(mm_chardev *chr, void *opaque)
{
    mm_monitor_printf(opaque, "%s: filename=%s\n", chr->obj.id ? chr->obj.id : "(anonymous)",
                      mm_object_type_name(&chr->obj));
}

static void cmd_info(mm_monitor *mon, char **argv)
{
    const char *what = argv[1];
    if (!what) {
        mm_monitor_printf(mon, "info status  -- show the VM status\n"
                               "info version -- show the version\n"
                               "info chardev -- show the character devices\n");
    } else if (!strcmp(what, "status")) {
        mm_monitor_printf(mon, "VM status: %s\n", mm_runstate_describe());
    } else if (!strcmp(what, "version")) {
        mm_monitor_printf(mon, "%s\n", MODEMU_VERSION_STRING);
    } else if (!strcmp(what, "chardev")) {
        mm_chardev_foreach(print_chardev, mon);
    } else {
        mm_monitor_printf(mon, "unknown command: 'info %s'\n", what);
    }
}

static const monitor_command commands[] = {
    { "help|?", "[cmd]", "show the help", cmd_help },
    { "quit|q", "", "quit the emulator", cmd_quit },
    { "stop", "", "stop emulation", cmd_stop },
    { "cont|c", "", "resume emulation", cmd_cont },
    { "system_reset", "", "reset the system", cmd_system_reset },
    { "system_powerdown", "", "send system power down event", cmd_system_powerdown },
    { "info", "[subcommand]", "show various information about the system state", cmd_info },
};

static bool command_matches(const monitor_command *cmd, const char *word)
{
    char **names = g_strsplit(cmd->names, "|", -1);
    bool match = g_strv_contains((const gchar *const *)names, word);
    g_strfreev(names);
    return match;
}

static void cmd_help(mm_monitor *mon, char **argv)
{
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        if (argv[1] && !command_matches(&commands[i], argv[1]))
            continue;
        mm_monitor_printf(mon, "%s %s -- %s\n", commands[i].names, commands[i].args,
                          commands[i].help);
    }
}

void mm_monitor_execute(mm_monitor *mon, const char *line)
{
    char *copy = g_strstrip(g_strdup(line));
    char **argv = g_strsplit_set(copy, " \t", -1);
    g_free(copy);
    /* Drop the empty words that repeated blanks produce. */
    int n = 0;
    for (int i = 0; argv[i]; i++) {
        if (*argv[i])
            argv[n++] = argv[i];
        else
            g_free(argv[i]);
    }
    argv[n] = NULL;
    if (n > 0) {
        const monitor_command *cmd = NULL;
        for (size_t i = 0; i < G_N_ELEMENTS(commands) && !cmd; i++) {
            if (command_matches(&commands[i], argv[0]))
                cmd = &commands[i];
        }
        if (cmd)
            cmd->run(mon, argv);
        else
            mm_monitor_printf(mon, "unknown command: '%s'\n", argv[0]);
    }
    g_strfreev(argv);
}
