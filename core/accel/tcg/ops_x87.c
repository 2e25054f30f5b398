/*
 * The x87 escape opcodes D8-DF: decoding, the register stack, tags and
 * exception rules (SDM vol. 1 ch. 8).  Values are computed by the host's
 * x87 unit (ops_x87_host.c); this file decides which registers are read,
 * written, pushed and popped, and what the masked responses are.
 */
#include <string.h>

#include "accel/tcg/fpu_helpers.h"
#include "accel/tcg/exceptions.h"

#define ARITH_FLAGS (X86_FLAG_ZF | X86_FLAG_PF | X86_FLAG_CF | X86_FLAG_OF | X86_FLAG_SF | \
                     X86_FLAG_AF)

void x87_update_es(tcg_vcpu *v)
{
    mm_x86_fpu *f = &v->s.fpu;
    if (f->fsw & ~f->fcw & FSW_EXC)
        f->fsw |= FSW_ES | FSW_B;
    else
        f->fsw &= (uint16_t)~(FSW_ES | FSW_B);
}

void x87_check_pending(tcg_vcpu *v)
{
    /* With CR0.NE clear the CPU would signal FERR# to the interrupt
     * controller instead; that legacy path is not wired, so the
     * instruction simply goes on. */
    if ((v->s.fpu.fsw & FSW_ES) && (v->s.cr0 & X86_CR0_NE))
        tcg_raise(v, X86_EXC_MF);
}

bool x87_raise_flags(tcg_vcpu *v, uint16_t exc, uint16_t cc, uint16_t cc_mask)
{
    mm_x86_fpu *f = &v->s.fpu;
    f->fsw = (uint16_t)((f->fsw & ~cc_mask) | (cc & cc_mask));
    f->fsw |= exc & (FSW_EXC | FSW_SF);
    x87_update_es(v);
    return !(exc & ~f->fcw & (FSW_IE | FSW_ZE | FSW_DE));
}

bool x87_stack_fault(tcg_vcpu *v, bool overflow)
{
    return x87_raise_flags(v, FSW_IE | FSW_SF, overflow ? FSW_C1 : 0, FSW_C1);
}

void x87_push_raw(tcg_vcpu *v, long double val)
{
    v->s.fpu.top = (v->s.fpu.top - 1) & 7;
    st_set(v, 0, val);
}

void x87_push(tcg_vcpu *v, long double val)
{
    if (!st_empty(v, 7)) {
        if (!x87_stack_fault(v, true))
            return;
        val = x87_indefinite();
    }
    x87_push_raw(v, val);
}

bool x87_need(tcg_vcpu *v, unsigned i)
{
    if (!st_empty(v, 0) && !st_empty(v, i))
        return true;
    x87_stack_fault(v, false);
    return false;
}

/* Masked underflow response: the destination gets the indefinite.  Returns
 * whether the instruction completes (its pops happen). */
static bool underflow_fill(tcg_vcpu *v, unsigned dst)
{
    if (v->s.fpu.fcw & FSW_IE) {
        st_set(v, dst, x87_indefinite());
        return true;
    }
    return false;
}

/* ---- arithmetic ---- */

/* op 0 add, 1 mul, 4/5 sub, 6/7 div as in the ModRM.reg field; rev swaps
 * the operands (FSUBR, FDIVR and the DC/DE register forms). */
static void arith_to(tcg_vcpu *v, unsigned dst, unsigned other, unsigned op, bool rev)
{
    static const int host_op[8] = { X87_ADD, X87_MUL, 0, 0, X87_SUB, X87_SUB, X87_DIV, X87_DIV };
    const long double *d = st_ptr(v, dst), *o = st_ptr(v, other);
    mm_x86_fpreg r;
    uint16_t sw = rev ? x87_host_arith(host_op[op], o, d, &r.f, x87_mode(v))
                      : x87_host_arith(host_op[op], d, o, &r.f, x87_mode(v));
    if (x87_raise_flags(v, sw & FSW_EXC, sw, FSW_C1))
        st_set_raw(v, dst, &r);
}

