/*
 * fw_cfg on the pc board: selector 0x510 (16-bit), data 0x511 (8-bit; 8-bit
 * reads at 0x510 return data too), DMA address 0x514-0x51B (big-endian).
 * Facts from QEMU's docs/specs/fw_cfg.rst and PC-FACTS section 5.
 *
 * The DMA engine works on guest-provided addresses and lengths: every access
 * goes through the memory space and fails cleanly (error bit) on unassigned
 * memory; lengths are processed in bounded chunks, never trusted for
 * allocation.
 */
#include <string.h>
#include <glib.h>
#include <modemu/isa.h>
#include <modemu/log.h>
#include <modemu/machine.h>

#include "machine/pc/fw_cfg.h"
#include "object/core_types.h"

#define FW_CFG_WRITE_CHANNEL 0x4000
#define FW_CFG_ENTRY_MASK 0x3fff
#define FW_CFG_INVALID 0xffff
#define FW_CFG_FEATURE_TRADITIONAL 0x01
#define FW_CFG_FEATURE_DMA 0x02
#define FW_CFG_DMA_SIGNATURE "QEMU CFG"
#define DMA_CTL_ERROR 0x01
#define DMA_CTL_READ 0x02
#define DMA_CTL_SKIP 0x04
#define DMA_CTL_SELECT 0x08
#define DMA_CTL_WRITE 0x10
#define DMA_ACCESS_SIZE 16
#define DMA_CHUNK 4096
#define FILE_DIR_ENTRY_SIZE 64

typedef struct fw_cfg_item {
    uint8_t *data;
    uint32_t len;
} fw_cfg_item;

typedef struct fw_cfg_file {
    char name[MM_FW_CFG_MAX_FILE_NAME];
    fw_cfg_item item;
} fw_cfg_file;

typedef struct mm_fw_cfg {
    mm_isa_device parent;
    GHashTable *items;        /* key -> fw_cfg_item* (non-file items) */
    GPtrArray *files;         /* fw_cfg_file*, sorted by name */
    uint16_t cur_key;
    uint32_t cur_offset;
    uint64_t dma_addr;
    mm_memory_region *io, *dma_io;
} mm_fw_cfg;

static mm_fw_cfg *board_fw_cfg;

static void item_free(gpointer p)
{
    fw_cfg_item *item = p;
    g_free(item->data);
    g_free(item);
}

static void file_free(gpointer p)
{
    fw_cfg_file *f = p;
    g_free(f->item.data);
    g_free(f);
}

static uint16_t key_normalize(uint16_t key)
{
    return key & (MM_FW_CFG_ARCH_LOCAL | FW_CFG_ENTRY_MASK);
}

static const fw_cfg_item *fw_cfg_lookup(const mm_fw_cfg *s, uint16_t key)
{
    if (key >= MM_FW_CFG_FILE_FIRST && key < MM_FW_CFG_FILE_FIRST + s->files->len) {
        fw_cfg_file *f = g_ptr_array_index(s->files, key - MM_FW_CFG_FILE_FIRST);
        return &f->item;
    }
    return g_hash_table_lookup(s->items, GUINT_TO_POINTER(key));
}

static void fw_cfg_store(mm_fw_cfg *s, uint16_t key, const void *data, uint32_t len)
{
    fw_cfg_item *item = g_new0(fw_cfg_item, 1);
    item->data = g_memdup2(data, len);
    item->len = len;
    g_hash_table_replace(s->items, GUINT_TO_POINTER(key), item);
}

