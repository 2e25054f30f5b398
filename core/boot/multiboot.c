/* Multiboot v1 kernels (see multiboot.h; the Multiboot Specification 0.6.96). */
#include "boot/multiboot.h"

#include <inttypes.h>
#include <string.h>
#include <glib.h>

#include "boot/boot_file.h"
#include "boot/boot_layout.h"
#include "boot/entry_state.h"
#include "boot/le_field.h"
#include "cpu/x86_cpu.h"

#define MB_SEARCH_LIMIT 8192
#define MB_FLAG_AOUT_KLUDGE (1u << 16)
/* Information structure flags. */
#define MBI_MEM      (1u << 0)
#define MBI_CMDLINE  (1u << 2)
#define MBI_MODS     (1u << 3)
#define MBI_MMAP     (1u << 6)
#define MBI_LOADER   (1u << 9)
#define MBI_SIZE 88
#define MB_INFO_LIMIT MM_BOOT_CMDLINE_ADDR   /* the info area ends where nothing else is */
#define PAGE_SIZE 4096u

typedef struct mb_header {
    size_t offset;
    uint32_t flags;
    uint32_t header_addr, load_addr, load_end_addr, bss_end_addr, entry_addr;
} mb_header;

/* What the loaded image occupies. */
typedef struct mb_image {
    uint64_t entry;
    uint64_t end;          /* first byte after the image and its bss */
} mb_image;

long mm_multiboot_header_offset(const uint8_t *image, size_t len)
{
    for (size_t off = 0; off + 12 <= len && off < MB_SEARCH_LIMIT; off += 4) {
        uint32_t magic = le32_at(image, off), flags = le32_at(image, off + 4);
        if (magic == MB_HEADER_MAGIC && (uint32_t)(magic + flags + le32_at(image, off + 8)) == 0)
            return (long)off;
    }
    return -1;
}

static bool write_checked(const mm_boot_memory *mem, const mm_e820_map *e820, uint64_t addr,
                          const void *data, size_t len, const char *what, mm_error **errp)
{
    if (len && (!mm_e820_map_is_ram(e820, addr, len) || !mem->write(mem->opaque, addr, data, len))) {
        mm_error_set(errp, "multiboot: the %s (0x%" PRIx64 "+0x%zx) is not in RAM (try a "
                     "larger -m)", what, addr, len);
        return false;
    }
    return true;
}

static bool zero_range(const mm_boot_memory *mem, const mm_e820_map *e820, uint64_t addr,
                       uint64_t len, mm_error **errp)
{
    if (len > UINT32_MAX) {
        mm_error_set(errp, "multiboot: bss of 0x%" PRIx64 " bytes is not plausible", len);
        return false;
    }
    void *zeros = g_malloc0(len ? len : 1);
    bool ok = write_checked(mem, e820, addr, zeros, len, "bss", errp);
    g_free(zeros);
    return ok;
}

/* a.out kludge: the header says where the file goes (flag 16). */
static bool load_aout(const mb_header *h, const uint8_t *image, size_t len,
                      const mm_multiboot_config *cfg, const mm_boot_memory *mem,
                      mb_image *out, mm_error **errp)
{
    if (h->header_addr < h->load_addr || h->header_addr - h->load_addr > h->offset ||
        (h->load_end_addr && h->load_end_addr < h->load_addr) ||
        (h->bss_end_addr && h->bss_end_addr < h->load_end_addr)) {
        mm_error_set(errp, "multiboot: inconsistent load addresses in the header");
        return false;
    }
    size_t file_off = h->offset - (h->header_addr - h->load_addr);
    size_t size = h->load_end_addr ? h->load_end_addr - h->load_addr : len - file_off;
    if (size > len - file_off) {
        mm_error_set(errp, "multiboot: the header asks for %zu bytes, the file has %zu",
                     size, len - file_off);
        return false;
    }
    uint64_t end = (uint64_t)h->load_addr + size;
    if (!write_checked(mem, cfg->e820, h->load_addr, image + file_off, size, "kernel", errp))
        return false;
    if (h->bss_end_addr > end) {
        if (!zero_range(mem, cfg->e820, end, h->bss_end_addr - end, errp))
            return false;
        end = h->bss_end_addr;
    }
    *out = (mb_image){ .entry = h->entry_addr, .end = end };
    return true;
}