/* FCOM/FUCOM/FCOMI family: a against b. */
static void compare(tcg_vcpu *v, long double a, long double b, bool quiet, bool to_eflags)
{
    long double in[2] = { a, b }, out[2];
    uint16_t sw = x87_host_op(quiet ? XH_UCOM : XH_COM, x87_mode(v), v->s.fpu.fsw, in, out);
    uint16_t exc = sw & FSW_EXC;
    if (!to_eflags) {
        x87_raise_flags(v, exc, sw & (FSW_C0 | FSW_C2 | FSW_C3), FSW_CC);
        return;
    }
    if (!x87_raise_flags(v, exc, 0, 0))
        return;
    uint64_t fl = ((sw & FSW_C3) ? X86_FLAG_ZF : 0) | ((sw & FSW_C2) ? X86_FLAG_PF : 0) |
                  ((sw & FSW_C0) ? X86_FLAG_CF : 0);
    tcg_set_rflags(v, fl, ARITH_FLAGS);
}

/* Underflowing compare: unordered when IE is masked. */
static bool compare_underflow(tcg_vcpu *v, bool to_eflags)
{
    if (!x87_stack_fault(v, false))
        return false;
    if (to_eflags)
        tcg_set_rflags(v, X86_FLAG_ZF | X86_FLAG_PF | X86_FLAG_CF, ARITH_FLAGS);
    else
        x87_raise_flags(v, 0, FSW_C0 | FSW_C2 | FSW_C3, FSW_C0 | FSW_C2 | FSW_C3);
    return true;
}

static void compare_regs(tcg_vcpu *v, unsigned i, bool quiet, bool to_eflags, unsigned pops)
{
    if (!st_empty(v, 0) && !st_empty(v, i))
        compare(v, st_get(v, 0), st_get(v, i), quiet, to_eflags);
    else if (!compare_underflow(v, to_eflags))
        return;
    while (pops--)
        st_pop(v);
}

/* ---- memory operands ---- */

static const int arith_mem_format[8] = { XM_F32, 0, XM_I32, 0, XM_F64, 0, XM_I16, 0 };

/* D8/DA/DC/DE with a memory operand: ST(0) op m. */
static void arith_mem(tcg_vcpu *v, const tcg_insn *in, unsigned esc, unsigned op)
{
    int fmt = arith_mem_format[esc];
    uint8_t buf[8];
    x87_mem_read(v, in, buf, x87_format_bytes(fmt));
    bool is_compare = op == 2 || op == 3;
    if (st_empty(v, 0)) {
        if (is_compare) {
            if (compare_underflow(v, false) && op == 3)
                st_pop(v);
        } else if (x87_stack_fault(v, false)) {
            underflow_fill(v, 0);
        }
        return;
    }
    uint16_t sw;
    long double r = x87_host_arith_mem(op, fmt, buf, st_get(v, 0), x87_mode(v), &sw);
    if (is_compare) {
        bool done = x87_raise_flags(v, sw & FSW_EXC, sw, FSW_CC);
        if (op == 3 && done)
            st_pop(v);
        return;
    }
    if (x87_raise_flags(v, sw & FSW_EXC, sw, FSW_C1))
        st_set(v, 0, r);
}

/* FLD/FILD/FBLD from memory. */
static void load_mem(tcg_vcpu *v, const tcg_insn *in, int fmt)
{
    uint8_t buf[10];
    x87_mem_read(v, in, buf, x87_format_bytes(fmt));
    uint16_t sw;
    long double val = x87_host_load(fmt, buf, x87_mode(v), &sw);
    if (!st_empty(v, 7)) {
        x87_push(v, val);   /* overflow response */
        return;
    }
    if (x87_raise_flags(v, sw & FSW_EXC, 0, FSW_C1))
        x87_push(v, val);
}

static void load_m80(tcg_vcpu *v, const tcg_insn *in)
{
    long double val = 0;
    x87_mem_read(v, in, &val, 10);
    x87_push(v, val);
    if (!(v->s.fpu.fsw & FSW_SF))
        v->s.fpu.fsw &= (uint16_t)~FSW_C1;
}