/* Directory: BE count, then {BE size, BE select, reserved, name[56]}. */
static void fw_cfg_rebuild_directory(mm_fw_cfg *s)
{
    uint32_t count = s->files->len;
    uint32_t len = 4 + count * FILE_DIR_ENTRY_SIZE;
    uint8_t *dir = g_malloc0(len);
    uint32_t be_count = GUINT32_TO_BE(count);
    memcpy(dir, &be_count, 4);
    for (uint32_t i = 0; i < count; i++) {
        const fw_cfg_file *f = g_ptr_array_index(s->files, i);
        uint8_t *e = dir + 4 + i * FILE_DIR_ENTRY_SIZE;
        uint32_t size = GUINT32_TO_BE(f->item.len);
        uint16_t select = GUINT16_TO_BE(MM_FW_CFG_FILE_FIRST + i);
        memcpy(e, &size, 4);
        memcpy(e + 4, &select, 2);
        memcpy(e + 8, f->name, MM_FW_CFG_MAX_FILE_NAME);
    }
    fw_cfg_store(s, MM_FW_CFG_FILE_DIR, dir, len);
    g_free(dir);
}

static fw_cfg_file *fw_cfg_find(mm_fw_cfg *s, const char *name)
{
    for (guint i = 0; i < s->files->len; i++) {
        fw_cfg_file *f = g_ptr_array_index(s->files, i);
        if (!strcmp(f->name, name))
            return f;
    }
    return NULL;
}

static gint file_compare(gconstpointer a, gconstpointer b)
{
    const fw_cfg_file *fa = *(fw_cfg_file *const *)a, *fb = *(fw_cfg_file *const *)b;
    return strcmp(fa->name, fb->name);
}

MM_API bool mm_fw_cfg_add_file(const char *name, const void *data, uint32_t len)
{
    mm_fw_cfg *s = board_fw_cfg;
    if (!s || !name || !*name || strlen(name) >= MM_FW_CFG_MAX_FILE_NAME)
        return false;
    if (fw_cfg_find(s, name)) {
        mm_error_report("fw_cfg: duplicate file name '%s'", name);
        return false;
    }
    if (s->files->len >= MM_FW_CFG_FILE_SLOTS) {
        mm_error_report("fw_cfg: no free file slot for '%s' (%d in use)", name,
                        MM_FW_CFG_FILE_SLOTS);
        return false;
    }
    fw_cfg_file *f = g_new0(fw_cfg_file, 1);
    g_strlcpy(f->name, name, sizeof(f->name));
    f->item.data = g_memdup2(data, len);
    f->item.len = len;
    /* Newer QEMU machine types keep files sorted by name; keys follow. */
    g_ptr_array_add(s->files, f);
    g_ptr_array_sort(s->files, file_compare);
    fw_cfg_rebuild_directory(s);
    return true;
}

bool mm_fw_cfg_modify_file(const char *name, const void *data, uint32_t len)
{
    mm_fw_cfg *s = board_fw_cfg;
    fw_cfg_file *f = s && name ? fw_cfg_find(s, name) : NULL;
    if (!f)
        return false;
    g_free(f->item.data);
    f->item.data = g_memdup2(data, len);
    f->item.len = len;
    fw_cfg_rebuild_directory(s);
    return true;
}

const uint8_t *mm_fw_cfg_find_file(const char *name, uint32_t *len)
{
    fw_cfg_file *f = board_fw_cfg && name ? fw_cfg_find(board_fw_cfg, name) : NULL;
    if (!f)
        return NULL;
    if (len)
        *len = f->item.len;
    return f->item.data;
}

bool mm_fw_cfg_present(void)
{
    return board_fw_cfg != NULL;
}

bool mm_fw_cfg_add_bytes(uint16_t key, const void *data, uint32_t len)
{
    key = key_normalize(key);
    bool file_key = key >= MM_FW_CFG_FILE_FIRST && key < MM_FW_CFG_FILE_FIRST + 0x1000;
    if (!board_fw_cfg || file_key || key == MM_FW_CFG_FILE_DIR)
        return false;
    fw_cfg_store(board_fw_cfg, key, data, len);
    return true;
}

bool mm_fw_cfg_add_i16(uint16_t key, uint16_t value)
{
    uint16_t le = GUINT16_TO_LE(value);
    return mm_fw_cfg_add_bytes(key, &le, sizeof(le));
}

bool mm_fw_cfg_add_i32(uint16_t key, uint32_t value)
{
    uint32_t le = GUINT32_TO_LE(value);
    return mm_fw_cfg_add_bytes(key, &le, sizeof(le));
}

