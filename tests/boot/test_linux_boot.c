/*
 * Unit tests of the direct Linux boot loader (core/boot): the setup-header
 * parser against synthetic images and the real Debian bzImage of the test
 * guest, and a full load into a buffer standing for guest RAM.
 *
 * Usage: test_linux_boot [KERNEL]  (KERNEL defaults to $MODEMU_GUEST_KERNEL;
 * the real-image tests are skipped with a message when neither is there).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "boot/boot_layout.h"
#include "boot/bzimage.h"
#include "boot/e820_map.h"
#include "boot/entry_state.h"
#include "boot/le_field.h"
#include "boot/linux_boot.h"
#include "boot/zero_page.h"
#include "cpu/x86_cpu.h"
#include "test_util.h"

#define MiB (UINT64_C(1) << 20)

/* A synthetic image: setup header of the given protocol version, 4 setup
 * sectors, then `payload` bytes of protected-mode "kernel". */
static uint8_t *synthetic_image(uint16_t version, uint8_t loadflags, size_t payload, size_t *len)
{
    *len = 5 * 512 + payload;
    uint8_t *img = g_malloc0(*len);
    img[BZ_SETUP_SECTS] = 4;
    put_le16(img, BZ_BOOT_FLAG, 0xaa55);
    img[BZ_JUMP] = 0xeb;
    img[BZ_JUMP + 1] = 0x66;                 /* header ends at 0x268 */
    put_le32(img, BZ_HEADER_MAGIC, BZ_MAGIC_HDRS);
    put_le16(img, BZ_VERSION, version);
    img[BZ_LOADFLAGS] = loadflags;
    put_le32(img, BZ_CODE32_START, 0x100000);
    put_le32(img, BZ_INITRD_ADDR_MAX, 0x7fffffff);
    put_le32(img, BZ_CMDLINE_SIZE, 255);
    for (size_t i = 0; i < payload; i++)
        img[5 * 512 + i] = (uint8_t)(i * 7 + 1);
    return img;
}

static bool parse_fails_with(const uint8_t *img, size_t len, const char *needle)
{
    mm_bzimage bz;
    mm_error *err = NULL;
    bool ok = mm_bzimage_parse(img, len, &bz, &err);
    bool matched = !ok && err && strstr(err->message, needle);
    if (!matched)
        fprintf(stderr, "expected an error with '%s', got %s\n", needle,
                err ? err->message : "success");
    mm_error_free(err);
    return matched;
}

static void test_parse_refusals(void)
{
    size_t len;
    uint8_t *img = synthetic_image(0x020f, BZ_LOADED_HIGH, 4096, &len);
    uint8_t junk[4096] = { 0x7f, 'E', 'L', 'F' };
    CHECK(parse_fails_with(junk, sizeof(junk), "ELF kernel images (vmlinux)"));
    junk[0] = 0;
    CHECK(parse_fails_with(junk, sizeof(junk), "not a Linux kernel image"));
    put_le32(junk, 64, 0x1badb002);                   /* multiboot: magic, flags, checksum */
    put_le32(junk, 68, 0x00010003);
    put_le32(junk, 72, (uint32_t)(0 - 0x1badb002u - 0x00010003u));
    CHECK(parse_fails_with(junk, sizeof(junk), "a multiboot kernel image, not a Linux bzImage"));
    CHECK(parse_fails_with(img, 0x100, "not a Linux kernel image"));

    put_le32(img, BZ_HEADER_MAGIC, 0);
    CHECK(parse_fails_with(img, len, "older than 2.00"));
    put_le32(img, BZ_HEADER_MAGIC, BZ_MAGIC_HDRS);

    put_le16(img, BZ_VERSION, 0x0201);
    CHECK(parse_fails_with(img, len, "too old"));
    put_le16(img, BZ_VERSION, 0x020f);

    img[BZ_LOADFLAGS] = 0;
    CHECK(parse_fails_with(img, len, "zImage"));
    img[BZ_LOADFLAGS] = BZ_LOADED_HIGH;

    CHECK(parse_fails_with(img, 5 * 512, "truncated"));
    g_free(img);
}

static void test_parse_old_protocol_defaults(void)
{
    size_t len;
    uint8_t *img = synthetic_image(0x0202, BZ_LOADED_HIGH, 4096, &len);
    put_le32(img, BZ_INITRD_ADDR_MAX, 0x12345678);   /* not read before 2.03 */
    mm_bzimage bz;
    CHECK(mm_bzimage_parse(img, len, &bz, NULL));
    CHECK_EQ(bz.initrd_addr_max, 0x37ffffff);
    CHECK_EQ(bz.cmdline_size, 255);
    CHECK(!mm_bzimage_has_64bit_entry(&bz));
    CHECK_EQ(bz.setup_size, 5 * 512);
    g_free(img);
}

