/*
 * Feature flag names (as /proc/cpuinfo and QEMU's -cpu spell them) and where
 * each lives in CPUID.  `emulated` says whether the software CPU implements
 * the feature exactly; only those may be switched on for -accel tcg.
 */
#include <string.h>

#include "cpu/cpuid.h"

static const mm_x86_feature feature_table[] = {
    { "fpu", MM_FEAT_1_EDX, 0, true },
    { "vme", MM_FEAT_1_EDX, 1, false },
    { "de", MM_FEAT_1_EDX, 2, true },
    { "pse", MM_FEAT_1_EDX, 3, true },
    { "tsc", MM_FEAT_1_EDX, 4, true },
    { "msr", MM_FEAT_1_EDX, 5, true },
    { "pae", MM_FEAT_1_EDX, 6, true },
    { "mce", MM_FEAT_1_EDX, 7, true },
    { "cx8", MM_FEAT_1_EDX, 8, true },
    { "apic", MM_FEAT_1_EDX, 9, true },
    { "sep", MM_FEAT_1_EDX, 11, true },
    { "mtrr", MM_FEAT_1_EDX, 12, true },
    { "pge", MM_FEAT_1_EDX, 13, true },
    { "mca", MM_FEAT_1_EDX, 14, true },
    { "cmov", MM_FEAT_1_EDX, 15, true },
    { "pat", MM_FEAT_1_EDX, 16, true },
    { "pse36", MM_FEAT_1_EDX, 17, true },
    { "clflush", MM_FEAT_1_EDX, 19, true },
    { "mmx", MM_FEAT_1_EDX, 23, true },
    { "fxsr", MM_FEAT_1_EDX, 24, true },
    { "sse", MM_FEAT_1_EDX, 25, true },
    { "sse2", MM_FEAT_1_EDX, 26, true },
    { "pni", MM_FEAT_1_ECX, 0, true },
    { "ssse3", MM_FEAT_1_ECX, 9, false },
    { "cx16", MM_FEAT_1_ECX, 13, true },
    { "sse4.1", MM_FEAT_1_ECX, 19, false },
    { "sse4.2", MM_FEAT_1_ECX, 20, false },
    { "x2apic", MM_FEAT_1_ECX, 21, false },
    { "movbe", MM_FEAT_1_ECX, 22, false },
    { "popcnt", MM_FEAT_1_ECX, 23, true },
    { "aes", MM_FEAT_1_ECX, 25, false },
    { "xsave", MM_FEAT_1_ECX, 26, false },
    { "avx", MM_FEAT_1_ECX, 28, false },
    { "rdrand", MM_FEAT_1_ECX, 30, false },
    { "hypervisor", MM_FEAT_1_ECX, 31, true },
    { "syscall", MM_FEAT_8000_0001_EDX, 11, true },
    { "nx", MM_FEAT_8000_0001_EDX, 20, true },
    { "mmxext", MM_FEAT_8000_0001_EDX, 22, false },
    { "pdpe1gb", MM_FEAT_8000_0001_EDX, 26, true },
    { "rdtscp", MM_FEAT_8000_0001_EDX, 27, true },
    { "lm", MM_FEAT_8000_0001_EDX, 29, true },
    { "lahf_lm", MM_FEAT_8000_0001_ECX, 0, true },
    { "svm", MM_FEAT_8000_0001_ECX, 2, false },
    { "extapic", MM_FEAT_8000_0001_ECX, 3, false },
    { "abm", MM_FEAT_8000_0001_ECX, 5, true },
    { "sse4a", MM_FEAT_8000_0001_ECX, 6, false },
    { "3dnowprefetch", MM_FEAT_8000_0001_ECX, 8, true },
};

const mm_x86_feature *mm_cpuid_feature_find(const char *name)
{
    for (size_t i = 0; i < sizeof(feature_table) / sizeof(feature_table[0]); i++) {
        if (strcmp(feature_table[i].name, name) == 0)
            return &feature_table[i];
    }
    return NULL;
}

/* Lists flag names, for -cpu help. */
void mm_cpuid_features_foreach(void (*cb)(const mm_x86_feature *f, void *opaque), void *opaque)
{
    for (size_t i = 0; i < sizeof(feature_table) / sizeof(feature_table[0]); i++)
        cb(&feature_table[i], opaque);
}
