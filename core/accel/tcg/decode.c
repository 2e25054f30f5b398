/* The x86 instruction decoder (see decode.h). */
#include "accel/tcg/decode.h"
#include "accel/tcg/mem.h"
#include "accel/tcg/exceptions.h"
#include "accel/tcg/fast_paths.h"

static uint8_t fetch8(tcg_fetch *f)
{
    tcg_vcpu *v = f->v;
    uint64_t lin = f->lin++;
    if (lin - f->start >= 15)
        tcg_raise_error(v, X86_EXC_GP, 0);   /* longer than 15 bytes */
    if (((lin ^ f->start) & TCG_PAGE_MASK) != 0)
        f->crossed_page = true;
    tcg_tlb_entry *e = tlb_entry(v, lin);
    if (e->tag_exec == (lin & TCG_PAGE_MASK))
        return *(uint8_t *)(uintptr_t)(lin + e->addend);
    return (uint8_t)tcg_lin_read_slow(v, lin, 1, ACC_EXEC);
}

static uint64_t fetch_n(tcg_fetch *f, unsigned bytes)
{
    uint64_t value = 0;
    for (unsigned i = 0; i < bytes; i++)
        value |= (uint64_t)fetch8(f) << (8 * i);
    return value;
}

static int64_t sign_extend(uint64_t value, unsigned bytes)
{
    unsigned shift = 64 - 8 * bytes;
    return (int64_t)(value << shift) >> shift;
}

/* 16-bit addressing: fixed base/index pairs from ModRM.rm. */
static void decode_modrm16(tcg_fetch *f, tcg_insn *in)
{
    static const uint8_t base16[8] = { X86_R_BX, X86_R_BX, X86_R_BP, X86_R_BP,
                                       TCG_REG_NONE, TCG_REG_NONE, X86_R_BP, X86_R_BX };
    static const uint8_t index16[8] = { X86_R_SI, X86_R_DI, X86_R_SI, X86_R_DI,
                                        X86_R_SI, X86_R_DI, TCG_REG_NONE, TCG_REG_NONE };
    unsigned rm = in->rm & 7;
    in->base = base16[rm];
    in->index = index16[rm];
    in->scale = 0;
    if (in->mod == 0 && rm == 6) {
        in->base = TCG_REG_NONE;
        in->disp = (int16_t)fetch_n(f, 2);
    } else if (in->mod == 1) {
        in->disp = (int8_t)fetch8(f);
    } else if (in->mod == 2) {
        in->disp = (int16_t)fetch_n(f, 2);
    }
    if (in->base == X86_R_BP)
        in->seg = X86_SEG_SS;
}

/* 32/64-bit addressing with SIB and RIP-relative forms. */
static void decode_modrm32(tcg_fetch *f, tcg_insn *in, unsigned rex, bool code64)
{
    unsigned rm = in->rm & 7;
    in->index = TCG_REG_NONE;
    in->scale = 0;
    if (rm == 4) {
        uint8_t sib = fetch8(f);
        unsigned base = sib & 7, index = ((sib >> 3) & 7) | ((rex & 2) << 2);
        in->scale = sib >> 6;
        in->index = index == 4 ? TCG_REG_NONE : index;
        if (base == 5 && in->mod == 0) {
            in->base = TCG_REG_NONE;
            in->disp = (int32_t)fetch_n(f, 4);
        } else {
            in->base = base | ((rex & 1) << 3);
        }
    } else if (rm == 5 && in->mod == 0) {
        in->base = code64 ? TCG_REG_RIP : TCG_REG_NONE;
        in->disp = (int32_t)fetch_n(f, 4);
    } else {
        in->base = in->rm;
    }
    if (in->mod == 1)
        in->disp = (int8_t)fetch8(f);
    else if (in->mod == 2)
        in->disp = (int32_t)fetch_n(f, 4);
    if (in->base == X86_R_BP || in->base == X86_R_SP)
        in->seg = X86_SEG_SS;
}

static unsigned operand_size(const tcg_opdesc *d, unsigned code_size, unsigned prefix)
{
    if (d->flags & D_BYTE)
        return SZ8;
    if (code_size == SZ64) {
        if (prefix & PFX_REXW)
            return SZ64;
        if (d->flags & D_F64)
            return SZ64;
        if (d->flags & D_DEF64)
            return (prefix & PFX_OPSIZE) ? SZ16 : SZ64;
        return (prefix & PFX_OPSIZE) ? SZ16 : SZ32;
    }
    bool is16 = code_size == SZ16;
    if (prefix & PFX_OPSIZE)
        is16 = !is16;
    return is16 ? SZ16 : SZ32;
}

static unsigned address_size(unsigned code_size, unsigned prefix)
{
    if (code_size == SZ64)
        return (prefix & PFX_ADSIZE) ? SZ32 : SZ64;
    bool is16 = code_size == SZ16;
    if (prefix & PFX_ADSIZE)
        is16 = !is16;
    return is16 ? SZ16 : SZ32;
}

