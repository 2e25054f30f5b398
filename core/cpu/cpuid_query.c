/*
 * CPUID answers computed from a model (leaf layout per the Intel SDM vol. 2
 * and AMD APM vol. 3; cache leaves carry the values QEMU reports for its
 * legacy models so guests size their caches the same way).
 */
#include <string.h>

#include "cpu/cpuid.h"

uint32_t mm_cpuid_signature(const mm_x86_cpuid_model *m)
{
    uint32_t family = m->family, model = m->model;
    uint32_t eax = (m->stepping & 0xf) | ((model & 0xf) << 4) | ((model >> 4) << 16);
    if (family > 0xf)
        eax |= (0xfu << 8) | ((family - 0xf) << 20);
    else
        eax |= family << 8;
    return eax;
}

static uint32_t string_word(const char *s, size_t len, unsigned index)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < 4; i++) {
        size_t pos = index * 4 + i;
        uint8_t c = pos < len ? (uint8_t)s[pos] : 0;
        v |= (uint32_t)c << (8 * i);
    }
    return v;
}

static void vendor_regs(const mm_x86_cpuid_model *m, mm_x86_cpuid_result *r)
{
    r->ebx = string_word(m->vendor, 12, 0);
    r->edx = string_word(m->vendor, 12, 1);
    r->ecx = string_word(m->vendor, 12, 2);
}

static void model_id_regs(const mm_x86_cpuid_model *m, unsigned part, mm_x86_cpuid_result *r)
{
    size_t len = strlen(m->model_id);
    r->eax = string_word(m->model_id, len, part * 4 + 0);
    r->ebx = string_word(m->model_id, len, part * 4 + 1);
    r->ecx = string_word(m->model_id, len, part * 4 + 2);
    r->edx = string_word(m->model_id, len, part * 4 + 3);
}

static mm_x86_cpuid_result basic_leaf(const mm_x86_cpuid_model *m, uint32_t apic_id,
                                      uint32_t leaf)
{
    mm_x86_cpuid_result r = { 0, 0, 0, 0 };
    switch (leaf) {
    case 0:
        r.eax = m->level;
        vendor_regs(m, &r);
        break;
    case 1:
        r.eax = mm_cpuid_signature(m);
        /* CLFLUSH line size 8 qwords, logical processor count, initial APIC id. */
        r.ebx = (8u << 8) | ((m->logical_cpus & 0xff) << 16) | (apic_id << 24);
        r.ecx = m->features[MM_FEAT_1_ECX];
        r.edx = m->features[MM_FEAT_1_EDX];
        if (m->logical_cpus > 1)
            r.edx |= 1u << 28;   /* HTT: the count in EBX is valid */
        break;
    case 2:
        r.eax = 1;
        r.edx = 0x002c307d;
        break;
    default:
        break;   /* leaves 4, 7, 0xd...: no extended features advertised */
    }
    return r;
}

static mm_x86_cpuid_result extended_leaf(const mm_x86_cpuid_model *m, uint32_t leaf)
{
    mm_x86_cpuid_result r = { 0, 0, 0, 0 };
    switch (leaf) {
    case 0x80000000:
        r.eax = m->xlevel;
        vendor_regs(m, &r);
        break;
    case 0x80000001:
        r.eax = mm_cpuid_signature(m);
        r.ecx = m->features[MM_FEAT_8000_0001_ECX];
        r.edx = m->features[MM_FEAT_8000_0001_EDX];
        break;
    case 0x80000002:
    case 0x80000003:
    case 0x80000004:
        model_id_regs(m, leaf - 0x80000002, &r);
        break;
    case 0x80000005:
        r.eax = 0x01ff01ff;
        r.ebx = 0x01ff01ff;
        r.ecx = 0x40020140;
        r.edx = 0x40020140;
        break;
    case 0x80000006:
        r.ebx = 0x42004200;
        r.ecx = 0x02008140;
        break;
    case 0x80000008:
        r.eax = m->phys_bits | (m->virt_bits << 8);
        r.ecx = m->logical_cpus > 0 ? m->logical_cpus - 1 : 0;
        break;
    default:
        break;
    }
    return r;
}

mm_x86_cpuid_result mm_cpuid_query(const mm_x86_cpuid_model *m, uint32_t apic_id,
                                   uint32_t leaf, uint32_t subleaf)
{
    (void)subleaf;
    if ((leaf & 0xffff0000u) == 0x40000000u && mm_cpuid_has(m, MM_FEAT_1_ECX, 31)) {
        /* Hypervisor leaves, as QEMU's TCG answers them: signature "TCGTCGTCGTCG". */
        mm_x86_cpuid_result r = { 0, 0, 0, 0 };
        if (leaf == 0x40000000u) {
            r.eax = 0x40000001u;
            r.ebx = string_word("TCGTCGTCGTCG", 12, 0);
            r.ecx = string_word("TCGTCGTCGTCG", 12, 1);
            r.edx = string_word("TCGTCGTCGTCG", 12, 2);
        }
        return r;
    }
    if (leaf >= 0x80000000u) {
        if (leaf > m->xlevel)
            return (mm_x86_cpuid_result){ 0, 0, 0, 0 };
        return extended_leaf(m, leaf);
    }
    if (leaf > m->level)
        return (mm_x86_cpuid_result){ 0, 0, 0, 0 };
    return basic_leaf(m, apic_id, leaf);
}