/* FST/FSTP/FIST/FISTP/FISTTP/FBSTP to memory (fmt < 0: m80). */
static void store_mem(tcg_vcpu *v, const tcg_insn *in, int fmt, bool pop)
{
    long double val = st_get(v, 0);
    uint16_t exc = 0, sw = 0;
    if (st_empty(v, 0)) {
        if (!x87_stack_fault(v, false))
            return;
        val = x87_indefinite();
    }
    uint8_t buf[10];
    unsigned bytes = 10;
    if (fmt < 0) {
        memcpy(buf, &val, 10);
    } else {
        sw = x87_host_store(fmt, val, x87_mode(v), buf);
        exc = sw & FSW_EXC;
        bytes = x87_format_bytes(fmt);
        /* Unmasked invalid, overflow or underflow: memory is left alone. */
        if (exc & ~v->s.fpu.fcw & (FSW_IE | FSW_DE | FSW_OE | FSW_UE)) {
            x87_raise_flags(v, exc, sw, FSW_C1);
            return;
        }
    }
    x87_mem_write(v, in, buf, bytes);
    x87_raise_flags(v, exc, sw, FSW_C1);
    if (pop)
        st_pop(v);
}

static void mem_form(tcg_vcpu *v, const tcg_insn *in, unsigned esc, unsigned op)
{
    if (!(esc & 1)) {
        arith_mem(v, in, esc, op);
        return;
    }
    /* Per escape: format of loads (op 0) and stores (ops 1-3). */
    static const int8_t fmt_of[8] = { 0, XM_F32, 0, XM_I32, 0, XM_F64, 0, XM_I16 };
    static const int8_t tt_of[8] = { 0, -1, 0, XM_TI32, 0, XM_TI64, 0, XM_TI16 };
    int fmt = fmt_of[esc];
    switch (op) {
    case 0: load_mem(v, in, fmt); return;
    case 1:
        if (tt_of[esc] < 0)
            break;
        store_mem(v, in, tt_of[esc], true);
        return;
    case 2: store_mem(v, in, fmt, false); return;
    case 3: store_mem(v, in, fmt, true); return;
    default:
        break;
    }
    switch (esc << 3 | op) {
    case 1 << 3 | 4: x87_fldenv(v, in); return;
    case 1 << 3 | 5:
        v->s.fpu.fcw = (uint16_t)rm_read(v, in, SZ16);
        x87_update_es(v);
        return;
    case 3 << 3 | 5: load_m80(v, in); return;
    case 3 << 3 | 7: store_mem(v, in, -1, true); return;
    case 5 << 3 | 4: x87_frstor(v, in); return;
    case 7 << 3 | 4: load_mem(v, in, XM_BCD); return;
    case 7 << 3 | 5: load_mem(v, in, XM_I64); return;
    case 7 << 3 | 6: store_mem(v, in, XM_BCD, true); return;
    case 7 << 3 | 7: store_mem(v, in, XM_I64, true); return;
    default:
        break;
    }
    tcg_raise(v, X86_EXC_UD);
}

/* ---- register forms ---- */

static void arith_regs(tcg_vcpu *v, unsigned esc, unsigned op, unsigned i)
{
    bool to_st0 = esc == 0;
    unsigned dst = to_st0 ? 0 : i;
    bool pop = esc == 6;
    if (!x87_need(v, i)) {
        if (underflow_fill(v, dst) && pop)
            st_pop(v);
        return;
    }
    bool rev = (op >= 4) && (((op & 1) != 0) == to_st0);
    arith_to(v, dst, to_st0 ? i : 0, op, rev);
    if (pop && !(v->s.fpu.fsw & ~v->s.fpu.fcw & (FSW_IE | FSW_ZE | FSW_DE)))
        st_pop(v);
}

static void fld_reg(tcg_vcpu *v, unsigned i)
{
    if (st_empty(v, i)) {
        if (x87_stack_fault(v, false))
            x87_push_raw(v, x87_indefinite());
        return;
    }
    x87_push(v, st_get(v, i));
    if (!(v->s.fpu.fsw & FSW_SF))
        v->s.fpu.fsw &= (uint16_t)~FSW_C1;
}

static void fst_reg(tcg_vcpu *v, unsigned i, bool pop)
{
    if (st_empty(v, 0)) {
        if (!x87_stack_fault(v, false))
            return;
        st_set(v, i, x87_indefinite());
    } else {
        st_set(v, i, st_get(v, 0));
        v->s.fpu.fsw &= (uint16_t)~FSW_C1;
    }
    if (pop)
        st_pop(v);
}