bool mm_fw_cfg_add_i64(uint16_t key, uint64_t value)
{
    uint64_t le = GUINT64_TO_LE(value);
    return mm_fw_cfg_add_bytes(key, &le, sizeof(le));
}

/* ---- guest interface ---- */

static void fw_cfg_select(mm_fw_cfg *s, uint16_t key)
{
    /* Since QEMU 2.4 the write channel bit only selects. */
    s->cur_key = key_normalize(key & ~FW_CFG_WRITE_CHANNEL);
    s->cur_offset = 0;
}

static uint8_t fw_cfg_read_byte(mm_fw_cfg *s)
{
    const fw_cfg_item *item = fw_cfg_lookup(s, s->cur_key);
    if (!item || s->cur_offset >= item->len)
        return 0;
    return item->data[s->cur_offset++];
}

static uint64_t fw_cfg_io_read(void *opaque, uint64_t offset, unsigned size)
{
    if (size != 1)
        return UINT64_MAX;
    return fw_cfg_read_byte(opaque);
}

static void fw_cfg_io_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    if (offset == 0 && size == 2)
        fw_cfg_select(opaque, value);
    /* Byte writes to the data port are ignored (QEMU >= 2.4). */
}

static const mm_region_ops fw_cfg_io_ops = {
    .read = fw_cfg_io_read,
    .write = fw_cfg_io_write,
    .valid = { .min_access_size = 1, .max_access_size = 2 },
};

/* Writes `len` bytes of the current item (zeros past its end) to guest
 * memory at `addr`; false on a bus error. */
static bool fw_cfg_dma_copy_out(mm_fw_cfg *s, const fw_cfg_item *item, uint64_t addr,
                                uint32_t len)
{
    static const uint8_t zeros[DMA_CHUNK];
    mm_address_space *as = mm_machine_memory_space();
    while (len) {
        uint32_t n;
        const uint8_t *src;
        if (item && s->cur_offset < item->len) {
            n = MIN(len, item->len - s->cur_offset);
            src = item->data + s->cur_offset;
        } else {
            n = MIN(len, (uint32_t)DMA_CHUNK);
            src = zeros;
        }
        if (mm_as_write_buf(as, addr, src, n) != MM_MEM_OK)
            return false;
        addr += n;
        len -= n;
        s->cur_offset = (uint32_t)MIN((uint64_t)s->cur_offset + n, (uint64_t)UINT32_MAX);
    }
    return true;
}

static void fw_cfg_dma_transfer(mm_fw_cfg *s, uint64_t desc_addr)
{
    mm_address_space *as = mm_machine_memory_space();
    uint8_t desc[DMA_ACCESS_SIZE];
    if (mm_as_read_buf(as, desc_addr, desc, sizeof(desc)) != MM_MEM_OK) {
        mm_log(MM_LOG_GUEST_ERROR, "fw_cfg: DMA descriptor at 0x%" G_GINT64_MODIFIER
               "x unreadable\n", desc_addr);
        return;
    }
    uint32_t control, length;
    uint64_t address;
    memcpy(&control, desc, 4);
    memcpy(&length, desc + 4, 4);
    memcpy(&address, desc + 8, 8);
    control = GUINT32_FROM_BE(control);
    length = GUINT32_FROM_BE(length);
    address = GUINT64_FROM_BE(address);

    if (control & DMA_CTL_SELECT)
        fw_cfg_select(s, control >> 16);
    const fw_cfg_item *item = fw_cfg_lookup(s, s->cur_key);
    bool error = false;
    if (address + length < address) {
        error = true;
    } else if (control & DMA_CTL_READ) {
        error = !fw_cfg_dma_copy_out(s, item, address, length);
    } else if (control & DMA_CTL_WRITE) {
        error = true;   /* no item on this board is writable */
    } else if (control & DMA_CTL_SKIP) {
        s->cur_offset = (uint32_t)MIN((uint64_t)s->cur_offset + length, (uint64_t)UINT32_MAX);
    }
    uint32_t result = GUINT32_TO_BE(error ? DMA_CTL_ERROR : 0);
    mm_as_write_buf(as, desc_addr, &result, 4);
}

