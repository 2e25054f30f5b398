/*
 * Sanitizer defaults of the emulator executable (linked into
 * modemu-system-x86_64 only in MODEMU_SANITIZE builds).
 *
 * Tests spawn the emulator and often expect it to refuse bad input with exit
 * status 1.  Left to their own defaults, UBSan (a separate runtime with GCC)
 * and ASan also end the process with status 1, so a sanitizer error in an
 * emulator that was meant to fail looked like a clean refusal.  These
 * defaults make every sanitizer error end the emulator at once with its own
 * status, MODEMU_SANITIZER_EXIT_CODE, which libqtest and the shell tests
 * recognize.  ASAN_OPTIONS / UBSAN_OPTIONS in the environment still override
 * single keys.  Leak checking stays off: the machine is not torn down at exit
 * (as in QEMU).
 */
#define SANITIZER_STR2(x) #x
#define SANITIZER_STR(x) SANITIZER_STR2(x)
#define SANITIZER_EXIT "exitcode=" SANITIZER_STR(MODEMU_SANITIZER_EXIT_CODE)

/* Looked up by name by the sanitizer runtimes; they must stay exported. */
__attribute__((visibility("default"), used)) const char *__asan_default_options(void);
__attribute__((visibility("default"), used)) const char *__ubsan_default_options(void);

const char *__asan_default_options(void)
{
    return "detect_leaks=0:abort_on_error=0:" SANITIZER_EXIT;
}

const char *__ubsan_default_options(void)
{
    return "halt_on_error=1:print_stacktrace=1:" SANITIZER_EXIT;
}
