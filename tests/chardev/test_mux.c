/*
 * The chardev core without a process: frontend flow control, the mux's
 * escapes, focus switching, input queueing and C-a t timestamps, and the
 * generic logfile option, on a recording backend type registered here.
 */
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <modemu/chardev.h>

#include "chardev/chardev_setup.h"
#include "runstate/runstate.h"

typedef struct recording_backend {
    mm_chardev chr;
    GString *written;
    int accept_calls;
} recording_backend;

static int recording_write(mm_chardev *chr, const uint8_t *buf, int len)
{
    g_string_append_len(((recording_backend *)chr)->written, (const char *)buf, len);
    return len;
}

static void recording_accept_input(mm_chardev *chr)
{
    ((recording_backend *)chr)->accept_calls++;
}

static const mm_chardev_ops recording_ops = {
    .write = recording_write,
    .accept_input = recording_accept_input,
};

static bool recording_realize(mm_object *obj, mm_error **errp)
{
    recording_backend *b = (recording_backend *)obj;
    b->written = g_string_new(NULL);
    b->chr.ops = &recording_ops;
    mm_chardev_be_event(&b->chr, MM_CHARDEV_OPENED);
    return true;
}

static const mm_type_info recording_type = {
    .name = "test-recording",
    .parent = MM_KIND_CHARDEV,
    .instance_size = sizeof(recording_backend),
    .user_creatable = true,
    .realize = recording_realize,
};

typedef struct frontend {
    GString *received;
    int room;
    GArray *events;
} frontend;

static int fe_can_receive(void *opaque)
{
    return ((frontend *)opaque)->room;
}

static void fe_receive(void *opaque, const uint8_t *buf, int len)
{
    frontend *fe = opaque;
    g_assert_cmpint(len, <=, fe->room);
    fe->room -= len;
    g_string_append_len(fe->received, (const char *)buf, len);
}

static void fe_event(void *opaque, mm_chardev_event event)
{
    int e = event;
    g_array_append_val(((frontend *)opaque)->events, e);
}

static const mm_chardev_handlers fe_handlers = {
    .can_receive = fe_can_receive,
    .receive = fe_receive,
    .event = fe_event,
};

static frontend *frontend_new(int room)
{
    frontend *fe = g_new0(frontend, 1);
    fe->received = g_string_new(NULL);
    fe->events = g_array_new(FALSE, FALSE, sizeof(int));
    fe->room = room;
    return fe;
}

static bool has_event(frontend *fe, mm_chardev_event event)
{
    for (guint i = 0; i < fe->events->len; i++) {
        if (g_array_index(fe->events, int, i) == (int)event)
            return true;
    }
    return false;
}

static recording_backend *new_backend(const char *id, const char *const *kv)
{
    mm_error *err = NULL;
    mm_chardev *chr = mm_chardev_new(recording_type.name, id, kv, &err);
    if (!chr)
        g_error("%s", err->message);
    return (recording_backend *)chr;
}

static void feed(recording_backend *b, const char *bytes)
{
    mm_chardev_be_receive(&b->chr, (const uint8_t *)bytes, (int)strlen(bytes));
}

static void test_single_frontend_flow_control(void)
{
    recording_backend *b = new_backend("plain", NULL);
    frontend *fe = frontend_new(3);
    g_assert_true(mm_chardev_attach(&b->chr, &fe_handlers, fe, NULL));
    g_assert_true(has_event(fe, MM_CHARDEV_OPENED));   /* replayed on attach */
    g_assert_cmpint(mm_chardev_be_can_receive(&b->chr), ==, 3);
    feed(b, "abc");
    g_assert_cmpstr(fe->received->str, ==, "abc");
    g_assert_cmpint(mm_chardev_be_can_receive(&b->chr), ==, 0);
    int before = b->accept_calls;
    fe->room = 8;
    mm_chardev_accept_input(&b->chr);
    g_assert_cmpint(b->accept_calls, ==, before + 1);
    /* Without mux=on a second frontend is refused with a message. */
    frontend *other = frontend_new(1);
    mm_error *err = NULL;
    g_assert_false(mm_chardev_attach(&b->chr, &fe_handlers, other, &err));
    g_assert_nonnull(strstr(err->message, "already in use"));
    mm_error_free(err);
    /* Output passes through untouched. */
    g_assert_cmpint(mm_chardev_write_all(&b->chr, (const uint8_t *)"\001x", 2), ==, 2);
    g_assert_cmpstr(b->written->str, ==, "\001x");
    g_assert_false(mm_runstate_shutdown_pending());
}

static void test_mux_focus_and_escapes(void)
{
    static const char *const mux_on[] = { "mux", "on", NULL };
    recording_backend *b = new_backend("muxed", mux_on);
    frontend *monitor = frontend_new(100), *serial = frontend_new(100);
    g_assert_true(mm_chardev_attach(&b->chr, &fe_handlers, monitor, NULL));
    g_assert_true(mm_chardev_attach(&b->chr, &fe_handlers, serial, NULL));
    /* The newest frontend has the focus. */
    g_assert_true(has_event(monitor, MM_CHARDEV_MUX_OUT));
    g_assert_true(has_event(serial, MM_CHARDEV_MUX_IN));
    feed(b, "ls\001\001x");          /* C-a C-a sends one C-a */
    g_assert_cmpstr(serial->received->str, ==, "ls\001x");
    feed(b, "\001c" "info\r");      /* C-a c: the next frontend */
    g_assert_cmpstr(monitor->received->str, ==, "info\r");
    g_assert_cmpstr(serial->received->str, ==, "ls\001x");
    feed(b, "\001c");
    feed(b, "\001b");               /* break goes to the focused frontend */
    g_assert_true(has_event(serial, MM_CHARDEV_BREAK));
    g_assert_false(has_event(monitor, MM_CHARDEV_BREAK));
    feed(b, "\001h");
    g_assert_nonnull(strstr(b->written->str, "C-a x    exit emulator\n\r"));
    feed(b, "\001");                /* an escape split across reads */
    feed(b, "x");
    g_assert_nonnull(strstr(b->written->str, "QEMU: Terminated\n\r"));
    g_assert_true(mm_runstate_shutdown_pending());
    int status;
    g_assert_true(mm_runstate_process_requests(&status));
    g_assert_cmpint(status, ==, 0);
}