static uint64_t fw_cfg_dma_read(void *opaque, uint64_t offset, unsigned size)
{
    static const char signature[] = FW_CFG_DMA_SIGNATURE;
    uint64_t value = 0;
    for (unsigned i = 0; i < size && offset + i < 8; i++)
        value |= (uint64_t)(uint8_t)signature[offset + i] << (8 * i);
    return value;
}

/* The register is big-endian: the byte at 0x514 is the most significant. */
static void fw_cfg_dma_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    mm_fw_cfg *s = opaque;
    if (size == 8 && offset == 0) {
        fw_cfg_dma_transfer(s, GUINT64_FROM_BE(value));
        s->dma_addr = 0;
    } else if (size == 4 && offset == 0) {
        s->dma_addr = (uint64_t)GUINT32_FROM_BE((uint32_t)value) << 32;
    } else if (size == 4 && offset == 4) {
        uint64_t addr = s->dma_addr | GUINT32_FROM_BE((uint32_t)value);
        s->dma_addr = 0;
        fw_cfg_dma_transfer(s, addr);
    } else {
        mm_log(MM_LOG_GUEST_ERROR, "fw_cfg: DMA register write of %u bytes at +%u ignored\n",
               size, (unsigned)offset);
    }
}

static const mm_region_ops fw_cfg_dma_ops = {
    .read = fw_cfg_dma_read,
    .write = fw_cfg_dma_write,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
};

static void fw_cfg_reset(void *opaque)
{
    mm_fw_cfg *s = opaque;
    fw_cfg_select(s, MM_FW_CFG_SIGNATURE);
    s->dma_addr = 0;
}

static bool fw_cfg_realize(mm_object *obj, mm_error **errp)
{
    mm_fw_cfg *s = (mm_fw_cfg *)obj;
    s->items = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, item_free);
    s->files = g_ptr_array_new_with_free_func(file_free);
    board_fw_cfg = s;
    fw_cfg_store(s, MM_FW_CFG_SIGNATURE, "QEMU", 4);
    mm_fw_cfg_add_i32(MM_FW_CFG_ID, FW_CFG_FEATURE_TRADITIONAL | FW_CFG_FEATURE_DMA);
    fw_cfg_rebuild_directory(s);
    s->io = mm_region_new_io(obj, "fwcfg", 2, &fw_cfg_io_ops, s);
    s->dma_io = mm_region_new_io(obj, "fwcfg.dma", 8, &fw_cfg_dma_ops, s);
    mm_isa_register_ioport(&s->parent, s->io, 0x510);
    mm_isa_register_ioport(&s->parent, s->dma_io, 0x514);
    fw_cfg_reset(s);
    mm_machine_register_reset(fw_cfg_reset, s);
    return true;
}

static void fw_cfg_unrealize(mm_object *obj)
{
    mm_fw_cfg *s = (mm_fw_cfg *)obj;
    mm_machine_unregister_reset(fw_cfg_reset, s);
    mm_isa_unregister_ioport(&s->parent, s->io);
    mm_isa_unregister_ioport(&s->parent, s->dma_io);
    mm_region_free(s->io);
    mm_region_free(s->dma_io);
    g_hash_table_unref(s->items);
    g_ptr_array_unref(s->files);
    if (board_fw_cfg == s)
        board_fw_cfg = NULL;
}

static const mm_type_info fw_cfg_info = {
    .name = MM_TYPE_FW_CFG,
    .parent = MM_TYPE_ISA_DEVICE,
    .description = "QEMU firmware configuration interface (I/O ports, DMA)",
    .category = "misc",
    .instance_size = sizeof(mm_fw_cfg),
    .realize = fw_cfg_realize,
    .unrealize = fw_cfg_unrealize,
};
MM_CORE_TYPE_REGISTER(fw_cfg_info);
