/* The ISA bus behind the PIIX3 bridge (see <modemu/isa.h>). */
#include <glib.h>
#include <modemu/isa.h>
#include <modemu/log.h>

#include "isa/isa_bus.h"

#define ISA_NUM_IRQS 16

static mm_irq *isa_irqs[ISA_NUM_IRQS];
static GHashTable *isa_instance_counts;  /* type name -> next index */

void mm_isa_bus_set_irqs(mm_irq *const irqs[16])
{
    for (int i = 0; i < ISA_NUM_IRQS; i++)
        isa_irqs[i] = irqs ? irqs[i] : NULL;
}

bool mm_isa_bus_present(void)
{
    return isa_irqs[0] != NULL;
}

MM_API void mm_isa_register_ioport(mm_isa_device *dev, mm_memory_region *region, uint16_t port)
{
    mm_region_add_subregion(mm_address_space_root(mm_machine_io_space()), port, region, 0);
}

MM_API void mm_isa_unregister_ioport(mm_isa_device *dev, mm_memory_region *region)
{
    mm_region_del_subregion(mm_address_space_root(mm_machine_io_space()), region);
}

MM_API mm_irq *mm_isa_get_irq(int isa_irq)
{
    if (isa_irq < 0 || isa_irq >= ISA_NUM_IRQS) {
        mm_log(MM_LOG_GUEST_ERROR, "isa: IRQ %d out of range\n", isa_irq);
        return NULL;
    }
    return isa_irqs[isa_irq];
}

MM_API int mm_isa_next_index(const char *type_name)
{
    if (!isa_instance_counts)
        isa_instance_counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    gpointer value;
    int index = 0;
    if (g_hash_table_lookup_extended(isa_instance_counts, type_name, NULL, &value))
        index = GPOINTER_TO_INT(value);
    g_hash_table_insert(isa_instance_counts, g_strdup(type_name), GINT_TO_POINTER(index + 1));
    return index;
}
