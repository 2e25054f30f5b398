/*
 * Unit tests of the local APIC model (core/cpu/apic.c) without a guest:
 * acceptance only when software-enabled, priority against ISR and TPR,
 * EOI order, spurious vector, MSI routing by physical and flat logical
 * destination and lowest priority, IPIs (fixed, INIT, SIPI, NMI,
 * shorthands), CR8 <-> TPR.
 */
#include <inttypes.h>
#include <stdio.h>

#include "cpu/apic.h"
#include "machine/pc/apic_bus.h"

static unsigned failures;
#define CHECK(cond, ...) do { if (!(cond)) { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); failures++; } } while (0)

typedef struct fake_cpu {
    unsigned kicks, inits, sipis, nmis;
    uint8_t sipi_vector;
} fake_cpu;

static void kick(void *o) { ((fake_cpu *)o)->kicks++; }
static void init(void *o) { ((fake_cpu *)o)->inits++; }
static void sipi(void *o, uint8_t vec) { ((fake_cpu *)o)->sipis++; ((fake_cpu *)o)->sipi_vector = vec; }
static void nmi(void *o) { ((fake_cpu *)o)->nmis++; }
static const mm_apic_cpu_ops ops = { kick, init, sipi, nmi };

/* MSI in the IOAPIC/PCI format. */
static void msi(uint8_t dest, bool logical, unsigned mode, uint8_t vector)
{
    mm_apic_deliver_msi(MM_APIC_MSI_ADDR_BASE | ((uint64_t)dest << 12) | (logical ? 4 : 0),
                        (mode << 8) | vector);
}

