/*
 * fw_cfg on ports 0x510/0x511 and its DMA interface at 0x514: signature,
 * features, integer items, the sorted file directory, etc/e820 contents,
 * DMA reads/skips into guest RAM and the error bit for bad guest addresses.
 */
#include <string.h>
#include <glib.h>

#include "libqtest.h"

#define DESC 0x1000
#define BUF 0x2000

static void fw_cfg_select(QTestState *s, uint16_t key)
{
    qtest_outw(s, 0x510, key);
}

static void fw_cfg_read(QTestState *s, void *buf, size_t len)
{
    uint8_t *p = buf;
    for (size_t i = 0; i < len; i++)
        p[i] = qtest_inb(s, 0x511);
}

static uint64_t fw_cfg_read_le(QTestState *s, uint16_t key, size_t len)
{
    uint8_t bytes[8] = { 0 };
    fw_cfg_select(s, key);
    fw_cfg_read(s, bytes, len);
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++)
        v |= (uint64_t)bytes[i] << (8 * i);
    return v;
}

/* Looks a file up in the directory; returns its key and size. */
static uint16_t fw_cfg_find_file(QTestState *s, const char *name, uint32_t *size,
                                 GPtrArray *names)
{
    uint32_t count_be;
    fw_cfg_select(s, 0x19);
    fw_cfg_read(s, &count_be, 4);
    uint32_t count = GUINT32_FROM_BE(count_be);
    uint16_t key = 0;
    for (uint32_t i = 0; i < count; i++) {
        struct { uint32_t size; uint16_t select, reserved; char name[56]; } e;
        fw_cfg_read(s, &e, sizeof(e));
        if (names)
            g_ptr_array_add(names, g_strndup(e.name, 56));
        if (!strcmp(e.name, name)) {
            key = GUINT16_FROM_BE(e.select);
            *size = GUINT32_FROM_BE(e.size);
        }
    }
    return key;
}

static void test_port_interface(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -m 256 -smp 2");
    char sig[5] = { 0 };
    fw_cfg_select(s, 0x0000);
    fw_cfg_read(s, sig, 4);
    g_assert_cmpstr(sig, ==, "QEMU");
    /* 8-bit reads at the selector port return data too; past the end: 0. */
    fw_cfg_select(s, 0x0000);
    g_assert_cmphex(qtest_inb(s, 0x510), ==, 'Q');
    g_assert_cmpuint(fw_cfg_read_le(s, 0x01, 4), ==, 3);      /* traditional + DMA */
    g_assert_cmpuint(fw_cfg_read_le(s, 0x03, 8), ==, 256u << 20);
    g_assert_cmpuint(fw_cfg_read_le(s, 0x05, 2), ==, 2);
    g_assert_cmpuint(fw_cfg_read_le(s, 0x8002, 4), ==, 1);    /* IRQ0 override */
    fw_cfg_select(s, 0x01);
    for (int i = 0; i < 6; i++)
        qtest_inb(s, 0x511);
    g_assert_cmphex(qtest_inb(s, 0x511), ==, 0);
    g_assert_cmpuint(fw_cfg_read_le(s, 0x1234, 4), ==, 0);    /* no such item */
    /* The write-channel bit only selects (QEMU >= 2.4). */
    g_assert_cmpuint(fw_cfg_read_le(s, 0x4001, 4), ==, 3);

    uint32_t size = 0;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    uint16_t key = fw_cfg_find_file(s, "etc/e820", &size, names);
    g_assert_cmpuint(key, >=, 0x20);
    g_assert_cmpuint(size, ==, 20);
    for (guint i = 1; i < names->len; i++)
        g_assert_cmpint(strcmp(g_ptr_array_index(names, i - 1), g_ptr_array_index(names, i)),
                        <, 0);
    g_assert_cmpuint(names->len, >=, 4);
    g_ptr_array_unref(names);
    uint8_t e820[20];
    fw_cfg_select(s, key);
    fw_cfg_read(s, e820, sizeof(e820));
    uint64_t addr, len;
    uint32_t type;
    memcpy(&addr, e820, 8);
    memcpy(&len, e820 + 8, 8);
    memcpy(&type, e820 + 16, 4);
    g_assert_cmpuint(addr, ==, 0);
    g_assert_cmpuint(len, ==, 256u << 20);
    g_assert_cmpuint(type, ==, 1);
    key = fw_cfg_find_file(s, "etc/boot-fail-wait", &size, NULL);
    g_assert_cmpuint(size, ==, 4);
    g_assert_cmphex(fw_cfg_read_le(s, key, 4), ==, 0xffffffff);
    g_assert_cmpuint(fw_cfg_find_file(s, "etc/system-states", &size, NULL), !=, 0);
    g_assert_cmpuint(size, ==, 6);
    qtest_quit(s);
}

/* Writes a big-endian FWCfgDmaAccess at DESC and starts it. */
static uint32_t fw_cfg_dma(QTestState *s, uint32_t control, uint32_t length, uint64_t address)
{
    uint8_t desc[16];
    uint32_t c = GUINT32_TO_BE(control), l = GUINT32_TO_BE(length);
    uint64_t a = GUINT64_TO_BE(address);
    memcpy(desc, &c, 4);
    memcpy(desc + 4, &l, 4);
    memcpy(desc + 8, &a, 8);
    qtest_memwrite(s, DESC, desc, sizeof(desc));
    /* The register is big-endian: the guest writes byte-swapped values. */
    qtest_outl(s, 0x514, 0);
    qtest_outl(s, 0x518, GUINT32_SWAP_LE_BE(DESC));
    return GUINT32_FROM_BE(qtest_readl(s, DESC));
}

static void test_dma(void)
{
    QTestState *s = qtest_start("-M pc -nodefaults -m 128");
    g_assert_cmphex(qtest_inl(s, 0x514), ==, 0x554d4551);     /* "QEMU" */
    g_assert_cmphex(qtest_inl(s, 0x518), ==, 0x47464320);     /* " CFG" */
    /* Select the signature and read it, plus 4 bytes past its end (zeros). */
    qtest_writel(s, BUF + 4, 0xaaaaaaaa);
    g_assert_cmphex(fw_cfg_dma(s, 0x0000 << 16 | 0x08 | 0x02, 8, BUF), ==, 0);
    g_assert_cmphex(qtest_readl(s, BUF), ==, 0x554d4551);
    g_assert_cmphex(qtest_readl(s, BUF + 4), ==, 0);
    /* Skip then read within the RAM-size item. */
    g_assert_cmphex(fw_cfg_dma(s, 0x0003 << 16 | 0x08 | 0x04, 3, 0), ==, 0);
    g_assert_cmphex(fw_cfg_dma(s, 0x02, 1, BUF), ==, 0);
    g_assert_cmphex(qtest_readb(s, BUF), ==, 0x08);   /* 128 MiB = 0x08000000 */
    /* Guest errors: unassigned target, wrapping range, write to a RO item. */
    g_assert_cmphex(fw_cfg_dma(s, 0x0000 << 16 | 0x08 | 0x02, 4, 0xf0000000), ==, 1);
    g_assert_cmphex(fw_cfg_dma(s, 0x02, 0x100, 0xffffffffffffff80ull), ==, 1);
    g_assert_cmphex(fw_cfg_dma(s, 0x0000 << 16 | 0x08 | 0x10, 4, BUF), ==, 1);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/board/fw_cfg/ports", test_port_interface);
    g_test_add_func("/board/fw_cfg/dma", test_dma);
    return g_test_run();
}
