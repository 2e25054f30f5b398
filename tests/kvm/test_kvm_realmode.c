/*
 * A real-mode guest under KVM: port I/O in and out, MMIO reads and writes to
 * a test device, a write to ROM that must not stick (read-only memory slot),
 * writes to a coalesced MMIO zone delivered in order, then HLT.  Registers
 * and device state are checked afterwards.
 */
#include <stdio.h>
#include <string.h>
#include <modemu/error.h>
#include <modemu/event.h>

#include "kvm_test_util.h"

#define ROM_BASE 0xe0000ull
#define COALESCED_OFFSET 0x100

/* Loaded at 0x1000 and entered at 0000:1000. */
__asm__(
    ".pushsection .rodata\n"
    ".globl realmode_guest_start, realmode_guest_end\n"
    "realmode_guest_start:\n"
    ".code16\n"
    "    mov $0x1234, %ax\n"
    "    out %ax, $0xe0\n"            /* recorded port write */
    "    in $0xe2, %ax\n"             /* 0xBEEF */
    "    mov %ax, %bx\n"
    "    mov $0xd000, %cx\n"
    "    mov %cx, %ds\n"
    "    movl $0xcafef00d, %eax\n"
    "    mov %eax, 0x10\n"            /* MMIO write, 4 bytes at 0xD0010 */
    "    mov 0x20, %edx\n"            /* MMIO read: 0x55AA1234 */
    "    movb $1, 0x100\n"            /* three coalesced writes */
    "    movb $2, 0x101\n"
    "    movb $3, 0x102\n"
    "    mov $0xe000, %cx\n"
    "    mov %cx, %es\n"
    "    movb $0x99, %es:0\n"         /* ROM write: dropped */
    "    movb %es:0, %cl\n"           /* 0x5A, the ROM's content */
    "    mov $0x42, %al\n"
    "    out %al, $0xe4\n"            /* done */
    "1:  hlt\n"
    "    jmp 1b\n"
    ".code64\n"
    "realmode_guest_end:\n"
    ".popsection\n");
TEST_GUEST_CODE(realmode_guest);

static void map_rom(void)
{
    mm_error *err = NULL;
    mm_memory_region *rom = mm_region_new_rom(NULL, "test-rom", 0x10000, &err);
    test_assert_ok(err);
    memset(mm_region_host_ptr(rom), 0x5a, 0x10000);
    /* Above the RAM (priority 1) so it wins over the RAM mapping there. */
    mm_region_add_subregion(mm_address_space_root(mm_machine_memory_space()), ROM_BASE, rom, 1);
}

int main(void)
{
    test_kvm_require();
    test_machine_build();
    map_rom();
    test_load(0x1000, realmode_guest_start, TEST_GUEST_LEN(realmode_guest));

    mm_error *err = NULL;
    test_kvm_init(&(mm_kvm_options){ .ncpus = 1 });
    g_assert_true(mm_kvm_coalesced_mmio_add(TEST_MMIO_BASE + COALESCED_OFFSET, 0x100, &err));
    test_assert_ok(err);
    test_set_real_mode_entry(0, 0x1000);
    mm_kvm_start();
    g_assert_true(test_wait(&test_dev.done, 120));
    mm_kvm_stop();

    mm_kvm_vcpu_state st;
    g_assert_true(mm_kvm_get_vcpu_state(0, &st, &err));
    printf("rip=0x%llx rbx=0x%llx rdx=0x%llx rcx=0x%llx exits=%" G_GUINT64_FORMAT "\n",
           st.regs.rip, st.regs.rbx, st.regs.rdx, st.regs.rcx, mm_kvm_vcpu_exits(0));
    g_assert_cmphex(st.regs.rbx & 0xffff, ==, 0xbeef);
    g_assert_cmphex(st.regs.rdx, ==, 0x55aa1234);
    g_assert_cmphex(st.regs.rcx & 0xff, ==, 0x5a);
    g_assert_cmphex(test_ram[ROM_BASE] , ==, 0);      /* the RAM below the ROM is untouched */
    g_assert_cmphex(test_dev.done_value, ==, 0x42);
    /* Halted at the HLT loop: RIP within the snippet. */
    g_assert_cmpuint(st.regs.rip, >=, 0x1000);
    g_assert_cmpuint(st.regs.rip, <, 0x1000 + TEST_GUEST_LEN(realmode_guest));

    g_assert_cmpuint(test_dev.port_writes->len, ==, 1);
    test_write *pw = &g_array_index(test_dev.port_writes, test_write, 0);
    g_assert_cmphex(pw->value, ==, 0x1234);
    g_assert_cmpuint(pw->size, ==, 2);

    /* MMIO: the 4-byte write, then the coalesced bytes in guest order. */
    g_assert_cmpuint(test_dev.mmio_writes->len, ==, 4);
    test_write *mw = &g_array_index(test_dev.mmio_writes, test_write, 0);
    g_assert_cmphex(mw->offset, ==, 0x10);
    g_assert_cmphex(mw->value, ==, 0xcafef00d);
    g_assert_cmpuint(mw->size, ==, 4);
    for (unsigned i = 0; i < 3; i++) {
        mw = &g_array_index(test_dev.mmio_writes, test_write, i + 1);
        g_assert_cmphex(mw->offset, ==, COALESCED_OFFSET + i);
        g_assert_cmphex(mw->value, ==, i + 1);
    }
    mm_kvm_destroy();
    printf("ok\n");
    return 0;
}
