/* ELF header checks and DT_NEEDED extraction (see elf_file.h). */
#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "plugin/elf_file.h"

#if G_BYTE_ORDER == G_LITTLE_ENDIAN
#define HOST_ELF_DATA ELFDATA2LSB
#else
#define HOST_ELF_DATA ELFDATA2MSB
#endif

#if defined(__x86_64__)
#define HOST_ELF_MACHINE EM_X86_64
#elif defined(__aarch64__)
#define HOST_ELF_MACHINE EM_AARCH64
#endif

/* Reads the whole file; plugins are small and this only runs for the tool and
 * for plugins about to be listed in detail. */
static gchar *read_file(const char *path, gsize *len, char **why)
{
    gchar *data = NULL;
    GError *gerr = NULL;
    if (!g_file_get_contents(path, &data, len, &gerr)) {
        *why = g_strdup(gerr->message);
        g_error_free(gerr);
        return NULL;
    }
    return data;
}

static bool header_plausible(const Elf64_Ehdr *eh, gsize file_len, char **why)
{
    if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0) {
        *why = g_strdup("not an ELF file");
        return false;
    }
    if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != HOST_ELF_DATA
#ifdef HOST_ELF_MACHINE
        || eh->e_machine != HOST_ELF_MACHINE
#endif
    ) {
        *why = g_strdup("ELF file for another architecture");
        return false;
    }
    if (eh->e_type != ET_DYN) {
        *why = g_strdup("not a shared object");
        return false;
    }
    if ((eh->e_shnum && eh->e_shentsize != sizeof(Elf64_Shdr))
        || eh->e_phentsize != sizeof(Elf64_Phdr)) {
        *why = g_strdup("corrupt ELF header");
        return false;
    }
    if (eh->e_phoff > file_len || eh->e_shoff > file_len) {
        *why = g_strdup_printf("truncated (%" G_GSIZE_FORMAT " bytes, header tables lie beyond)",
                               file_len);
        return false;
    }
    /* Offsets are now below the file size and counts are 16-bit: no overflow. */
    guint64 ph_end = eh->e_phoff + (guint64)eh->e_phnum * eh->e_phentsize;
    guint64 sh_end = eh->e_shoff + (guint64)eh->e_shnum * eh->e_shentsize;
    if (eh->e_phnum == 0) {
        *why = g_strdup("no program headers");
        return false;
    }
    if (ph_end > file_len || sh_end > file_len) {
        *why = g_strdup_printf("truncated (%" G_GSIZE_FORMAT " bytes, headers need %" G_GUINT64_FORMAT ")",
                               file_len, MAX(ph_end, sh_end));
        return false;
    }
    return true;
}

bool mm_elf_plausible(const char *path, char **why)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *why = g_strdup(g_strerror(errno));
        return false;
    }
    Elf64_Ehdr eh;
    size_t got = fread(&eh, 1, sizeof(eh), f);
    bool ok = fseek(f, 0, SEEK_END) == 0;
    long len = ok ? ftell(f) : -1;
    fclose(f);
    if (got < sizeof(eh) || len < 0) {
        *why = g_strdup("truncated (shorter than an ELF header)");
        return false;
    }
    return header_plausible(&eh, (gsize)len, why);
}

/* Headers are copied out with memcpy: a damaged file may misalign them. */
static Elf64_Shdr section(const gchar *data, const Elf64_Ehdr *eh, unsigned i)
{
    Elf64_Shdr sh;
    memcpy(&sh, data + eh->e_shoff + (guint64)i * eh->e_shentsize, sizeof(sh));
    return sh;
}

/* The string at `off` of string table `strtab`, or NULL if out of bounds. */
static const char *table_string(const gchar *data, gsize len, const Elf64_Shdr *strtab,
                                guint64 off)
{
    if (strtab->sh_offset > len || strtab->sh_size > len - strtab->sh_offset
        || off >= strtab->sh_size)
        return NULL;
    const char *s = data + strtab->sh_offset + off;
    if (!memchr(s, '\0', strtab->sh_size - off))
        return NULL;
    return s;
}

static void collect_dynamic(const gchar *data, gsize len, const Elf64_Ehdr *eh,
                            const Elf64_Shdr *dyn, GPtrArray *needed, char **runpath)
{
    if (dyn->sh_link >= eh->e_shnum || dyn->sh_offset > len
        || dyn->sh_size > len - dyn->sh_offset)
        return;
    Elf64_Shdr strtab = section(data, eh, dyn->sh_link);
    size_t n = dyn->sh_size / sizeof(Elf64_Dyn);
    for (size_t i = 0; i < n; i++) {
        Elf64_Dyn d;
        memcpy(&d, data + dyn->sh_offset + i * sizeof(d), sizeof(d));
        if (d.d_tag == DT_NULL)
            break;
        const char *s = NULL;
        if (d.d_tag == DT_NEEDED || d.d_tag == DT_RUNPATH || d.d_tag == DT_RPATH)
            s = table_string(data, len, &strtab, d.d_un.d_val);
        if (!s)
            continue;
        if (d.d_tag == DT_NEEDED)
            g_ptr_array_add(needed, g_strdup(s));
        else if (runpath && (d.d_tag == DT_RUNPATH || !*runpath)) {
            g_free(*runpath);
            *runpath = g_strdup(s);
        }
    }
}

GPtrArray *mm_elf_needed(const char *path, char **runpath, char **why)
{
    gsize len = 0;
    gchar *data = read_file(path, &len, why);
    if (!data)
        return NULL;
    Elf64_Ehdr header;
    const Elf64_Ehdr *eh = &header;
    if (len >= sizeof(header))
        memcpy(&header, data, sizeof(header));
    if (len < sizeof(*eh)) {
        *why = g_strdup("truncated (shorter than an ELF header)");
        g_free(data);
        return NULL;
    }
    if (!header_plausible(eh, len, why)) {
        g_free(data);
        return NULL;
    }
    if (runpath)
        *runpath = NULL;
    GPtrArray *needed = g_ptr_array_new_with_free_func(g_free);
    for (unsigned i = 0; i < eh->e_shnum; i++) {
        Elf64_Shdr sh = section(data, eh, i);
        if (sh.sh_type == SHT_DYNAMIC)
            collect_dynamic(data, len, eh, &sh, needed, runpath);
    }
    g_free(data);
    return needed;
}