/* A buffer-backed 256 MiB "guest" and its pc memory map. */
typedef struct fake_guest {
    mm_boot_buffer buffer;
    mm_boot_memory mem;
    mm_e820_map e820;
} fake_guest;

static void fake_guest_init(fake_guest *g, uint64_t ram)
{
    g->buffer.bytes = g_malloc0(ram);
    g->buffer.size = ram;
    g->mem = mm_boot_memory_of_buffer(&g->buffer);
    /* The pc board's kernel map (machine/pc/e820.c, MM_E820_FOR_KERNEL). */
    g->e820.count = 0;
    mm_e820_map_add(&g->e820, 0, 0x9fc00, MM_E820_RAM);
    mm_e820_map_add(&g->e820, 0x9fc00, 0x400, MM_E820_RESERVED);
    mm_e820_map_add(&g->e820, 0xf0000, 0x10000, MM_E820_RESERVED);
    mm_e820_map_add(&g->e820, 0x100000, ram - 0x100000, MM_E820_RAM);
}

static char *write_temp_file(const void *data, size_t len)
{
    char *path = NULL;
    int fd = g_file_open_tmp("modemu-boot-XXXXXX", &path, NULL);
    if (fd < 0)
        return NULL;
    close(fd);
    if (!g_file_set_contents(path, data, (gssize)len, NULL)) {
        g_free(path);
        return NULL;
    }
    return path;
}

static void test_synthetic_32bit_entry(void)
{
    size_t len;
    uint8_t *img = synthetic_image(0x020b, BZ_LOADED_HIGH, 8192, &len);
    char *path = write_temp_file(img, len);
    CHECK(path != NULL);
    fake_guest g;
    fake_guest_init(&g, 64 * MiB);
    mm_linux_boot_config cfg = { .kernel_path = path, .cmdline = "console=ttyS0",
                                 .e820 = &g.e820 };
    mm_boot_state st;
    mm_linux_boot_layout lay;
    mm_error *err = NULL;
    CHECK(mm_linux_boot_load(&cfg, &g.mem, &st, &lay, &err));
    CHECK(!lay.long_mode_entry);
    CHECK_EQ(st.rip, 0x100000);
    CHECK_EQ(st.cr0 & (X86_CR0_PE | X86_CR0_PG), X86_CR0_PE);
    CHECK_EQ(st.efer, 0);
    CHECK_EQ(st.regs[X86_R_SI], MM_BOOT_ZERO_PAGE_ADDR);
    CHECK_EQ(st.seg[MM_BOOT_SEG_CS].selector, 0x10);
    CHECK(st.seg[MM_BOOT_SEG_CS].flags & X86_DESC_B);
    CHECK(!(st.seg[MM_BOOT_SEG_CS].flags & X86_DESC_L));
    CHECK(memcmp(g.buffer.bytes + 0x100000, img + 5 * 512, 8192) == 0);

    /* Command line longer than this kernel's 255. */
    char long_cmdline[400];
    memset(long_cmdline, 'x', sizeof(long_cmdline) - 1);
    long_cmdline[sizeof(long_cmdline) - 1] = 0;
    cfg.cmdline = long_cmdline;
    CHECK(!mm_linux_boot_load(&cfg, &g.mem, &st, &lay, &err));
    CHECK(err && strstr(err->message, "command line too long"));
    mm_error_free(err);
    err = NULL;

    /* A corrupt preferred address must not wrap the footprint computation. */
    put_le16(img, BZ_VERSION, 0x020f);
    put_le64(img, BZ_PREF_ADDRESS, UINT64_C(0xfffffffffff00000));
    g_unlink(path);
    g_free(path);
    path = write_temp_file(img, len);
    cfg.kernel_path = path;
    cfg.cmdline = "console=ttyS0";
    CHECK(!mm_linux_boot_load(&cfg, &g.mem, &st, &lay, &err));
    CHECK(err && strstr(err->message, "preferred load address"));
    mm_error_free(err);
    err = NULL;

    cfg.kernel_path = "/nonexistent/vmlinuz";
    CHECK(!mm_linux_boot_load(&cfg, &g.mem, &st, &lay, &err));
    CHECK(err && strstr(err->message, "could not load kernel '/nonexistent/vmlinuz'"));
    mm_error_free(err);

    g_unlink(path);
    g_free(path);
    g_free(img);
    g_free(g.buffer.bytes);
}

