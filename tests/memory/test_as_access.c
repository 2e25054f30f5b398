/* Sized and buffer accesses: RAM, ROM, unassigned, straddling, map_ram. */
#include <string.h>
#include <glib.h>
#include <modemu/memory.h>

#include "memory/address_space.h"
#include "mmio_recorder.h"

static void test_unassigned_memory_and_io(void)
{
    uint64_t v = 0x55;
    mm_address_space *mem = mm_machine_memory_space();
    mm_address_space *io = mm_machine_io_space();
    g_assert_true(mem != io);
    g_assert_cmpint(mm_as_read(mem, 0x12345678, 4, &v), ==, MM_MEM_UNASSIGNED);
    g_assert_cmphex(v, ==, 0xFFFFFFFF);
    g_assert_cmpint(mm_as_read(io, 0x80, 2, &v), ==, MM_MEM_UNASSIGNED);
    g_assert_cmphex(v, ==, 0xFFFF);
    g_assert_cmpint(mm_as_write(io, 0x80, 1, 0x12), ==, MM_MEM_UNASSIGNED);

    /* Ports beyond 0xFFFF are unassigned even if a region reaches the end. */
    mmio_recorder *rec = recorder_new("top-port", 0x10, NULL, true);
    mm_region_add_subregion(mm_address_space_root(io), 0xFFF0, rec->region, 0);
    g_assert_cmpint(mm_as_read(io, 0xFFFF, 1, &v), ==, MM_MEM_OK);
    g_assert_cmpint(mm_as_read(io, 0x10000, 1, &v), ==, MM_MEM_UNASSIGNED);
    g_assert_cmphex(v, ==, 0xFF);
    /* A 2-byte read at 0xFFFF: one byte from the device, one unassigned. */
    rec->regs[0xF] = 0x42;
    g_assert_cmpint(mm_as_read(io, 0xFFFF, 2, &v), ==, MM_MEM_UNASSIGNED);
    g_assert_cmphex(v, ==, 0xFF42);
    recorder_free(rec);
}

static void test_ram_sized_little_endian(void)
{
    mm_address_space *as = mm_address_space_new("t", 1 << 20, 0xff);
    mm_memory_region *ram = mm_region_new_ram(NULL, "ram", 0x2000, NULL);
    mm_region_add_subregion(mm_address_space_root(as), 0x4000, ram, 0);
    g_assert_cmpint(mm_as_write(as, 0x4010, 8, UINT64_C(0x0807060504030201)), ==, MM_MEM_OK);
    uint8_t *host = mm_region_host_ptr(ram);
    g_assert_cmpuint(host[0x10], ==, 1);
    g_assert_cmpuint(host[0x17], ==, 8);
    uint64_t v;
    g_assert_cmpint(mm_as_read(as, 0x4011, 2, &v), ==, MM_MEM_OK);
    g_assert_cmphex(v, ==, 0x0302);
    g_assert_cmpint(mm_as_read(as, 0x4013, 4, &v), ==, MM_MEM_OK);
    g_assert_cmphex(v, ==, 0x07060504);
    mm_as_write(as, 0x4020, 1, 0x1FF);   /* only the low byte is stored */
    g_assert_cmpuint(host[0x20], ==, 0xFF);
    g_assert_cmpuint(host[0x21], ==, 0);
    mm_region_free(ram);
    mm_address_space_free(as);
}