static void fxch(tcg_vcpu *v, unsigned i)
{
    if (st_empty(v, 0) || st_empty(v, i)) {
        if (!x87_stack_fault(v, false))
            return;
        if (st_empty(v, 0))
            st_set(v, 0, x87_indefinite());
        if (st_empty(v, i))
            st_set(v, i, x87_indefinite());
    } else {
        v->s.fpu.fsw &= (uint16_t)~FSW_C1;
    }
    long double t = st_get(v, 0);
    st_set(v, 0, st_get(v, i));
    st_set(v, i, t);
}

static void fcmov(tcg_vcpu *v, unsigned esc, unsigned op, unsigned i)
{
    static const uint8_t cond[4] = { 2, 4, 6, 10 };   /* B, E, BE, P (Jcc numbering) */
    if (!x87_need(v, i)) {
        underflow_fill(v, 0);
        return;
    }
    bool take = cc_test(v, cond[op]) != (esc == 3);
    if (take)
        st_set(v, 0, st_get(v, i));
}

/* D9 E0-E5: FCHS, FABS, FTST, FXAM. */
static void sign_ops(tcg_vcpu *v, unsigned rm)
{
    mm_x86_fpreg *r = &v->s.fpu.st[st_phys(v, 0)];
    if (rm == 5) {   /* FXAM reads even an empty register */
        if (st_empty(v, 0)) {
            uint16_t c1 = (r->raw.exp & 0x8000) ? FSW_C1 : 0;
            x87_raise_flags(v, 0, FSW_C3 | FSW_C0 | c1, FSW_CC);
            return;
        }
        long double in[2] = { r->f, 0 }, out[2];
        uint16_t sw = x87_host_op(XH_XAM, x87_mode(v), v->s.fpu.fsw, in, out);
        x87_raise_flags(v, 0, sw, FSW_CC);
        return;
    }
    if (rm == 4) {   /* FTST */
        if (st_empty(v, 0)) {
            compare_underflow(v, false);
            return;
        }
        long double in[2] = { r->f, 0 }, out[2];
        uint16_t sw = x87_host_op(XH_TST, x87_mode(v), v->s.fpu.fsw, in, out);
        x87_raise_flags(v, sw & FSW_EXC, sw, FSW_CC);
        return;
    }
    if (rm > 1)
        tcg_raise(v, X86_EXC_UD);
    if (st_empty(v, 0)) {
        if (x87_stack_fault(v, false))
            underflow_fill(v, 0);
        return;
    }
    if (rm == 0)
        r->raw.exp ^= 0x8000;
    else
        r->raw.exp &= 0x7fff;
    v->s.fpu.fsw &= (uint16_t)~FSW_C1;
}

static void load_constant(tcg_vcpu *v, unsigned rm)
{
    static const int op_of[8] = { XH_LD1, XH_LDL2T, XH_LDL2E, XH_LDPI, XH_LDLG2, XH_LDLN2,
                                  XH_LDZ, -1 };
    if (op_of[rm] < 0)
        tcg_raise(v, X86_EXC_UD);
    long double in[2] = { 0, 0 }, out[2];
    uint16_t sw = x87_host_op(op_of[rm], x87_mode(v), v->s.fpu.fsw, in, out);
    if (!st_empty(v, 7)) {
        x87_push(v, out[0]);
        return;
    }
    x87_raise_flags(v, sw & FSW_EXC, sw, FSW_C1);
    x87_push(v, out[0]);
}

/* One-operand host ops on ST(0): FSQRT, FRNDINT, F2XM1, FSIN, FCOS. */
static void unary_op(tcg_vcpu *v, int op, uint16_t cc_mask)
{
    if (!x87_need(v, 0)) {
        underflow_fill(v, 0);
        return;
    }
    long double in[2] = { st_get(v, 0), 0 }, out[2];
    uint16_t sw = x87_host_op(op, x87_mode(v), v->s.fpu.fsw, in, out);
    if (x87_raise_flags(v, sw & FSW_EXC, sw, cc_mask))
        st_set(v, 0, out[0]);
}