/* ELF32: the PT_LOAD segments at their physical addresses. */
static bool load_elf(const uint8_t *image, size_t len, const mm_multiboot_config *cfg,
                     const mm_boot_memory *mem, mb_image *out, mm_error **errp)
{
    if (len < 52 || memcmp(image, "\177ELF", 4) || image[4] != 1 || le16_at(image, 18) != 3) {
        mm_error_set(errp, "multiboot: without the a.out kludge the kernel must be a 32-bit "
                     "x86 ELF file");
        return false;
    }
    uint32_t phoff = le32_at(image, 28);
    unsigned phentsize = le16_at(image, 42), phnum = le16_at(image, 44);
    if (phentsize < 32 || phoff > len || (uint64_t)phnum * phentsize > len - phoff) {
        mm_error_set(errp, "multiboot: corrupt ELF program headers");
        return false;
    }
    out->entry = le32_at(image, 24);
    out->end = 0;
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = image + phoff + (size_t)i * phentsize;
        uint32_t offset = le32_at(ph, 4), paddr = le32_at(ph, 12);
        uint32_t filesz = le32_at(ph, 16), memsz = le32_at(ph, 20);
        if (le32_at(ph, 0) != 1)   /* PT_LOAD */
            continue;
        if (offset > len || filesz > len - offset || memsz < filesz) {
            mm_error_set(errp, "multiboot: ELF segment %u lies outside the file", i);
            return false;
        }
        if (!write_checked(mem, cfg->e820, paddr, image + offset, filesz, "kernel", errp) ||
            !zero_range(mem, cfg->e820, (uint64_t)paddr + filesz, memsz - filesz, errp))
            return false;
        if ((uint64_t)paddr + memsz > out->end)
            out->end = (uint64_t)paddr + memsz;
    }
    return true;
}

static void mbi_put(GByteArray *info, size_t off, uint32_t v)
{
    put_le32(info->data, off, v);
}

/* Appends a NUL-terminated string to the info area; returns its address. */
static uint32_t info_string(GByteArray *info, const char *s)
{
    uint32_t addr = MB_INFO_ADDR + info->len;
    g_byte_array_append(info, (const guint8 *)s, (guint)strlen(s) + 1);
    return addr;
}

static void info_mmap(GByteArray *info, const mm_e820_map *e820)
{
    uint32_t start = MB_INFO_ADDR + info->len;
    for (unsigned i = 0; i < e820->count; i++) {
        uint8_t e[24];
        put_le32(e, 0, 20);                    /* size of the rest of the entry */
        put_le64(e, 4, e820->entry[i].addr);
        put_le64(e, 12, e820->entry[i].size);
        put_le32(e, 20, e820->entry[i].type);
        g_byte_array_append(info, e, sizeof(e));
    }
    mbi_put(info, 44, e820->count * 24);
    mbi_put(info, 48, start);
}

static void info_memory(GByteArray *info, const mm_e820_map *e820)
{
    uint32_t lower = 0, upper = 0;
    for (unsigned i = 0; i < e820->count; i++) {
        const mm_e820_entry *e = &e820->entry[i];
        if (e->type == MM_E820_RAM && e->addr == 0)
            lower = (uint32_t)(e->size >> 10);
        if (e->type == MM_E820_RAM && e->addr == MM_BOOT_HIGH_MEMORY)
            upper = (uint32_t)MIN(e->size >> 10, UINT32_MAX);
    }
    mbi_put(info, 4, lower);
    mbi_put(info, 8, upper);
}

/* Loads each "path args" of the comma-separated list page-aligned from
 * *next and records it in the module list. */