static void test_rom_is_read_only(void)
{
    mm_address_space *as = mm_address_space_new("t", 1 << 20, 0xff);
    mm_memory_region *rom = mm_region_new_rom(NULL, "rom", 0x1000, NULL);
    uint8_t *host = mm_region_host_ptr(rom);
    memset(host, 0xC3, 0x1000);
    mm_region_add_subregion(mm_address_space_root(as), 0x8000, rom, 0);
    const mm_flat_range *r = mm_as_find(as, 0x8000);
    g_assert_true(r->readonly);
    g_assert_cmpint(mm_as_write(as, 0x8000, 4, 0), ==, MM_MEM_OK);
    uint8_t zeros[16] = { 0 };
    g_assert_cmpint(mm_as_write_buf(as, 0x8100, zeros, sizeof(zeros)), ==, MM_MEM_OK);
    uint64_t v;
    mm_as_read(as, 0x8000, 4, &v);
    g_assert_cmphex(v, ==, 0xC3C3C3C3);
    g_assert_cmpuint(host[0x100], ==, 0xC3);
    g_assert_null(mm_as_map_ram(as, 0x8000, 16, true));
    g_assert_true(mm_as_map_ram(as, 0x8000, 16, false) == host);
    mm_region_set_readonly(rom, false);   /* ROM stays read-only */
    g_assert_true(mm_as_find(as, 0x8000)->readonly);
    mm_region_free(rom);
    mm_address_space_free(as);
}

/* Layout used below: RAM [0x1000,0x2000), MMIO [0x2000,0x2100), hole,
 * RAM2 [0x3000, 0x4000). */
typedef struct layout {
    mm_address_space *as;
    mm_memory_region *ram, *ram2;
    mmio_recorder *dev;
} layout;

static layout make_layout(void)
{
    layout l;
    l.as = mm_address_space_new("t", 1 << 20, 0xff);
    mm_memory_region *root = mm_address_space_root(l.as);
    l.ram = mm_region_new_ram(NULL, "ram", 0x1000, NULL);
    l.ram2 = mm_region_new_ram(NULL, "ram2", 0x1000, NULL);
    mm_region_ops sizes = { .valid = { 1, 8, false }, .impl = { 1, 8 } };
    l.dev = recorder_new("dev", 0x100, &sizes, true);
    mm_region_add_subregion(root, 0x1000, l.ram, 0);
    mm_region_add_subregion(root, 0x2000, l.dev->region, 0);
    mm_region_add_subregion(root, 0x3000, l.ram2, 0);
    for (unsigned i = 0; i < RECORDER_REGS; i++)
        l.dev->regs[i] = (uint8_t)(0x80 + i);
    uint8_t *h = mm_region_host_ptr(l.ram), *h2 = mm_region_host_ptr(l.ram2);
    for (unsigned i = 0; i < 0x1000; i++) {
        h[i] = (uint8_t)i;
        h2[i] = (uint8_t)(i ^ 0x5A);
    }
    return l;
}

static void free_layout(layout *l)
{
    mm_region_free(l->ram);
    mm_region_free(l->ram2);
    recorder_free(l->dev);
    mm_address_space_free(l->as);
}

static void test_sized_access_straddles_ram_and_mmio(void)
{
    layout l = make_layout();
    uint64_t v;
    /* 4 bytes at 0x1FFE: two from RAM, two from the device (one 2-byte call). */
    g_assert_cmpint(mm_as_read(l.as, 0x1FFE, 4, &v), ==, MM_MEM_OK);
    g_assert_cmphex(v, ==, 0x8180FFFE);
    g_assert_cmpuint(l.dev->ncalls, ==, 1);
    recorder_expect(l.dev, 0, false, 0, 2, 0x8180);
    recorder_reset_calls(l.dev);
    g_assert_cmpint(mm_as_write(l.as, 0x1FFF, 2, 0xBBAA), ==, MM_MEM_OK);
    g_assert_cmpuint(((uint8_t *)mm_region_host_ptr(l.ram))[0xFFF], ==, 0xAA);
    recorder_expect(l.dev, 0, true, 0, 1, 0xBB);
    /* Straddling into a hole: the hole part reads as unassigned. */
    g_assert_cmpint(mm_as_read(l.as, 0x20FE, 4, &v), ==, MM_MEM_UNASSIGNED);
    g_assert_cmphex(v, ==, 0xFFFF7F7E);
    free_layout(&l);
}

/* The RAM write observer (the software CPU's hook for DMA over decoded
 * code) hears of every write the API makes into RAM, with addresses in the
 * space, and of nothing else: not MMIO, ROM, holes or reads. */
typedef struct observed {
    unsigned n;
    uint64_t addr[8], len[8];
} observed;

