/*
 * x87 environment and state images: FNSTENV/FLDENV and FNSAVE/FRSTOR in
 * their four layouts (16/32-bit operand size x real/protected mode, SDM
 * vol. 1 8.1.10, figures 8-9 to 8-12), the full tag word, and byte-string
 * access to the memory operand for the 10-byte and larger formats.
 */
#include <string.h>

#include "accel/tcg/fpu_helpers.h"
#include "accel/tcg/exceptions.h"

enum { TAG_VALID, TAG_ZERO, TAG_SPECIAL, TAG_EMPTY };

static unsigned reg_tag(const mm_x86_fpreg *r)
{
    unsigned exp = r->raw.exp & 0x7fff;
    if (exp == 0x7fff)
        return TAG_SPECIAL;
    if (exp == 0)
        return r->raw.mant == 0 ? TAG_ZERO : TAG_SPECIAL;
    return (r->raw.mant >> 63) ? TAG_VALID : TAG_SPECIAL;   /* unnormal */
}

uint16_t x87_full_tag_word(const tcg_vcpu *v)
{
    uint16_t tw = 0;
    for (unsigned i = 0; i < 8; i++) {
        unsigned t = (v->s.fpu.ftw & (1u << i)) ? reg_tag(&v->s.fpu.st[i]) : TAG_EMPTY;
        tw |= (uint16_t)(t << (2 * i));
    }
    return tw;
}

uint8_t x87_abridged_tag(uint16_t full)
{
    uint8_t ftw = 0;
    for (unsigned i = 0; i < 8; i++)
        if (((full >> (2 * i)) & 3) != TAG_EMPTY)
            ftw |= (uint8_t)(1u << i);
    return ftw;
}

/* Chunked access; writes go last chunk first so that a fault on the second
 * page of a crossing operand happens before anything is stored. */
void x87_lin_read(tcg_vcpu *v, uint64_t lin, void *buf, unsigned bytes)
{
    uint8_t *p = buf;
    for (unsigned off = 0; off < bytes;) {
        unsigned n = bytes - off >= 8 ? 8 : bytes - off >= 4 ? 4 : bytes - off >= 2 ? 2 : 1;
        uint64_t val = tcg_lin_read(v, lin + off, n);
        memcpy(p + off, &val, n);
        off += n;
    }
}

void x87_lin_write(tcg_vcpu *v, uint64_t lin, const void *buf, unsigned bytes)
{
    const uint8_t *p = buf;
    unsigned offs[16], sizes[16], count = 0;   /* up to 128 bytes (FNSAVE: 108) */
    for (unsigned off = 0; off < bytes && count < 16;) {
        unsigned n = bytes - off >= 8 ? 8 : bytes - off >= 4 ? 4 : bytes - off >= 2 ? 2 : 1;
        offs[count] = off;
        sizes[count++] = n;
        off += n;
    }
    while (count--) {
        uint64_t val = 0;
        memcpy(&val, p + offs[count], sizes[count]);
        tcg_lin_write(v, lin + offs[count], sizes[count], val);
    }
}

void x87_mem_read(tcg_vcpu *v, const tcg_insn *in, void *buf, unsigned bytes)
{
    x87_lin_read(v, rm_linear(v, in, bytes, ACC_READ), buf, bytes);
}

void x87_mem_write(tcg_vcpu *v, const tcg_insn *in, const void *buf, unsigned bytes)
{
    x87_lin_write(v, rm_linear(v, in, bytes, ACC_WRITE), buf, bytes);
}

static unsigned env_bytes(const tcg_insn *in)
{
    return in->opsize == SZ16 ? 14 : 28;
}

/* The environment image into buf (14 or 28 bytes). */
static void env_store(const tcg_vcpu *v, const tcg_insn *in, uint8_t *buf)
{
    const mm_x86_fpu *f = &v->s.fpu;
    uint32_t fip = (uint32_t)f->fip, fdp = (uint32_t)f->fdp, fop = f->fop & 0x7ff;
    /* The reserved upper halves read as ones on real CPUs. */
    uint32_t w[7] = { 0xffff0000u | f->fcw, 0xffff0000u | tcg_fpu_status_word(v),
                      0xffff0000u | x87_full_tag_word(v) };
    if (x87_real_mode(v)) {
        w[3] = fip & 0xffff;
        w[4] = fop | ((fip >> 16) << 12);
        w[5] = fdp & 0xffff;
        w[6] = (fdp >> 16) << 12;
    } else {
        w[3] = fip;
        w[4] = f->fcs | (fop << 16);
        w[5] = fdp;
        w[6] = 0xffff0000u | f->fds;
    }
    if (in->opsize == SZ16) {
        for (unsigned i = 0; i < 7; i++) {
            uint16_t h = (uint16_t)w[i];
            memcpy(buf + 2 * i, &h, 2);
        }
    } else {
        memcpy(buf, w, 28);
    }
}

static void env_load(tcg_vcpu *v, const tcg_insn *in, const uint8_t *buf)
{
    mm_x86_fpu *f = &v->s.fpu;
    uint32_t w[7] = { 0 };
    if (in->opsize == SZ16) {
        for (unsigned i = 0; i < 7; i++) {
            uint16_t h;
            memcpy(&h, buf + 2 * i, 2);
            w[i] = h;
        }
    } else {
        memcpy(w, buf, 28);
    }
    f->fcw = (uint16_t)w[0];
    f->top = (w[1] >> 11) & 7;
    f->fsw = (uint16_t)(w[1] & ~0x3800u);
    f->ftw = x87_abridged_tag((uint16_t)w[2]);
    if (x87_real_mode(v)) {
        f->fop = w[4] & 0x7ff;
        f->fip = (w[3] & 0xffff) | ((w[4] >> 12) << 16);
        f->fdp = (w[5] & 0xffff) | ((w[6] >> 12) << 16);
    } else {
        f->fip = w[3];
        f->fcs = (uint16_t)w[4];
        f->fop = (w[4] >> 16) & 0x7ff;
        f->fdp = w[5];
        f->fds = (uint16_t)w[6];
    }
}

void x87_fnstenv(tcg_vcpu *v, const tcg_insn *in)
{
    uint8_t buf[28];
    env_store(v, in, buf);
    x87_mem_write(v, in, buf, env_bytes(in));
    v->s.fpu.fcw |= FSW_EXC;   /* FNSTENV masks all exceptions afterwards */
}

void x87_fldenv(tcg_vcpu *v, const tcg_insn *in)
{
    uint8_t buf[28];
    x87_mem_read(v, in, buf, env_bytes(in));
    env_load(v, in, buf);
}

void x87_fnsave(tcg_vcpu *v, const tcg_insn *in)
{
    uint8_t buf[28 + 80];
    unsigned env = env_bytes(in);
    env_store(v, in, buf);
    for (unsigned i = 0; i < 8; i++)
        memcpy(buf + env + 10 * i, &v->s.fpu.st[st_phys(v, i)], 10);
    x87_mem_write(v, in, buf, env + 80);
    tcg_fninit(v);
}

void x87_frstor(tcg_vcpu *v, const tcg_insn *in)
{
    uint8_t buf[28 + 80];
    unsigned env = env_bytes(in);
    x87_mem_read(v, in, buf, env + 80);
    env_load(v, in, buf);
    for (unsigned i = 0; i < 8; i++) {
        mm_x86_fpreg *r = &v->s.fpu.st[st_phys(v, i)];
        memset(r, 0, sizeof(*r));
        memcpy(r, buf + env + 10 * i, 10);
    }
}