static bool load_modules(const mm_multiboot_config *cfg, const mm_boot_memory *mem,
                         uint64_t *next, GByteArray *info, mm_error **errp)
{
    gchar **mods = g_strsplit(cfg->modules, ",", -1);
    guint n = g_strv_length(mods);
    GByteArray *list = g_byte_array_new();
    bool ok = true;
    for (guint i = 0; i < n && ok; i++) {
        gchar *spec = g_strstrip(mods[i]);
        gchar *path = g_strndup(spec, strcspn(spec, " "));
        uint8_t *data = NULL;
        size_t size = 0;
        if (!mm_boot_read_file("multiboot module", path, &data, &size, errp)) {
            ok = false;
        } else {
            uint64_t at = (*next + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
            ok = write_checked(mem, cfg->e820, at, data, size, "module", errp);
            uint8_t m[16];
            put_le32(m, 0, (uint32_t)at);
            put_le32(m, 4, (uint32_t)(at + size));
            put_le32(m, 8, info_string(info, spec));
            put_le32(m, 12, 0);
            g_byte_array_append(list, m, sizeof(m));
            *next = at + size;
        }
        g_free(data);
        g_free(path);
    }
    uint32_t list_addr = MB_INFO_ADDR + info->len;
    g_byte_array_append(info, list->data, list->len);
    mbi_put(info, 20, n);
    mbi_put(info, 24, list_addr);
    g_byte_array_free(list, TRUE);
    g_strfreev(mods);
    return ok;
}

static bool build_info(const mm_multiboot_config *cfg, const mm_boot_memory *mem,
                       const mb_image *img, mm_error **errp)
{
    GByteArray *info = g_byte_array_new();
    g_byte_array_set_size(info, MBI_SIZE);
    memset(info->data, 0, MBI_SIZE);
    uint32_t flags = MBI_MEM | MBI_CMDLINE | MBI_MMAP | MBI_LOADER;
    info_memory(info, cfg->e820);
    info_mmap(info, cfg->e820);
    /* As QEMU: the command line starts with the kernel's file name. */
    gchar *cmdline = g_strdup_printf("%s%s%s", cfg->kernel_path, cfg->cmdline ? " " : "",
                                     cfg->cmdline ? cfg->cmdline : "");
    mbi_put(info, 16, info_string(info, cmdline));
    g_free(cmdline);
    mbi_put(info, 64, info_string(info, "modemu"));
    uint64_t next = img->end;
    bool ok = true;
    if (cfg->modules) {
        flags |= MBI_MODS;
        ok = load_modules(cfg, mem, &next, info, errp);
    }
    mbi_put(info, 0, flags);
    if (ok && MB_INFO_ADDR + info->len > MB_INFO_LIMIT) {
        mm_error_set(errp, "multiboot: command line and module names too long");
        ok = false;
    }
    ok = ok && write_checked(mem, cfg->e820, MB_INFO_ADDR, info->data, info->len,
                             "multiboot information", errp);
    g_byte_array_free(info, TRUE);
    return ok;
}

static bool parse_header(const uint8_t *image, size_t len, mb_header *h, mm_error **errp)
{
    long off = mm_multiboot_header_offset(image, len);
    if (off < 0) {
        mm_error_set(errp, "not a multiboot kernel (no header in the first 8 KiB)");
        return false;
    }
    memset(h, 0, sizeof(*h));
    h->offset = (size_t)off;
    h->flags = le32_at(image, h->offset + 4);
    if ((h->flags & MB_FLAG_AOUT_KLUDGE) && h->offset + 32 <= len) {
        h->header_addr = le32_at(image, h->offset + 12);
        h->load_addr = le32_at(image, h->offset + 16);
        h->load_end_addr = le32_at(image, h->offset + 20);
        h->bss_end_addr = le32_at(image, h->offset + 24);
        h->entry_addr = le32_at(image, h->offset + 28);
    }
    return true;
}

bool mm_multiboot_load(const mm_multiboot_config *cfg, const uint8_t *image, size_t len,
                       const mm_boot_memory *mem, mm_boot_state *state, mm_error **errp)
{
    mb_header h;
    mb_image img;
    if (!parse_header(image, len, &h, errp))
        return false;
    bool loaded = (h.flags & MB_FLAG_AOUT_KLUDGE)
                      ? load_aout(&h, image, len, cfg, mem, &img, errp)
                      : load_elf(image, len, cfg, mem, &img, errp);
    if (!loaded || !build_info(cfg, mem, &img, errp))
        return false;
    if (!mm_boot_write_gdt(mem, false)) {
        mm_error_set(errp, "multiboot: could not write the boot GDT");
        return false;
    }
    mm_boot_state_protected_mode(state, img.entry, 0);
    state->regs[X86_R_AX] = MB_BOOTLOADER_MAGIC;
    state->regs[X86_R_BX] = MB_INFO_ADDR;
    return true;
}
