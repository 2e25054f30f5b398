/*
 * The core interfaces the command line drives, in one include: the plugin
 * registry, object model, machine state, accelerators, run state, event
 * loop, character devices, monitor, qtest, CPU models and firmware path.
 */
#ifndef MODEMU_VL_CORE_API_H
#define MODEMU_VL_CORE_API_H

#include <modemu/error.h>
#include <modemu/object.h>
#include "accel/accel.h"
#include "accel/qtest/qtest.h"
#include "chardev/chardev_setup.h"
#include "cpu/cpuid.h"
#include "event/main_loop.h"
#include "machine/firmware_path.h"
#include "machine/machine.h"
#include "monitor/monitor.h"
#include "plugin/plugin_registry.h"
#include "runstate/runstate.h"

#endif
