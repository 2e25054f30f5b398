/*
 * ACPI resource descriptors (ACPI 6.x section 6.4) for _CRS buffers
 * (core-internal).  Each function appends one descriptor to `b`; a template
 * is finished with aml_resource_end() and then wrapped with aml_buffer().
 */
#ifndef MODEMU_ACPI_AML_RESOURCE_H
#define MODEMU_ACPI_AML_RESOURCE_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

/* IO(Decode16, min, max, align, len): small descriptor 0x47. */
void aml_resource_io(GByteArray *b, uint16_t min, uint16_t max, uint8_t align, uint8_t len);
/* IRQNoFlags() {irq}: small descriptor 0x22 (edge, active high). */
void aml_resource_irq(GByteArray *b, unsigned irq);
/* Bridge windows (producers, MinFixed/MaxFixed, positive decode). */
void aml_resource_word_bus(GByteArray *b, uint16_t min, uint16_t max);
void aml_resource_word_io(GByteArray *b, uint16_t min, uint16_t max);
void aml_resource_dword_memory(GByteArray *b, uint32_t min, uint32_t max, bool cacheable);
void aml_resource_qword_memory(GByteArray *b, uint64_t min, uint64_t max, bool cacheable);
/* EndTag, checksum 0 ("treat as valid"). */
void aml_resource_end(GByteArray *b);

#endif