int main(void)
{
    fake_cpu c0 = { 0 }, c1 = { 0 };
    mm_apic *a0 = mm_apic_new(0, true, &ops, &c0), *a1 = mm_apic_new(1, false, &ops, &c1);

    /* Reset: version, ID, SVR 0xFF (software disabled), LVTs masked (BSP LINT0 ExtINT). */
    CHECK(mm_apic_mmio_read(a1, 0x20) == 1u << 24, "APIC ID");
    CHECK((mm_apic_mmio_read(a0, 0x30) & 0xff) == 0x14, "version");
    CHECK(mm_apic_mmio_read(a0, 0xf0) == 0xff, "SVR after reset");
    CHECK(mm_apic_mmio_read(a1, 0x350) == 0x10000 && mm_apic_mmio_read(a0, 0x350) == 0x700,
          "LINT0 after reset");
    msi(0, false, 0, 0x40);
    CHECK(!mm_apic_interrupt_pending(a0), "software-disabled APIC accepted a fixed interrupt");

    mm_apic_mmio_write(a0, 0xf0, 0x1ff);
    mm_apic_mmio_write(a1, 0xf0, 0x1ff);
    CHECK(mm_apic_acknowledge(a0) == 0xff, "spurious vector when nothing is pending");

    /* Priority: a vector in service blocks its class and lower ones until EOI. */
    msi(0, false, 0, 0x40);
    CHECK(mm_apic_interrupt_pending(a0) && c0.kicks > 0, "fixed interrupt not pending");
    CHECK(mm_apic_acknowledge(a0) == 0x40, "acknowledge 0x40");
    CHECK(mm_apic_mmio_read(a0, 0x100 + 0x20) & 1u, "ISR bit of 0x40");
    CHECK(mm_apic_mmio_read(a0, 0xa0) == 0x40, "PPR while 0x40 in service: %#x",
          mm_apic_mmio_read(a0, 0xa0));
    msi(0, false, 0, 0x31);
    CHECK(!mm_apic_interrupt_pending(a0), "0x31 delivered while 0x40 in service");
    msi(0, false, 0, 0x62);
    CHECK(mm_apic_acknowledge(a0) == 0x62, "higher class 0x62 preempts");
    mm_apic_mmio_write(a0, 0xb0, 0);   /* EOI ends 0x62 */
    CHECK(!mm_apic_interrupt_pending(a0), "0x31 pending with 0x40 still in service");
    mm_apic_mmio_write(a0, 0xb0, 0);   /* EOI ends 0x40 */
    CHECK(mm_apic_acknowledge(a0) == 0x31, "0x31 after EOIs");
    mm_apic_mmio_write(a0, 0xb0, 0);

    /* TPR (and CR8) masks classes at or below it. */
    mm_apic_set_cr8(a0, 5);
    CHECK(mm_apic_mmio_read(a0, 0x80) == 0x50 && mm_apic_get_cr8(a0) == 5, "CR8 -> TPR");
    msi(0, false, 0, 0x45);
    CHECK(!mm_apic_interrupt_pending(a0), "0x45 delivered above TPR 0x50");
    mm_apic_mmio_write(a0, 0x80, 0);
    CHECK(mm_apic_acknowledge(a0) == 0x45, "0x45 after TPR lowered");
    mm_apic_mmio_write(a0, 0xb0, 0);

    /* Flat logical destination and lowest priority. */
    mm_apic_mmio_write(a0, 0xd0, 0x01000000);
    mm_apic_mmio_write(a1, 0xd0, 0x02000000);
    msi(0x02, true, 0, 0x51);
    CHECK(!mm_apic_interrupt_pending(a0) && mm_apic_acknowledge(a1) == 0x51, "logical dest 0x02");
    mm_apic_mmio_write(a1, 0xb0, 0);
    mm_apic_mmio_write(a0, 0x80, 0x20);
    msi(0x03, true, 1, 0x52);
    CHECK(!mm_apic_interrupt_pending(a0) && mm_apic_acknowledge(a1) == 0x52,
          "lowest priority picks the APIC with the lower TPR");
    mm_apic_mmio_write(a1, 0xb0, 0);
    mm_apic_mmio_write(a0, 0x80, 0);

    /* IPIs from APIC 0. */
    mm_apic_mmio_write(a0, 0x310, 1u << 24);
    mm_apic_mmio_write(a0, 0x300, 0x4070);              /* fixed 0x70 to APIC 1 */
    CHECK(mm_apic_acknowledge(a1) == 0x70, "fixed IPI");
    mm_apic_mmio_write(a1, 0xb0, 0);
    mm_apic_mmio_write(a0, 0x300, 0x4500);              /* INIT assert */
    mm_apic_mmio_write(a0, 0x300, 0x8500);              /* INIT level de-assert: no action */
    mm_apic_mmio_write(a0, 0x300, 0x469a);              /* SIPI vector 0x9a */
    CHECK(c1.inits == 1 && c1.sipis == 1 && c1.sipi_vector == 0x9a,
          "INIT/SIPI: inits %u sipis %u vector %#x", c1.inits, c1.sipis, c1.sipi_vector);
    CHECK(c0.inits == 0, "INIT went to the sender");
    mm_apic_mmio_write(a0, 0x300, 0xc0000 | 0x4400);    /* NMI to all excluding self */
    CHECK(c1.nmis == 1 && c0.nmis == 0, "NMI all-but-self");
    mm_apic_mmio_write(a0, 0x300, 0x40000 | 0x4077);    /* fixed 0x77 to self */
    CHECK(mm_apic_acknowledge(a0) == 0x77, "self IPI");
    mm_apic_mmio_write(a0, 0xb0, 0);
    CHECK(!(mm_apic_mmio_read(a0, 0x300) & (1u << 12)), "ICR delivery status stays idle");

    /* Vectors 0-15 are illegal: ESR records it, nothing is delivered. */
    msi(0, false, 0, 0x05);
    CHECK(!mm_apic_interrupt_pending(a0), "illegal vector delivered");
    mm_apic_mmio_write(a0, 0x280, 0);
    CHECK(mm_apic_mmio_read(a0, 0x280) == 0, "ESR cleared by write");

    /* Software disable masks every LVT. */
    mm_apic_mmio_write(a0, 0xf0, 0xff);
    CHECK(mm_apic_mmio_read(a0, 0x320) & 0x10000, "timer LVT masked after software disable");

    mm_apic_free(a1);
    mm_apic_free(a0);
    printf("%u failures\n", failures);
    return failures ? 1 : 0;
}
