/*
 * x87 operations executed by the host's own x87 unit (see fpu_helpers.h for
 * why).  Each asm block saves the host control word, loads the guest's with
 * every exception masked (the host must never trap; unmasked guest
 * exceptions are handled by the caller from the returned flags), clears the
 * host flags, runs the instruction, reads the status word right after it and
 * leaves the host register stack empty again.
 */
#include <string.h>

#include "accel/tcg/fpu_helpers.h"

#define X87_CLOBBERS "st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)", "st(6)", "st(7)", \
                     "eax", "cc"
/* The control word is only reloaded when the guest's differs from
 * the host's, and FNCLEX (slow) only runs when the host holds flags the
 * guest's status word does not already have (see x87_mode). */
#define X87_ENTER "fnstcw %[save]\n\tmovzwl %[save], %%eax\n\tcmpw %[cw], %%ax\n\tje 1f\n\t"    \
                  "fldcw %[cw]\n1:\n\tfnstsw %%ax\n\ttestw %[stale], %%ax\n\tjz 3f\n\tfnclex\n3:\n\t"
#define X87_LEAVE "\n\tmovzwl %[save], %%eax\n\tcmpw %[cw], %%ax\n\tje 2f\n\tfldcw %[save]\n2:"
/* Arithmetic runs under the guest's real control word, so an unmasked
 * overflow or underflow leaves the SDM's exponent-wrapped result and an
 * unmasked invalid/zero-divide/denormal leaves the operands alone, exactly
 * as the hardware does.  The pending exception (ES) is then cleared before
 * any waiting instruction could trap the host.  Only used where the host
 * register stack stays well-formed whatever the outcome (no pops). */
#define X87_DEFUSE "fnstsw %%ax\n\tmovw %%ax, %[sw]\n\ttestb $0x80, %%al\n\tjz 4f\n\tfnclex\n4:\n\t"

static uint16_t masked_cw(uint16_t cw)
{
    return (uint16_t)(cw | FSW_EXC);
}

long double x87_indefinite(void)
{
    long double r = 0;
    uint64_t mant = 0xc000000000000000ull;
    uint16_t exp = 0xffff;
    memcpy(&r, &mant, 8);
    memcpy((char *)&r + 8, &exp, 2);
    return r;
}

/* The hot path (FADD, FMUL...): operands straight from the register file. */
#define ARITH_ASM(insn)                                                                   \
    __asm__ volatile(X87_ENTER "fldt %[b]\n\tfldt %[a]\n\t" insn "\n\t" X87_DEFUSE          \
                     "fstpt %[r]\n\tfstp %%st(0)" X87_LEAVE                                \
                     : [save] "+m"(save), [sw] "=m"(sw), [r] "=m"(*r)                      \
                     : [cw] "m"(mcw), [stale] "m"(stale), [a] "m"(*a), [b] "m"(*b)         \
                     : X87_CLOBBERS)

uint16_t x87_host_arith(int op, const long double *a, const long double *b, long double *r,
                        uint32_t mode)
{
    uint16_t save = 0, sw = 0, mcw = (uint16_t)mode, stale = (uint16_t)(mode >> 16);
    switch (op) {
    case X87_ADD: ARITH_ASM("fadd %%st(1), %%st"); break;
    case X87_MUL: ARITH_ASM("fmul %%st(1), %%st"); break;
    case X87_SUB: ARITH_ASM("fsub %%st(1), %%st"); break;
    default: ARITH_ASM("fdiv %%st(1), %%st"); break;
    }
    return sw;
}

#define MEM_ASM(insn)                                                                     \
    __asm__ volatile(X87_ENTER "fldt %[a]\n\t" insn " %[m]\n\t" X87_DEFUSE "fstpt %[r]"      \
                     X87_LEAVE                                                            \
                     : [save] "+m"(save), [sw] "=m"(*sw), [r] "=m"(r)                      \
                     : [cw] "m"(mcw), [stale] "m"(stale), [a] "m"(a),                       \
                       [m] "m"(*(const char(*)[8])mem)                                     \
                     : X87_CLOBBERS)
