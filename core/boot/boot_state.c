/* The machine's direct-boot CPU state (see boot_state.h). */
#include "boot/boot_state.h"

#include <stddef.h>

static mm_boot_state current_state;
static bool have_current_state;

const mm_boot_state *mm_boot_state_current(void)
{
    return have_current_state ? &current_state : NULL;
}

void mm_boot_state_set_current(const mm_boot_state *state)
{
    /* A copy: the loader's state lives on its stack. A system reset
     * re-applies the same state, as QEMU re-runs its option ROM. */
    have_current_state = state != NULL;
    if (state)
        current_state = *state;
}
