/* Plugin descriptor: the 16550A UART. */
#include <modemu/plugin.h>

#include "isa_serial.h"

static const mm_type_info *const serial_types[] = { &isa_serial_type, NULL };

MM_PLUGIN_DEFINE(
    .name = "serial",
    .description = "16550A UART (isa-serial)",
    .types = serial_types,
);
