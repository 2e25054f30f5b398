/*
 * Builds, with modemu's own direct-boot firmware code (core/boot, core/acpi),
 * everything a direct Linux boot puts in guest memory, as files that
 * qemu-system-x86_64 can load, so the firmware is checked against a real
 * Linux kernel on QEMU's pc board while modemu's CPU cannot run it yet
 * (tests/boot/qemu-firmware-check.sh):
 *
 *   low.bin     guest RAM 0..0x9FFFF: boot GDT, zero page (E820, command
 *               line pointer, initrd, RSDP address), page tables, command line
 *   kernel.bin  guest RAM from 0x100000: the protected-mode kernel (Linux), or
 *               a multiboot kernel with its modules
 *   bios.bin    a 64 KiB -bios image for 0xF0000: the ACPI tables (or the MP
 *               table with --no-acpi) exactly as modemu places them, and a
 *               reset-vector stub that does what modemu's accelerators do
 *               with mm_boot_state: load the GDT, CR3/CR4/EFER/CR0, the
 *               segments, RSI and RSP, and jump to the kernel's entry.  It
 *               also performs the fixed firmware-lite writes a pc board
 *               needs without SeaBIOS (PIIX4 PM base, PIIX3 PIRQ routing, ELCR).
 *   boot.env    INITRD_ADDR=... for -device loader (empty for multiboot, whose
 *               modules are in kernel.bin)
 *
 * Usage: mkbootimage KERNEL INITRD OUTDIR APPEND [--smp N] [--no-acpi]
 * KERNEL is a Linux bzImage or a multiboot kernel (then INITRD is the module
 * list, "path args,path args", as for -initrd).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "acpi/acpi_build.h"
#include "boot/boot_file.h"
#include "boot/boot_layout.h"
#include "boot/e820_map.h"
#include "boot/guest_memory.h"
#include "boot/le_field.h"
#include "boot/linux_boot.h"
#include "boot/mptable.h"
#include "boot/multiboot.h"
#include "cpu/x86_cpu.h"

#define RAM_SIZE (256u << 20)
#define BIOS_SIZE 0x10000u
#define BIOS_BASE 0xf0000u
#define STUB16_OFFSET 0xf000u       /* F000:F000 */
#define STUB_ENTRY_OFFSET 0xf100u
#define GDT_PTR_OFFSET 0xf0f0u
#define RESET_VECTOR_OFFSET 0xfff0u

/* A little machine-code emitter for the stub. */
typedef struct code {
    uint8_t *p;
    size_t n;
} code;

static void emit(code *c, const uint8_t *bytes, size_t n)
{
    memcpy(c->p + c->n, bytes, n);
    c->n += n;
}
#define EMIT(c, ...) do { const uint8_t b_[] = { __VA_ARGS__ }; emit(c, b_, sizeof(b_)); } while (0)

static void emit32(code *c, uint32_t v)
{
    uint8_t b[4];
    put_le32(b, 0, v);
    emit(c, b, 4);
}

static void emit64(code *c, uint64_t v)
{
    uint8_t b[8];
    put_le64(b, 0, v);
    emit(c, b, 8);
}

/* 16-bit code: outl(value, port) through EAX/DX. */
static void out32(code *c, uint16_t port, uint32_t value)
{
    EMIT(c, 0x66, 0xb8);                     /* mov eax, imm32 */
    emit32(c, value);
    EMIT(c, 0xba, (uint8_t)port, (uint8_t)(port >> 8));   /* mov dx, imm16 */
    EMIT(c, 0x66, 0xef);                     /* out dx, eax */
}

static void pci_write32(code *c, unsigned devfn, unsigned reg, uint32_t value)
{
    out32(c, 0xcf8, 0x80000000u | devfn << 8 | reg);
    out32(c, 0xcfc, value);
}

