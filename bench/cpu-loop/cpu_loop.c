/*
 * bench/cpu-loop: guest instructions per host second on a CPU-bound 64-bit
 * loop (register ALU, a load, a store, a counted branch: 7 instructions per
 * iteration), run by the software CPU on the unit-test machine.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "guest_env.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    uint32_t iterations = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 0) : 20000000u;
    static const uint8_t body[] = {
        0x48, 0x01, 0xc3,             /* add %rax, %rbx */
        0x48, 0x31, 0xd0,             /* xor %rdx, %rax */
        0x48, 0x8b, 0x37,             /* mov (%rdi), %rsi */
        0x48, 0x83, 0xc0, 0x01,       /* add $1, %rax */
        0x48, 0x89, 0x47, 0x08,       /* mov %rax, 8(%rdi) */
        0xff, 0xc9,                   /* dec %ecx */
        0x75, 0xeb,                   /* jnz body */
        0xf4,                         /* hlt */
    };
    uint8_t code[64];
    code[0] = 0xb9;   /* mov $iterations, %ecx */
    memcpy(code + 1, &iterations, 4);
    memcpy(code + 5, body, sizeof(body));

    guest_env *e = guest_env_new();
    guest_env_enter_long_mode(e);
    guest_env_load(e, GUEST_CODE, code, 5 + sizeof(body));
    e->cpu->s.regs[X86_R_DI] = GUEST_DATA_VIRT;
    uint64_t start_icount = e->cpu->icount;
    double t0 = now();
    tcg_exit why;
    do {
        why = guest_env_run(e, 10000000);
    } while (why == TCG_EXIT_BUDGET);
    double t1 = now();
    uint64_t insns = e->cpu->icount - start_icount;
    if (why != TCG_EXIT_HALTED || insns != 1 + 7ull * iterations + 1) {
        fprintf(stderr, "cpu-loop: unexpected end (exit %d, %" PRIu64 " instructions)\n", why,
                insns);
        return 1;
    }
    printf("cpu-loop: %" PRIu64 " guest instructions in %.3f s = %.1f M instructions/s\n",
           insns, t1 - t0, insns / (t1 - t0) / 1e6);
    guest_env_free(e);
    return 0;
}