static void observe_write(void *opaque, uint64_t addr, uint64_t len)
{
    observed *o = opaque;
    if (o->n < 8) {
        o->addr[o->n] = addr;
        o->len[o->n] = len;
    }
    o->n++;
}

static void test_ram_write_observer(void)
{
    layout l = make_layout();
    mm_memory_region *rom = mm_region_new_rom(NULL, "rom", 0x1000, NULL);
    mm_region_add_subregion(mm_address_space_root(l.as), 0x5000, rom, 0);
    observed o = { 0 };
    mm_as_observe_ram_writes(l.as, observe_write, &o);
    uint64_t v;
    static uint8_t buf[0x2000];
    mm_as_write(l.as, 0x1010, 4, 1);                    /* RAM */
    mm_as_write(l.as, 0x2010, 4, 1);                    /* MMIO */
    mm_as_write(l.as, 0x5010, 4, 1);                    /* ROM */
    mm_as_read(l.as, 0x1010, 4, &v);
    mm_as_write(l.as, 0x1FFF, 2, 0xBBAA);               /* one RAM byte, one MMIO */
    /* RAM, MMIO, a hole, then RAM2. */
    mm_as_write_buf(l.as, 0x1F00, buf, 0x3010 - 0x1F00);
    mm_as_read_buf(l.as, 0x3000, buf, 0x100);
    g_assert_nonnull(mm_as_map_ram(l.as, 0x3100, 0x20, false));
    g_assert_nonnull(mm_as_map_ram(l.as, 0x3100, 0x20, true));
    static const uint64_t want_addr[] = { 0x1010, 0x1FFF, 0x1F00, 0x3000, 0x3100 };
    static const uint64_t want_len[] = { 4, 1, 0x100, 0x10, 0x20 };
    g_assert_cmpuint(o.n, ==, 5);
    for (unsigned i = 0; i < 5; i++) {
        g_assert_cmphex(o.addr[i], ==, want_addr[i]);
        g_assert_cmphex(o.len[i], ==, want_len[i]);
    }
    mm_as_observe_ram_writes(l.as, NULL, NULL);
    mm_as_write(l.as, 0x1010, 4, 1);
    g_assert_cmpuint(o.n, ==, 5);
    mm_region_free(rom);
    free_layout(&l);
}

static void test_buffer_across_ranges(void)
{
    layout l = make_layout();
    uint8_t buf[0x2010];
    /* [0x1FF8, 0x3008): 8 RAM, 0x100 MMIO, 0xF00 hole, 8 RAM2. */
    g_assert_cmpint(mm_as_read_buf(l.as, 0x1FF8, buf, sizeof(buf)), ==, MM_MEM_UNASSIGNED);
    g_assert_cmpuint(buf[0], ==, 0xF8);
    g_assert_cmpuint(buf[7], ==, 0xFF);
    g_assert_cmpuint(buf[8], ==, 0x80);
    g_assert_cmpuint(buf[8 + 0xFF], ==, 0x7F);    /* 0x80 + 0xFF, truncated */
    g_assert_cmpuint(buf[8 + 0x100], ==, 0xFF);   /* hole */
    g_assert_cmpuint(buf[0x1007], ==, 0xFF);
    g_assert_cmpuint(buf[0x1008], ==, 0x5A);      /* ram2[0] */
    g_assert_cmpuint(buf[0x100F], ==, 0x5A ^ 7);
    /* MMIO went in the widest aligned chunks (valid.max 8): 0x100 / 8 calls. */
    g_assert_cmpuint(l.dev->ncalls, ==, 0x20);
    recorder_expect(l.dev, 0, false, 0, 8, UINT64_C(0x8786858483828180));

    /* An unaligned start uses smaller chunks until aligned. */
    recorder_reset_calls(l.dev);
    g_assert_cmpint(mm_as_read_buf(l.as, 0x2003, buf, 8), ==, MM_MEM_OK);
    g_assert_cmpuint(l.dev->ncalls, ==, 4);
    recorder_expect(l.dev, 0, false, 3, 1, 0x83);
    recorder_expect(l.dev, 1, false, 4, 4, 0x87868584);
    recorder_expect(l.dev, 2, false, 8, 2, 0x8988);
    recorder_expect(l.dev, 3, false, 10, 1, 0x8A);

    /* Writes: RAM tail, device head. */
    recorder_reset_calls(l.dev);
    uint8_t src[6] = { 1, 2, 3, 4, 5, 6 };
    g_assert_cmpint(mm_as_write_buf(l.as, 0x1FFD, src, sizeof(src)), ==, MM_MEM_OK);
    uint8_t *h = mm_region_host_ptr(l.ram);
    g_assert_cmpuint(h[0xFFD], ==, 1);
    g_assert_cmpuint(h[0xFFF], ==, 3);
    g_assert_cmpuint(l.dev->regs[0], ==, 4);
    g_assert_cmpuint(l.dev->regs[2], ==, 6);
    free_layout(&l);
}

