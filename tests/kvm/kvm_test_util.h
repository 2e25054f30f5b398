/*
 * Helpers for the KVM accelerator tests: a VM built from the memory API
 * directly (no board), a recording test device on ports 0xE0-0xEF and MMIO
 * 0xD0000-0xD0FFF, and waiting for the guest's progress marks.
 *
 * Test device, ports (offsets from 0xE0):
 *   0x0 (w)  recorded write         0x2 (r)  reads 0xBEEF
 *   0x4 (w)  "done": value kept, waiters woken
 *   0x5 (w)  "ready" mark            0x6 (w)  interrupt seen (counted)
 *   0x8 (w)  application processor alive (value kept)
 *   0xa (w)  recorded like 0x0 (a doorbell port in the notify test)
 *   0xc (w)  counted, then calls test_dev.on_port_c (if set) without the lock
 * MMIO (offsets from 0xD0000): writes recorded in order; reads of 0x20 give
 * 0x55AA1234 (0x8877665544332211 for 8-byte reads).
 */
#ifndef MODEMU_TESTS_KVM_TEST_UTIL_H
#define MODEMU_TESTS_KVM_TEST_UTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
#include <modemu/memory.h>

#include "accel/kvm/kvm.h"

#define TEST_PORT_BASE 0xe0
#define TEST_MMIO_BASE 0xd0000ull
#define TEST_RAM_SIZE (2u << 20)
#define TEST_KVM_SKIP 77

typedef struct test_write {
    uint64_t offset, value;
    unsigned size;
} test_write;

typedef struct test_device {
    GMutex lock;
    GCond cond;
    GArray *port_writes;   /* test_write, port offset 0 */
    GArray *mmio_writes;   /* test_write */
    bool done, ready;
    uint64_t done_value, ap_value;
    unsigned irqs;
    bool ap_alive;
    unsigned port_c_writes;
    void (*on_port_c)(void);
} test_device;

#define test_assert_ok(err) \
    do { \
        if (err) \
            g_error("unexpected error: %s", (err)->message); \
    } while (0)

/* A guest snippet assembled into the test binary by the host assembler. */
#define TEST_GUEST_CODE(name) \
    extern const uint8_t name##_start[], name##_end[]
#define TEST_GUEST_LEN(name) ((size_t)(name##_end - name##_start))

/* Real-mode guest taking IRQ5 through an 8259 (see kvm_test_util.c). */
TEST_GUEST_CODE(pic_irq5_guest);

extern test_device test_dev;
extern uint8_t *test_ram;

/* Exits with 77 (skip) when /dev/kvm is not usable, printing why. */
void test_kvm_require(void);
/* Guest RAM [0, TEST_RAM_SIZE) and the test device, in the machine's spaces. */
void test_machine_build(void);
/* Creates the KVM VM and vCPUs over the machine's memory space; fails the test
 * on error. */
void test_kvm_init(const mm_kvm_options *opts);
void test_load(uint64_t gpa, const void *code, size_t len);

/* Waits up to `seconds` for *flag (set under test_dev.lock) to become true. */
bool test_wait(bool *flag, int seconds);
bool test_wait_irqs(unsigned count, int seconds);

/* Reset state of vCPU `cpu` with CS:IP = 0:ip in real mode. */
void test_set_real_mode_entry(unsigned cpu, uint16_t ip);

/* Flat segments and a GDT (null, code 0x08, data 0x10) for protected/long mode. */
struct kvm_segment test_flat_segment(uint16_t selector, bool code, bool code64);
void test_write_gdt(uint64_t gpa, bool code64);
/* Reset state of vCPU `cpu` switched to flat 32-bit protected mode at eip. */
void test_set_flat32_entry(unsigned cpu, uint64_t gdt, uint32_t eip);
/* Reset state of vCPU `cpu` switched to 64-bit mode at rip, with page tables
 * identity-mapping 4 GiB at TEST_PML4_ADDR.. (0x10000-0x15fff). */
#define TEST_PML4_ADDR 0x10000u
#define TEST_PDPT_ADDR 0x11000u
#define TEST_PD_ADDR 0x12000u
void test_set_long_mode_entry(unsigned cpu, uint64_t gdt, uint64_t rip);

#endif
