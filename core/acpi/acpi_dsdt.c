/* The DSDT: the PCI host bridge with its windows and interrupt routing, the
 * ISA devices Linux finds through PNP, and the _S5 sleep state (power off). */
#include "acpi/acpi_build.h"

#include "acpi/aml.h"
#include "acpi/aml_resource.h"
#include "boot/pci_irq_swizzle.h"

#define PCI_SLOTS 32
#define IOAPIC_BASE 0xfec00000u

/* Name(name, ResourceTemplate() {...}) from a finished template. */
static void name_resources(GByteArray *b, const char *name, GByteArray *tmpl)
{
    aml_resource_end(tmpl);
    aml_name(b, name);
    aml_buffer(b, tmpl->data, tmpl->len);
    g_byte_array_free(tmpl, TRUE);
}

static void pci_host_crs(GByteArray *b, const mm_acpi_config *cfg)
{
    GByteArray *r = g_byte_array_new();
    aml_resource_word_bus(r, 0x00, 0xff);
    aml_resource_io(r, 0x0cf8, 0x0cf8, 1, 8);
    /* All I/O but the config ports goes to PCI (ISA devices subtract). */
    aml_resource_word_io(r, 0x0000, 0x0cf7);
    aml_resource_word_io(r, 0x0d00, 0xffff);
    aml_resource_dword_memory(r, 0x000a0000, 0x000bffff, false);   /* VGA window */
    aml_resource_dword_memory(r, cfg->pci_hole_start, IOAPIC_BASE - 1, false);
    if (cfg->pci_hole64_size)
        aml_resource_qword_memory(r, cfg->pci_hole64_start,
                                  cfg->pci_hole64_start + cfg->pci_hole64_size - 1, false);
    name_resources(b, "_CRS", r);
}

/* _PRT: every slot's INTA-D straight to the ISA IRQ its PIRQ line is routed
 * to (the firmware-lite fixes the routing, so no link devices are needed). */
static void pci_host_prt(GByteArray *b, const mm_acpi_config *cfg)
{
    aml_name(b, "_PRT");
    aml_mark prt = aml_package_begin(b, PCI_SLOTS * 4);
    for (unsigned slot = 0; slot < PCI_SLOTS; slot++) {
        for (unsigned pin = 0; pin < 4; pin++) {
            aml_mark e = aml_package_begin(b, 4);
            aml_integer(b, (uint64_t)slot << 16 | 0xffff);   /* any function of the slot */
            aml_integer(b, pin);
            aml_integer(b, 0);                               /* source: a GSI, not a link */
            aml_integer(b, cfg->pirq_irq[mm_pci_slot_pirq(slot, pin)]);
            aml_end(b, e);
        }
    }
    aml_end(b, prt);
}

static void isa_device(GByteArray *b, const char *name, const char *hid, GByteArray *crs)
{
    aml_mark dev = aml_device_begin(b, name);
    aml_name(b, "_HID");
    aml_eisa_id(b, hid);
    name_resources(b, "_CRS", crs);
    aml_end(b, dev);
}

static GByteArray *io_irq(uint16_t port, uint8_t len, int irq)
{
    GByteArray *r = g_byte_array_new();
    aml_resource_io(r, port, port, 1, len);
    if (irq >= 0)
        aml_resource_irq(r, (unsigned)irq);
    return r;
}

/* Linux's i8042 driver only probes when PNP (here: ACPI) lists the
 * controller; the RTC and COM1 are listed as QEMU's DSDT does. */
static void isa_bridge(GByteArray *b)
{
    aml_mark isa = aml_device_begin(b, "ISA");
    aml_name(b, "_ADR");
    aml_integer(b, 0x00010000);                  /* 00:01.0, the PIIX3 */

    GByteArray *kbd = io_irq(0x60, 1, -1);
    aml_resource_io(kbd, 0x64, 0x64, 1, 1);
    aml_resource_irq(kbd, 1);
    isa_device(b, "KBD", "PNP0303", kbd);

    GByteArray *mouse = g_byte_array_new();
    aml_resource_irq(mouse, 12);
    isa_device(b, "MOU", "PNP0F13", mouse);

    isa_device(b, "RTC", "PNP0B00", io_irq(0x70, 8, 8));
    isa_device(b, "COM1", "PNP0501", io_irq(0x3f8, 8, 4));
    aml_end(b, isa);
}

static void pci_host(GByteArray *b, const mm_acpi_config *cfg)
{
    aml_mark dev = aml_device_begin(b, "PCI0");
    aml_name(b, "_HID");
    aml_eisa_id(b, "PNP0A03");
    aml_name(b, "_UID");
    aml_integer(b, 0);
    pci_host_crs(b, cfg);
    pci_host_prt(b, cfg);
    isa_bridge(b);
    aml_end(b, dev);
}

/* _S5 = {SLP_TYP for PM1a, PM1b, reserved, reserved}: 0 is PIIX4's power off.
 * _S3/_S4 are not advertised: the board does not suspend. */
static void sleep_states(GByteArray *b)
{
    aml_name(b, "_S5");
    aml_mark pkg = aml_package_begin(b, 4);
    for (int i = 0; i < 4; i++)
        aml_integer(b, 0);
    aml_end(b, pkg);
}

size_t acpi_build_dsdt(GByteArray *b, const mm_acpi_config *cfg)
{
    size_t start = acpi_table_begin(b, "DSDT", 1);
    /* Names at the top of the DSDT are relative to the root already; no
     * root prefix, as iasl emits it. */
    aml_mark sb = aml_scope_begin(b, "_SB");
    pci_host(b, cfg);
    aml_end(b, sb);
    sleep_states(b);
    acpi_table_end(b, start);
    return start;
}
