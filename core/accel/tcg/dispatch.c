/* Threaded entries of every handler (see dispatch.h). */
#include "accel/tcg/dispatch.h"
#include "accel/tcg/code_cache.h"
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

/* The sentinel: counts the finished block and, unless the run loop must
 * look (tcg_chain_must_stop), enters the next block straight from the
 * block's chain slots or the jump cache. */
void tcg_block_end(tcg_vcpu *v, const tcg_insn *in)
{
    v->icount += in->imm;
    if (tcg_chain_must_stop(v))
        return;
    tcg_block *b = tcg_code_lookup_chained(v, tcg_block_of_sentinel(in), tcg_code_pc(v));
    if (b)
        tcg_chain_enter(v, b);
}

void tcg_block_end_linked(tcg_vcpu *v, const tcg_insn *in)
{
    tcg_block_follow(v, in, in->sub);
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
