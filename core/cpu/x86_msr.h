/*
 * Model-specific register numbers that Linux touches (Intel SDM vol. 4, AMD
 * APM vol. 2).  Shared by the software CPU and the KVM accelerator.
 */
#ifndef MODEMU_CPU_X86_MSR_H
#define MODEMU_CPU_X86_MSR_H

#define X86_MSR_TSC                 0x00000010
#define X86_MSR_PLATFORM_ID         0x00000017
#define X86_MSR_APIC_BASE           0x0000001b
#define X86_MSR_FEATURE_CONTROL     0x0000003a
#define X86_MSR_TSC_ADJUST          0x0000003b
#define X86_MSR_BIOS_SIGN_ID        0x0000008b
#define X86_MSR_MTRRCAP             0x000000fe
#define X86_MSR_SYSENTER_CS         0x00000174
#define X86_MSR_SYSENTER_ESP        0x00000175
#define X86_MSR_SYSENTER_EIP        0x00000176
#define X86_MSR_MCG_CAP             0x00000179
#define X86_MSR_MCG_STATUS          0x0000017a
#define X86_MSR_MCG_CTL             0x0000017b
#define X86_MSR_MISC_ENABLE         0x000001a0
#define X86_MSR_MTRR_PHYSBASE0      0x00000200   /* base/mask pairs up to 0x20f */
#define X86_MSR_MTRR_PHYSMASK7      0x0000020f
#define X86_MSR_MTRR_FIX64K_00000   0x00000250
#define X86_MSR_MTRR_FIX16K_80000   0x00000258
#define X86_MSR_MTRR_FIX16K_A0000   0x00000259
#define X86_MSR_MTRR_FIX4K_C0000    0x00000268   /* ... up to 0x26f */
#define X86_MSR_MTRR_FIX4K_F8000    0x0000026f
#define X86_MSR_PAT                 0x00000277
#define X86_MSR_MTRR_DEF_TYPE       0x000002ff
#define X86_MSR_MC0_CTL             0x00000400   /* 4 banks x 4 MSRs up to 0x40f */
#define X86_MSR_MC_LAST             0x0000040f
#define X86_MSR_X2APIC_FIRST        0x00000800
#define X86_MSR_X2APIC_LAST         0x000008ff
#define X86_MSR_EFER                0xc0000080
#define X86_MSR_STAR                0xc0000081
#define X86_MSR_LSTAR               0xc0000082
#define X86_MSR_CSTAR               0xc0000083
#define X86_MSR_SFMASK              0xc0000084
#define X86_MSR_FS_BASE             0xc0000100
#define X86_MSR_GS_BASE             0xc0000101
#define X86_MSR_KERNEL_GS_BASE      0xc0000102
#define X86_MSR_TSC_AUX             0xc0000103
#define X86_MSR_VM_CR               0xc0010114   /* AMD: Linux reads it to probe SVM */
#define X86_MSR_VM_HSAVE_PA         0xc0010117

#define X86_APIC_BASE_BSP    (1ull << 8)
#define X86_APIC_BASE_EXTD   (1ull << 10)
#define X86_APIC_BASE_ENABLE (1ull << 11)
#define X86_APIC_DEFAULT_ADDR 0xfee00000ull

#endif