/* The eight D8/DA/DC/DE operations (ModRM.reg) with prefix p, suffix s. */
#define MEM_OPS(p, s)                                                                     \
    switch (op) {                                                                         \
    case 0: MEM_ASM(p "add" s); break;                                                    \
    case 1: MEM_ASM(p "mul" s); break;                                                    \
    case 2: case 3: MEM_ASM(p "com" s); break;                                            \
    case 4: MEM_ASM(p "sub" s); break;                                                    \
    case 5: MEM_ASM(p "subr" s); break;                                                   \
    case 6: MEM_ASM(p "div" s); break;                                                    \
    default: MEM_ASM(p "divr" s); break;                                                  \
    }

/* The memory forms run as such: a separate load would report a denormal
 * operand that the real instruction ignores next to a NaN. */
long double x87_host_arith_mem(unsigned op, int fmt, const void *mem, long double a,
                               uint32_t mode, uint16_t *sw)
{
    uint16_t save = 0, mcw = (uint16_t)mode, stale = (uint16_t)(mode >> 16);
    long double r = 0;
    switch (fmt) {
    case XM_F32: MEM_OPS("f", "s"); break;
    case XM_F64: MEM_OPS("f", "l"); break;
    case XM_I16: MEM_OPS("fi", "s"); break;
    default: MEM_OPS("fi", "l"); break;
    }
    return r;
}

/* Shapes of register-stack operations: inputs loaded, outputs stored.
 * SLOW ones start from a full environment holding the guest's condition
 * codes, for instructions that may leave some unchanged; FAST ones define
 * every condition code they report. */
#define OP_ASM(enter, leave, loads, insn, stores)                                        \
    __asm__ volatile(enter loads insn "\n\tfnstsw %[sw]\n\t" stores leave                \
                     : [save] "+m"(save), [sw] "=m"(sw), [r0] "=m"(out[0]),               \
                       [r1] "=m"(out[1])                                                  \
                     : [env] "m"(env), [cw] "m"(mcw), [stale] "m"(stale), [a] "m"(in[0]), \
                       [b] "m"(in[1])                                                     \
                     : X87_CLOBBERS)
#define SLOW(loads, insn, stores) \
    OP_ASM("fnstcw %[save]\n\tfldenv %[env]\n\t", "\n\tfldcw %[save]", loads, insn, stores)
#define FAST(loads, insn, stores) OP_ASM(X87_ENTER, X87_LEAVE, loads, insn, stores)
#define LOAD0 ""
#define LOAD1 "fldt %[a]\n\t"
#define LOAD2 "fldt %[b]\n\tfldt %[a]\n\t"
#define STORE0 ""
#define STORE1 "fstpt %[r0]"
#define STORE2 "fstpt %[r0]\n\tfstpt %[r1]"
#define DROP1 "fstp %%st(0)"