static void test_mux_queues_input_for_busy_frontend(void)
{
    static const char *const mux_on[] = { "mux", "on", NULL };
    recording_backend *b = new_backend("queued", mux_on);
    frontend *uart = frontend_new(1);
    g_assert_true(mm_chardev_attach(&b->chr, &fe_handlers, uart, NULL));
    /* The mux takes bytes although the frontend has room for one, so
     * escapes still work while the guest does not read its UART... */
    g_assert_cmpint(mm_chardev_be_can_receive(&b->chr), ==, 64);
    feed(b, "hello");
    g_assert_cmpstr(uart->received->str, ==, "h");
    g_assert_cmpint(mm_chardev_be_can_receive(&b->chr), ==, 60);
    /* ...and delivers the rest as the frontend makes room. */
    uart->room = 2;
    mm_chardev_accept_input(&b->chr);
    g_assert_cmpstr(uart->received->str, ==, "hel");
    uart->room = 100;
    mm_chardev_accept_input(&b->chr);
    g_assert_cmpstr(uart->received->str, ==, "hello");
    g_assert_cmpint(mm_chardev_be_can_receive(&b->chr), ==, 64);
}

static void test_mux_timestamps(void)
{
    static const char *const mux_on[] = { "mux", "on", NULL };
    recording_backend *b = new_backend("stamped", mux_on);
    frontend *fe = frontend_new(10);
    g_assert_true(mm_chardev_attach(&b->chr, &fe_handlers, fe, NULL));
    feed(b, "\001t");
    mm_chardev_write_all(&b->chr, (const uint8_t *)"one\ntwo", 7);
    GRegex *re = g_regex_new("^\\[00:00:00\\.\\d{3}\\] one\n\\[00:00:00\\.\\d{3}\\] two$", 0, 0,
                             NULL);
    g_assert_true(g_regex_match(re, b->written->str, 0, NULL));
    g_regex_unref(re);
}

static void test_logfile_copies_output(void)
{
    char *log = g_strdup_printf("%s/modemu-mux-%d.log", g_get_tmp_dir(), getpid());
    const char *const kv[] = { "logfile", log, NULL };
    recording_backend *b = new_backend("logged", kv);
    mm_chardev_write_all(&b->chr, (const uint8_t *)"to the log", 10);
    char *contents = NULL;
    g_assert_true(g_file_get_contents(log, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==, "to the log");
    g_free(contents);
    g_unlink(log);
    g_free(log);
    /* Duplicate ids and bad generic values are errors, not crashes. */
    mm_error *err = NULL;
    g_assert_null(mm_chardev_new(recording_type.name, "logged", NULL, &err));
    g_assert_nonnull(strstr(err->message, "Duplicate ID 'logged'"));
    mm_error_free(err);
    err = NULL;
    static const char *const bad[] = { "mux", "maybe", NULL };
    g_assert_null(mm_chardev_new(recording_type.name, "bad", bad, &err));
    g_assert_nonnull(strstr(err->message, "'mux'"));
    mm_error_free(err);
}

static void test_legacy_spec_errors(void)
{
    mm_error *err = NULL;
    g_assert_null(mm_chardev_new_legacy("none", "serial0", &err));
    g_assert_null(err);
    g_assert_null(mm_chardev_new_legacy("tcp:nohostport", "serial0", &err));
    g_assert_nonnull(strstr(err->message, "tcp:HOST:PORT"));
    mm_error_free(err);
    err = NULL;
    g_assert_null(mm_chardev_new_legacy("chardev:missing", "serial0", &err));
    g_assert_nonnull(strstr(err->message, "'missing' not found"));
    mm_error_free(err);
    err = NULL;
    g_assert_null(mm_chardev_new_legacy("frob", "serial0", &err));
    g_assert_cmpstr(err->message, ==, "'frob' is not a valid char driver");
    mm_error_free(err);
    /* chardev:ID finds an existing backend. */
    recording_backend *b = new_backend("existing", NULL);
    g_assert_true(mm_chardev_new_legacy("chardev:existing", "serial0", NULL) == &b->chr);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_assert_nonnull(mm_type_register(&recording_type, NULL));
    g_test_add_func("/chardev-core/flow-control", test_single_frontend_flow_control);
    g_test_add_func("/chardev-core/mux-escapes", test_mux_focus_and_escapes);
    g_test_add_func("/chardev-core/mux-queue", test_mux_queues_input_for_busy_frontend);
    g_test_add_func("/chardev-core/mux-timestamps", test_mux_timestamps);
    g_test_add_func("/chardev-core/logfile", test_logfile_copies_output);
    g_test_add_func("/chardev-core/legacy-errors", test_legacy_spec_errors);
    return g_test_run();
}
