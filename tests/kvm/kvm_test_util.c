/* Helpers for the KVM accelerator tests (see kvm_test_util.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <modemu/error.h>
#include <modemu/event.h>

#include "kvm_test_util.h"

test_device test_dev;
uint8_t *test_ram;

void test_kvm_require(void)
{
    mm_error *err = NULL;
    if (!mm_kvm_available(&err)) {
        printf("SKIP: %s\n", err->message);
        mm_error_free(err);
        exit(TEST_KVM_SKIP);
    }
}

static void record(GArray *log, uint64_t offset, uint64_t value, unsigned size)
{
    test_write w = { offset, value, size };
    g_array_append_val(log, w);
}

static uint64_t port_read(void *opaque, uint64_t offset, unsigned size)
{
    return offset == 2 ? 0xbeef : 0;
}

static void port_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    g_mutex_lock(&test_dev.lock);
    switch (offset) {
    case 0:
    case 0xa:   /* a doorbell port: seen here only when not intercepted */
        record(test_dev.port_writes, offset, value, size);
        break;
    case 4:
        test_dev.done = true;
        test_dev.done_value = value;
        break;
    case 5:
        test_dev.ready = true;
        break;
    case 6:
        test_dev.irqs++;
        break;
    case 0xc:
        test_dev.port_c_writes++;
        if (test_dev.on_port_c) {
            g_mutex_unlock(&test_dev.lock);
            test_dev.on_port_c();   /* device code on the vCPU thread */
            g_mutex_lock(&test_dev.lock);
        }
        break;
    case 8:
        test_dev.ap_alive = true;
        test_dev.ap_value = value;
        break;
    default:
        break;
    }
    g_cond_broadcast(&test_dev.cond);
    g_mutex_unlock(&test_dev.lock);
}

static uint64_t mmio_read(void *opaque, uint64_t offset, unsigned size)
{
    if (offset == 0x20)
        return size == 8 ? 0x8877665544332211ull : 0x55aa1234u;
    return 0;
}

static void mmio_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    g_mutex_lock(&test_dev.lock);
    record(test_dev.mmio_writes, offset, value, size);
    g_mutex_unlock(&test_dev.lock);
}

static const mm_region_ops port_ops = {
    .read = port_read, .write = port_write,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
};

static const mm_region_ops mmio_ops = {
    .read = mmio_read, .write = mmio_write,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
};

void test_machine_build(void)
{
    g_mutex_init(&test_dev.lock);
    g_cond_init(&test_dev.cond);
    test_dev.port_writes = g_array_new(FALSE, TRUE, sizeof(test_write));
    test_dev.mmio_writes = g_array_new(FALSE, TRUE, sizeof(test_write));
    mm_error *err = NULL;
    mm_memory_region *ram = mm_region_new_ram(NULL, "test-ram", TEST_RAM_SIZE, &err);
    test_assert_ok(err);
    test_ram = mm_region_host_ptr(ram);
    mm_region_add_subregion(mm_address_space_root(mm_machine_memory_space()), 0, ram, 0);
    mm_region_add_subregion(mm_address_space_root(mm_machine_memory_space()), TEST_MMIO_BASE,
                            mm_region_new_io(NULL, "test-mmio", 0x1000, &mmio_ops, NULL), 1);
    mm_region_add_subregion(mm_address_space_root(mm_machine_io_space()), TEST_PORT_BASE,
                            mm_region_new_io(NULL, "test-ports", 0x10, &port_ops, NULL), 0);
}

void test_load(uint64_t gpa, const void *code, size_t len)
{
    g_assert_cmpuint(gpa + len, <=, TEST_RAM_SIZE);
    memcpy(test_ram + gpa, code, len);
}

static bool test_wait_until(bool (*cond)(void *), void *arg, int seconds)
{
    gint64 deadline = g_get_monotonic_time() + (gint64)seconds * G_USEC_PER_SEC;
    g_mutex_lock(&test_dev.lock);
    bool ok;
    while (!(ok = cond(arg))) {
        if (!g_cond_wait_until(&test_dev.cond, &test_dev.lock, deadline))
            break;
    }
    ok = cond(arg);
    g_mutex_unlock(&test_dev.lock);
    return ok;
}

static bool flag_set(void *arg)
{
    return *(bool *)arg;
}

static bool irqs_reached(void *arg)
{
    return test_dev.irqs >= *(unsigned *)arg;
}

bool test_wait(bool *flag, int seconds)
{
    return test_wait_until(flag_set, flag, seconds);
}

bool test_wait_irqs(unsigned count, int seconds)
{
    return test_wait_until(irqs_reached, &count, seconds);
}

void test_set_real_mode_entry(unsigned cpu, uint16_t ip)
{
    mm_kvm_vcpu_state st;
    mm_error *err = NULL;
    g_assert_true(mm_kvm_get_vcpu_state(cpu, &st, &err));
    st.sregs.cs.selector = 0;
    st.sregs.cs.base = 0;
    st.regs.rip = ip;
    g_assert_true(mm_kvm_set_vcpu_state(cpu, &st, &err));
}

struct kvm_segment test_flat_segment(uint16_t selector, bool code, bool code64)
{
    struct kvm_segment s = {
        .base = 0, .limit = 0xffffffff, .selector = selector,
        .type = code ? 0xb : 0x3, .present = 1, .s = 1, .g = 1,
        .l = code && code64, .db = !(code && code64),
    };
    return s;
}

