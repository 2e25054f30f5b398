/*
 * x87 helpers shared by the ops_x87*.c files: register stack access by
 * ST(i), status-word bits, stack faults and the masked/unmasked exception
 * rules, and the host-instruction executors of ops_x87_host.c.
 *
 * Why host instructions: modemu only runs on x86-64 hosts, whose x87 unit
 * is the very one being emulated.  Running the same instruction on the host
 * with the guest's control word loaded (exceptions masked so the host never
 * traps) gives results, C0-C3 and exception flags that match real hardware
 * bit for bit, transcendentals included; the interpreter keeps only the
 * stack, tags and exception delivery to itself.
 */
#ifndef MODEMU_TCG_FPU_HELPERS_H
#define MODEMU_TCG_FPU_HELPERS_H

#include "accel/tcg/ops.h"

/* Status word bits. */
#define FSW_IE 0x0001u
#define FSW_DE 0x0002u
#define FSW_ZE 0x0004u
#define FSW_OE 0x0008u
#define FSW_UE 0x0010u
#define FSW_PE 0x0020u
#define FSW_SF 0x0040u
#define FSW_ES 0x0080u
#define FSW_C0 0x0100u
#define FSW_C1 0x0200u
#define FSW_C2 0x0400u
#define FSW_C3 0x4000u
#define FSW_B  0x8000u
#define FSW_EXC 0x003fu
#define FSW_CC (FSW_C0 | FSW_C1 | FSW_C2 | FSW_C3)

/* The x87 escape opcodes D8-DF (optable rows). */
void op_x87_escape(tcg_vcpu *v, const tcg_insn *in);

/* ---- register stack ---- */
static inline unsigned st_phys(const tcg_vcpu *v, unsigned i)
{
    return (v->s.fpu.top + i) & 7;
}

static inline bool st_empty(const tcg_vcpu *v, unsigned i)
{
    return !(v->s.fpu.ftw & (1u << st_phys(v, i)));
}

static inline long double st_get(const tcg_vcpu *v, unsigned i)
{
    return v->s.fpu.st[st_phys(v, i)].f;
}

static inline void st_set(tcg_vcpu *v, unsigned i, long double val)
{
    unsigned p = st_phys(v, i);
    v->s.fpu.st[p].f = val;
    v->s.fpu.ftw |= (uint8_t)(1u << p);
}

/* Stores a register image by its raw fields: a long double assignment
 * would go through the host x87 again. */
static inline void st_set_raw(tcg_vcpu *v, unsigned i, const mm_x86_fpreg *val)
{
    unsigned p = st_phys(v, i);
    v->s.fpu.st[p].raw.mant = val->raw.mant;
    v->s.fpu.st[p].raw.exp = val->raw.exp;
    v->s.fpu.ftw |= (uint8_t)(1u << p);
}

static inline const long double *st_ptr(const tcg_vcpu *v, unsigned i)
{
    return &v->s.fpu.st[st_phys(v, i)].f;
}

static inline void st_pop(tcg_vcpu *v)
{
    v->s.fpu.ftw &= (uint8_t)~(1u << st_phys(v, 0));
    v->s.fpu.top = (v->s.fpu.top + 1) & 7;
}

/* The QNaN "real indefinite" that masked invalid operations produce. */
long double x87_indefinite(void);

/* Sets the exception bits (and SF) of `exc`, replaces the condition codes in
 * `cc_mask` by those of `cc`, and sets ES/B when an unmasked one is pending.
 * Returns false when an unmasked invalid, zero-divide or denormal exception
 * means the destination must stay unchanged. */
bool x87_raise_flags(tcg_vcpu *v, uint16_t exc, uint16_t cc, uint16_t cc_mask);

/* Stack overflow (c1 = 1) or underflow (c1 = 0): IE|SF.  Returns true when
 * IE is masked and the instruction goes on with the indefinite. */
bool x87_stack_fault(tcg_vcpu *v, bool overflow);

/* Pushes val; a full stack gives the masked overflow response. */
void x87_push(tcg_vcpu *v, long double val);
/* Pushes without the overflow check (masked responses that push anyway). */
void x87_push_raw(tcg_vcpu *v, long double val);

/* Whether ST(0) and ST(i) (i = 0: only ST(0)) are valid; if not, takes the
 * underflow fault and returns false. */
bool x87_need(tcg_vcpu *v, unsigned i);

/* Full 16-bit tag word (00 valid, 01 zero, 10 special, 11 empty). */
uint16_t x87_full_tag_word(const tcg_vcpu *v);
/* Abridged tag (bit set = valid) from a full tag word. */
uint8_t x87_abridged_tag(uint16_t full);

