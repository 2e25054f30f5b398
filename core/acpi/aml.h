/*
 * A small AML encoder (ACPI 6.x section 20, "ACPI Machine Language"), enough
 * for the DSDT of the pc board: scopes, devices, named objects, integers,
 * strings, packages, buffers and EISA ids (core-internal).
 *
 * AML is written straight into a GByteArray.  Objects with a PkgLength
 * (Scope, Device, Package, Buffer) are opened with aml_*_begin(), which
 * returns a mark, and closed with aml_end(mark), which inserts the encoded
 * length once the contents are known.
 */
#ifndef MODEMU_ACPI_AML_H
#define MODEMU_ACPI_AML_H

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

/* Opcodes (ACPI 6.4 table 20.x). */
#define AML_ZERO_OP       0x00
#define AML_ONE_OP        0x01
#define AML_NAME_OP       0x08
#define AML_BYTE_PREFIX   0x0a
#define AML_WORD_PREFIX   0x0b
#define AML_DWORD_PREFIX  0x0c
#define AML_STRING_PREFIX 0x0d
#define AML_QWORD_PREFIX  0x0e
#define AML_SCOPE_OP      0x10
#define AML_BUFFER_OP     0x11
#define AML_PACKAGE_OP    0x12
#define AML_EXT_OP_PREFIX 0x5b
#define AML_DEVICE_OP     0x82   /* after AML_EXT_OP_PREFIX */
#define AML_ONES_OP       0xff
#define AML_ROOT_CHAR     '\\'
#define AML_DUAL_NAME_PREFIX  0x2e
#define AML_MULTI_NAME_PREFIX 0x2f

typedef struct aml_mark {
    size_t pos;      /* where the PkgLength goes */
} aml_mark;

/* The encoded PkgLength of a package whose contents (after the PkgLength)
 * are `len` bytes; returns the number of bytes written to out[4]. */
unsigned aml_pkg_length_encode(size_t len, uint8_t out[4]);

/* A NameString: "\\_SB.PCI0", "_HID", "^PARENT" is not supported.  Segments
 * shorter than 4 characters are padded with '_'. */
void aml_name_string(GByteArray *b, const char *path);
/* The shortest integer encoding (ZeroOp, OneOp, Byte/Word/DWord/QWord). */
void aml_integer(GByteArray *b, uint64_t value);
void aml_string(GByteArray *b, const char *s);
/* EISA id "PNP0A03" as its compressed 32-bit integer. */
uint32_t aml_eisa_id_value(const char *id);
void aml_eisa_id(GByteArray *b, const char *id);
/* Name(path, ...): the caller appends the value right after. */
void aml_name(GByteArray *b, const char *path);

aml_mark aml_scope_begin(GByteArray *b, const char *path);
aml_mark aml_device_begin(GByteArray *b, const char *path);
aml_mark aml_package_begin(GByteArray *b, unsigned elements);
void aml_end(GByteArray *b, aml_mark mark);
/* Buffer() holding `len` bytes. */
void aml_buffer(GByteArray *b, const uint8_t *data, size_t len);

#endif
