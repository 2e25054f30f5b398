/*
 * The CPU model table and -cpu flag parsing.
 *
 * qemu64 matches what QEMU 7.2 TCG shows a guest (see shared/CPU-NOTES.md),
 * less the features this software CPU does not implement exactly: svm is
 * not advertised, because Linux and glibc pick code paths by CPUID and a
 * half-implemented feature is worse than an absent one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "cpu/cpuid.h"

#define EDX1(b) (1u << (b))

static const mm_x86_cpuid_model model_table[] = {
    {
        .name = "qemu64",
        .description = "QEMU Virtual CPU version 2.5+",
        .vendor = "AuthenticAMD",
        .family = 15, .model = 107, .stepping = 1,
        .model_id = "QEMU Virtual CPU version 2.5+",
        .level = 0xd, .xlevel = 0x8000000a,
        .features = {
            /* fpu de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36
             * clflush mmx fxsr sse sse2 */
            [MM_FEAT_1_EDX] = EDX1(0) | EDX1(2) | EDX1(3) | EDX1(4) | EDX1(5) | EDX1(6) |
                              EDX1(7) | EDX1(8) | EDX1(9) | EDX1(11) | EDX1(12) | EDX1(13) |
                              EDX1(14) | EDX1(15) | EDX1(16) | EDX1(17) | EDX1(19) |
                              EDX1(23) | EDX1(24) | EDX1(25) | EDX1(26),
            /* pni cx16 hypervisor */
            [MM_FEAT_1_ECX] = EDX1(0) | EDX1(13) | EDX1(31),
            /* syscall nx lm */
            [MM_FEAT_8000_0001_EDX] = EDX1(11) | EDX1(20) | EDX1(29),
            /* lahf_lm 3dnowprefetch */
            [MM_FEAT_8000_0001_ECX] = EDX1(0) | EDX1(8),
        },
        .phys_bits = 40, .virt_bits = 48,
        .logical_cpus = 1,
    },
};

#define MODEL_COUNT (sizeof(model_table) / sizeof(model_table[0]))

const mm_x86_cpuid_model *mm_cpuid_model_find(const char *name)
{
    for (size_t i = 0; i < MODEL_COUNT; i++) {
        if (strcmp(model_table[i].name, name) == 0)
            return &model_table[i];
    }
    return NULL;
}

void mm_cpuid_model_foreach(void (*cb)(const mm_x86_cpuid_model *m, void *opaque), void *opaque)
{
    for (size_t i = 0; i < MODEL_COUNT; i++)
        cb(&model_table[i], opaque);
}

static void print_model(const mm_x86_cpuid_model *m, void *opaque)
{
    printf("x86 %-16s %s\n", m->name, m->description);
}

static void print_feature(const mm_x86_feature *f, void *opaque)
{
    if (f->emulated)
        printf("  %s\n", f->name);
}

void mm_cpuid_print_help(void)
{
    printf("Available CPUs:\n");
    mm_cpuid_model_foreach(print_model, NULL);
    printf("\nRecognized CPUID flags (software CPU):\n");
    mm_cpuid_features_foreach(print_feature, NULL);
}

/* One "+name", "-name", "name=on|off" item. */
static bool apply_one_flag(mm_x86_cpuid_model *model, const char *item, bool emulated_only,
                           mm_error **errp)
{
    bool on;
    g_autofree char *name = NULL;
    const char *eq = strchr(item, '=');
    if (item[0] == '+' || item[0] == '-') {
        on = item[0] == '+';
        name = g_strdup(item + 1);
    } else if (eq) {
        name = g_strndup(item, eq - item);
        if (strcmp(eq + 1, "on") == 0 || strcmp(eq + 1, "true") == 0)
            on = true;
        else if (strcmp(eq + 1, "off") == 0 || strcmp(eq + 1, "false") == 0)
            on = false;
        else {
            mm_error_set(errp, "CPU property '%s' expects on or off, not '%s'", name, eq + 1);
            return false;
        }
    } else {
        name = g_strdup(item);
        on = true;
    }
    const mm_x86_feature *f = mm_cpuid_feature_find(name);
    if (!f) {
        mm_error_set(errp, "CPU feature '%s' not found (see -cpu help)", name);
        return false;
    }
    if (on && emulated_only && !f->emulated) {
        mm_error_set(errp, "CPU feature '%s' is not implemented by the software CPU (tcg)", name);
        return false;
    }
    if (on)
        model->features[f->word] |= 1u << f->bit;
    else
        model->features[f->word] &= ~(1u << f->bit);
    return true;
}

bool mm_cpuid_apply_flags(mm_x86_cpuid_model *model, const char *flags, bool emulated_only,
                          mm_error **errp)
{
    if (!flags)
        return true;
    g_auto(GStrv) items = g_strsplit(flags, ",", -1);
    for (char **p = items; *p; p++) {
        if (**p == '\0')
            continue;
        if (!apply_one_flag(model, *p, emulated_only, errp))
            return false;
    }
    return true;
}

mm_x86_cpuid_model *mm_cpuid_model_new(const char *name, const char *flags, bool emulated_only,
                                       mm_error **errp)
{
    const mm_x86_cpuid_model *base = mm_cpuid_model_find(name ? name : "qemu64");
    if (!base) {
        mm_error_set(errp, "unable to find CPU model '%s' (see -cpu help)", name);
        return NULL;
    }
    mm_x86_cpuid_model *m = g_new(mm_x86_cpuid_model, 1);
    *m = *base;
    if (!mm_cpuid_apply_flags(m, flags, emulated_only, errp)) {
        g_free(m);
        return NULL;
    }
    return m;
}

bool mm_cpuid_model_is_host(const char *name)
{
    return name && (!strcmp(name, "host") || !strcmp(name, "max"));
}
