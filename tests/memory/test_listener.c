/* Memory listeners: replay on registration and add/del diffs on rebuilds. */
#include <inttypes.h>
#include <glib.h>
#include <modemu/memory.h>

#include "memory/address_space.h"
#include "mmio_recorder.h"

typedef struct event_log {
    mm_memory_listener listener;
    GString *text;
} event_log;

static void log_range(event_log *log, const char *what, const mm_flat_range *r)
{
    g_string_append_printf(log->text, "%s %s@%" PRIx64 "+%" PRIx64 " off %" PRIx64 "%s; ", what,
                           mm_region_name(r->region), r->start, r->size, r->offset_in_region,
                           r->readonly ? " ro" : "");
}

static void on_add(mm_memory_listener *l, const mm_flat_range *r)
{
    log_range(l->opaque, "add", r);
}

static void on_del(mm_memory_listener *l, const mm_flat_range *r)
{
    log_range(l->opaque, "del", r);
    /* The memory behind a vanishing RAM range is still mapped. */
    if (r->host)
        g_assert_cmpuint(r->host[0] | 1, !=, 0);
}

static void on_commit(mm_memory_listener *l)
{
    event_log *log = l->opaque;
    g_string_append(log->text, "commit; ");
}

static void init_log(event_log *log)
{
    log->text = g_string_new("");
    log->listener = (mm_memory_listener){
        .region_add = on_add, .region_del = on_del, .commit = on_commit, .opaque = log,
    };
}

/* Asserts the events since the last call and forgets them. */
static void expect_events(event_log *log, const char *expected)
{
    g_assert_cmpstr(log->text->str, ==, expected);
    g_string_truncate(log->text, 0);
}

static void test_listener_diffs(void)
{
    mm_address_space *as = mm_address_space_new("t", 1 << 24, 0xff);
    mm_memory_region *root = mm_address_space_root(as);
    mm_memory_region *ram = mm_region_new_ram(NULL, "ram", 0x3000, NULL);
    mm_memory_region *rom = mm_region_new_rom(NULL, "rom", 0x1000, NULL);
    mmio_recorder *dev = recorder_new("dev", 0x1000, NULL, true);
    mm_region_add_subregion(root, 0, ram, 0);
    mm_region_add_subregion(root, 0x100000, dev->region, 0);

    event_log log;
    init_log(&log);
    mm_memory_listener_register(as, &log.listener);
    expect_events(&log, "add ram@0+3000 off 0; commit; ");

    /* ROM is reported (read-only); MMIO never is; ram is untouched. */
    mm_region_add_subregion(root, 0x200000, rom, 0);
    expect_events(&log, "add rom@200000+1000 off 0 ro; commit; ");
    mm_region_set_address(dev->region, 0x110000);
    expect_events(&log, "commit; ");   /* the view changed, no RAM did */

    /* MMIO punched into the middle of RAM splits it. */
    mm_memory_region *empty = mm_region_new_container(NULL, "empty", 0x1000);
    uint64_t gen = mm_address_space_generation(as);
    mm_region_add_subregion(root, 0x1000, empty, 1);   /* claims nothing: no new view */
    mm_region_free(empty);
    expect_events(&log, "");
    g_assert_cmpuint(mm_address_space_generation(as), ==, gen);
    mm_region_del_subregion(root, dev->region);
    expect_events(&log, "commit; ");
    mm_region_add_subregion(root, 0x1000, dev->region, 1);
    expect_events(&log, "del ram@0+3000 off 0; add ram@0+1000 off 0; add ram@2000+1000 off 2000; "
                        "commit; ");
    mm_region_del_subregion(root, dev->region);
    expect_events(&log, "del ram@0+1000 off 0; del ram@2000+1000 off 2000; "
                        "add ram@0+3000 off 0; commit; ");

    /* Read-only switching and moving. */
    mm_region_set_readonly(ram, true);
    expect_events(&log, "del ram@0+3000 off 0; add ram@0+3000 off 0 ro; commit; ");
    mm_region_set_address(rom, 0x300000);
    expect_events(&log, "del rom@200000+1000 off 0 ro; add rom@300000+1000 off 0 ro; commit; ");

    /* A second listener gets the replay; the first sees nothing new. */
    event_log second;
    init_log(&second);
    mm_memory_listener_register(as, &second.listener);
    expect_events(&second, "add ram@0+3000 off 0 ro; add rom@300000+1000 off 0 ro; commit; ");
    expect_events(&log, "");

    mm_memory_listener_unregister(as, &log.listener);
    mm_region_free(rom);
    expect_events(&log, "");
    expect_events(&second, "del rom@300000+1000 off 0 ro; commit; ");

    /* Freed inside a transaction: the region (and its RAM) stays valid until
     * listeners have seen region_del at commit (ASan checks the reads). */
    mm_memory_region *tmp = mm_region_new_ram(NULL, "tmp", 0x1000, NULL);
    mm_region_add_subregion(root, 0x400000, tmp, 0);
    expect_events(&second, "add tmp@400000+1000 off 0; commit; ");
    mm_memory_transaction_begin();
    mm_region_free(tmp);
    expect_events(&second, "");
    mm_memory_transaction_commit();
    expect_events(&second, "del tmp@400000+1000 off 0; commit; ");

    mm_memory_listener_unregister(as, &second.listener);
    g_string_free(log.text, TRUE);
    g_string_free(second.text, TRUE);
    recorder_free(dev);
    mm_region_free(ram);
    mm_address_space_free(as);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/listener/diffs", test_listener_diffs);
    return g_test_run();
}
