/* The FADT, revision 1 as QEMU's pc board has it (ACPI 1.0 layout, 116 bytes). */
#include "acpi/acpi_build.h"

/* FADT flags (ACPI 6.4 table 5.10). */
#define FADT_F_WBINVD      (1u << 0)
#define FADT_F_PROC_C1     (1u << 2)
#define FADT_F_SLP_BUTTON  (1u << 5)   /* no fixed sleep button */
#define FADT_F_RTC_S4      (1u << 7)

#define FADT_INT_MODEL_APIC 1
#define FADT_C_STATE_DISABLED 0x0fff   /* P_LVL2/3 latency > 100/1000 us: unsupported */
#define CMOS_CENTURY 0x32

static void pm_blocks(GByteArray *b, const mm_acpi_config *cfg)
{
    acpi_append_u32(b, cfg->pm_base);         /* PM1a_EVT_BLK */
    acpi_append_u32(b, 0);                    /* PM1b_EVT_BLK */
    acpi_append_u32(b, cfg->pm_base + 4u);    /* PM1a_CNT_BLK */
    acpi_append_u32(b, 0);                    /* PM1b_CNT_BLK */
    acpi_append_u32(b, 0);                    /* PM2_CNT_BLK */
    acpi_append_u32(b, cfg->pm_base + 8u);    /* PM_TMR_BLK (24-bit) */
    acpi_append_u32(b, cfg->gpe0_base);       /* GPE0_BLK */
    acpi_append_u32(b, 0);                    /* GPE1_BLK */
    acpi_append_u8(b, 4);                     /* PM1_EVT_LEN */
    acpi_append_u8(b, 2);                     /* PM1_CNT_LEN */
    acpi_append_u8(b, 0);                     /* PM2_CNT_LEN */
    acpi_append_u8(b, 4);                     /* PM_TMR_LEN */
    acpi_append_u8(b, cfg->gpe0_base ? 4 : 0);   /* GPE0_BLK_LEN */
    acpi_append_u8(b, 0);                     /* GPE1_BLK_LEN */
    acpi_append_u8(b, 0);                     /* GPE1_BASE */
}

size_t acpi_build_fadt(GByteArray *b, const mm_acpi_config *cfg, uint32_t facs_addr,
                       uint32_t dsdt_addr)
{
    size_t start = acpi_table_begin(b, "FACP", 1);
    acpi_append_u32(b, facs_addr);
    acpi_append_u32(b, dsdt_addr);
    acpi_append_u8(b, FADT_INT_MODEL_APIC);
    acpi_append_u8(b, 0);                     /* preferred PM profile: unspecified */
    acpi_append_u16(b, cfg->sci_irq);
    /* No SMI_CMD, ACPI_ENABLE/DISABLE: there is no SMM, the board comes up
     * in ACPI mode (SCI_EN set), as QEMU with smm=off. */
    acpi_append_u32(b, 0);
    acpi_append_u8(b, 0);
    acpi_append_u8(b, 0);
    acpi_append_u8(b, 0);                     /* S4BIOS_REQ */
    acpi_append_u8(b, 0);                     /* PSTATE_CNT */
    pm_blocks(b, cfg);
    acpi_append_u8(b, 0);                     /* CST_CNT */
    acpi_append_u16(b, FADT_C_STATE_DISABLED);   /* P_LVL2_LAT */
    acpi_append_u16(b, FADT_C_STATE_DISABLED);   /* P_LVL3_LAT */
    acpi_append_u16(b, 0);                    /* FLUSH_SIZE */
    acpi_append_u16(b, 0);                    /* FLUSH_STRIDE */
    acpi_append_u8(b, 0);                     /* DUTY_OFFSET */
    acpi_append_u8(b, 0);                     /* DUTY_WIDTH */
    acpi_append_u8(b, 0);                     /* DAY_ALRM */
    acpi_append_u8(b, 0);                     /* MON_ALRM */
    acpi_append_u8(b, CMOS_CENTURY);
    acpi_append_u16(b, 0);                    /* IAPC_BOOT_ARCH (reserved in 1.0) */
    acpi_append_u8(b, 0);
    acpi_append_u32(b, FADT_F_WBINVD | FADT_F_PROC_C1 | FADT_F_SLP_BUTTON | FADT_F_RTC_S4);
    acpi_table_end(b, start);
    return start;
}
