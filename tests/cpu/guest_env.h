/*
 * A tiny machine for CPU unit tests: flat guest RAM (no devices, ports read
 * all ones), identity-mapped 4-level page tables, and helpers to enter
 * 64-bit mode directly or to start in real mode.
 */
#ifndef MODEMU_TESTS_CPU_GUEST_ENV_H
#define MODEMU_TESTS_CPU_GUEST_ENV_H

#include <stdint.h>
#include <stddef.h>

#include "accel/tcg/cpu_exec.h"

#define GUEST_RAM_SIZE (8u << 20)
#define GUEST_PML4 0x1000u
#define GUEST_PDPT 0x2000u
#define GUEST_PD_LOW 0x3000u      /* identity map of 0-8 MiB with 2 MiB pages */
#define GUEST_PD_DATA 0x4000u     /* virtual 1 GiB -> physical 4 MiB (data window) */
#define GUEST_DATA_VIRT 0x40000000ull
#define GUEST_DATA_PHYS 0x400000u
#define GUEST_CODE 0x100000u
#define GUEST_STACK_TOP 0x90000u

typedef struct guest_env {
    uint8_t *ram;
    tcg_machine *mach;
    tcg_vcpu *cpu;
    mm_x86_cpuid_model *model;
    unsigned reset_requests;
    uint64_t last_port_out;
    uint16_t last_port;
} guest_env;

guest_env *guest_env_new(void);
void guest_env_free(guest_env *e);
/* Page tables as described above; the data window is writable, user-accessible. */
void guest_env_build_page_tables(guest_env *e);
/* CPU in 64-bit mode at CPL 0 with paging on, RIP = GUEST_CODE. */
void guest_env_enter_long_mode(guest_env *e);
/* Copies code to guest physical address. */
void guest_env_load(guest_env *e, uint32_t paddr, const void *code, size_t len);
/* Runs until HLT (or budget); returns the exit reason. */
tcg_exit guest_env_run(guest_env *e, uint64_t budget);

#endif
