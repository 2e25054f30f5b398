/*
 * modemu_main: the QEMU-compatible command line, from argv to a running
 * machine.  Each step is a function in its own file; this is the order:
 *
 *   parse -> logging -> early exits (-h, -version, listings) -> -writeconfig
 *   -> checks -> -daemonize, -pidfile -> accelerator choice -> backends
 *   -> machine -> drives, devices, display -> accelerator -> qtest
 *   -> start (unless -S) -> main loop.
 */
#include <stdio.h>
#include <sys/prctl.h>
#include <string.h>
#include <glib.h>
#include <modemu/embed.h>
#include <modemu/error.h>

#include "boot/direct_boot.h"
#include "options/cmdline.h"
#include "options/config_file.h"
#include "options/help.h"
#include "options/log_items.h"
#include "util/log_config.h"
#include "util/progname.h"
#include "vl/core_api.h"
#include "vl/vl.h"

static bool apply_logging(const mm_opts_db *db, mm_error **errp)
{
    const mm_opts *log = mm_opts_db_first(db, "log");
    if (!log)
        return true;
    const char *file = mm_opts_get(log, "file");
    if (file && !mm_log_set_file(file)) {
        mm_error_set(errp, "-D %s: cannot open log file", file);
        return false;
    }
    uint32_t mask = 0;
    const char *items = mm_opts_get(log, "items");
    if (items && !mm_log_items_parse(items, &mask, errp))
        return false;
    mm_log_set_mask(mask);
    return true;
}

/* Everything that can be checked before anything is created, so a typo
 * fails before -daemonize detaches. */
static bool check_options(const mm_opts_db *db, mm_error **errp)
{
    mm_machine_state cfg;
    bool ok = vl_machine_config(db, &cfg, errp);
    vl_machine_config_clear(&cfg);
    return ok && vl_drives_check(db, errp) && vl_types_check(db, errp);
}

/* -writeconfig records the command line as given, before anything is checked
 * against what is installed (the file may be meant for another host). */
static bool write_config(const mm_opts_db *db, mm_error **errp)
{
    const mm_opts *process = mm_opts_db_first(db, "process");
    const char *writeconfig = process ? mm_opts_get(process, "writeconfig") : NULL;
    if (writeconfig && !mm_config_write_file(db, writeconfig, errp)) {
        mm_error_prepend(errp, "-writeconfig %s", writeconfig);
        return false;
    }
    return true;
}

/* -name guest,process=NAME renames the process as ps and top show it. */
static void apply_process_name(const mm_opts_db *db)
{
    const mm_opts *name = mm_opts_db_first(db, "name");
    const char *process = name ? mm_opts_get(name, "process") : NULL;
    if (process)
        prctl(PR_SET_NAME, process, 0, 0, 0);
}

static bool setup_process(const mm_opts_db *db, mm_error **errp)
{
    const mm_opts *process = mm_opts_db_first(db, "process");
    const char *pidfile = process ? mm_opts_get(process, "pidfile") : NULL;
    bool daemonize = false;
    if (process && !mm_opts_get_bool(process, "daemonize", false, &daemonize, errp))
        return false;
    if (daemonize && (!vl_daemonize_check(db, errp) || !vl_daemonize_start(errp)))
        return false;
    apply_process_name(db);
    return !pidfile || vl_pidfile_create(pidfile, errp);
}

static bool start_accelerator(mm_machine_state *m, const vl_accel_choice *accel,
                              const mm_opts_db *db, mm_error **errp)
{
    if (!accel->ops) {
        mm_error_set(errp, "accelerator '%s': not implemented yet", accel->name);
        return false;
    }
    if (!mm_accel_init(accel->name, m, errp))
        return false;
    const mm_opts *qtest = mm_opts_db_first(db, "qtest");
    if (qtest && mm_opts_get(qtest, "chardev")) {
        if (!mm_qtest_init(mm_opts_get(qtest, "chardev"), mm_opts_get(qtest, "log"), errp))
            return false;
    }
    mm_runstate_configure(m->no_reboot, m->no_shutdown);
    if (!m->start_stopped)
        mm_vm_start();
    return true;
}

/* The machine lives until the process exits (QEMU does not tear it down
 * either); kept here so it stays reachable. */
static mm_machine_state *vl_machine;

/* Everything is plugged in: what firmware would do before the OS runs.
 * Only the pc board has a direct kernel boot (QEMU's none machine has no
 * loader either). */
static bool machine_done(mm_machine_state *m, mm_error **errp)
{
    if (m->kernel && !mm_object_is_a(&m->obj, "pc-i440fx-7.2")) {
        mm_error_set(errp, "-kernel: machine type '%s' cannot boot a kernel directly",
                     mm_object_type_name(&m->obj));
        return false;
    }
    return mm_direct_boot_prepare(m, errp);
}

static bool build_machine(const mm_opts_db *db, mm_machine_state **out, mm_error **errp)
{
    vl_globals_set(db);
    vl_accel_choice accel;
    if (!vl_accel_choose(db, &accel, errp))
        return false;
    mm_machine_state cfg;
    bool ok = vl_machine_config(db, &cfg, errp) && vl_backends_create(db, &cfg, errp);
    vl_machine_config_clear(&cfg);
    mm_machine_state *m = ok ? vl_machine_create(db, accel.name, errp) : NULL;
    *out = m;
    ok = m && vl_devices_create(db, errp) && vl_display_create(db, errp) &&
         machine_done(m, errp) && start_accelerator(m, &accel, db, errp);
    g_free(accel.name);
    return ok;
}

static int run(mm_cmdline *cmdline)
{
    mm_error *err = NULL;
    /* Logging first: -d plugin covers discovery itself. */
    if (!apply_logging(cmdline->db, &err)) {
        mm_error_report_and_free(err);
        return 1;
    }
    mm_plugins_discover();
    if (cmdline->help_kind) {
        if (!mm_help_print_listing(cmdline->help_kind, cmdline->help_name, stdout, &err)) {
            mm_error_report_and_free(err);
            return 1;
        }
        return 0;
    }
    if (!write_config(cmdline->db, &err) || !check_options(cmdline->db, &err) ||
        !setup_process(cmdline->db, &err) || !build_machine(cmdline->db, &vl_machine, &err)) {
        mm_error_report_and_free(err);
        return 1;
    }
    vl_daemonize_ready();
    return mm_main_loop_run();
}

MM_API int modemu_main(int argc, char **argv)
{
    mm_set_progname(argv[0]);
    mm_cmdline cmdline;
    mm_cmdline_init(&cmdline);
    mm_error *err = NULL;
    int status;
    if (!mm_cmdline_parse(&cmdline, argc, argv, &err)) {
        mm_error_report_and_free(err);
        status = 1;
    } else if (cmdline.exit_now) {
        status = 0;
    } else {
        status = run(&cmdline);
    }
    mm_cmdline_destroy(&cmdline);
    mm_chardev_cleanup_all();
    mm_plugins_shutdown();
    return status;
}
