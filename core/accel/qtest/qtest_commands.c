/*
 * The qtest command interpreter: QEMU's line protocol with its exact reply
 * formats.  Unlike QEMU, malformed input never aborts: it is answered with
 * "ERR ..." (bad syntax) or "FAIL ..." (valid syntax, impossible request),
 * because a fuzzer drives this interface.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <modemu/event.h>
#include <modemu/irq.h>
#include <modemu/memory.h>

#include "accel/qtest/qtest_session.h"
#include "event/clock.h"
#include "event/timer_list.h"
#include "irq/irq_intercept.h"

/* Biggest buffer read/write/memset handles in one command. */
#define MAX_BUFFER_BYTES (64u * 1024 * 1024)

typedef struct qtest_command qtest_command;
typedef void (*qtest_handler)(mm_qtest_session *s, char **words, const qtest_command *cmd);

struct qtest_command {
    const char *name;
    int min_args;      /* words after the command name */
    int max_args;
    qtest_handler handler;
    unsigned size;     /* access width for the sized commands */
};

static bool parse_u64(mm_qtest_session *s, const char *word, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(word, &end, 0);
    if (!*word || *end || errno) {
        mm_qtest_session_sendf(s, "ERR invalid number '%s'\n", word);
        return false;
    }
    *out = v;
    return true;
}

static bool parse_i64(mm_qtest_session *s, const char *word, int64_t *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(word, &end, 0);
    if (!*word || *end || errno) {
        mm_qtest_session_sendf(s, "ERR invalid number '%s'\n", word);
        return false;
    }
    *out = v;
    return true;
}

static bool parse_buffer_size(mm_qtest_session *s, const char *word, uint64_t *out)
{
    if (!parse_u64(s, word, out))
        return false;
    if (*out > MAX_BUFFER_BYTES) {
        mm_qtest_session_sendf(s, "ERR size too large\n");
        return false;
    }
    return true;
}

static mm_address_space *memory_space(mm_qtest_session *s)
{
    mm_address_space *as = mm_machine_memory_space();
    if (!as)
        mm_qtest_session_sendf(s, "FAIL no machine memory\n");
    return as;
}

static void cmd_out(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    uint64_t port, value;
    if (!parse_u64(s, words[1], &port) || !parse_u64(s, words[2], &value))
        return;
    if (port > 0xffff) {
        mm_qtest_session_sendf(s, "ERR port address out of range\n");
        return;
    }
    mm_as_write(mm_machine_io_space(), port, cmd->size, value);
    mm_qtest_session_sendf(s, "OK\n");
}

static void cmd_in(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    uint64_t port, value = 0;
    if (!parse_u64(s, words[1], &port))
        return;
    if (port > 0xffff) {
        mm_qtest_session_sendf(s, "ERR port address out of range\n");
        return;
    }
    mm_as_read(mm_machine_io_space(), port, cmd->size, &value);
    mm_qtest_session_sendf(s, "OK 0x%04" PRIx64 "\n", value);
}

static void cmd_write_sized(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    uint64_t addr, value;
    mm_address_space *as = memory_space(s);
    if (!as || !parse_u64(s, words[1], &addr) || !parse_u64(s, words[2], &value))
        return;
    mm_as_write(as, addr, cmd->size, value);
    mm_qtest_session_sendf(s, "OK\n");
}

static void cmd_read_sized(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    uint64_t addr, value = 0;
    mm_address_space *as = memory_space(s);
    if (!as || !parse_u64(s, words[1], &addr))
        return;
    mm_as_read(as, addr, cmd->size, &value);
    mm_qtest_session_sendf(s, "OK 0x%016" PRIx64 "\n", value);
}

/* "ADDR SIZE" of the buffer commands; false (and replied) when malformed. */
static bool parse_addr_and_size(mm_qtest_session *s, char **words, mm_address_space **as,
                                uint64_t *addr, uint64_t *len)
{
    *as = memory_space(s);
    return *as && parse_u64(s, words[1], addr) && parse_buffer_size(s, words[2], len);
}

/* The guest bytes a read/b64read names (g_free), or NULL when malformed. */
static uint8_t *read_guest_buffer(mm_qtest_session *s, char **words, uint64_t *len)
{
    mm_address_space *as;
    uint64_t addr;
    if (!parse_addr_and_size(s, words, &as, &addr, len))
        return NULL;
    uint8_t *data = g_malloc(*len ? *len : 1);
    mm_as_read_buf(as, addr, data, *len);
    return data;
}

static void cmd_read_buffer(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    uint64_t len;
    uint8_t *data = read_guest_buffer(s, words, &len);
    if (!data)
        return;
    GString *reply = g_string_sized_new(2 * len + 8);
    g_string_append(reply, "OK 0x");
    for (uint64_t i = 0; i < len; i++)
        g_string_append_printf(reply, "%02x", data[i]);
    g_string_append_c(reply, '\n');
    mm_qtest_session_sendf(s, "%s", reply->str);
    g_string_free(reply, TRUE);
    g_free(data);
}

