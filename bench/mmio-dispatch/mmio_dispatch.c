/*
 * bench-mmio-dispatch: the cost of one access through the memory API's flat
 * view, as the software CPU and KVM MMIO exits pay it.
 *
 * For 10, 100 and 1000 MMIO regions mapped in the machine's memory space
 * (next to 64 MiB of RAM) it measures mm_as_read of 4 bytes:
 *  - "same reg":  one register over and over (the last-hit lookup hint hits);
 *  - "random":    registers of randomly chosen regions (binary search every
 *                 time: this column shows how dispatch grows with regions);
 *  - "RAM":       RAM through mm_as_read, for comparison;
 *  - "direct":    calling the device's read callback directly: the floor;
 *  - "remap us":  one flat-view rebuild (a BAR moving), in microseconds.
 * Each figure is the best of several runs, in ns per access.
 *
 * Usage: bench-mmio-dispatch [iterations-per-run]
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <glib.h>
#include <modemu/memory.h>

#define RUNS 5
#define ADDR_RING 4096          /* precomputed addresses, cycled */
#define REGION_SIZE 0x1000
#define MMIO_BASE UINT64_C(0x80000000)
#define RAM_SIZE (UINT64_C(64) << 20)

typedef struct bench_device {
    uint32_t regs[REGION_SIZE / 4];
} bench_device;

static uint64_t device_read(void *opaque, uint64_t offset, unsigned size)
{
    /* No memory traffic of its own: the figures are the dispatch, not the device. */
    return offset ^ (uintptr_t)opaque;
}

static void device_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    bench_device *d = opaque;
    d->regs[(offset / 4) % (REGION_SIZE / 4)] = (uint32_t)value;
}

static const mm_region_ops device_ops = {
    .read = device_read,
    .write = device_write,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
};

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static volatile uint64_t sink;

/* Best-of-RUNS ns per mm_as_read over the address ring. */
static double time_as_reads(mm_address_space *as, const uint64_t *addrs, long iterations)
{
    double best = 1e30;
    for (int run = 0; run < RUNS; run++) {
        uint64_t acc = 0;
        double t0 = now_ns();
        for (long i = 0; i < iterations; i++) {
            uint64_t v;
            mm_as_read(as, addrs[i & (ADDR_RING - 1)], 4, &v);
            acc += v;
        }
        double dt = (now_ns() - t0) / (double)iterations;
        sink = acc;
        if (dt < best)
            best = dt;
    }
    return best;
}

/* The floor: the same loop calling the callback without any dispatch. */
static double time_direct_calls(bench_device *devs, unsigned n, long iterations)
{
    uint64_t (*volatile read_fn)(void *, uint64_t, unsigned) = device_read;
    double best = 1e30;
    for (int run = 0; run < RUNS; run++) {
        uint64_t acc = 0;
        double t0 = now_ns();
        for (long i = 0; i < iterations; i++)
            acc += read_fn(&devs[i % n], (uint64_t)(i & 0xff) * 4, 4);
        double dt = (now_ns() - t0) / (double)iterations;
        sink = acc;
        if (dt < best)
            best = dt;
    }
    return best;
}

typedef struct bench_row {
    unsigned regions;
    size_t flat_ranges;
    double same_reg, random, ram, direct, remap_us;
} bench_row;

/* Moves one region back and forth: each move is one rebuild of every view. */
static double time_remap(mm_memory_region *mr, uint64_t addr)
{
    enum { MOVES = 200 };
    double t0 = now_ns();
    for (int i = 0; i < MOVES; i++)
        mm_region_set_address(mr, i & 1 ? addr : addr + REGION_SIZE);
    mm_region_set_address(mr, addr);
    return (now_ns() - t0) / (MOVES + 1) / 1000.0;
}

