/*
 * A 64-bit guest: the host builds identity-mapped page tables (2 MiB pages,
 * first 4 GiB) and a GDT in guest RAM and enters long mode directly, as a
 * 64-bit direct kernel boot does; the guest does a 4-byte port write and
 * 8-byte MMIO write and read, then halts.  (Page tables: kvm_test_util.c.)
 */
#include <stdio.h>
#include <string.h>
#include <modemu/error.h>
#include <modemu/event.h>

#include "kvm_test_util.h"

#define GDT_ADDR 0x500u

__asm__(
    ".pushsection .rodata\n"
    ".globl long_guest_start, long_guest_end\n"
    "long_guest_start:\n"
    ".code64\n"
    "    movabs $0x1122334455667788, %rax\n"
    "    out %eax, $0xe0\n"
    "    mov %rax, 0xd0008\n"
    "    mov 0xd0020, %rdx\n"
    "    mov $0x99, %al\n"
    "    out %al, $0xe4\n"
    "1:  hlt\n"
    "    jmp 1b\n"
    "long_guest_end:\n"
    ".popsection\n");
TEST_GUEST_CODE(long_guest);

int main(void)
{
    test_kvm_require();
    test_machine_build();
    test_load(0x1000, long_guest_start, TEST_GUEST_LEN(long_guest));

    mm_error *err = NULL;
    test_kvm_init(&(mm_kvm_options){ .ncpus = 1 });
    test_set_long_mode_entry(0, GDT_ADDR, 0x1000);
    mm_kvm_start();
    g_assert_true(test_wait(&test_dev.done, 120));
    mm_kvm_stop();

    mm_kvm_vcpu_state st;
    g_assert_true(mm_kvm_get_vcpu_state(0, &st, &err));
    printf("rip=0x%llx rdx=0x%llx efer=0x%llx cs.l=%u\n", st.regs.rip, st.regs.rdx,
           st.sregs.efer, st.sregs.cs.l);
    g_assert_cmphex(st.regs.rdx, ==, 0x8877665544332211ull);
    g_assert_cmphex(st.sregs.efer & 0x400, ==, 0x400);
    g_assert_cmpuint(st.sregs.cs.l, ==, 1);
    g_assert_cmpuint(test_dev.port_writes->len, ==, 1);
    test_write *pw = &g_array_index(test_dev.port_writes, test_write, 0);
    g_assert_cmphex(pw->value, ==, 0x55667788);
    g_assert_cmpuint(pw->size, ==, 4);
    g_assert_cmpuint(test_dev.mmio_writes->len, ==, 1);
    test_write *mw = &g_array_index(test_dev.mmio_writes, test_write, 0);
    g_assert_cmphex(mw->offset, ==, 8);
    g_assert_cmphex(mw->value, ==, 0x1122334455667788ull);
    g_assert_cmpuint(mw->size, ==, 8);
    mm_kvm_destroy();
    printf("ok\n");
    return 0;
}
