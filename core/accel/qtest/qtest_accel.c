/* The "qtest" accelerator: no vCPUs, a virtual clock moved by the protocol. */
#include "accel/accel.h"
#include "accel/qtest/qtest.h"
#include "event/clock.h"

static bool qtest_accel_init(mm_machine_state *machine, mm_error **errp)
{
    mm_virtual_clock_use_counter(true);
    return true;
}

static const mm_accel_ops qtest_accel_ops = {
    .name = "qtest",
    .description = "device testing: no CPU, clock moved by the qtest protocol",
    .init = qtest_accel_init,
};

MM_ACCEL_REGISTER(qtest_accel_ops)

bool mm_qtest_enabled(void)
{
    return mm_accel_current() == &qtest_accel_ops;
}