static bench_row measure(unsigned n, long iterations, mm_memory_region *ram)
{
    mm_address_space *as = mm_machine_memory_space();
    mm_memory_region *root = mm_address_space_root(as);
    bench_device *devs = g_new0(bench_device, n);
    mm_memory_region **regions = g_new(mm_memory_region *, n);
    mm_memory_transaction_begin();
    for (unsigned i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof(name), "dev%u", i);
        regions[i] = mm_region_new_io(NULL, name, REGION_SIZE, &device_ops, &devs[i]);
        /* A gap between devices, as BARs have, so every device is its own range. */
        mm_region_add_subregion(root, MMIO_BASE + (uint64_t)i * 2 * REGION_SIZE, regions[i], 0);
    }
    mm_memory_transaction_commit();

    bench_row row = { .regions = n };
    uint64_t *addrs = g_new(uint64_t, ADDR_RING);
    GRand *rng = g_rand_new_with_seed(12345);

    for (unsigned k = 0; k < ADDR_RING; k++)
        addrs[k] = MMIO_BASE + (uint64_t)(n / 2) * 2 * REGION_SIZE + 0x10;
    row.same_reg = time_as_reads(as, addrs, iterations);

    for (unsigned k = 0; k < ADDR_RING; k++)
        addrs[k] = MMIO_BASE + (uint64_t)g_rand_int_range(rng, 0, (gint32)n) * 2 * REGION_SIZE +
                   4 * (uint64_t)g_rand_int_range(rng, 0, REGION_SIZE / 4);
    row.random = time_as_reads(as, addrs, iterations);

    for (unsigned k = 0; k < ADDR_RING; k++)
        addrs[k] = (uint64_t)g_rand_int_range(rng, 0, (gint32)(RAM_SIZE / 4)) * 4;
    row.ram = time_as_reads(as, addrs, iterations);
    row.direct = time_direct_calls(devs, n, iterations);
    row.remap_us = time_remap(regions[n / 2], MMIO_BASE + (uint64_t)(n / 2) * 2 * REGION_SIZE);

    /* Count the flat view's ranges by walking it with mm_as_find. */
    for (uint64_t a = 0; a < MMIO_BASE + (uint64_t)n * 2 * REGION_SIZE;) {
        const mm_flat_range *r = mm_as_find(as, a);
        if (r) {
            row.flat_ranges++;
            a = r->start + r->size;
        } else {
            a = a < MMIO_BASE ? MMIO_BASE : a + REGION_SIZE;
        }
    }

    mm_memory_transaction_begin();
    for (unsigned i = 0; i < n; i++)
        mm_region_free(regions[i]);
    mm_memory_transaction_commit();
    (void)ram;
    g_rand_free(rng);
    g_free(addrs);
    g_free(regions);
    g_free(devs);
    return row;
}

int main(int argc, char **argv)
{
    long iterations = argc > 1 ? strtol(argv[1], NULL, 0) : 2000000;
    if (iterations <= 0) {
        fprintf(stderr, "usage: %s [iterations-per-run]\n", argv[0]);
        return 2;
    }
    mm_error *err = NULL;
    mm_memory_region *ram = mm_region_new_ram(NULL, "bench.ram", RAM_SIZE, &err);
    if (!ram) {
        mm_error_report_and_free(err);
        return 1;
    }
    mm_region_add_subregion(mm_address_space_root(mm_machine_memory_space()), 0, ram, 0);
    uint8_t *host = mm_region_host_ptr(ram);
    for (uint64_t i = 0; i < RAM_SIZE; i += 4096)
        host[i] = (uint8_t)i;   /* fault the pages in before timing */

    printf("mmio-dispatch: ns per 4-byte mm_as_read (best of %d runs x %ld accesses)\n",
           RUNS, iterations);
    printf("%8s %12s %10s %10s %8s %12s %10s\n", "regions", "flat ranges", "same reg", "random",
           "RAM", "direct call", "remap us");
    static const unsigned counts[] = { 10, 100, 1000 };
    for (size_t i = 0; i < G_N_ELEMENTS(counts); i++) {
        bench_row r = measure(counts[i], iterations, ram);
        printf("%8u %12zu %10.2f %10.2f %8.2f %12.2f %10.1f\n", r.regions, r.flat_ranges,
               r.same_reg, r.random, r.ram, r.direct, r.remap_us);
    }
    mm_region_free(ram);
    return 0;
}
