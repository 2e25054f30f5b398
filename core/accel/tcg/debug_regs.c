/* Breakpoints of DR0-DR3 as DR7 arms them (see debug_regs.h). */
#include "accel/tcg/debug_regs.h"
#include "accel/tcg/code_cache.h"

enum { DR7_EXECUTE = 0, DR7_WRITE = 1, DR7_IO = 2, DR7_READ_WRITE = 3 };

static bool bp_enabled(uint64_t dr7, unsigned i)
{
    return (dr7 >> (2 * i)) & 3;
}

static unsigned bp_kind(uint64_t dr7, unsigned i)
{
    return (dr7 >> (16 + 4 * i)) & 3;
}

/* Length of a data breakpoint: LEN 00 1, 01 2, 11 4, 10 8 bytes. */
static uint64_t bp_length(uint64_t dr7, unsigned i)
{
    static const uint8_t lengths[4] = { 1, 2, 8, 4 };
    return lengths[(dr7 >> (18 + 4 * i)) & 3];
}

/* Whether breakpoint i watches data accesses (writes, or reads and writes). */
static bool bp_watches_data(uint64_t dr7, unsigned i)
{
    unsigned kind = bp_kind(dr7, i);
    return bp_enabled(dr7, i) && (kind == DR7_WRITE || kind == DR7_READ_WRITE);
}

/* Whether [lo, lo+len) meets breakpoint i's (aligned) range. */
static bool bp_overlaps(const tcg_vcpu *v, unsigned i, uint64_t lo, uint64_t len)
{
    uint64_t bp_len = bp_length(v->s.dr[7], i);
    uint64_t bp_lo = v->s.dr[i] & ~(bp_len - 1);
    return lo < bp_lo + bp_len && bp_lo < lo + len;
}

unsigned tcg_debug_instruction_hits(tcg_vcpu *v)
{
    if (v->s.rflags & X86_FLAG_RF)
        return 0;
    uint64_t dr7 = v->s.dr[7], pc = tcg_code_pc(v);
    unsigned hits = 0;
    for (unsigned i = 0; i < 4; i++)
        if (bp_enabled(dr7, i) && bp_kind(dr7, i) == DR7_EXECUTE && v->s.dr[i] == pc)
            hits |= 1u << i;
    return hits;
}

bool tcg_debug_watched_page(const tcg_vcpu *v, uint64_t page)
{
    if (!tcg_debug_armed(v))
        return false;
    for (unsigned i = 0; i < 4; i++)
        if (bp_watches_data(v->s.dr[7], i) && bp_overlaps(v, i, page, 4096))
            return true;
    return false;
}

void tcg_debug_note_access(tcg_vcpu *v, uint64_t lin, unsigned size, bool write)
{
    if (!tcg_debug_armed(v))
        return;
    uint64_t dr7 = v->s.dr[7];
    for (unsigned i = 0; i < 4; i++) {
        bool kind_matches = bp_kind(dr7, i) == DR7_READ_WRITE || (write && bp_kind(dr7, i) == DR7_WRITE);
        if (bp_watches_data(dr7, i) && kind_matches && bp_overlaps(v, i, lin, size))
            v->debug_data_hits |= (uint8_t)(1u << i);
    }
}