/* Real mode at F000:F000: firmware writes, then into long mode. */
static void stub16(code *c, const mm_boot_state *st, unsigned pm_base)
{
    EMIT(c, 0xfa);                           /* cli */
    EMIT(c, 0xb8, 0x00, 0xf0, 0x8e, 0xd8);   /* mov ax, 0xf000; mov ds, ax */
    pci_write32(c, 1 << 3 | 3, 0x40, pm_base | 1);      /* PIIX4 PMBA */
    pci_write32(c, 1 << 3 | 3, 0x80, 1);                /* PM I/O enable */
    pci_write32(c, 1 << 3, 0x60, 0x0b0b0a0a);          /* PIRQA-D = 10 10 11 11 */
    EMIT(c, 0xb0, 0x0c, 0xba, 0xd1, 0x04, 0xee);       /* ELCR2 = IRQ 10, 11 level */
    EMIT(c, 0x66, 0x0f, 0x01, 0x16);                   /* lgdt [GDT_PTR] (o32) */
    EMIT(c, (uint8_t)GDT_PTR_OFFSET, (uint8_t)(GDT_PTR_OFFSET >> 8));
    if (st->cr0 & X86_CR0_PG) {
        EMIT(c, 0x66, 0xb8); emit32(c, (uint32_t)st->cr4);  EMIT(c, 0x0f, 0x22, 0xe0);  /* cr4 */
        EMIT(c, 0x66, 0xb8); emit32(c, (uint32_t)st->cr3);  EMIT(c, 0x0f, 0x22, 0xd8);  /* cr3 */
        EMIT(c, 0x66, 0xb9); emit32(c, 0xc0000080u);                       /* ecx = EFER */
        EMIT(c, 0x66, 0xb8); emit32(c, (uint32_t)(st->efer & ~(uint64_t)X86_EFER_LMA));
        EMIT(c, 0x66, 0x31, 0xd2, 0x0f, 0x30);                             /* edx = 0; wrmsr */
    }
    EMIT(c, 0x66, 0xb8); emit32(c, (uint32_t)st->cr0);  EMIT(c, 0x0f, 0x22, 0xc0);  /* cr0 */
    EMIT(c, 0x66, 0xea);                                           /* jmp far cs:stub_entry */
    emit32(c, BIOS_BASE + STUB_ENTRY_OFFSET);
    EMIT(c, (uint8_t)st->seg[MM_BOOT_SEG_CS].selector, 0);
}

/* In the entry's mode: data segments, RAX RBX RSI RSP, jump to the entry.
 * The same bytes in 32- and 64-bit mode, with REX.W for 64-bit immediates. */
static void stub_entry(code *c, const mm_boot_state *st)
{
    bool wide = st->efer & X86_EFER_LMA;
    EMIT(c, 0xb8); emit32(c, st->seg[MM_BOOT_SEG_DS].selector);   /* mov eax, __BOOT_DS */
    EMIT(c, 0x8e, 0xd8, 0x8e, 0xc0, 0x8e, 0xd0, 0x8e, 0xe0, 0x8e, 0xe8);  /* ds es ss fs gs */
    static const uint8_t regs[] = { X86_R_BX, X86_R_SI, X86_R_SP, X86_R_AX };
    for (size_t i = 0; i < sizeof(regs); i++) {
        if (wide) {
            EMIT(c, 0x48, (uint8_t)(0xb8 + regs[i]));
            emit64(c, st->regs[regs[i]]);
        } else {
            EMIT(c, (uint8_t)(0xb8 + regs[i]));
            emit32(c, (uint32_t)st->regs[regs[i]]);
        }
    }
    EMIT(c, 0xb9); emit32(c, (uint32_t)st->rip);                  /* ecx = entry (< 4 GiB) */
    EMIT(c, 0xff, 0xe1);                                          /* jmp rcx/ecx */
}

static void build_bios(uint8_t *bios, const GByteArray *tables, const mm_boot_state *st)
{
    memset(bios, 0xff, BIOS_SIZE);
    memcpy(bios, tables->data, tables->len);
    code c16 = { bios + STUB16_OFFSET, 0 }, centry = { bios + STUB_ENTRY_OFFSET, 0 };
    stub16(&c16, st, 0x600);
    stub_entry(&centry, st);
    if (c16.n > GDT_PTR_OFFSET - STUB16_OFFSET || centry.n > 0x100) {
        fprintf(stderr, "mkbootimage: the boot stub outgrew its room\n");
        exit(1);
    }
    put_le16(bios, GDT_PTR_OFFSET, st->gdt_limit);
    put_le32(bios, GDT_PTR_OFFSET + 2, (uint32_t)st->gdt_base);
    static const uint8_t reset[5] = { 0xea, 0x00, 0xf0, 0x00, 0xf0 };   /* jmp F000:F000 */
    memcpy(bios + RESET_VECTOR_OFFSET, reset, sizeof(reset));
}

/* Guest RAM that remembers how far up it was written (multiboot modules). */
typedef struct tracked_ram {
    mm_boot_buffer buf;
    uint64_t high_end;
} tracked_ram;