static void check_real_header(const uint8_t *img, size_t len, const mm_bzimage *bz)
{
    unsigned sects = img[BZ_SETUP_SECTS] ? img[BZ_SETUP_SECTS] : 4;
    CHECK_EQ(bz->setup_size, (sects + 1) * 512);
    CHECK(bz->setup_size < len);
    CHECK_EQ(bz->header_end, 0x202 + img[0x201]);
    CHECK(bz->version >= 0x020c);                    /* Debian 12: 2.15 */
    CHECK(mm_bzimage_has_64bit_entry(bz));
    CHECK(bz->relocatable);
    CHECK(bz->cmdline_size >= 255);
    CHECK(bz->init_size > len - bz->setup_size);       /* decompresses to more than it is */
    CHECK_EQ(bz->kernel_alignment & (bz->kernel_alignment - 1), 0);
    CHECK(bz->pref_address >= 0x100000);
}

static void check_zero_page(const fake_guest *g, const uint8_t *img, const mm_bzimage *bz,
                            const mm_linux_boot_layout *lay, const char *cmdline)
{
    const uint8_t *zp = g->buffer.bytes + lay->zero_page_addr;
    CHECK_EQ(zp[BZ_TYPE_OF_LOADER], BZ_LOADER_QEMU);
    CHECK_EQ(le16_at(zp, BZ_VERSION), bz->version);
    CHECK_EQ(le32_at(zp, BZ_HEADER_MAGIC), BZ_MAGIC_HDRS);
    CHECK(memcmp(zp + BZ_INIT_SIZE, img + BZ_INIT_SIZE, 4) == 0);
    CHECK_EQ(le32_at(zp, BZ_CMD_LINE_PTR), MM_BOOT_CMDLINE_ADDR);
    CHECK(strcmp((const char *)g->buffer.bytes + MM_BOOT_CMDLINE_ADDR, cmdline) == 0);
    CHECK_EQ(le32_at(zp, BZ_RAMDISK_IMAGE), lay->initrd_addr);
    CHECK_EQ(le32_at(zp, BZ_RAMDISK_SIZE), lay->initrd_size);
    CHECK_EQ(le64_at(zp, ZP_ACPI_RSDP_ADDR), 0xf0000);
    CHECK_EQ(zp[ZP_E820_ENTRIES], g->e820.count);
    for (unsigned i = 0; i < g->e820.count; i++) {
        size_t off = ZP_E820_TABLE + i * ZP_E820_ENTRY_SIZE;
        CHECK_EQ(le64_at(zp, off), g->e820.entry[i].addr);
        CHECK_EQ(le64_at(zp, off + 8), g->e820.entry[i].size);
        CHECK_EQ(le32_at(zp, off + 16), g->e820.entry[i].type);
    }
}

static void check_long_mode_entry(const fake_guest *g, const mm_boot_state *st,
                                  const mm_linux_boot_layout *lay)
{
    const uint8_t *m = g->buffer.bytes;
    CHECK(lay->long_mode_entry);
    CHECK_EQ(st->rip, 0x100200);
    CHECK_EQ(st->regs[X86_R_SI], MM_BOOT_ZERO_PAGE_ADDR);
    CHECK_EQ(st->cr0 & (X86_CR0_PE | X86_CR0_PG), X86_CR0_PE | X86_CR0_PG);
    CHECK(st->cr4 & X86_CR4_PAE);
    CHECK_EQ(st->efer & (X86_EFER_LME | X86_EFER_LMA), X86_EFER_LME | X86_EFER_LMA);
    CHECK_EQ(st->rflags & X86_FLAG_IF, 0);
    CHECK_EQ(st->seg[MM_BOOT_SEG_CS].selector, 0x10);
    CHECK(st->seg[MM_BOOT_SEG_CS].flags & X86_DESC_L);
    CHECK(!(st->seg[MM_BOOT_SEG_CS].flags & X86_DESC_B));
    CHECK_EQ(st->seg[MM_BOOT_SEG_DS].selector, 0x18);
    CHECK_EQ(st->seg[MM_BOOT_SEG_SS].selector, 0x18);
    /* GDT in memory matches the cached descriptors. */
    CHECK_EQ(le64_at(m, MM_BOOT_GDT_ADDR + 0x10), mm_boot_gdt_code_descriptor(true));
    CHECK_EQ(le64_at(m, MM_BOOT_GDT_ADDR + 0x18), mm_boot_gdt_data_descriptor());
    /* Page walk of a few addresses through the identity map. */
    uint64_t addrs[] = { 0, 0x100200, 0x7000, 0x3fffffff, 0xfec00000, 0xffffffff };
    for (size_t i = 0; i < G_N_ELEMENTS(addrs); i++) {
        uint64_t va = addrs[i];
        uint64_t pml4e = le64_at(m, st->cr3 + ((va >> 39) & 511) * 8);
        CHECK(pml4e & X86_PTE_P);
        uint64_t pdpte = le64_at(m, (pml4e & ~UINT64_C(0xfff)) + ((va >> 30) & 511) * 8);
        CHECK(pdpte & X86_PTE_P);
        uint64_t pde = le64_at(m, (pdpte & ~UINT64_C(0xfff)) + ((va >> 21) & 511) * 8);
        CHECK((pde & (X86_PTE_P | X86_PTE_W | X86_PTE_PS)) == (X86_PTE_P | X86_PTE_W | X86_PTE_PS));
        CHECK_EQ((pde & ~UINT64_C(0x1fffff)) | (va & 0x1fffff), va);
    }
}

