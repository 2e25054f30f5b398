/*
 * Unit tests of the multiboot v1 loader (core/boot/multiboot.c): a.out-kludge
 * and ELF32 images with bss, modules from a comma-separated list, the
 * information structure (memory, map, command line, modules, loader name)
 * and the 32-bit entry state; refusals of broken images.
 */
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "boot/boot_layout.h"
#include "boot/le_field.h"
#include "boot/multiboot.h"
#include "cpu/x86_cpu.h"
#include "test_util.h"

#define RAM (64u << 20)

typedef struct guest {
    mm_boot_buffer buf;
    mm_boot_memory mem;
    mm_e820_map e820;
} guest;

static void guest_init(guest *g)
{
    g->buf.bytes = g_malloc0(RAM);
    g->buf.size = RAM;
    g->mem = mm_boot_memory_of_buffer(&g->buf);
    g->e820.count = 0;
    mm_e820_map_add(&g->e820, 0, 0x9fc00, MM_E820_RAM);
    mm_e820_map_add(&g->e820, 0x9fc00, 0x400, MM_E820_RESERVED);
    mm_e820_map_add(&g->e820, 0xf0000, 0x10000, MM_E820_RESERVED);
    mm_e820_map_add(&g->e820, 0x100000, RAM - 0x100000, MM_E820_RAM);
}

static void put_header(uint8_t *p, uint32_t flags)
{
    put_le32(p, 0, MB_HEADER_MAGIC);
    put_le32(p, 4, flags);
    put_le32(p, 8, (uint32_t)(0 - MB_HEADER_MAGIC - flags));
}

static char *temp_file(const char *contents)
{
    char *path = NULL;
    int fd = g_file_open_tmp("modemu-mb-XXXXXX", &path, NULL);
    close(fd);
    g_file_set_contents(path, contents, -1, NULL);
    return path;
}

static const uint8_t *at(const guest *g, uint32_t addr)
{
    return g->buf.bytes + addr;
}

static void test_aout_with_modules(void)
{
    guest g;
    guest_init(&g);
    size_t len = 0x3000;
    uint8_t *img = g_malloc(len);
    for (size_t i = 0; i < len; i++)
        img[i] = (uint8_t)(i * 13 + 5);
    /* Header at file offset 0x40: the file loads at 1 MiB from offset 0. */
    put_header(img + 0x40, 0x00010003);
    put_le32(img, 0x40 + 12, 0x100040);          /* header_addr */
    put_le32(img, 0x40 + 16, 0x100000);          /* load_addr */
    put_le32(img, 0x40 + 20, 0x100000 + 0x2800); /* load_end_addr: not the whole file */
    put_le32(img, 0x40 + 24, 0x104000);          /* bss_end_addr */
    put_le32(img, 0x40 + 28, 0x100080);          /* entry */
    memset(g.buf.bytes + 0x102800, 0xee, 0x1800);  /* must be cleared as bss */

    char *m1 = temp_file("first module"), *m2 = temp_file("second");
    char *mods = g_strdup_printf("%s arg1 arg2,%s", m1, m2);
    mm_multiboot_config cfg = { .kernel_path = "/boot/kernel.mb", .modules = mods,
                                .cmdline = "quiet", .e820 = &g.e820 };
    mm_boot_state st;
    mm_error *err = NULL;
    CHECK(mm_multiboot_load(&cfg, img, len, &g.mem, &st, &err));
    if (err)
        fprintf(stderr, "load: %s\n", err->message);
    CHECK(memcmp(at(&g, 0x100000), img, 0x2800) == 0);
    bool bss_clear = true;
    for (uint32_t a = 0x102800; a < 0x104000; a++)
        bss_clear &= g.buf.bytes[a] == 0;
    CHECK(bss_clear);

    const uint8_t *mbi = at(&g, MB_INFO_ADDR);
    CHECK_EQ(le32_at(mbi, 0), (1u << 0) | (1u << 2) | (1u << 3) | (1u << 6) | (1u << 9));
    CHECK_EQ(le32_at(mbi, 4), 0x9fc00 >> 10);
    CHECK_EQ(le32_at(mbi, 8), (RAM - 0x100000) >> 10);
    CHECK(strcmp((const char *)at(&g, le32_at(mbi, 16)), "/boot/kernel.mb quiet") == 0);
    CHECK(strcmp((const char *)at(&g, le32_at(mbi, 64)), "modemu") == 0);
    CHECK_EQ(le32_at(mbi, 44), 4 * 24);
    const uint8_t *map = at(&g, le32_at(mbi, 48));
    CHECK_EQ(le32_at(map, 0), 20);
    CHECK_EQ(le64_at(map, 24 * 3 + 4), 0x100000);
    CHECK_EQ(le32_at(map, 24 * 3 + 20), MM_E820_RAM);

    CHECK_EQ(le32_at(mbi, 20), 2);
    const uint8_t *mod = at(&g, le32_at(mbi, 24));
    uint32_t start0 = le32_at(mod, 0), end0 = le32_at(mod, 4), start1 = le32_at(mod, 16);
    CHECK(start0 >= 0x104000 && start0 % 4096 == 0);
    CHECK_EQ(end0 - start0, strlen("first module"));
    CHECK(memcmp(at(&g, start0), "first module", 12) == 0);
    CHECK(start1 >= end0 && start1 % 4096 == 0);
    CHECK(memcmp(at(&g, start1), "second", 6) == 0);
    gchar *want = g_strdup_printf("%s arg1 arg2", m1);
    CHECK(strcmp((const char *)at(&g, le32_at(mod, 8)), want) == 0);
    g_free(want);

    CHECK_EQ(st.rip, 0x100080);
    CHECK_EQ(st.regs[X86_R_AX], MB_BOOTLOADER_MAGIC);
    CHECK_EQ(st.regs[X86_R_BX], MB_INFO_ADDR);
    CHECK_EQ(st.cr0 & (X86_CR0_PE | X86_CR0_PG), X86_CR0_PE);
    CHECK(st.seg[MM_BOOT_SEG_CS].flags & X86_DESC_B);
    CHECK_EQ(st.rflags & X86_FLAG_IF, 0);

    /* A module that does not exist is named. */
    cfg.modules = "/nonexistent/module";
    CHECK(!mm_multiboot_load(&cfg, img, len, &g.mem, &st, &err));
    CHECK(err && strstr(err->message, "could not load multiboot module '/nonexistent/module'"));
    mm_error_free(err);

    g_unlink(m1);
    g_unlink(m2);
    g_free(m1);
    g_free(m2);
    g_free(mods);
    g_free(img);
    g_free(g.buf.bytes);
}