/* FPTAN, FSINCOS, FXTRACT: ST(0) replaced by out[1], then out[0] pushed. */
static void push_op(tcg_vcpu *v, int op)
{
    if (!x87_need(v, 0)) {
        if (op != XH_XTRACT)
            v->s.fpu.fsw &= (uint16_t)~FSW_C2;
        if (underflow_fill(v, 0))
            x87_push_raw(v, x87_indefinite());
        return;
    }
    if (!st_empty(v, 7)) {
        if (op != XH_XTRACT)
            v->s.fpu.fsw &= (uint16_t)~FSW_C2;
        if (x87_stack_fault(v, true)) {
            st_set(v, 0, x87_indefinite());
            x87_push(v, x87_indefinite());   /* reports the overflow once more: same flags */
        }
        return;
    }
    long double in[2] = { st_get(v, 0), 0 }, out[2];
    uint16_t sw = x87_host_op(op, x87_mode(v), v->s.fpu.fsw, in, out);
    uint16_t cc_mask = op == XH_XTRACT ? FSW_C1 : FSW_C1 | FSW_C2;
    if (!x87_raise_flags(v, sw & FSW_EXC, sw, cc_mask))
        return;
    if (op != XH_XTRACT && (sw & FSW_C2))
        return;   /* operand out of range: left as is, nothing pushed */
    st_set(v, 0, out[1]);
    x87_push(v, out[0]);
}

/* Two-operand host ops on ST(0), ST(1).  pop: the result goes to ST(1),
 * then pop (FYL2X, FYL2XP1, FPATAN); else both registers are replaced
 * (FPREM, FPREM1, FSCALE). */
static void binary_op(tcg_vcpu *v, int op, bool pop, uint16_t cc_mask)
{
    if (!x87_need(v, 1)) {
        if (underflow_fill(v, pop ? 1 : 0) && pop)
            st_pop(v);
        return;
    }
    long double in[2] = { st_get(v, 0), st_get(v, 1) }, out[2];
    uint16_t sw = x87_host_op(op, x87_mode(v), v->s.fpu.fsw, in, out);
    if (!x87_raise_flags(v, sw & FSW_EXC, sw, cc_mask))
        return;
    if (pop) {
        st_set(v, 1, out[0]);
        st_pop(v);
    } else {
        st_set(v, 0, out[0]);
        st_set(v, 1, out[1]);
    }
}

/* D9 F0-FF. */
static void d9_misc(tcg_vcpu *v, unsigned op, unsigned rm)
{
    switch (op << 3 | rm) {
    case 060: unary_op(v, XH_F2XM1, FSW_C1); return;
    case 061: binary_op(v, XH_YL2X, true, FSW_C1); return;
    case 062: push_op(v, XH_PTAN); return;
    case 063: binary_op(v, XH_PATAN, true, FSW_C1); return;
    case 064: push_op(v, XH_XTRACT); return;
    case 065: binary_op(v, XH_PREM1, false, FSW_CC); return;
    case 066: v->s.fpu.top = (v->s.fpu.top - 1) & 7; v->s.fpu.fsw &= (uint16_t)~FSW_C1; return;
    case 067: v->s.fpu.top = (v->s.fpu.top + 1) & 7; v->s.fpu.fsw &= (uint16_t)~FSW_C1; return;
    case 070: binary_op(v, XH_PREM, false, FSW_CC); return;
    case 071: binary_op(v, XH_YL2XP1, true, FSW_C1); return;
    case 072: unary_op(v, XH_SQRT, FSW_C1); return;
    case 073: push_op(v, XH_SINCOS); return;
    case 074: unary_op(v, XH_RNDINT, FSW_C1); return;
    case 075: binary_op(v, XH_SCALE, false, FSW_C1); return;
    case 076: unary_op(v, XH_SIN, FSW_C1 | FSW_C2); return;
    default: unary_op(v, XH_COS, FSW_C1 | FSW_C2); return;
    }
}

