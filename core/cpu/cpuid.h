/*
 * CPU models: what CPUID answers, by model name (-cpu qemu64) and feature
 * flags (-cpu qemu64,+cx16,-nx).  Shared by the software CPU (which answers
 * CPUID from it) and the KVM accelerator (which filters it against the host).
 */
#ifndef MODEMU_CPU_CPUID_H
#define MODEMU_CPU_CPUID_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/error.h>

/* Feature words (register of the CPUID leaf that holds them). */
enum {
    MM_FEAT_1_EDX,
    MM_FEAT_1_ECX,
    MM_FEAT_8000_0001_EDX,
    MM_FEAT_8000_0001_ECX,
    MM_FEAT_WORDS
};

typedef struct mm_x86_cpuid_model {
    const char *name;
    const char *description;
    char vendor[13];
    uint32_t family, model, stepping;
    char model_id[49];
    uint32_t level, xlevel;
    uint32_t features[MM_FEAT_WORDS];
    uint32_t phys_bits, virt_bits;
    unsigned logical_cpus;       /* CPUID.1:EBX[23:16] */
} mm_x86_cpuid_model;

typedef struct mm_x86_cpuid_result {
    uint32_t eax, ebx, ecx, edx;
} mm_x86_cpuid_result;

/* A feature flag by its /proc/cpuinfo-style name. */
typedef struct mm_x86_feature {
    const char *name;
    unsigned word;
    unsigned bit;
    bool emulated;               /* the software CPU implements it exactly */
} mm_x86_feature;

/* Models the software CPU runs correctly, in `-cpu help` order. */
const mm_x86_cpuid_model *mm_cpuid_model_find(const char *name);
void mm_cpuid_model_foreach(void (*cb)(const mm_x86_cpuid_model *m, void *opaque),
                            void *opaque);
/* Prints the `-cpu help` listing (models and flags) on stdout. */
void mm_cpuid_print_help(void);

const mm_x86_feature *mm_cpuid_feature_find(const char *name);
void mm_cpuid_features_foreach(void (*cb)(const mm_x86_feature *f, void *opaque), void *opaque);
/* Applies "+flag,-flag,flag=on|off" (a leading comma is allowed) to model.
 * With emulated_only, a known flag the software CPU lacks is refused by name. */
bool mm_cpuid_apply_flags(mm_x86_cpuid_model *model, const char *flags,
                          bool emulated_only, mm_error **errp);
/* "host" and "max": the host CPU's own CPUID, which only KVM can provide. */
bool mm_cpuid_model_is_host(const char *name);
/* Copies the named model and applies flags; NULL with *errp on failure. */
mm_x86_cpuid_model *mm_cpuid_model_new(const char *name, const char *flags,
                                       bool emulated_only, mm_error **errp);

static inline bool mm_cpuid_has(const mm_x86_cpuid_model *m, unsigned word, unsigned bit)
{
    return (m->features[word] >> bit) & 1;
}

/* CPUID.1:EAX (family/model/stepping signature). */
uint32_t mm_cpuid_signature(const mm_x86_cpuid_model *m);
/* The answer of CPUID for leaf/subleaf on the vCPU with this APIC id. */
mm_x86_cpuid_result mm_cpuid_query(const mm_x86_cpuid_model *m, uint32_t apic_id,
                                   uint32_t leaf, uint32_t subleaf);

/* Feature bits used by the interpreter to decide what to allow. */
#define MM_CPUID_1_EDX_FPU     0
#define MM_CPUID_1_EDX_TSC     4
#define MM_CPUID_1_EDX_MSR     5
#define MM_CPUID_1_EDX_PAE     6
#define MM_CPUID_1_EDX_CX8     8
#define MM_CPUID_1_EDX_APIC    9
#define MM_CPUID_1_EDX_SEP     11
#define MM_CPUID_1_EDX_CMOV    15
#define MM_CPUID_1_EDX_CLFLUSH 19
#define MM_CPUID_1_EDX_MMX     23
#define MM_CPUID_1_EDX_FXSR    24
#define MM_CPUID_1_EDX_SSE     25
#define MM_CPUID_1_EDX_SSE2    26
#define MM_CPUID_1_ECX_SSE3    0
#define MM_CPUID_1_ECX_CX16    13
#define MM_CPUID_1_ECX_POPCNT  23
#define MM_CPUID_1_ECX_X2APIC  21
#define MM_CPUID_8001_EDX_SYSCALL 11
#define MM_CPUID_8001_EDX_NX   20
#define MM_CPUID_8001_EDX_RDTSCP 27
#define MM_CPUID_8001_EDX_LM   29
#define MM_CPUID_8001_ECX_LAHF 0
#define MM_CPUID_8001_ECX_ABM  5

#endif