/* ELF32 with two PT_LOAD segments, the second with bss. */
static uint8_t *elf_image(size_t *len)
{
    *len = 0x3000;
    uint8_t *img = g_malloc0(*len);
    memcpy(img, "\177ELF", 4);
    img[4] = 1;                                   /* ELFCLASS32 */
    img[5] = 1;
    put_le16(img, 16, 2);                         /* ET_EXEC */
    put_le16(img, 18, 3);                         /* EM_386 */
    put_le32(img, 24, 0x200010);                  /* e_entry */
    put_le32(img, 28, 52);                        /* e_phoff */
    put_le16(img, 42, 32);
    put_le16(img, 44, 2);
    uint8_t *ph = img + 52;
    put_le32(ph, 0, 1);  put_le32(ph, 4, 0x1000); put_le32(ph, 12, 0x200000);
    put_le32(ph, 16, 0x800); put_le32(ph, 20, 0x800);
    ph += 32;
    put_le32(ph, 0, 1);  put_le32(ph, 4, 0x2000); put_le32(ph, 12, 0x300000);
    put_le32(ph, 16, 0x400); put_le32(ph, 20, 0x2000);
    put_header(img + 0x1000, 0x00000002);          /* header inside the first segment */
    for (size_t i = 0x100c; i < *len; i++)
        img[i] = (uint8_t)(i ^ 0x5a);
    return img;
}

static void test_elf(void)
{
    guest g;
    guest_init(&g);
    size_t len;
    uint8_t *img = elf_image(&len);
    memset(g.buf.bytes + 0x300400, 0xee, 0x1c00);
    mm_multiboot_config cfg = { .kernel_path = "k.elf", .e820 = &g.e820 };
    mm_boot_state st;
    mm_error *err = NULL;
    CHECK(mm_multiboot_load(&cfg, img, len, &g.mem, &st, &err));
    CHECK(memcmp(at(&g, 0x200000), img + 0x1000, 0x800) == 0);
    CHECK(memcmp(at(&g, 0x300000), img + 0x2000, 0x400) == 0);
    CHECK_EQ(g.buf.bytes[0x300400], 0);
    CHECK_EQ(g.buf.bytes[0x301fff], 0);
    CHECK_EQ(st.rip, 0x200010);
    CHECK_EQ(le32_at(at(&g, MB_INFO_ADDR), 0) & (1u << 3), 0);   /* no modules */
    CHECK(strcmp((const char *)at(&g, le32_at(at(&g, MB_INFO_ADDR), 16)), "k.elf") == 0);

    /* A segment running past the end of the file. */
    put_le32(img + 52 + 32, 16, 0x4000);
    put_le32(img + 52 + 32, 20, 0x4000);
    CHECK(!mm_multiboot_load(&cfg, img, len, &g.mem, &st, &err));
    CHECK(err && strstr(err->message, "outside the file"));
    mm_error_free(err);
    err = NULL;
    /* A 64-bit ELF without the a.out kludge. */
    img[4] = 2;
    CHECK(!mm_multiboot_load(&cfg, img, len, &g.mem, &st, &err));
    CHECK(err && strstr(err->message, "32-bit x86 ELF"));
    mm_error_free(err);
    err = NULL;
    /* Segments outside RAM. */
    img[4] = 1;
    put_le32(img + 52 + 32, 16, 0x400);
    put_le32(img + 52 + 32, 20, 0x2000);
    put_le32(img + 52 + 32, 12, 0xfee00000);
    CHECK(!mm_multiboot_load(&cfg, img, len, &g.mem, &st, &err));
    CHECK(err && strstr(err->message, "not in RAM"));
    mm_error_free(err);
    g_free(img);
    g_free(g.buf.bytes);
}

static void test_header_search(void)
{
    uint8_t img[12 * 1024] = { 0 };
    CHECK_EQ(mm_multiboot_header_offset(img, sizeof(img)), -1);
    put_header(img + 8188 - 8, 0);                /* last aligned slot of 8 KiB */
    CHECK_EQ(mm_multiboot_header_offset(img, sizeof(img)), 8180);
    memset(img, 0, sizeof(img));
    put_header(img + 8192, 0);                     /* too late */
    CHECK_EQ(mm_multiboot_header_offset(img, sizeof(img)), -1);
    put_header(img + 16, 0);
    put_le32(img, 16 + 8, 0);                      /* bad checksum */
    CHECK_EQ(mm_multiboot_header_offset(img, sizeof(img)), -1);
}

int main(void)
{
    test_header_search();
    test_aout_with_modules();
    test_elf();
    if (test_failures) {
        fprintf(stderr, "%d checks failed\n", test_failures);
        return 1;
    }
    printf("multiboot loader tests passed\n");
    return 0;
}
