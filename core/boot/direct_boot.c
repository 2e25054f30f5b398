/* Direct kernel boot of the pc machine (see direct_boot.h). */
#include "boot/direct_boot.h"

#include <modemu/machine.h>
#include <modemu/memory.h>

#include "acpi/acpi_build.h"
#include "boot/boot_file.h"
#include "boot/boot_layout.h"
#include "boot/e820_map.h"
#include "boot/guest_memory.h"
#include "boot/linux_boot.h"
#include "boot/mptable.h"
#include "boot/multiboot.h"
#include "boot/pci_setup.h"
#include "boot/port_io.h"

#define PCI_HOLE64_SIZE (UINT64_C(2) << 30)   /* QEMU's default 64-bit window */
#define HPET_BASE 0xfed00000u

static void pci_config_from_acpi(const mm_acpi_config *acpi, mm_pci_setup_config *pci)
{
    *pci = (mm_pci_setup_config){
        .pm_base = acpi->pm_base, .sci_irq = acpi->sci_irq, .mem_start = acpi->pci_hole_start,
        .mem64_start = acpi->pci_hole64_start,
        .mem64_end = acpi->pci_hole64_start + acpi->pci_hole64_size,
    };
    for (int i = 0; i < 4; i++)
        pci->pirq_irq[i] = acpi->pirq_irq[i];
}

/* The 64-bit window starts at the 1 GiB boundary above the high RAM. */
static void set_pci_hole64(mm_acpi_config *acpi)
{
    uint64_t above = mm_machine_ram_above_4g();
    uint64_t end = UINT64_C(0x100000000) + above;
    acpi->pci_hole64_start = (end + (UINT64_C(1) << 30) - 1) & ~((UINT64_C(1) << 30) - 1);
    acpi->pci_hole64_size = PCI_HOLE64_SIZE;
}

/* Writes firmware tables into the RAM under the BIOS segment: the PAM
 * registers make it writable for the copy, then read-only as a BIOS leaves it. */
static bool write_bios_tables(const mm_boot_io *io, const mm_boot_memory *mem,
                              const GByteArray *t, const char *what, mm_error **errp)
{
    mm_pam_unlock(io);
    bool ok = t->len <= MM_BOOT_TABLES_SIZE &&
              mem->write(mem->opaque, MM_BOOT_TABLES_BASE, t->data, t->len);
    mm_pam_lock(io);
    if (!ok)
        mm_error_set(errp, "direct boot: no room in RAM under the BIOS segment at 0x%x for "
                     "the %s (%u bytes)", MM_BOOT_TABLES_BASE, what, t->len);
    return ok;
}

static bool install_acpi_tables(const mm_boot_io *io, const mm_boot_memory *mem,
                                const mm_acpi_config *acpi, uint64_t *rsdp, mm_error **errp)
{
    mm_acpi_tables t;
    mm_acpi_build(acpi, MM_BOOT_TABLES_BASE, &t);
    *rsdp = t.base + t.rsdp;
    bool ok = write_bios_tables(io, mem, t.bytes, "ACPI tables", errp);
    mm_acpi_tables_free(&t);
    return ok;
}

/* Without ACPI, Linux finds the CPUs and the IOAPIC in the MP table. */
static bool install_mptable(const mm_boot_io *io, const mm_boot_memory *mem,
                            const mm_acpi_config *acpi, mm_error **errp)
{
    mm_mptable_config cfg = { .cpus = acpi->cpus };
    for (int i = 0; i < 4; i++)
        cfg.pirq_irq[i] = acpi->pirq_irq[i];
    GByteArray *t = mm_mptable_build(&cfg, MM_BOOT_TABLES_BASE);
    bool ok = write_bios_tables(io, mem, t, "MP table", errp);
    g_byte_array_free(t, TRUE);
    return ok;
}

/* As SeaBIOS: an HPET table only when an HPET answers at its address
 * (its capabilities register starts with Intel's vendor id). */
static bool board_has_hpet(void)
{
    uint64_t id = 0;
    return mm_as_read(mm_machine_memory_space(), HPET_BASE, 4, &id) == MM_MEM_OK &&
           (id >> 16) == 0x8086;
}

/* A Linux bzImage, or else a multiboot kernel (modules from -initrd), as
 * QEMU decides. */
static bool load_kernel(const mm_machine_state *machine, const mm_boot_memory *mem,
                        const mm_e820_map *e820, uint64_t rsdp, mm_boot_state *state,
                        mm_error **errp)
{
    uint8_t *image;
    size_t len;
    if (!mm_boot_read_file("kernel", machine->kernel, &image, &len, errp))
        return false;
    bool ok;
    if (!mm_linux_boot_is_bzimage(image, len) && mm_multiboot_header_offset(image, len) >= 0) {
        mm_multiboot_config mb = { .kernel_path = machine->kernel, .modules = machine->initrd,
                                   .cmdline = machine->append, .e820 = e820 };
        ok = mm_multiboot_load(&mb, image, len, mem, state, errp);
    } else {
        mm_linux_boot_config cfg = {
            .kernel_path = machine->kernel, .initrd_path = machine->initrd,
            .cmdline = machine->append, .e820 = e820, .acpi_rsdp_addr = rsdp,
        };
        ok = mm_linux_boot_load_image(&cfg, image, len, mem, state, NULL, errp);
    }
    g_free(image);
    return ok;
}

static bool direct_boot_load(mm_machine_state *machine, mm_error **errp)
{
    mm_boot_io io = mm_boot_io_of_machine();
    mm_boot_memory mem = mm_boot_memory_of_machine();
    mm_acpi_config acpi;
    mm_acpi_config_for_pc(&acpi, machine->smp.cpus, mm_machine_ram_below_4g());
    set_pci_hole64(&acpi);
    acpi.hpet = board_has_hpet();
    mm_pci_setup_config pci;
    pci_config_from_acpi(&acpi, &pci);
    if (!mm_pci_setup(&io, &pci, NULL, errp))
        return false;

    uint64_t rsdp = 0;
    if (machine->acpi ? !install_acpi_tables(&io, &mem, &acpi, &rsdp, errp)
                      : !install_mptable(&io, &mem, &acpi, errp))
        return false;

    mm_e820_map e820;
    mm_e820_map_of_machine(&e820);
    mm_boot_state state;
    if (!load_kernel(machine, &mem, &e820, rsdp, &state, errp))
        return false;
    mm_boot_state_set_current(&state);
    return true;
}

/* A system reset clears RAM contents the guest changed and the PCI setup:
 * load everything again, as QEMU's option ROM does on every boot. */
static void direct_boot_on_reset(void *opaque)
{
    mm_error *err = NULL;
    if (!direct_boot_load(opaque, &err)) {
        mm_error_report_and_free(err);
        mm_machine_request_shutdown(MM_SHUTDOWN_GUEST_PANIC);
    }
}

bool mm_direct_boot_prepare(mm_machine_state *machine, mm_error **errp)
{
    static bool reset_handler_registered;
    if (!machine->kernel) {
        mm_boot_state_set_current(NULL);
        return true;
    }
    if (!direct_boot_load(machine, errp))
        return false;
    /* Registered after the board and devices, so it runs after their own
     * reset handlers have put them back in their power-on state. */
    if (!reset_handler_registered) {
        mm_machine_register_reset(direct_boot_on_reset, machine);
        reset_handler_registered = true;
    }
    return true;
}