static int test_real_kernel(const char *kernel)
{
    gchar *img;
    gsize len;
    if (!kernel || !g_file_get_contents(kernel, &img, &len, NULL)) {
        printf("SKIP real-kernel tests: no guest kernel (run tests/guest/build-guest.sh "
               "or set MODEMU_GUEST_KERNEL)\n");
        return TEST_SKIP;
    }
    mm_bzimage bz;
    mm_error *err = NULL;
    CHECK(mm_bzimage_parse((uint8_t *)img, len, &bz, &err));
    check_real_header((uint8_t *)img, len, &bz);

    fake_guest g;
    fake_guest_init(&g, 256 * MiB);
    size_t initrd_len = 3 * MiB + 123;
    uint8_t *initrd = g_malloc(initrd_len);
    for (size_t i = 0; i < initrd_len; i++)
        initrd[i] = (uint8_t)(i ^ (i >> 9));
    char *initrd_path = write_temp_file(initrd, initrd_len);
    const char *cmdline = "console=ttyS0 modemu.test=boot";
    mm_linux_boot_config cfg = { .kernel_path = kernel, .initrd_path = initrd_path,
                                 .cmdline = cmdline, .e820 = &g.e820,
                                 .acpi_rsdp_addr = 0xf0000 };
    mm_boot_state st;
    mm_linux_boot_layout lay;
    CHECK(mm_linux_boot_load(&cfg, &g.mem, &st, &lay, &err));
    if (err)
        fprintf(stderr, "load: %s\n", err->message);
    CHECK(memcmp(g.buffer.bytes + 0x100000, img + bz.setup_size, len - bz.setup_size) == 0);
    /* The initrd sits page aligned at the top of RAM, above the kernel. */
    CHECK_EQ(lay.initrd_addr, (256 * MiB - initrd_len) & ~UINT64_C(0xfff));
    CHECK(lay.initrd_addr >= bz.pref_address + bz.init_size);
    CHECK(memcmp(g.buffer.bytes + lay.initrd_addr, initrd, initrd_len) == 0);
    check_zero_page(&g, (uint8_t *)img, &bz, &lay, cmdline);
    check_long_mode_entry(&g, &st, &lay);
    g_free(g.buffer.bytes);

    /* 32 MiB is less than the kernel needs to decompress. */
    fake_guest_init(&g, 32 * MiB);
    cfg.e820 = &g.e820;
    CHECK(!mm_linux_boot_load(&cfg, &g.mem, &st, &lay, &err));
    CHECK(err && strstr(err->message, "not enough RAM for the kernel"));
    mm_error_free(err);
    err = NULL;
    g_free(g.buffer.bytes);

    /* Enough for the kernel, not for a 48 MiB initrd beside it. */
    fake_guest_init(&g, 96 * MiB);
    cfg.e820 = &g.e820;
    uint8_t *big = g_malloc0(48 * MiB);
    CHECK(g_file_set_contents(initrd_path, (const gchar *)big, 48 * MiB, NULL));
    g_free(big);
    CHECK(!mm_linux_boot_load(&cfg, &g.mem, &st, &lay, &err));
    CHECK(err && strstr(err->message, "initrd of 49152 KiB does not fit"));
    mm_error_free(err);
    g_free(g.buffer.bytes);

    g_unlink(initrd_path);
    g_free(initrd_path);
    g_free(initrd);
    g_free(img);
    return 0;
}

int main(int argc, char **argv)
{
    const char *kernel = argc > 1 ? argv[1] : getenv("MODEMU_GUEST_KERNEL");
    test_parse_refusals();
    test_parse_old_protocol_defaults();
    test_synthetic_32bit_entry();
    int real = test_real_kernel(kernel);
    if (test_failures) {
        fprintf(stderr, "%d checks failed\n", test_failures);
        return 1;
    }
    printf("linux boot loader tests passed%s\n", real == TEST_SKIP ? " (real kernel skipped)" : "");
    return real == TEST_SKIP ? TEST_SKIP : 0;
}
