/* -vga TYPE names (QEMU's) and the display device each one stands for. */
#ifndef MODEMU_OPTIONS_VGA_TYPES_H
#define MODEMU_OPTIONS_VGA_TYPES_H

#include <stdio.h>

typedef struct mm_vga_type {
    const char *name;        /* -vga name */
    const char *device;      /* -device type it creates, NULL for none */
    const char *description;
} mm_vga_type;

const mm_vga_type *mm_vga_type_find(const char *name);
/* `-vga help`. */
void mm_vga_types_print(FILE *out);

#endif