void test_write_gdt(uint64_t gpa, bool code64)
{
    /* Accessed bits preset: a CPU without unrestricted guest cannot run code
     * with a not-accessed segment in its cache, and KVM would emulate. */
    uint64_t gdt[3] = { 0, code64 ? 0x00af9b000000ffffull : 0x00cf9b000000ffffull,
                        0x00cf93000000ffffull };
    test_load(gpa, gdt, sizeof(gdt));
}

void test_set_flat32_entry(unsigned cpu, uint64_t gdt, uint32_t eip)
{
    mm_kvm_vcpu_state st;
    mm_error *err = NULL;
    test_write_gdt(gdt, false);
    g_assert_true(mm_kvm_get_vcpu_state(cpu, &st, &err));
    st.sregs.cs = test_flat_segment(0x08, true, false);
    st.sregs.ds = st.sregs.es = st.sregs.ss = test_flat_segment(0x10, false, false);
    st.sregs.gdt.base = gdt;
    st.sregs.gdt.limit = 0x17;
    st.sregs.cr0 = 0x11;   /* PE | ET */
    st.regs.rip = eip;
    st.regs.rsp = 0x8000;
    g_assert_true(mm_kvm_set_vcpu_state(cpu, &st, &err));
}

static void put64(uint64_t gpa, uint64_t value)
{
    test_load(gpa, &value, sizeof(value));
}

/* Identity map of the first 4 GiB with 2 MiB pages: PML4, PDPT, four PDs. */
static void test_build_page_tables(void)
{
    put64(TEST_PML4_ADDR, TEST_PDPT_ADDR | 0x3);                 /* present, writable */
    for (uint64_t gib = 0; gib < 4; gib++) {
        uint64_t pd = TEST_PD_ADDR + gib * 0x1000;
        put64(TEST_PDPT_ADDR + gib * 8, pd | 0x3);
        for (uint64_t i = 0; i < 512; i++)
            put64(pd + i * 8, ((gib << 30) + (i << 21)) | 0x83);  /* 2 MiB page */
    }
}

void test_set_long_mode_entry(unsigned cpu, uint64_t gdt, uint64_t rip)
{
    mm_kvm_vcpu_state st;
    mm_error *err = NULL;
    test_build_page_tables();
    test_write_gdt(gdt, true);
    g_assert_true(mm_kvm_get_vcpu_state(cpu, &st, &err));
    st.sregs.cs = test_flat_segment(0x08, true, true);
    st.sregs.ds = st.sregs.es = st.sregs.ss = test_flat_segment(0x10, false, false);
    st.sregs.gdt.base = gdt;
    st.sregs.gdt.limit = 0x17;
    st.sregs.cr3 = TEST_PML4_ADDR;
    st.sregs.cr4 = 0x20;                  /* PAE */
    st.sregs.efer = 0x500;                /* LME | LMA */
    st.sregs.cr0 = 0x80000011;            /* PG | ET | PE */
    st.regs.rip = rip;
    st.regs.rsp = 0x8000;
    st.regs.rflags = 0x2;
    g_assert_true(mm_kvm_set_vcpu_state(cpu, &st, &err));
}

void test_kvm_init(const mm_kvm_options *opts)
{
    mm_error *err = NULL;
    mm_machine_lock();
    bool ok = mm_kvm_init(opts, mm_machine_memory_space(), &err);
    mm_machine_unlock();
    test_assert_ok(err);
    g_assert_true(ok);
}

/* The real-mode guest both interrupt tests run (in-kernel irqchip and the
 * board's own 8259): it programs the 8259 (vector base 0x08, only IRQ5
 * unmasked), installs an IVT handler, reports ready on port 0xe5 and halts;
 * each interrupt reports on port 0xe6 and sends EOI.  Loaded at 0x1000 and
 * entered at 0000:1000. */
__asm__(
    ".pushsection .rodata\n"
    ".globl pic_irq5_guest_start, pic_irq5_guest_end\n"
    "pic_irq5_guest_start:\n"
    ".code16\n"
    "    cli\n"
    "    xor %ax, %ax\n"
    "    mov %ax, %ds\n"
    "    mov %ax, %ss\n"
    "    mov $0x8000, %sp\n"
    "    movw $(pic_irq5_handler - pic_irq5_guest_start + 0x1000), (0x0d * 4)\n"
    "    movw $0, (0x0d * 4 + 2)\n"
    "    mov $0x11, %al\n  out %al, $0x20\n"   /* ICW1: edge, cascade, ICW4 */
    "    mov $0x08, %al\n  out %al, $0x21\n"   /* ICW2: vectors 0x08-0x0f */
    "    mov $0x04, %al\n  out %al, $0x21\n"   /* ICW3: slave on IRQ2 */
    "    mov $0x01, %al\n  out %al, $0x21\n"   /* ICW4: 8086 mode */
    "    mov $0xdf, %al\n  out %al, $0x21\n"   /* OCW1: only IRQ5 */
    "    out %al, $0xe5\n"                     /* ready */
    "    sti\n"
    "1:  hlt\n"
    "    jmp 1b\n"
    "pic_irq5_handler:\n"
    "    push %ax\n"
    "    out %al, $0xe6\n"                     /* interrupt seen */
    "    mov $0x20, %al\n  out %al, $0x20\n"   /* non-specific EOI */
    "    pop %ax\n"
    "    iret\n"
    ".code64\n"
    "pic_irq5_guest_end:\n"
    ".popsection\n");
TEST_GUEST_CODE(pic_irq5_guest);