static bool tracked_write(void *opaque, uint64_t addr, const void *data, size_t len)
{
    tracked_ram *r = opaque;
    mm_boot_memory inner = mm_boot_memory_of_buffer(&r->buf);
    if (!inner.write(inner.opaque, addr, data, len))
        return false;
    if (addr >= 0x100000 && addr + len > r->high_end)
        r->high_end = addr + len;
    return true;
}

static bool write_file(const char *dir, const char *name, const void *data, size_t len)
{
    char *path = g_build_filename(dir, name, NULL);
    bool ok = g_file_set_contents(path, data, (gssize)len, NULL);
    if (!ok)
        fprintf(stderr, "mkbootimage: cannot write %s\n", path);
    g_free(path);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: mkbootimage KERNEL INITRD OUTDIR APPEND [--smp N] [--no-acpi]\n");
        return 2;
    }
    unsigned cpus = 1;
    bool acpi = true;
    for (int i = 5; i < argc; i++) {
        if (!strcmp(argv[i], "--smp") && i + 1 < argc)
            cpus = (unsigned)atoi(argv[++i]);
        else if (!strcmp(argv[i], "--no-acpi"))
            acpi = false;
    }
    mm_acpi_config acfg;
    mm_acpi_config_for_pc(&acfg, cpus, RAM_SIZE);
    GByteArray *tables;
    uint64_t rsdp = 0;
    if (acpi) {
        mm_acpi_tables t;
        mm_acpi_build(&acfg, MM_BOOT_TABLES_BASE, &t);
        rsdp = t.base + t.rsdp;
        tables = t.bytes;
    } else {
        mm_mptable_config mp = { .cpus = cpus };
        memcpy(mp.pirq_irq, acfg.pirq_irq, 4);
        tables = mm_mptable_build(&mp, MM_BOOT_TABLES_BASE);
    }

    mm_e820_map e820 = { .count = 0 };
    mm_e820_map_add(&e820, 0, 0x9fc00, MM_E820_RAM);
    mm_e820_map_add(&e820, 0x9fc00, 0x400, MM_E820_RESERVED);
    mm_e820_map_add(&e820, 0xf0000, 0x10000, MM_E820_RESERVED);
    mm_e820_map_add(&e820, 0x100000, RAM_SIZE - 0x100000, MM_E820_RAM);
    tracked_ram ram = { .buf = { .bytes = g_malloc0(RAM_SIZE), .size = RAM_SIZE } };
    mm_boot_memory mem = { .write = tracked_write, .opaque = &ram };
    mm_boot_state st;
    uint64_t initrd_addr = 0, high_end = 0;
    mm_error *err = NULL;
    uint8_t *image;
    size_t image_len;
    bool ok = mm_boot_read_file("kernel", argv[1], &image, &image_len, &err);
    if (ok && !mm_linux_boot_is_bzimage(image, image_len) &&
        mm_multiboot_header_offset(image, image_len) >= 0) {
        mm_multiboot_config mb = { .kernel_path = argv[1], .modules = argv[2],
                                   .cmdline = argv[4], .e820 = &e820 };
        ok = mm_multiboot_load(&mb, image, image_len, &mem, &st, &err);
        high_end = ram.high_end;              /* kernel and modules */
    } else if (ok) {
        mm_linux_boot_config cfg = { .kernel_path = argv[1], .initrd_path = argv[2],
                                     .cmdline = argv[4], .e820 = &e820, .acpi_rsdp_addr = rsdp };
        mm_linux_boot_layout lay;
        ok = mm_linux_boot_load_image(&cfg, image, image_len, &mem, &st, &lay, &err);
        high_end = lay.kernel_addr + lay.kernel_size;   /* the initrd is loaded apart */
        initrd_addr = lay.initrd_addr;
    }
    g_free(image);
    if (!ok) {
        fprintf(stderr, "mkbootimage: %s\n", err->message);
        return 1;
    }
    uint8_t *bios = g_malloc(BIOS_SIZE);
    build_bios(bios, tables, &st);
    char env[128] = "INITRD_ADDR=\n";
    if (initrd_addr)
        snprintf(env, sizeof(env), "INITRD_ADDR=0x%llx\n", (unsigned long long)initrd_addr);
    ok = write_file(argv[3], "low.bin", ram.buf.bytes, 0xa0000) &&
         write_file(argv[3], "kernel.bin", ram.buf.bytes + 0x100000, high_end - 0x100000) &&
         write_file(argv[3], "bios.bin", bios, BIOS_SIZE) &&
         write_file(argv[3], "boot.env", env, strlen(env));
    g_byte_array_free(tables, TRUE);
    g_free(bios);
    g_free(ram.buf.bytes);
    return ok ? 0 : 1;
}
