/* The isa-serial device type. */
#ifndef SERIAL_ISA_SERIAL_H
#define SERIAL_ISA_SERIAL_H

#include <modemu/object.h>

extern const mm_type_info isa_serial_type;

#endif