static void reg_form(tcg_vcpu *v, unsigned esc, unsigned op, unsigned i)
{
    switch (esc << 3 | op) {
    case 000: case 001: case 004: case 005: case 006: case 007:
    case 040: case 041: case 044: case 045: case 046: case 047:
    case 060: case 061: case 064: case 065: case 066: case 067:
        arith_regs(v, esc, op, i);
        return;
    case 002: case 042: compare_regs(v, i, false, false, 0); return;
    case 003: case 043: case 062: compare_regs(v, i, false, false, 1); return;
    case 010: fld_reg(v, i); return;
    case 011: case 051: case 071: fxch(v, i); return;
    case 012:
        if (i != 0)
            break;
        return;   /* FNOP */
    case 013: case 072: case 073: case 053: fst_reg(v, i, true); return;
    case 014: sign_ops(v, i); return;
    case 015: load_constant(v, i); return;
    case 016: case 017: d9_misc(v, op, i); return;
    case 020: case 021: case 022: case 023:
    case 030: case 031: case 032: case 033:
        fcmov(v, esc, op, i);
        return;
    case 025:
        if (i != 1)
            break;
        compare_regs(v, 1, true, false, 2);   /* FUCOMPP */
        return;
    case 035: compare_regs(v, i, true, true, 0); return;    /* FUCOMI */
    case 036: compare_regs(v, i, false, true, 0); return;   /* FCOMI */
    case 050: case 070:   /* FFREE, FFREEP */
        v->s.fpu.ftw &= (uint8_t)~(1u << st_phys(v, i));
        v->s.fpu.fsw &= (uint16_t)~FSW_C1;
        if (esc == 7)
            st_pop(v);
        return;
    case 052: fst_reg(v, i, false); return;
    case 054: compare_regs(v, i, true, false, 0); return;
    case 055: compare_regs(v, i, true, false, 1); return;
    case 063:
        if (i != 1)
            break;
        compare_regs(v, 1, false, false, 2);   /* FCOMPP */
        return;
    case 075: compare_regs(v, i, true, true, 1); return;    /* FUCOMIP */
    case 076: compare_regs(v, i, false, true, 1); return;   /* FCOMIP */
    default:
        break;
    }
    tcg_raise(v, X86_EXC_UD);
}

/* The control instructions that do not wait for pending exceptions
 * (FNINIT, FNCLEX, FNSTSW, FNSTCW, FNSTENV, FNSAVE).  Returns true if
 * the instruction was one of them. */
static bool control_nowait(tcg_vcpu *v, const tcg_insn *in, unsigned esc, unsigned op)
{
    if (in->mod == 3) {
        if (esc == 3 && op == 4) {
            switch (in->rm & 7) {
            case 2: v->s.fpu.fsw &= 0x7f00; return true;   /* FNCLEX */
            case 3: tcg_fninit(v); return true;
            case 0: case 1: case 4: return true;   /* FENI/FDISI/FSETPM: no-ops on a 387+ */
            default: tcg_raise(v, X86_EXC_UD);
            }
        }
        if (esc == 7 && op == 4 && (in->rm & 7) == 0) {
            gpr_write(v, X86_R_AX, SZ16, tcg_fpu_status_word(v));
            return true;
        }
        return false;
    }
    switch (esc << 3 | op) {
    case 1 << 3 | 6: x87_fnstenv(v, in); return true;
    case 1 << 3 | 7: rm_write(v, in, SZ16, v->s.fpu.fcw); return true;
    case 5 << 3 | 6: x87_fnsave(v, in); return true;
    case 5 << 3 | 7: rm_write(v, in, SZ16, tcg_fpu_status_word(v)); return true;
    default: return false;
    }
}

/* Last-instruction pointers that FNSTENV/FXSAVE report. */
static void record_pointers(tcg_vcpu *v, const tcg_insn *in, unsigned esc)
{
    mm_x86_fpu *f = &v->s.fpu;
    f->fop = (uint16_t)(esc << 8 | in->mod << 6 | (in->reg & 7) << 3 | (in->rm & 7));
    bool real = x87_real_mode(v);
    f->fip = v->insn_start + (real ? v->s.seg[X86_SEG_CS].base : 0);
    f->fcs = v->s.seg[X86_SEG_CS].selector;
    if (in->mod != 3) {
        f->fdp = tcg_ea(v, in) + (real ? v->s.seg[in->seg].base : 0);
        f->fds = v->s.seg[in->seg].selector;
    }
}

void op_x87_escape(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned esc = in->opcode & 7, op = in->reg & 7;
    if (in->prefix & PFX_LOCK)
        tcg_raise(v, X86_EXC_UD);
    tcg_fpu_check(v);
    if (control_nowait(v, in, esc, op))
        return;
    x87_check_pending(v);
    bool is_control = in->mod != 3 && (esc == 1 || esc == 5) && (op == 4 || op == 5);
    if (!is_control)
        record_pointers(v, in, esc);
    if (in->mod == 3)
        reg_form(v, esc, op, in->rm & 7);
    else
        mem_form(v, in, esc, op);
}
