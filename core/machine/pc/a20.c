/* The A20 gate line (see a20.h).  Enabled at power-on, as QEMU's pc. */
#include "machine/pc/a20.h"

static bool a20_state = true;
static mm_a20_listener a20_fn;
static void *a20_opaque;

void mm_a20_set(bool enabled)
{
    if (a20_state == enabled)
        return;
    a20_state = enabled;
    if (a20_fn)
        a20_fn(a20_opaque, enabled);
}

bool mm_a20_enabled(void)
{
    return a20_state;
}

void mm_a20_set_listener(mm_a20_listener fn, void *opaque)
{
    a20_fn = fn;
    a20_opaque = opaque;
}
