/* -d cpu / in_asm trace in QEMU's format (see trace.h). */
#include <inttypes.h>
#include <stdlib.h>
#include <glib.h>
#include <modemu/log.h>

#include "accel/tcg/trace.h"
#include "accel/tcg/flags.h"
#include "accel/tcg/mem.h"

bool tcg_trace_enabled;

static void flag_letters(uint64_t fl, char out[8])
{
    static const struct { uint64_t bit; char c; } letters[7] = {
        { X86_FLAG_OF, 'O' }, { X86_FLAG_DF, 'D' }, { X86_FLAG_SF, 'S' }, { X86_FLAG_ZF, 'Z' },
        { X86_FLAG_AF, 'A' }, { X86_FLAG_PF, 'P' }, { X86_FLAG_CF, 'C' },
    };
    for (int i = 0; i < 7; i++)
        out[i] = (fl & letters[i].bit) ? letters[i].c : '-';
    out[7] = '\0';
}

static void dump_segment(GString *s, const char *name, const mm_x86_segment *seg, bool lm)
{
    if (lm)
        g_string_append_printf(s, "%-3s=%04x %016" PRIx64 " %08x %08x\n", name, seg->selector,
                               seg->base, seg->limit, seg->flags);
    else
        g_string_append_printf(s, "%-3s=%04x %08x %08x %08x\n", name, seg->selector,
                               (uint32_t)seg->base, seg->limit, seg->flags);
}

static void dump_gprs(GString *s, const tcg_vcpu *v, bool lm)
{
    static const char *names64[16] = { "RAX", "RCX", "RDX", "RBX", "RSP", "RBP", "RSI", "RDI",
                                       "R8 ", "R9 ", "R10", "R11", "R12", "R13", "R14", "R15" };
    static const unsigned order[16] = { 0, 3, 1, 2, 6, 7, 5, 4, 8, 9, 10, 11, 12, 13, 14, 15 };
    static const char *names32[8] = { "EAX", "ECX", "EDX", "EBX", "ESP", "EBP", "ESI", "EDI" };
    if (lm) {
        for (unsigned i = 0; i < 16; i++)
            g_string_append_printf(s, "%s=%016" PRIx64 "%s", names64[order[i]],
                                   v->s.regs[order[i]], (i % 4 == 3) ? "\n" : " ");
    } else {
        for (unsigned i = 0; i < 8; i++)
            g_string_append_printf(s, "%s=%08x%s", names32[order[i]], (uint32_t)v->s.regs[order[i]],
                                   (i % 4 == 3) ? "\n" : " ");
    }
}

void tcg_dump_state(tcg_vcpu *v, FILE *f)
{
    static const char *seg_names[6] = { "ES", "CS", "SS", "DS", "FS", "GS" };
    bool lm = mm_x86_long_mode(&v->s);
    uint64_t fl = tcg_get_rflags(v);
    char letters[8];
    flag_letters(fl, letters);
    GString *s = g_string_new(NULL);
    dump_gprs(s, v, lm);
    if (lm)
        g_string_append_printf(s, "RIP=%016" PRIx64 " RFL=%08x [%s] CPL=%u II=%d A20=%d SMM=0 HLT=%d\n",
                               v->s.rip, (uint32_t)fl, letters, mm_x86_cpl(&v->s),
                               v->s.rip == v->irq_shadow_rip, v->s.a20_mask == ~0ull, v->s.halted);
    else
        g_string_append_printf(s, "EIP=%08x EFL=%08x [%s] CPL=%u II=%d A20=%d SMM=0 HLT=%d\n",
                               (uint32_t)v->s.rip, (uint32_t)fl, letters, mm_x86_cpl(&v->s),
                               v->s.rip == v->irq_shadow_rip, v->s.a20_mask == ~0ull, v->s.halted);
    for (unsigned i = 0; i < 6; i++)
        dump_segment(s, seg_names[i], &v->s.seg[i], lm);
    dump_segment(s, "LDT", &v->s.ldtr, lm);
    dump_segment(s, "TR", &v->s.tr, lm);
    if (lm) {
        g_string_append_printf(s, "GDT=     %016" PRIx64 " %08x\n", v->s.gdtr.base, v->s.gdtr.limit);
        g_string_append_printf(s, "IDT=     %016" PRIx64 " %08x\n", v->s.idtr.base, v->s.idtr.limit);
        g_string_append_printf(s, "CR0=%08x CR2=%016" PRIx64 " CR3=%016" PRIx64 " CR4=%08x\n",
                               (uint32_t)v->s.cr0, v->s.cr2, v->s.cr3, (uint32_t)v->s.cr4);
    } else {
        g_string_append_printf(s, "GDT=     %08x %08x\n", (uint32_t)v->s.gdtr.base, v->s.gdtr.limit);
        g_string_append_printf(s, "IDT=     %08x %08x\n", (uint32_t)v->s.idtr.base, v->s.idtr.limit);
        g_string_append_printf(s, "CR0=%08x CR2=%08x CR3=%08x CR4=%08x\n", (uint32_t)v->s.cr0,
                               (uint32_t)v->s.cr2, (uint32_t)v->s.cr3, (uint32_t)v->s.cr4);
    }
    g_string_append_printf(s, "EFER=%016" PRIx64 "\n", v->s.efer);
    fputs(s->str, f);
    g_string_free(s, TRUE);
}

void tcg_trace_insn(tcg_vcpu *v, const tcg_insn *in)
{
    if (mm_log_enabled(MM_LOG_IN_ASM)) {
        uint64_t lin = v->s.seg[X86_SEG_CS].base + v->s.rip;
        GString *s = g_string_new(NULL);
        g_string_append_printf(s, "IN: \n0x%016" PRIx64 ":  ", lin);
        for (unsigned i = 0; i < in->len; i++) {
            uint64_t phys;
            if (!tcg_translate(v, lin + i, ACC_READ, false, &phys, false))
                break;
            bool w;
            uint8_t *page = v->mach->phys->ram_page(v->mach->phys_opaque, phys, &w);
            g_string_append_printf(s, "%02x ", page ? page[phys & 0xfff] : 0xff);
        }
        mm_log(MM_LOG_IN_ASM, "%s\n\n", s->str);
        g_string_free(s, TRUE);
    }
    if (mm_log_enabled(MM_LOG_CPU)) {
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);
        tcg_dump_state(v, mem);
        fclose(mem);
        mm_log(MM_LOG_CPU, "%s\n", buf);
        free(buf);
    }
}