/* ---- host executors (ops_x87_host.c) ---- */
enum x87_arith { X87_ADD, X87_MUL, X87_SUB, X87_DIV };
/* How the executors below run: the guest control word (low 16 bits) and,
 * high 16 bits, the host status flags that must be cleared first.  Flags
 * the guest's sticky flags already hold may stay (OR-ing them in again
 * changes nothing), which spares the slow FNCLEX on most instructions;
 * with an exception unmasked or pending (ES) every flag is cleared: the
 * instruction's own ones must be exact, and a stale unmasked one would
 * trap the host. */
static inline uint32_t x87_mode(const tcg_vcpu *v)
{
    uint16_t fsw = v->s.fpu.fsw;
    bool exact = (fsw & FSW_ES) || (v->s.fpu.fcw & FSW_EXC) != FSW_EXC;
    uint16_t stale = exact ? 0x7f : (uint16_t)(0x7f & ~fsw);
    return v->s.fpu.fcw | (uint32_t)stale << 16;
}

/* *r = *a op *b; returns the host status word. */
uint16_t x87_host_arith(int op, const long double *a, const long double *b, long double *r,
                        uint32_t mode);

/* ST(0) op m for the D8/DA/DC/DE memory forms (op = ModRM.reg; 2 and 3
 * compare: only *sw matters). */
long double x87_host_arith_mem(unsigned op, int fmt, const void *mem, long double a,
                               uint32_t mode, uint16_t *sw);

/* Register-stack operations on in[0] = ST(0), in[1] = ST(1); results out[0]
 * (new ST(0)) and out[1] (the entry below it).  Returns the status word. */
enum x87_host_op {
    XH_SQRT, XH_RNDINT, XH_F2XM1, XH_SIN, XH_COS,           /* 1 in, 1 out */
    XH_PTAN, XH_SINCOS, XH_XTRACT,                          /* 1 in, 2 out (push) */
    XH_XAM, XH_TST,                                         /* 1 in, flags only */
    XH_PREM, XH_PREM1, XH_SCALE,                            /* 2 in, 2 out */
    XH_YL2X, XH_YL2XP1, XH_PATAN,                           /* 2 in, 1 out (pop) */
    XH_COM, XH_UCOM,                                        /* 2 in, flags only */
    XH_LD1, XH_LDL2T, XH_LDL2E, XH_LDPI, XH_LDLG2, XH_LDLN2, XH_LDZ,   /* 0 in, 1 out */
};
/* The host starts from the guest's condition codes (sw), which the
 * instruction may leave unchanged. */
uint16_t x87_host_op(int op, uint32_t mode, uint16_t sw, const long double in[2],
                     long double out[2]);

/* Memory formats. */
enum x87_mem_format {
    XM_F32, XM_F64, XM_I16, XM_I32, XM_I64, XM_BCD,
    XM_TI16, XM_TI32, XM_TI64,      /* FISTTP: truncating stores */
};
/* Loads (FLD/FILD/FBLD) and stores (FST/FIST/FISTTP/FBSTP) through the host. */
long double x87_host_load(int fmt, const void *mem, uint32_t mode, uint16_t *sw);
uint16_t x87_host_store(int fmt, long double val, uint32_t mode, void *mem);
unsigned x87_format_bytes(int fmt);

/* ---- environment and state images (ops_x87_env.c) ---- */
/* Real-address and virtual-8086 mode: the environment holds linear
 * instruction/data pointers and no selectors. */
static inline bool x87_real_mode(const tcg_vcpu *v)
{
    return !(v->s.cr0 & X86_CR0_PE) || (v->s.rflags & X86_FLAG_VM);
}

void x87_fnstenv(tcg_vcpu *v, const tcg_insn *in);
void x87_fldenv(tcg_vcpu *v, const tcg_insn *in);
void x87_fnsave(tcg_vcpu *v, const tcg_insn *in);
void x87_frstor(tcg_vcpu *v, const tcg_insn *in);

/* Guest memory of up to 16 bytes at the r/m operand (checks the whole range). */
void x87_mem_read(tcg_vcpu *v, const tcg_insn *in, void *buf, unsigned bytes);
void x87_mem_write(tcg_vcpu *v, const tcg_insn *in, const void *buf, unsigned bytes);
void x87_lin_read(tcg_vcpu *v, uint64_t lin, void *buf, unsigned bytes);
void x87_lin_write(tcg_vcpu *v, uint64_t lin, const void *buf, unsigned bytes);

/* ES/B follow the exception flags and masks (after FLDCW, FLDENV...). */
void x87_update_es(tcg_vcpu *v);
/* #MF for a pending unmasked exception at a waiting instruction (CR0.NE=1). */
void x87_check_pending(tcg_vcpu *v);

#endif
