/* The machine of this process (see machine/machine.h). */
#include "machine/machine.h"

static mm_machine_state *current_machine;

mm_machine_state *mm_current_machine(void)
{
    return current_machine;
}

void mm_set_current_machine(mm_machine_state *m)
{
    current_machine = m;
}