static void test_map_ram(void)
{
    layout l = make_layout();
    uint8_t *h = mm_region_host_ptr(l.ram);
    g_assert_true(mm_as_map_ram(l.as, 0x1000, 0x1000, true) == h);
    g_assert_true(mm_as_map_ram(l.as, 0x1800, 0x10, false) == h + 0x800);
    g_assert_null(mm_as_map_ram(l.as, 0x1800, 0x801, false));   /* crosses into MMIO */
    g_assert_null(mm_as_map_ram(l.as, 0x2000, 4, false));       /* MMIO */
    g_assert_null(mm_as_map_ram(l.as, 0x2800, 4, false));       /* hole */
    free_layout(&l);
}

/* A dword register file at 0x10 with a byte register overlaid at 0x11: the
 * dword access decodes to the first byte's device and reaches it whole; a
 * byte at 0x11 reaches the overlay. */
static void test_overlay_decodes_by_first_byte(void)
{
    mm_address_space *as = mm_address_space_new("t", 0x10000, 0xff);
    mm_memory_region *root = mm_address_space_root(as);
    mm_region_ops dword = { .valid = { 1, 4, false } };
    mmio_recorder *conf = recorder_new("conf", 4, &dword, true);
    mmio_recorder *rcr = recorder_new("rcr", 1, NULL, true);
    mm_region_add_subregion(root, 0x10, conf->region, 0);
    mm_region_add_subregion(root, 0x11, rcr->region, 1);
    g_assert_cmpint(mm_as_write(as, 0x10, 4, 0x80001234), ==, MM_MEM_OK);
    g_assert_cmpuint(conf->ncalls, ==, 1);
    recorder_expect(conf, 0, true, 0, 4, 0x80001234);
    g_assert_cmpuint(rcr->ncalls, ==, 0);
    g_assert_cmpint(mm_as_write(as, 0x11, 1, 0x06), ==, MM_MEM_OK);
    recorder_expect(rcr, 0, true, 0, 1, 0x06);
    g_assert_cmpuint(conf->ncalls, ==, 1);
    /* A word at 0x11 does not fit the byte register: split at its end. */
    g_assert_cmpint(mm_as_write(as, 0x11, 2, 0xAA02), ==, MM_MEM_OK);
    recorder_expect(rcr, 1, true, 0, 1, 0x02);
    recorder_expect(conf, 1, true, 2, 1, 0xAA);
    recorder_free(rcr);
    recorder_free(conf);
    mm_address_space_free(as);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/access/unassigned", test_unassigned_memory_and_io);
    g_test_add_func("/memory/access/ram-sized", test_ram_sized_little_endian);
    g_test_add_func("/memory/access/rom", test_rom_is_read_only);
    g_test_add_func("/memory/access/straddle", test_sized_access_straddles_ram_and_mmio);
    g_test_add_func("/memory/access/buffer", test_buffer_across_ranges);
    g_test_add_func("/memory/access/map-ram", test_map_ram);
    g_test_add_func("/memory/access/ram-write-observer", test_ram_write_observer);
    g_test_add_func("/memory/access/overlay-first-byte", test_overlay_decodes_by_first_byte);
    return g_test_run();
}