static void cmd_b64read(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    uint64_t len;
    uint8_t *data = read_guest_buffer(s, words, &len);
    if (!data)
        return;
    char *b64 = g_base64_encode(data, len);
    mm_qtest_session_sendf(s, "OK %s\n", b64);
    g_free(b64);
    g_free(data);
}

static int hex_digit(char c)
{
    return g_ascii_xdigit_value(c);
}

/* "0xHEX" as in QEMU: the first two characters are skipped, missing digits
 * give zero bytes. */
static bool decode_hex_data(mm_qtest_session *s, const char *text, uint8_t *data, uint64_t len)
{
    size_t text_len = strlen(text);
    for (uint64_t i = 0; i < len; i++) {
        data[i] = 0;
        if (i * 2 + 4 > text_len)
            continue;
        int hi = hex_digit(text[i * 2 + 2]), lo = hex_digit(text[i * 2 + 3]);
        if (hi < 0 || lo < 0) {
            mm_qtest_session_sendf(s, "ERR invalid hex data\n");
            return false;
        }
        data[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

/* write and b64write reject data shorter than 3 characters, as QEMU does. */
static bool check_data_length(mm_qtest_session *s, const char *data)
{
    if (strlen(data) >= 3)
        return true;
    mm_qtest_session_sendf(s, "ERR invalid argument size\n");
    return false;
}

static void cmd_write_buffer(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    mm_address_space *as;
    uint64_t addr, len;
    if (!parse_addr_and_size(s, words, &as, &addr, &len) || !check_data_length(s, words[3]))
        return;
    uint8_t *data = g_malloc(len ? len : 1);
    if (decode_hex_data(s, words[3], data, len)) {
        mm_as_write_buf(as, addr, data, len);
        mm_qtest_session_sendf(s, "OK\n");
    }
    g_free(data);
}

static void cmd_b64write(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    mm_address_space *as;
    uint64_t addr, len;
    if (!parse_addr_and_size(s, words, &as, &addr, &len) || !check_data_length(s, words[3]))
        return;
    gsize decoded_len = 0;
    guchar *decoded = g_base64_decode(words[3], &decoded_len);
    if (decoded_len != len) {
        mm_qtest_session_log(s, 'I', "b64write: data length mismatch");
        len = MIN(len, decoded_len);
    }
    mm_as_write_buf(as, addr, decoded, len);
    g_free(decoded);
    mm_qtest_session_sendf(s, "OK\n");
}

static void cmd_memset(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    mm_address_space *as;
    uint64_t addr, len, byte;
    if (!parse_addr_and_size(s, words, &as, &addr, &len) || !parse_u64(s, words[3], &byte))
        return;
    if (len) {
        uint8_t *data = g_malloc(len);
        memset(data, (int)(byte & 0xff), len);
        mm_as_write_buf(as, addr, data, len);
        g_free(data);
    }
    mm_qtest_session_sendf(s, "OK\n");
}

static void cmd_endianness(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    mm_qtest_session_sendf(s, "OK little\n");
}

static bool require_counter_clock(mm_qtest_session *s)
{
    if (mm_virtual_clock_uses_counter())
        return true;
    mm_qtest_session_sendf(s, "FAIL the virtual clock is only movable with -accel qtest\n");
    return false;
}

static void advance_and_reply(mm_qtest_session *s, int64_t target)
{
    mm_timers_advance_virtual_counter(target);
    mm_qtest_session_sendf(s, "OK %" PRIi64 "\n", mm_clock_get_ns(MM_CLOCK_VIRTUAL));
}

static void cmd_clock_step(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    if (!require_counter_clock(s))
        return;
    int64_t now = mm_clock_get_ns(MM_CLOCK_VIRTUAL), target;
    if (words[1]) {
        int64_t step;
        if (!parse_i64(s, words[1], &step))
            return;
        if (step < 0 || step > INT64_MAX - now) {
            mm_qtest_session_sendf(s, "ERR invalid clock step\n");
            return;
        }
        target = now + step;
    } else {
        /* No argument: to the next timer deadline (nowhere if none). */
        int64_t deadline = mm_timers_next_deadline(MM_CLOCK_VIRTUAL);
        target = deadline > now ? deadline : now;
    }
    advance_and_reply(s, target);
}

static void cmd_clock_set(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    int64_t target;
    if (!require_counter_clock(s) || !parse_i64(s, words[1], &target))
        return;
    /* Guest time never runs backwards; an earlier value leaves it as is. */
    advance_and_reply(s, target);
}

/* QOM-style lookup: the exact path name, else its last component
 * ("/machine/unattached/ioapic" finds "ioapic"). */
static mm_object *find_device(const char *path)
{
    mm_object *obj = mm_object_find_by_path(path);
    const char *slash = strrchr(path, '/');
    if (!obj && slash && slash[1])
        obj = mm_object_find_by_path(slash + 1);
    return obj;
}

static void on_intercepted_irq(void *opaque, int n, int level)
{
    mm_qtest_session *s = opaque;
    if (n < 0 || n >= MM_QTEST_MAX_IRQ_LINES)
        return;
    int8_t normalized = level != 0;
    if (s->irq_levels[n] == normalized)
        return;
    s->irq_levels[n] = normalized;
    mm_qtest_session_sendf(s, "IRQ %s %d\n", normalized ? "raise" : "lower", n);
}

static void cmd_irq_intercept_in(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    mm_object *obj = find_device(words[1]);
    if (!obj) {
        mm_qtest_session_sendf(s, "FAIL Unknown device\n");
        return;
    }
    if (s->intercepted) {
        mm_qtest_session_sendf(s, s->intercepted == obj ? "OK\n"
                                                        : "FAIL IRQ intercept already enabled\n");
        return;
    }
    if (!mm_gpio_intercept_in(obj, on_intercepted_irq, s)) {
        mm_qtest_session_sendf(s, "FAIL device has no GPIO inputs\n");
        return;
    }
    s->intercepted = obj;
    mm_qtest_session_sendf(s, "OK\n");
}

static void cmd_irq_intercept_out(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    if (!find_device(words[1])) {
        mm_qtest_session_sendf(s, "FAIL Unknown device\n");
        return;
    }
    /* Device outputs are plain mm_irq pointers here, not named GPIO arrays. */
    mm_qtest_session_sendf(s, "FAIL irq_intercept_out: devices have no named outputs\n");
}

static void cmd_set_irq_in(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    mm_object *obj = find_device(words[1]);
    int64_t num, level;
    if (!obj) {
        mm_qtest_session_sendf(s, "FAIL Unknown device\n");
        return;
    }
    if (!parse_i64(s, words[3], &num) || !parse_i64(s, words[4], &level))
        return;
    const char *name = strcmp(words[2], MM_GPIO_UNNAMED_IN) ? words[2] : NULL;
    mm_irq *line = num >= 0 && num <= INT32_MAX ? mm_gpio_in_get(obj, name, (int)num) : NULL;
    if (!line) {
        mm_qtest_session_sendf(s, "FAIL Unknown IRQ line\n");
        return;
    }
    mm_irq_set(line, level != 0);
    mm_qtest_session_sendf(s, "OK\n");
}

static void cmd_module_load(mm_qtest_session *s, char **words, const qtest_command *cmd)
{
    /* Plugins load on demand when a type is selected, never by module name. */
    mm_qtest_session_sendf(s, "FAIL\n");
}

static const qtest_command commands[] = {
    { "outb", 2, 2, cmd_out, 1 },   { "outw", 2, 2, cmd_out, 2 },
    { "outl", 2, 2, cmd_out, 4 },   { "inb", 1, 1, cmd_in, 1 },
    { "inw", 1, 1, cmd_in, 2 },     { "inl", 1, 1, cmd_in, 4 },
    { "writeb", 2, 2, cmd_write_sized, 1 }, { "writew", 2, 2, cmd_write_sized, 2 },
    { "writel", 2, 2, cmd_write_sized, 4 }, { "writeq", 2, 2, cmd_write_sized, 8 },
    { "readb", 1, 1, cmd_read_sized, 1 },   { "readw", 1, 1, cmd_read_sized, 2 },
    { "readl", 1, 1, cmd_read_sized, 4 },   { "readq", 1, 1, cmd_read_sized, 8 },
    { "read", 2, 2, cmd_read_buffer, 0 },   { "write", 3, 3, cmd_write_buffer, 0 },
    { "b64read", 2, 2, cmd_b64read, 0 },    { "b64write", 3, 3, cmd_b64write, 0 },
    { "memset", 3, 3, cmd_memset, 0 },      { "endianness", 0, 0, cmd_endianness, 0 },
    { "clock_step", 0, 1, cmd_clock_step, 0 }, { "clock_set", 1, 1, cmd_clock_set, 0 },
    { "irq_intercept_in", 1, 1, cmd_irq_intercept_in, 0 },
    { "irq_intercept_out", 1, 1, cmd_irq_intercept_out, 0 },
    { "set_irq_in", 4, 4, cmd_set_irq_in, 0 },
    { "module_load", 2, 2, cmd_module_load, 0 },
};

void mm_qtest_session_execute(mm_qtest_session *s, const char *line)
{
    if (!*line)
        return;
    char **words = g_strsplit(line, " ", 0);
    int nargs = (int)g_strv_length(words) - 1;
    const qtest_command *cmd = NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(commands) && !cmd; i++) {
        if (!strcmp(commands[i].name, words[0]))
            cmd = &commands[i];
    }
    if (!cmd)
        mm_qtest_session_sendf(s, "FAIL Unknown command '%s'\n", words[0]);
    else if (nargs < cmd->min_args || nargs > cmd->max_args)
        mm_qtest_session_sendf(s, "ERR wrong number of arguments for %s\n", cmd->name);
    else
        cmd->handler(s, words, cmd);
    g_strfreev(words);
}