uint16_t x87_host_op(int op, uint32_t mode, uint16_t guest_sw, const long double in[2],
                     long double out[2])
{
    uint16_t save = 0, sw = 0, mcw = masked_cw((uint16_t)mode), stale = (uint16_t)(mode >> 16);
    /* Environment: guest control word (masked), guest condition codes,
     * no exception flags, TOP 0, every register empty. */
    uint32_t env[7] = { mcw, guest_sw & FSW_CC, 0xffff, 0, 0, 0, 0 };
    out[0] = out[1] = 0;
    switch (op) {
    case XH_SQRT: FAST(LOAD1, "fsqrt", STORE1); break;
    case XH_RNDINT: FAST(LOAD1, "frndint", STORE1); break;
    case XH_F2XM1: SLOW(LOAD1, "f2xm1", STORE1); break;
    case XH_SIN: SLOW(LOAD1, "fsin", STORE1); break;
    case XH_COS: SLOW(LOAD1, "fcos", STORE1); break;
    /* FPTAN/FSINCOS push nothing when the operand is out of range (C2);
     * the second store then pops an empty register harmlessly. */
    case XH_PTAN: SLOW(LOAD1, "fptan", STORE2); break;
    case XH_SINCOS: SLOW(LOAD1, "fsincos", STORE2); break;
    case XH_XTRACT: SLOW(LOAD1, "fxtract", STORE2); break;
    case XH_XAM: FAST(LOAD1, "fxam", DROP1); break;
    case XH_TST: FAST(LOAD1, "ftst", DROP1); break;
    case XH_PREM: SLOW(LOAD2, "fprem", STORE2); break;
    case XH_PREM1: SLOW(LOAD2, "fprem1", STORE2); break;
    case XH_SCALE: SLOW(LOAD2, "fscale", STORE2); break;
    case XH_YL2X: SLOW(LOAD2, "fyl2x", STORE1); break;
    case XH_YL2XP1: SLOW(LOAD2, "fyl2xp1", STORE1); break;
    case XH_PATAN: SLOW(LOAD2, "fpatan", STORE1); break;
    case XH_COM: FAST(LOAD2, "fcompp", STORE0); break;
    case XH_UCOM: FAST(LOAD2, "fucompp", STORE0); break;
    case XH_LD1: FAST(LOAD0, "fld1", STORE1); break;
    case XH_LDL2T: FAST(LOAD0, "fldl2t", STORE1); break;
    case XH_LDL2E: FAST(LOAD0, "fldl2e", STORE1); break;
    case XH_LDPI: FAST(LOAD0, "fldpi", STORE1); break;
    case XH_LDLG2: FAST(LOAD0, "fldlg2", STORE1); break;
    case XH_LDLN2: FAST(LOAD0, "fldln2", STORE1); break;
    default: FAST(LOAD0, "fldz", STORE1); break;
    }
    return sw;
}

unsigned x87_format_bytes(int fmt)
{
    static const uint8_t bytes[] = { 4, 8, 2, 4, 8, 10, 2, 4, 8 };
    return bytes[fmt];
}

#define LOAD_ASM(insn)                                                                    \
    __asm__ volatile(X87_ENTER insn " %[m]\n\tfnstsw %[sw]\n\tfstpt %[r]" X87_LEAVE         \
                     : [save] "+m"(save), [sw] "=m"(*sw), [r] "=m"(r)                      \
                     : [cw] "m"(mcw), [stale] "m"(stale), [m] "m"(*(const char(*)[10])mem)  \
                     : X87_CLOBBERS)

long double x87_host_load(int fmt, const void *mem, uint32_t mode, uint16_t *sw)
{
    uint16_t save = 0, mcw = masked_cw((uint16_t)mode), stale = (uint16_t)(mode >> 16);
    long double r = 0;
    switch (fmt) {
    case XM_F32: LOAD_ASM("flds"); break;
    case XM_F64: LOAD_ASM("fldl"); break;
    case XM_I16: LOAD_ASM("filds"); break;
    case XM_I32: LOAD_ASM("fildl"); break;
    case XM_I64: LOAD_ASM("fildll"); break;
    default: LOAD_ASM("fbld"); break;
    }
    return r;
}

#define STORE_ASM(insn)                                                                   \
    __asm__ volatile(X87_ENTER "fldt %[a]\n\t" insn " %[m]\n\tfnstsw %[sw]" X87_LEAVE     \
                     : [save] "+m"(save), [sw] "=m"(sw), [m] "=m"(*(char(*)[10])mem)       \
                     : [cw] "m"(mcw), [stale] "m"(stale), [a] "m"(val)                     \
                     : X87_CLOBBERS)

uint16_t x87_host_store(int fmt, long double val, uint32_t mode, void *mem)
{
    uint16_t save = 0, sw = 0, mcw = masked_cw((uint16_t)mode), stale = (uint16_t)(mode >> 16);
    switch (fmt) {
    case XM_F32: STORE_ASM("fstps"); break;
    case XM_F64: STORE_ASM("fstpl"); break;
    case XM_I16: STORE_ASM("fistps"); break;
    case XM_I32: STORE_ASM("fistpl"); break;
    case XM_I64: STORE_ASM("fistpll"); break;
    case XM_BCD: STORE_ASM("fbstp"); break;
    case XM_TI16: STORE_ASM("fisttps"); break;
    case XM_TI32: STORE_ASM("fisttpl"); break;
    default: STORE_ASM("fisttpll"); break;
    }
    return sw;
}
