/* Threaded entries of every handler (see dispatch.h). */
#include "accel/tcg/dispatch.h"
#include "accel/tcg/fast_paths.h"
#include "accel/tcg/ops.h"

#define OP(name) TCG_DEFINE_THREADED(name)
#include "accel/tcg/ops_list.h"
#undef OP

static const struct {
    tcg_op_fn handler, entry;
} threaded_table[] = {
#define OP(name) { name, thr_##name },
#include "accel/tcg/ops_list.h"
#undef OP
};

/* For handlers missing from the lists: one shared site, still correct. */
static void thr_generic(tcg_vcpu *v, const tcg_insn *in)
{
    in->impl(v, in);
    TCG_THREADED_TAIL(v, in);
}

void tcg_block_end(tcg_vcpu *v, const tcg_insn *in)
{
    v->exit_insn = in;
}

tcg_op_fn tcg_threaded_entry(tcg_op_fn handler)
{
    tcg_op_fn fast = tcg_fast_path_threaded(handler);
    if (fast)
        return fast;
    for (size_t i = 0; i < sizeof(threaded_table) / sizeof(threaded_table[0]); i++)
        if (threaded_table[i].handler == handler)
            return threaded_table[i].entry;
    return thr_generic;
}
