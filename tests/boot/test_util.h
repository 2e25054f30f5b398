/* Minimal checking macros for the boot/ACPI unit tests. */
#ifndef MODEMU_TESTS_BOOT_TEST_UTIL_H
#define MODEMU_TESTS_BOOT_TEST_UTIL_H

#include <stdio.h>

static int test_failures;

#define CHECK(cond) do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            test_failures++; \
        } \
    } while (0)

#define CHECK_EQ(a, b) do { \
        unsigned long long a_ = (unsigned long long)(a), b_ = (unsigned long long)(b); \
        if (a_ != b_) { \
            fprintf(stderr, "%s:%d: %s == %s failed: 0x%llx != 0x%llx\n", __FILE__, __LINE__, \
                    #a, #b, a_, b_); \
            test_failures++; \
        } \
    } while (0)

#define TEST_SKIP 77

#endif
