/*
 * A named -cpu model under KVM: the guest sees the model's identity (vendor,
 * family/model/stepping, brand string, maximum leaves) and the model's
 * feature flags that the host also supports, as QEMU does; features of the
 * model the host lacks are dropped with one warning each.  `-cpu host` keeps
 * everything KVM supports; +flag/-flag apply in both cases.
 */
#include <string.h>

#include <glib.h>

#include "accel/kvm/kvm_cpuid_model.h"
#include "cpu/cpuid.h"

#define CPUID_1_ECX_HYPERVISOR (1u << 31)

typedef struct cpuid_word_ref {
    uint32_t leaf;
    bool ecx;     /* else edx */
} cpuid_word_ref;

/* Where each feature word of core/cpu/cpuid.h lives. */
static const cpuid_word_ref cpuid_words[MM_FEAT_WORDS] = {
    [MM_FEAT_1_EDX] = { 1, false },
    [MM_FEAT_1_ECX] = { 1, true },
    [MM_FEAT_8000_0001_EDX] = { 0x80000001, false },
    [MM_FEAT_8000_0001_ECX] = { 0x80000001, true },
};

/* The entry for leaf/subleaf in a KVM CPUID table, or NULL. */
struct kvm_cpuid_entry2 *kvm_cpuid_entry_find(struct kvm_cpuid2 *c, uint32_t leaf,
                                              uint32_t subleaf)
{
    for (uint32_t i = 0; i < c->nent; i++) {
        struct kvm_cpuid_entry2 *e = &c->entries[i];
        if (e->function == leaf &&
            (!(e->flags & KVM_CPUID_FLAG_SIGNIFCANT_INDEX) || e->index == subleaf))
            return e;
    }
    return NULL;
}

static uint32_t *word_ptr(struct kvm_cpuid2 *c, unsigned word)
{
    struct kvm_cpuid_entry2 *e = kvm_cpuid_entry_find(c, cpuid_words[word].leaf, 0);
    if (!e)
        return NULL;
    return cpuid_words[word].ecx ? &e->ecx : &e->edx;
}

typedef struct missing_ctx {
    unsigned word;
    uint32_t bits;
} missing_ctx;

static void warn_missing_feature(const mm_x86_feature *f, void *opaque)
{
    missing_ctx *ctx = opaque;
    if (f->word == ctx->word && (ctx->bits >> f->bit) & 1)
        mm_warn_report("host doesn't support requested feature: %s (CPUID leaf 0x%x %s bit %u)",
                       f->name, cpuid_words[f->word].leaf,
                       cpuid_words[f->word].ecx ? "ECX" : "EDX", f->bit);
}

/* Copies whole leaves that identify the model (vendor, maximum leaves, brand). */
static void set_identity_leaf(struct kvm_cpuid2 *c, const mm_x86_cpuid_model *m, uint32_t leaf)
{
    struct kvm_cpuid_entry2 *e = kvm_cpuid_entry_find(c, leaf, 0);
    if (!e)
        return;
    mm_x86_cpuid_result r = mm_cpuid_query(m, 0, leaf, 0);
    e->eax = r.eax;
    e->ebx = r.ebx;
    e->ecx = r.ecx;
    e->edx = r.edx;
}

static void apply_named_model(struct kvm_cpuid2 *c, const mm_x86_cpuid_model *m)
{
    static const uint32_t identity_leaves[] = { 0, 0x80000000, 0x80000002, 0x80000003,
                                                0x80000004 };
    for (size_t i = 0; i < G_N_ELEMENTS(identity_leaves); i++)
        set_identity_leaf(c, m, identity_leaves[i]);
    struct kvm_cpuid_entry2 *e = kvm_cpuid_entry_find(c, 1, 0);
    if (e)
        e->eax = mm_cpuid_signature(m);
    e = kvm_cpuid_entry_find(c, 0x80000001, 0);
    if (e)
        e->eax = mm_cpuid_signature(m);
    for (unsigned w = 0; w < MM_FEAT_WORDS; w++) {
        uint32_t *reg = word_ptr(c, w);
        uint32_t host = reg ? *reg : 0;
        missing_ctx ctx = { w, m->features[w] & ~host };
        if (w == MM_FEAT_1_ECX)
            ctx.bits &= ~CPUID_1_ECX_HYPERVISOR;   /* always ours to set */
        if (ctx.bits)
            mm_cpuid_features_foreach(warn_missing_feature, &ctx);
        if (reg)
            *reg = m->features[w] & host;
    }
    /* The model table has no structured-extended (leaf 7) words: none advertised. */
    for (uint32_t i = 0; i < c->nent; i++) {
        if (c->entries[i].function == 7)
            c->entries[i].ebx = c->entries[i].ecx = c->entries[i].edx = 0;
    }
}

/* -cpu host: the supported words are the model the flags edit. */
static bool apply_host_flags(struct kvm_cpuid2 *c, const char *flags, mm_error **errp)
{
    mm_x86_cpuid_model host;
    memset(&host, 0, sizeof(host));
    for (unsigned w = 0; w < MM_FEAT_WORDS; w++) {
        uint32_t *reg = word_ptr(c, w);
        host.features[w] = reg ? *reg : 0;
    }
    if (!mm_cpuid_apply_flags(&host, flags, false, errp))
        return false;
    for (unsigned w = 0; w < MM_FEAT_WORDS; w++) {
        uint32_t *reg = word_ptr(c, w);
        if (reg)
            *reg = host.features[w];
    }
    return true;
}

bool kvm_cpuid_apply_model(struct kvm_cpuid2 *c, const char *model, const char *flags,
                           mm_error **errp)
{
    bool host = !model || mm_cpuid_model_is_host(model);
    if (host) {
        if (flags && *flags && !apply_host_flags(c, flags, errp))
            return false;
    } else {
        mm_x86_cpuid_model *m = mm_cpuid_model_new(model, flags, false, errp);
        if (!m)
            return false;
        apply_named_model(c, m);
        g_free(m);
    }
    uint32_t *ecx1 = word_ptr(c, MM_FEAT_1_ECX);
    if (ecx1)
        *ecx1 |= CPUID_1_ECX_HYPERVISOR;
    return true;
}
