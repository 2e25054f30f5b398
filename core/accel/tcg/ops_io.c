/*
 * Port I/O: IN/OUT (immediate and DX forms) through the machine's I/O
 * address space, with the IOPL and TSS I/O-permission-bitmap checks of
 * protected mode (SDM vol. 1, 19.5).
 */
#include "accel/tcg/ops.h"
#include "accel/tcg/exceptions.h"

/* #GP(0) unless CPL <= IOPL or the TSS bitmap allows all `bytes` ports. */
void tcg_check_io(tcg_vcpu *v, uint16_t port, unsigned bytes)
{
    if (!(v->s.cr0 & X86_CR0_PE))
        return;
    unsigned iopl = (v->s.rflags & X86_FLAG_IOPL) >> 12;
    if (!(v->s.rflags & X86_FLAG_VM) && mm_x86_cpl(&v->s) <= iopl)
        return;
    const mm_x86_segment *tr = &v->s.tr;
    unsigned type = (tr->flags >> 8) & 0xf;
    if (!(tr->flags & X86_DESC_P) || (type != X86_SYS_TSS_AVAIL && type != X86_SYS_TSS_BUSY) ||
        tr->limit < 103)
        tcg_raise_error(v, X86_EXC_GP, 0);
    uint16_t map = (uint16_t)tcg_sys_read(v, tr->base + 0x66, 2);
    uint32_t byte = map + (port >> 3);
    if (byte + 1 > tr->limit)
        tcg_raise_error(v, X86_EXC_GP, 0);
    uint16_t bits = (uint16_t)tcg_sys_read(v, tr->base + byte, 2);
    if ((bits >> (port & 7)) & ((1u << bytes) - 1))
        tcg_raise_error(v, X86_EXC_GP, 0);
}

uint64_t tcg_port_in(tcg_vcpu *v, uint16_t port, unsigned bytes)
{
    return v->mach->phys->io_in(v->mach->phys_opaque, port, bytes);
}

void tcg_port_out(tcg_vcpu *v, uint16_t port, unsigned bytes, uint64_t value)
{
    v->mach->phys->io_out(v->mach->phys_opaque, port, bytes, value & size_mask(bytes == 1 ? SZ8 : bytes == 2 ? SZ16 : SZ32));
}

/* E4/E5/EC/ED: IN; E6/E7/EE/EF: OUT.  Operand size is 8, 16 or 32 bits. */
void op_in(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize == SZ64 ? SZ32 : in->opsize, bytes = 1u << sz;
    uint16_t port = (in->opcode & 8) ? (uint16_t)v->s.regs[X86_R_DX] : (uint16_t)(in->imm & 0xff);
    tcg_check_io(v, port, bytes);
    gpr_write(v, X86_R_AX, sz, tcg_port_in(v, port, bytes));
}

void op_out(tcg_vcpu *v, const tcg_insn *in)
{
    unsigned sz = in->opsize == SZ64 ? SZ32 : in->opsize, bytes = 1u << sz;
    uint16_t port = (in->opcode & 8) ? (uint16_t)v->s.regs[X86_R_DX] : (uint16_t)(in->imm & 0xff);
    tcg_check_io(v, port, bytes);
    tcg_port_out(v, port, bytes, v->s.regs[X86_R_AX]);
    v->exit_block = true;   /* a device may have raised an interrupt or requested reset */
}
