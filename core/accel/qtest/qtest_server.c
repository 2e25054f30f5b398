/*
 * The qtest protocol server: a chardev frontend feeding a qtest session
 * (see accel/qtest/qtest.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <modemu/chardev.h>
#include <modemu/machine.h>

#include "accel/qtest/qtest.h"
#include "accel/qtest/qtest_session.h"
#include "chardev/chardev_setup.h"
#include "event/main_loop.h"

typedef struct qtest_server {
    mm_chardev *chr;
    mm_qtest_session session;
    bool listening;   /* server socket: a client may come back after closing */
} qtest_server;

static qtest_server *server;

static void send_to_chardev(void *opaque, const char *text, size_t len)
{
    qtest_server *srv = opaque;
    mm_chardev_write_all(srv->chr, (const uint8_t *)text, (int)len);
}

static int qtest_can_receive(void *opaque)
{
    return 4096;
}

static void qtest_receive(void *opaque, const uint8_t *buf, int len)
{
    qtest_server *srv = opaque;
    mm_qtest_session_feed(&srv->session, buf, (size_t)len);
}

static void qtest_event(void *opaque, mm_chardev_event event)
{
    qtest_server *srv = opaque;
    if (event == MM_CHARDEV_OPENED) {
        mm_qtest_session_log(&srv->session, 'I', "OPENED");
    } else if (event == MM_CHARDEV_CLOSED) {
        mm_qtest_session_log(&srv->session, 'I', "CLOSED");
        g_string_truncate(srv->session.inbuf, 0);
        /* A client connection that went away will not come back: end the
         * process instead of leaving an orphan behind a crashed test. */
        if (!srv->listening)
            mm_machine_request_shutdown(MM_SHUTDOWN_HOST_QUIT);
    }
}

static const mm_chardev_handlers qtest_handlers = {
    .can_receive = qtest_can_receive,
    .receive = qtest_receive,
    .event = qtest_event,
};

static FILE *open_log(const char *path, mm_error **errp)
{
    if (!path)
        return NULL;
    FILE *f = fopen(path, "w");
    if (!f)
        mm_error_set(errp, "-qtest-log %s: %s", path, g_strerror(errno));
    return f;
}

bool mm_qtest_init(const char *spec, const char *log, mm_error **errp)
{
    if (server) {
        mm_error_set(errp, "-qtest: only one qtest server is supported");
        return false;
    }
    mm_error *err = NULL;
    FILE *log_file = open_log(log, &err);
    if (err) {
        *errp = err;
        return false;
    }
    mm_main_loop_init();
    qtest_server *srv = g_new0(qtest_server, 1);
    mm_qtest_session_init(&srv->session, log_file, send_to_chardev, srv);
    srv->listening = strstr(spec, ",server") != NULL;
    srv->chr = mm_chardev_new_legacy(spec, "qtest", errp);
    if (!srv->chr || !mm_chardev_attach(srv->chr, &qtest_handlers, srv, errp)) {
        if (!srv->chr && errp && !*errp)
            mm_error_set(errp, "-qtest %s: no character device", spec);
        mm_qtest_session_destroy(&srv->session);
        if (log_file)
            fclose(log_file);
        g_free(srv);
        return false;
    }
    server = srv;
    return true;
}
