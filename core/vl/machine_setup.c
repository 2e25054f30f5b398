/* From the option database to a realized machine (see vl/vl.h). */
#include <string.h>
#include <glib.h>

#include "options/help.h"
#include "options/machine_opts.h"
#include "options/vga_types.h"
#include "object/property.h"
#include "vl/core_api.h"
#include "vl/vl.h"

/* i440FX limit, as QEMU's pc machine. */
#define VL_MAX_CPUS 255

/* -M keys vl turns into mm_machine_state fields; any other key is a
 * property of the machine type. */
static const char *const machine_state_keys[] = {
    "type", "accel", "kernel", "initrd", "append", "firmware", "acpi", "defaults",
    "graphics", "usb", "vga", NULL
};

static bool machine_bool(const mm_opts *opts, const char *key, bool def, bool *out,
                         mm_error **errp)
{
    if (!opts) {
        *out = def;
        return true;
    }
    return mm_opts_get_bool(opts, key, def, out, errp);
}

static char *machine_string(const mm_opts *opts, const char *key)
{
    return opts ? g_strdup(mm_opts_get(opts, key)) : NULL;
}

static bool fill_memory_and_cpus(mm_machine_state *m, const mm_opts_db *db, mm_error **errp)
{
    mm_memory_config mem;
    if (!mm_memory_opts_parse(mm_opts_db_first(db, "memory"), &mem, errp)) {
        mm_error_prepend(errp, "-m");
        return false;
    }
    if (mem.maxmem > mem.size) {
        mm_error_set(errp, "-m maxmem: memory hotplug is not implemented yet in modemu");
        return false;
    }
    m->ram_size = mem.size;
    if (!mm_smp_opts_parse(mm_opts_db_first(db, "smp-opts"), VL_MAX_CPUS, &m->smp, errp)) {
        mm_error_prepend(errp, "-smp");
        return false;
    }
    const mm_opts *cpu = mm_opts_db_first(db, "cpu");
    m->cpu_model = g_strdup(cpu ? mm_opts_get(cpu, "model") : "qemu64");
    const char *features = cpu ? mm_opts_get(cpu, "features") : NULL;
    m->cpu_flags = features ? g_strconcat(",", features, NULL) : NULL;
    /* The host's CPUID is known only to KVM: its accelerator checks it. */
    if (mm_cpuid_model_is_host(m->cpu_model))
        return true;
    /* Unknown models and flags fail here, before anything is built; whether
     * the chosen accelerator can provide each flag is its own check. */
    mm_x86_cpuid_model *model = mm_cpuid_model_new(m->cpu_model, m->cpu_flags, false, errp);
    if (!model) {
        mm_error_prepend(errp, "-cpu");
        return false;
    }
    g_free(model);
    return true;
}

static bool fill_boot_and_rtc(mm_machine_state *m, const mm_opts_db *db, mm_error **errp)
{
    mm_boot_config boot;
    if (!mm_boot_opts_parse(mm_opts_db_first(db, "boot-opts"), &boot, errp)) {
        mm_error_prepend(errp, "-boot");
        return false;
    }
    m->boot_order = g_strdup(boot.order);
    m->boot_once = g_strdup(boot.once);
    m->boot_menu = boot.menu;
    mm_boot_config_clear(&boot);

    mm_rtc_config rtc;
    if (!mm_rtc_opts_parse(mm_opts_db_first(db, "rtc"), &rtc, errp)) {
        mm_error_prepend(errp, "-rtc");
        return false;
    }
    m->rtc_base = g_strdup(rtc.base);
    m->rtc_clock_vm = rtc.clock == MM_RTC_CLOCK_VM;
    mm_rtc_config_clear(&rtc);
    return true;
}

static bool fill_run_control(mm_machine_state *m, const mm_opts_db *db, mm_error **errp)
{
    const mm_opts *run = mm_opts_db_first(db, "runstate");
    bool reboot = true, shutdown = true;
    if (!machine_bool(run, "start-stopped", false, &m->start_stopped, errp) ||
        !machine_bool(run, "reboot", true, &reboot, errp) ||
        !machine_bool(run, "shutdown", true, &shutdown, errp))
        return false;
    m->no_reboot = !reboot;
    m->no_shutdown = !shutdown;
    const mm_opts *name = mm_opts_db_first(db, "name");
    m->name = name ? g_strdup(mm_opts_get(name, "guest")) : NULL;
    return true;
}

