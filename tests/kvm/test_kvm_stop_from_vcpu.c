/*
 * Device code running on a vCPU thread (inside an I/O exit, machine lock
 * held) stops the machine: mm_kvm_stop() must return instead of waiting for
 * its own thread, and the guest must not go on until the next start.
 */
#include <stdio.h>
#include <modemu/error.h>
#include <modemu/event.h>

#include "kvm_test_util.h"

__asm__(
    ".pushsection .rodata\n"
    ".globl stop_guest_start, stop_guest_end\n"
    "stop_guest_start:\n"
    ".code16\n"
    "    out %al, $0xec\n"     /* the device stops the machine */
    "    out %al, $0xe4\n"     /* done: only after the next start */
    "1:  hlt\n"
    "    jmp 1b\n"
    ".code64\n"
    "stop_guest_end:\n"
    ".popsection\n");
TEST_GUEST_CODE(stop_guest);

static bool stopped;

static void device_stops_machine(void)
{
    mm_kvm_stop();
    g_mutex_lock(&test_dev.lock);
    stopped = true;
    g_cond_broadcast(&test_dev.cond);
    g_mutex_unlock(&test_dev.lock);
}

int main(void)
{
    test_kvm_require();
    test_machine_build();
    test_load(0x1000, stop_guest_start, TEST_GUEST_LEN(stop_guest));
    test_dev.on_port_c = device_stops_machine;

    mm_error *err = NULL;
    test_kvm_init(&(mm_kvm_options){ .ncpus = 1 });
    test_set_real_mode_entry(0, 0x1000);
    mm_kvm_start();
    g_assert_true(test_wait(&stopped, 120));
    g_usleep(200 * 1000);
    g_assert_false(test_dev.done);          /* parked after the OUT completed */
    mm_kvm_vcpu_state st;
    g_assert_true(mm_kvm_get_vcpu_state(0, &st, &err));
    g_assert_cmphex(st.regs.rip, ==, 0x1002);   /* past the first OUT, before the second */
    mm_kvm_start();
    g_assert_true(test_wait(&test_dev.done, 120));
    mm_kvm_stop();
    g_assert_cmpuint(test_dev.port_c_writes, ==, 1);
    mm_kvm_destroy();
    printf("ok\n");
    return 0;
}