/* Legacy prefixes and REX; returns the first opcode byte. */
static uint8_t decode_prefixes(tcg_fetch *f, unsigned code_size, tcg_insn *in, unsigned *rex)
{
    static const int8_t seg_prefix[8] = { X86_SEG_ES, X86_SEG_CS, X86_SEG_SS, X86_SEG_DS };
    *rex = 0;
    for (;;) {
        uint8_t b = fetch8(f);
        switch (b) {
        case 0x26: case 0x2e: case 0x36: case 0x3e:
            in->seg = seg_prefix[(b >> 3) & 3] | 0x80;
            *rex = 0;
            continue;
        case 0x64: case 0x65:
            in->seg = (b == 0x64 ? X86_SEG_FS : X86_SEG_GS) | 0x80;
            *rex = 0;
            continue;
        case 0x66: in->prefix |= PFX_OPSIZE; *rex = 0; continue;
        case 0x67: in->prefix |= PFX_ADSIZE; *rex = 0; continue;
        case 0xf0: in->prefix |= PFX_LOCK; *rex = 0; continue;
        case 0xf2: in->prefix = (in->prefix & ~PFX_REP) | PFX_REPNE; *rex = 0; continue;
        case 0xf3: in->prefix = (in->prefix & ~PFX_REPNE) | PFX_REP; *rex = 0; continue;
        default:
            break;
        }
        if (code_size == SZ64 && (b & 0xf0) == 0x40) {
            *rex = b;   /* a REX only counts when the opcode follows it */
            continue;
        }
        return b;
    }
}

static void decode_immediates(tcg_fetch *f, const tcg_opdesc *d, tcg_insn *in)
{
    unsigned op_bytes = 1u << in->opsize;
    if (d->flags & D_IMM8)
        in->imm = (uint64_t)(int64_t)(int8_t)fetch8(f);
    else if (d->flags & D_IMM16)
        in->imm = fetch_n(f, 2);
    else if (d->flags & D_IMMZ)
        in->imm = (uint64_t)sign_extend(fetch_n(f, op_bytes == 2 ? 2 : 4), op_bytes == 2 ? 2 : 4);
    else if (d->flags & D_IMMV)
        in->imm = fetch_n(f, op_bytes);
    else if (d->flags & D_MOFFS)
        in->imm = fetch_n(f, 1u << in->adsize);
    else if (d->flags & D_FARPTR) {
        in->imm = fetch_n(f, op_bytes == 2 ? 2 : 4);
        in->imm2 = (uint16_t)fetch_n(f, 2);
    } else if (d->flags & D_ENTER) {
        in->imm = fetch_n(f, 2);
        in->imm2 = fetch8(f);
    }
}

void tcg_decode(tcg_fetch *f, unsigned code_size, tcg_insn *in)
{
    *in = (tcg_insn){ .seg = X86_SEG_DS, .base = TCG_REG_NONE, .index = TCG_REG_NONE };
    f->start = f->lin;
    f->crossed_page = false;
    unsigned rex;
    uint8_t b = decode_prefixes(f, code_size, in, &rex);
    unsigned opcode = b;
    if (b == 0x0f)
        opcode = 0x100 | fetch8(f);
    if (rex) {
        in->prefix |= PFX_REX;
        if (rex & 8)
            in->prefix |= PFX_REXW;
    }
    in->opcode = (uint16_t)opcode;
    const tcg_opdesc *d = &tcg_optable[opcode];
    uint8_t seg_override = in->seg;
    in->seg = X86_SEG_DS;
    in->adsize = (uint8_t)address_size(code_size, in->prefix);

    if (d->flags & D_MODRM) {
        uint8_t modrm = fetch8(f);
        in->mod = modrm >> 6;
        in->reg = ((modrm >> 3) & 7) | ((rex & 4) << 1);
        in->rm = (modrm & 7) | ((rex & 1) << 3);
        if (d->flags & D_GROUP)
            d = &d->group[(modrm >> 3) & 7];
        if (in->mod != 3) {
            if (in->adsize == SZ16)
                decode_modrm16(f, in);
            else
                decode_modrm32(f, in, rex, code_size == SZ64 && in->adsize != SZ16);
        }
    } else if (d->flags & D_REGOP) {
        in->rm = (opcode & 7) | ((rex & 1) << 3);
        in->mod = 3;
    }
    if (seg_override & 0x80)
        in->seg = seg_override & 7;
    in->opsize = (uint8_t)operand_size(d, code_size, in->prefix);
    in->sub = (d->flags & D_SUBREG) ? (in->reg & 7) : d->sub;
    decode_immediates(f, d, in);
    in->fn = d->fn ? d->fn : op_ud;
    if (opcode == 0x63 && code_size != SZ64)
        in->fn = op_arpl;   /* MOVSXD only in 64-bit mode */
    if ((d->flags & D_INV64) && code_size == SZ64)
        in->fn = op_ud;
    in->fn = tcg_fast_path(in, code_size);
    in->len = (uint8_t)(f->lin - f->start);
}

/* Whether the descriptor of a decoded instruction ends its block. */
bool tcg_insn_ends_block(const tcg_insn *in);
bool tcg_insn_ends_block(const tcg_insn *in)
{
    const tcg_opdesc *d = &tcg_optable[in->opcode];
    if (d->flags & D_GROUP)
        d = &d->group[in->reg & 7];
    return (d->flags & D_END) || !d->fn;
}
