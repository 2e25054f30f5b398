/*
 * Reset and shutdown: a firmware ROM mapped below 4 GiB starts at the reset
 * vector (F000:FFF0), counts its boot on a port and halts.  The host then
 * moves the vCPU to a 64-bit snippet that triple-faults (INT3 with an empty
 * IDT; 64-bit because nested KVMs such as PVM emulate real mode and may not
 * model a real-mode triple fault).  KVM's SHUTDOWN exit must post a reset
 * request and park the vCPU; mm_kvm_reset() (what the main loop's system
 * reset calls) must bring it back to the reset vector, so the firmware runs
 * again.  Also: registers cannot be read while the vCPU runs.
 */
#include <stdio.h>
#include <string.h>
#include <modemu/error.h>
#include <modemu/event.h>

#include "kvm_test_util.h"
#include "runstate/runstate.h"

#define ROM_SIZE 0x10000u
#define ROM_BASE (0x100000000ull - ROM_SIZE)
#define ROM_CODE_OFFSET 0xe000u

__asm__(
    ".pushsection .rodata\n"
    ".globl reset_fw_start, reset_fw_end\n"
    "reset_fw_start:\n"
    ".code16\n"
    "    out %al, $0xe6\n"              /* one more boot */
    "    cli\n"
    "1:  hlt\n"
    "    jmp 1b\n"
    ".code64\n"
    "reset_fw_end:\n"
    ".popsection\n");
TEST_GUEST_CODE(reset_fw);

/* 64-bit, in RAM at 0x1000; the IDT descriptor (limit 0) at 0x600. */
__asm__(
    ".pushsection .rodata\n"
    ".globl triple_fault_start, triple_fault_end\n"
    "triple_fault_start:\n"
    ".code64\n"
    "    lidt 0x600\n"
    "    int3\n"
    "1:  hlt\n"
    "    jmp 1b\n"
    "triple_fault_end:\n"
    ".popsection\n");
TEST_GUEST_CODE(triple_fault);

static void map_firmware(void)
{
    mm_error *err = NULL;
    mm_memory_region *rom = mm_region_new_rom(NULL, "test-bios", ROM_SIZE, &err);
    test_assert_ok(err);
    uint8_t *p = mm_region_host_ptr(rom);
    memset(p, 0xf4, ROM_SIZE);
    memcpy(p + ROM_CODE_OFFSET, reset_fw_start, TEST_GUEST_LEN(reset_fw));
    const uint8_t jmp[] = { 0xe9, (uint8_t)((ROM_CODE_OFFSET - 0xfff3) & 0xff),
                            (uint8_t)(((ROM_CODE_OFFSET - 0xfff3) >> 8) & 0xff) };
    memcpy(p + 0xfff0, jmp, sizeof(jmp));
    mm_region_add_subregion(mm_address_space_root(mm_machine_memory_space()), ROM_BASE, rom, 0);
}

int main(void)
{
    test_kvm_require();
    test_machine_build();
    map_firmware();

    mm_error *err = NULL;
    test_kvm_init(&(mm_kvm_options){ .ncpus = 1 });

    mm_kvm_start();
    g_assert_true(test_wait_irqs(1, 120));
    mm_kvm_vcpu_state st;
    g_assert_false(mm_kvm_get_vcpu_state(0, &st, &err));   /* halted, but running */
    g_assert_nonnull(err);
    printf("while running: %s\n", err->message);
    mm_error_free(err);
    err = NULL;

    mm_kvm_stop();
    const uint8_t empty_idt[10] = { 0 };
    test_load(0x600, empty_idt, sizeof(empty_idt));
    test_load(0x1000, triple_fault_start, TEST_GUEST_LEN(triple_fault));
    test_set_long_mode_entry(0, 0x500, 0x1000);
    mm_kvm_start();
    /* The triple fault posts a reset request for the main loop. */
    for (int i = 0; i < 1200 && !mm_runstate_request_pending(); i++)
        g_usleep(100 * 1000);
    g_assert_true(mm_runstate_request_pending());
    g_assert_cmpuint(test_dev.irqs, ==, 1);
    int status = -1;
    if (mm_kvm_vcpu_last_exit(0) == KVM_EXIT_SHUTDOWN) {
        /* A reset request: the main loop resets and goes on. */
        g_assert_false(mm_runstate_process_requests(&status));
    } else {
        /* Some nested KVMs (PVM) emulate the faults and fail with an internal
         * error instead: that must end the machine (a panic shutdown). */
        printf("note: this host's KVM reported exit %u, not SHUTDOWN, for the triple fault\n",
               mm_kvm_vcpu_last_exit(0));
        g_assert_cmpuint(mm_kvm_vcpu_last_exit(0), ==, KVM_EXIT_INTERNAL_ERROR);
        g_assert_true(mm_runstate_process_requests(&status));
    }

    mm_kvm_reset();
    g_assert_true(test_wait_irqs(2, 120));
    mm_kvm_stop();
    mm_kvm_reset();   /* while stopped: the state is the power-on state at once */
    g_assert_true(mm_kvm_get_vcpu_state(0, &st, &err));
    printf("after reset: cs=%04x base=0x%llx rip=0x%llx cr0=0x%llx\n", st.sregs.cs.selector,
           st.sregs.cs.base, st.regs.rip, st.sregs.cr0);
    g_assert_cmphex(st.sregs.cs.selector, ==, 0xf000);
    g_assert_cmphex(st.sregs.cs.base, ==, 0xffff0000);
    g_assert_cmphex(st.regs.rip, ==, 0xfff0);
    g_assert_cmphex(st.sregs.cr0, ==, 0x60000010);
    g_assert_cmpuint(test_dev.irqs, ==, 2);
    mm_kvm_destroy();
    printf("ok\n");
    return 0;
}
