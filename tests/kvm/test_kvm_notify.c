/*
 * <modemu/notify.h> under KVM: a doorbell on port 0xEA (value 7) is caught by
 * the kernel (ioeventfd: no vCPU exit, the region handler never sees it) and
 * its callback runs from the main context; an MSI interrupt notifier (irqfd,
 * vector 0x40 to APIC 0) interrupts a 64-bit guest, twice.  (64-bit, because
 * some nested KVMs, such as PVM, cannot run a 32-bit guest's IRET.)
 */
#include <stdio.h>
#include <string.h>
#include <modemu/error.h>
#include <modemu/event.h>
#include <modemu/notify.h>

#include "kvm_test_util.h"

#define GDT_ADDR 0x500u
#define IDTR_ADDR 0x600u
#define IDT_ADDR 0x3000u
#define MSI_VECTOR 0x40u

/* 64-bit at 0x1000. */
__asm__(
    ".pushsection .rodata\n"
    ".globl notify_guest_start, notify_guest_end\n"
    "notify_guest_start:\n"
    ".code64\n"
    "    mov $7, %al\n"
    "    out %al, $0xea\n"                 /* the doorbell */
    "    mov $0xfee00000, %ebx\n"
    "    orl $0x100, 0xf0(%rbx)\n"         /* APIC software enable */
    "    lidt 0x600\n"
    "    out %al, $0xe5\n"                 /* ready */
    "    sti\n"
    "1:  hlt\n"
    "    jmp 1b\n"
    "notify_handler:\n"
    "    out %al, $0xe6\n"                 /* interrupt seen */
    "    mov $0xfee000b0, %eax\n"
    "    movl $0, (%rax)\n"                /* EOI */
    "    iretq\n"
    "notify_guest_end:\n"
    ".globl notify_handler\n"
    ".code64\n"
    ".popsection\n");
TEST_GUEST_CODE(notify_guest);
extern const uint8_t notify_handler[];

static unsigned doorbell_rings;

static void doorbell_rang(void *opaque)
{
    doorbell_rings++;
}

static void build_idt(void)
{
    /* A 64-bit interrupt gate: 16 bytes. */
    uint32_t handler = 0x1000 + (uint32_t)(notify_handler - notify_guest_start);
    uint32_t gate[4] = { (handler & 0xffff) | (0x08u << 16), (handler & 0xffff0000u) | 0x8e00u,
                         0, 0 };
    test_load(IDT_ADDR + MSI_VECTOR * 16, gate, sizeof(gate));
    uint8_t idtr[10];
    uint16_t limit = 0xfff;
    uint64_t base = IDT_ADDR;
    memcpy(idtr, &limit, 2);
    memcpy(idtr + 2, &base, 8);
    test_load(IDTR_ADDR, idtr, sizeof(idtr));
}

int main(void)
{
    test_kvm_require();
    test_machine_build();
    test_load(0x1000, notify_guest_start, TEST_GUEST_LEN(notify_guest));
    build_idt();

    mm_error *err = NULL;
    mm_kvm_options opts = { .ncpus = 1, .irqchip = MM_KVM_IRQCHIP_ON };
    mm_machine_lock();
    bool ok = mm_kvm_init(&opts, mm_machine_memory_space(), &err);
    mm_doorbell_config cfg = { .io = true, .addr = TEST_PORT_BASE + 0xa, .size = 1,
                               .match_value = true, .value = 7 };
    mm_doorbell *db = mm_doorbell_new(&cfg, doorbell_rang, NULL, &err);
    mm_irq_notifier *irq = mm_irq_notifier_new_msi(0xfee00000, MSI_VECTOR, &err);
    mm_machine_unlock();
    test_assert_ok(err);
    g_assert_true(ok);
    g_assert_true(mm_doorbell_is_accelerated(db));
    g_assert_true(mm_irq_notifier_is_accelerated(irq));

    test_set_long_mode_entry(0, GDT_ADDR, 0x1000);
    mm_kvm_start();
    g_assert_true(test_wait(&test_dev.ready, 120));
    /* The doorbell's eventfd is served by the main context. */
    for (int i = 0; i < 1000 && !doorbell_rings; i++)
        g_main_context_iteration(NULL, FALSE), g_usleep(1000);
    g_assert_cmpuint(doorbell_rings, ==, 1);
    g_assert_cmpuint(test_dev.port_writes->len, ==, 0);   /* the handler never saw it */
    g_assert_cmpuint(mm_kvm_vcpu_exits(0), ==, 1);         /* only the "ready" port */

    for (unsigned n = 1; n <= 2; n++) {
        mm_irq_notifier_trigger(irq);
        g_assert_true(test_wait_irqs(n, 120));
    }
    mm_kvm_stop();
    printf("doorbell rings %u, irqs %u, exits %" G_GUINT64_FORMAT "\n", doorbell_rings,
           test_dev.irqs, mm_kvm_vcpu_exits(0));
    g_assert_cmpuint(test_dev.irqs, ==, 2);

    /* Reprogrammed vector: no handler there, but the route update must succeed. */
    g_assert_true(mm_irq_notifier_set_msi(irq, 0xfee00000, MSI_VECTOR + 1, &err));
    mm_irq_notifier_free(irq);
    mm_machine_lock();
    mm_doorbell_free(db);
    mm_machine_unlock();
    mm_kvm_destroy();
    printf("ok\n");
    return 0;
}
