/*
 * Memory slots follow the memory API's flat view: a RAM region added after
 * the VM exists becomes a slot the guest reads at full speed; moving it
 * (mm_region_set_address) moves the slot, and the old address then reads as
 * unassigned memory (an MMIO exit answered by the memory API, whatever it
 * answers for unassigned addresses); deleting it removes the slot.  A 64-bit guest reads both addresses and reports them.
 */
#include <stdio.h>
#include <string.h>
#include <modemu/error.h>
#include <modemu/event.h>

#include "kvm_test_util.h"

#define GDT_ADDR 0x500u
#define OLD_ADDR 0x300000ull
#define NEW_ADDR 0x400000ull
#define EXTRA_SIZE 0x10000u

/* Reports the qwords at OLD_ADDR and NEW_ADDR on port 0xE0 (low 32 bits). */
__asm__(
    ".pushsection .rodata\n"
    ".globl slot_guest_start, slot_guest_end\n"
    "slot_guest_start:\n"
    ".code64\n"
    "    mov 0x300000, %eax\n"
    "    out %eax, $0xe0\n"
    "    mov 0x400000, %eax\n"
    "    out %eax, $0xe0\n"
    "    out %al, $0xe4\n"
    "1:  hlt\n"
    "    jmp 1b\n"
    "slot_guest_end:\n"
    ".popsection\n");
TEST_GUEST_CODE(slot_guest);

static void run_guest_once(void)
{
    g_mutex_lock(&test_dev.lock);
    test_dev.done = false;
    g_array_set_size(test_dev.port_writes, 0);
    g_mutex_unlock(&test_dev.lock);
    test_set_long_mode_entry(0, GDT_ADDR, 0x1000);
    mm_kvm_start();
    g_assert_true(test_wait(&test_dev.done, 120));
    mm_kvm_stop();
    g_assert_cmpuint(test_dev.port_writes->len, ==, 2);
}

/* What the memory API itself gives for a 4-byte read at an unmapped address. */
static uint64_t unassigned_value(uint64_t addr)
{
    uint64_t v = 0;
    mm_machine_lock();
    mm_as_read(mm_machine_memory_space(), addr, 4, &v);
    mm_machine_unlock();
    return v;
}

static uint64_t reported(unsigned i)
{
    return g_array_index(test_dev.port_writes, test_write, i).value;
}

int main(void)
{
    test_kvm_require();
    test_machine_build();
    test_load(0x1000, slot_guest_start, TEST_GUEST_LEN(slot_guest));

    mm_error *err = NULL;
    test_kvm_init(&(mm_kvm_options){ .ncpus = 1 });
    unsigned base_slots = mm_kvm_memslot_count();
    g_assert_cmpuint(base_slots, >=, 1);   /* the test RAM, around the test MMIO */

    mm_machine_lock();
    mm_memory_region *extra = mm_region_new_ram(NULL, "extra", EXTRA_SIZE, &err);
    test_assert_ok(err);
    memset(mm_region_host_ptr(extra), 0x11, EXTRA_SIZE);
    mm_memory_region *root = mm_address_space_root(mm_machine_memory_space());
    mm_region_add_subregion(root, OLD_ADDR, extra, 0);
    mm_machine_unlock();
    g_assert_cmpuint(mm_kvm_memslot_count(), ==, base_slots + 1);
    run_guest_once();
    printf("at 0x300000: 0x%" G_GINT64_MODIFIER "x, at 0x400000: 0x%" G_GINT64_MODIFIER "x\n",
           reported(0), reported(1));
    g_assert_cmphex(reported(0), ==, 0x11111111);
    g_assert_cmphex(reported(1), ==, unassigned_value(NEW_ADDR));

    mm_machine_lock();
    mm_region_set_address(extra, NEW_ADDR);
    mm_machine_unlock();
    g_assert_cmpuint(mm_kvm_memslot_count(), ==, base_slots + 1);
    run_guest_once();
    printf("moved: at 0x300000: 0x%" G_GINT64_MODIFIER "x, at 0x400000: 0x%" G_GINT64_MODIFIER
           "x\n", reported(0), reported(1));
    g_assert_cmphex(reported(0), ==, unassigned_value(OLD_ADDR));
    g_assert_cmphex(reported(1), ==, 0x11111111);

    mm_machine_lock();
    mm_region_del_subregion(root, extra);
    mm_region_free(extra);
    mm_machine_unlock();
    g_assert_cmpuint(mm_kvm_memslot_count(), ==, base_slots);
    run_guest_once();
    g_assert_cmphex(reported(0), ==, unassigned_value(OLD_ADDR));
    g_assert_cmphex(reported(1), ==, unassigned_value(NEW_ADDR));
    mm_kvm_destroy();
    printf("ok\n");
    return 0;
}
