/*
 * The machine being built and run (core-internal).
 *
 * Machine types (-M pc, pc-i440fx-*, none ...) are types of kind
 * MM_KIND_MACHINE whose instance struct embeds mm_machine_state.  The command
 * line (core/vl) creates the instance, fills the common fields below (and the
 * type's own properties from `-M type,prop=value`), then realizes it: realize
 * builds the board (RAM, buses, interrupt controllers, default devices).  After
 * that vl creates backends and -device devices, then starts the accelerator.
 */
#ifndef MODEMU_MACHINE_MACHINE_H
#define MODEMU_MACHINE_MACHINE_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/object.h>

typedef struct mm_smp_config {
    unsigned cpus, sockets, dies, cores, threads, maxcpus;
} mm_smp_config;

typedef struct mm_machine_state {
    mm_object obj;
    /* Filled by the command line before realize. */
    uint64_t ram_size;          /* -m, default 128 MiB */
    mm_smp_config smp;          /* -smp, default 1 */
    char *cpu_model;            /* -cpu model name (without +/- flags), default "qemu64" */
    char *cpu_flags;            /* -cpu ",+flag,-flag,key=value" remainder, or NULL */
    char *accel;                /* selected accelerator name: "tcg", "kvm", "qtest" */
    char *firmware;             /* -bios FILE, NULL = default (SeaBIOS bios-256k.bin) */
    char *kernel, *initrd, *append;  /* direct Linux boot */
    char *boot_order;           /* -boot order=, default "cad" */
    char *boot_once;
    bool boot_menu;
    bool acpi;                  /* false with -no-acpi */
    bool defaults;              /* false with -nodefaults */
    bool default_serial;        /* COM1 without a backend: false with -nodefaults or any
                                 * -serial (QEMU's -serial none leaves the board without one) */
    bool no_reboot, no_shutdown;
    bool start_stopped;         /* -S */
    char *rtc_base;             /* "utc", "localtime" or an ISO datetime */
    bool rtc_clock_vm;          /* -rtc clock=vm */
    char *vga;                  /* -vga type, "none" or NULL = board default */
    bool nographic;
    bool usb;                   /* -usb / usb=on */
    char *name;                 /* -name */
    /* Owned by the board after realize. */
    void *board;
} mm_machine_state;

/* The machine of this process (NULL before creation). */
mm_machine_state *mm_current_machine(void);
void mm_set_current_machine(mm_machine_state *m);

#endif
