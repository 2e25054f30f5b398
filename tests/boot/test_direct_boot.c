/*
 * Direct boot on the real pc board (in-process): builds `-M pc -kernel
 * -initrd -append` with the command-line code, runs mm_direct_boot_prepare()
 * and reads back, through the machine's memory and I/O address spaces, what
 * the firmware-lite left: the zero page and kernel in RAM, the ACPI tables or
 * MP table at 0xF0000 behind the i440FX PAM, the PIIX3 PIRQ routing and
 * ELCR, the PIIX4 PM base, and the boot CPU state.
 *
 * Usage: test_direct_boot KERNEL INITRD [--no-acpi]
 * (skips with 77 when the kernel or initrd is missing)
 */
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <modemu/memory.h>

#include "boot/boot_layout.h"
#include "boot/boot_state.h"
#include "boot/direct_boot.h"
#include "boot/le_field.h"
#include "options/cmdline.h"
#include "vl/vl.h"
#include "test_util.h"

static mm_machine_state *create_machine(const char *kernel, const char *initrd, bool acpi)
{
    const char *argv[] = {
        "modemu-system-x86_64", "-M", acpi ? "pc" : "pc,acpi=off", "-m", "256", "-smp", "2",
        "-nodefaults", "-kernel", kernel, "-initrd", initrd,
        "-append", "console=ttyS0 modemu.test=boot", NULL,
    };
    mm_cmdline c;
    mm_cmdline_init(&c);
    mm_error *err = NULL;
    mm_machine_state *m = NULL;
    if (mm_cmdline_parse(&c, G_N_ELEMENTS(argv) - 1, (char **)argv, &err))
        m = vl_machine_create(c.db, "qtest", &err);
    if (!m)
        fprintf(stderr, "machine: %s\n", err ? err->message : "?");
    mm_error_free(err);
    mm_cmdline_destroy(&c);
    return m;
}

static uint32_t pci_read(unsigned devfn, unsigned reg, unsigned size)
{
    uint64_t v = 0;
    mm_as_write(mm_machine_io_space(), 0xcf8, 4, 0x80000000u | devfn << 8 | (reg & 0xfc));
    mm_as_read(mm_machine_io_space(), 0xcfc + (reg & 3), size, &v);
    return (uint32_t)v;
}

static void read_mem(uint64_t addr, void *buf, size_t len)
{
    memset(buf, 0, len);
    CHECK_EQ(mm_as_read_buf(mm_machine_memory_space(), addr, buf, len), MM_MEM_OK);
}

static void check_board_setup(void)
{
    /* PIIX3 PIRQA-D = 10 10 11 11, IRQ 10/11 level in ELCR2, PIIX4 PM at 0x600. */
    CHECK_EQ(pci_read(1 << 3, 0x60, 4), 0x0b0b0a0a);
    uint64_t elcr2 = 0;
    mm_as_read(mm_machine_io_space(), 0x4d1, 1, &elcr2);
    CHECK_EQ(elcr2 & 0x0c, 0x0c);
    CHECK_EQ(pci_read(0, 0x59, 1), 0x10);            /* PAM0: BIOS segment RAM, read-only */
}

static void check_loaded_kernel(const char *kernel)
{
    uint8_t zp[4096];
    read_mem(MM_BOOT_ZERO_PAGE_ADDR, zp, sizeof(zp));
    CHECK_EQ(le32_at(zp, 0x202), 0x53726448);        /* "HdrS" copied */
    CHECK_EQ(zp[0x210], 0xb0);                        /* type_of_loader */
    CHECK_EQ(le32_at(zp, 0x228), MM_BOOT_CMDLINE_ADDR);
    CHECK(zp[0x1e8] >= 4);                            /* E820 entries from the board */
    char cmdline[64];
    read_mem(MM_BOOT_CMDLINE_ADDR, cmdline, sizeof(cmdline));
    CHECK(strcmp(cmdline, "console=ttyS0 modemu.test=boot") == 0);

    gchar *img;
    gsize len;
    CHECK(g_file_get_contents(kernel, &img, &len, NULL));
    size_t setup = ((size_t)((uint8_t)img[0x1f1] ? (uint8_t)img[0x1f1] : 4) + 1) * 512;
    uint8_t head[4096];
    read_mem(0x100000, head, sizeof(head));
    CHECK(memcmp(head, img + setup, sizeof(head)) == 0);
    g_free(img);

    const mm_boot_state *st = mm_boot_state_current();
    CHECK(st != NULL);
    if (st) {
        CHECK_EQ(st->rip, 0x100200);
        CHECK_EQ(st->regs[6], MM_BOOT_ZERO_PAGE_ADDR);
    }
}

static void test_boot(const char *kernel, const char *initrd, bool acpi)
{
    mm_machine_state *m = create_machine(kernel, initrd, acpi);
    CHECK(m != NULL);
    if (!m)
        return;
    mm_error *err = NULL;
    CHECK(mm_direct_boot_prepare(m, &err));
    if (err) {
        fprintf(stderr, "direct boot: %s\n", err->message);
        mm_error_free(err);
        return;
    }
    check_board_setup();
    check_loaded_kernel(kernel);
    uint8_t tables[20];
    read_mem(MM_BOOT_TABLES_BASE, tables, sizeof(tables));
    if (acpi) {
        CHECK(memcmp(tables, "RSD PTR ", 8) == 0);
        /* The board has an HPET: the RSDT lists FACP, APIC and HPET. */
        uint8_t rsdt[48];
        read_mem(le32_at(tables, 16), rsdt, sizeof(rsdt));
        CHECK(memcmp(rsdt, "RSDT", 4) == 0);
        CHECK_EQ(le32_at(rsdt, 4), 36 + 3 * 4);
        CHECK_EQ(pci_read(1 << 3 | 3, 0x40, 4) & 0xffc0, 0x600);
    } else {
        CHECK(memcmp(tables, "_MP_", 4) == 0);
    }
    vl_machine_destroy(m);
}

int main(int argc, char **argv)
{
    if (argc < 3 || access(argv[1], R_OK) || access(argv[2], R_OK)) {
        printf("SKIP: no test guest (run tests/guest/build-guest.sh)\n");
        return TEST_SKIP;
    }
    test_boot(argv[1], argv[2], !(argc > 3 && !strcmp(argv[3], "--no-acpi")));
    if (test_failures) {
        fprintf(stderr, "%d checks failed\n", test_failures);
        return 1;
    }
    printf("direct boot on the pc board: checks passed\n");
    return 0;
}