static bool fill_board_choices(mm_machine_state *m, const mm_opts *mopts, bool any_serial,
                               mm_error **errp)
{
    bool graphics = true;
    if (!machine_bool(mopts, "acpi", true, &m->acpi, errp) ||
        !machine_bool(mopts, "defaults", true, &m->defaults, errp) ||
        !machine_bool(mopts, "graphics", true, &graphics, errp) ||
        !machine_bool(mopts, "usb", false, &m->usb, errp))
        return false;
    m->nographic = !graphics;
    m->default_serial = m->defaults && !any_serial;
    m->firmware = machine_string(mopts, "firmware");
    m->kernel = machine_string(mopts, "kernel");
    m->initrd = machine_string(mopts, "initrd");
    m->append = machine_string(mopts, "append");
    m->vga = machine_string(mopts, "vga");
    if (m->vga && !mm_vga_type_find(m->vga)) {
        mm_error_set(errp, "unknown vga type: %s", m->vga);
        return false;
    }
    if (!m->kernel && (m->initrd || m->append)) {
        mm_error_set(errp, "%s only allowed with -kernel option",
                     m->initrd ? "-initrd" : "-append");
        return false;
    }
    return true;
}

static bool apply_machine_properties(mm_machine_state *m, const mm_opts *mopts,
                                     mm_error **errp)
{
    for (unsigned i = 0; mopts && i < mm_opts_count(mopts); i++) {
        const char *key = mm_opts_key_at(mopts, i);
        if (g_strv_contains(machine_state_keys, key))
            continue;
        if (!mm_object_set_property(&m->obj, key, mm_opts_value_at(mopts, i), errp)) {
            mm_error_prepend(errp, "-machine");
            return false;
        }
    }
    return true;
}

/* -L DIR, in command-line order, before the board looks for its firmware. */
static void add_firmware_dirs(const mm_opts_db *db)
{
    for (unsigned i = 0; i < mm_opts_db_count(db); i++) {
        const mm_opts *opts = mm_opts_db_at(db, i);
        if (strcmp(mm_opts_group(opts), "firmware-dir"))
            continue;
        mm_firmware_add_search_dir(mm_opts_get(opts, "path"));
    }
}

static mm_object *machine_new(const char *type, mm_error **errp)
{
    if (!mm_type_find(MM_KIND_MACHINE, type) &&
        !mm_plugins_require_type(MM_KIND_MACHINE, type, NULL)) {
        mm_error_set(errp, "-machine %s: machine type '%s' is not available "
                     "('-machine help' lists them)", type, type);
        return NULL;
    }
    return mm_object_new(MM_KIND_MACHINE, type, NULL, errp);
}

bool vl_machine_config(const mm_opts_db *db, mm_machine_state *cfg, mm_error **errp)
{
    const mm_opts *mopts = mm_opts_db_first(db, "machine");
    memset(cfg, 0, sizeof(*cfg));
    bool any_serial = mm_opts_db_first(db, "serial") != NULL;
    bool ok = fill_memory_and_cpus(cfg, db, errp) && fill_boot_and_rtc(cfg, db, errp) &&
              fill_run_control(cfg, db, errp) &&
              fill_board_choices(cfg, mopts, any_serial, errp);
    if (!ok)
        vl_machine_config_clear(cfg);
    return ok;
}

mm_machine_state *vl_machine_create(const mm_opts_db *db, const char *accel_name,
                                    mm_error **errp)
{
    mm_machine_state cfg;
    if (!vl_machine_config(db, &cfg, errp))
        return NULL;
    cfg.accel = g_strdup(accel_name);
    add_firmware_dirs(db);
    const mm_opts *mopts = mm_opts_db_first(db, "machine");
    const char *type = mopts && mm_opts_get(mopts, "type") ? mm_opts_get(mopts, "type")
                                                            : MM_DEFAULT_MACHINE_NAME;
    mm_object *obj = machine_new(type, errp);
    if (!obj) {
        vl_machine_config_clear(&cfg);
        return NULL;
    }
    /* Machine types' instance structs embed mm_machine_state first; keep the
     * object header and the board pointer the type set up. */
    mm_machine_state *m = (mm_machine_state *)obj;
    cfg.obj = m->obj;
    cfg.board = m->board;
    *m = cfg;
    bool ok = apply_machine_properties(m, mopts, errp);
    if (ok)
        mm_set_current_machine(m);
    if (ok)
        ok = mm_object_realize(obj, errp);
    if (!ok) {
        vl_machine_destroy(m);
        return NULL;
    }
    return m;
}

void vl_machine_destroy(mm_machine_state *m)
{
    if (mm_current_machine() == m)
        mm_set_current_machine(NULL);
    if (m->obj.realized)
        mm_object_unrealize(&m->obj);
    vl_machine_config_clear(m);
    mm_object_free(&m->obj);
}

void vl_machine_config_clear(mm_machine_state *cfg)
{
    char **strings[] = { &cfg->cpu_model, &cfg->cpu_flags, &cfg->accel, &cfg->firmware,
                         &cfg->kernel, &cfg->initrd, &cfg->append, &cfg->boot_order,
                         &cfg->boot_once, &cfg->rtc_base, &cfg->vga, &cfg->name };
    for (size_t i = 0; i < G_N_ELEMENTS(strings); i++) {
        g_free(*strings[i]);
        *strings[i] = NULL;
    }
}
