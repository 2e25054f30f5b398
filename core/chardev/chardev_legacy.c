/*
 * The legacy chardev shorthand of -serial, -monitor, -parallel and -qtest
 * ("stdio", "tcp:host:port,server,nowait", "mon:stdio"...), translated to a
 * backend type and its key=value options.
 */
#include <string.h>
#include <glib.h>

#include "chardev/chardev_setup.h"
#include "monitor/monitor.h"

typedef struct legacy_spec {
    const char *type;
    GPtrArray *kv;    /* alternating key, value (owned strings), NULL-terminated at use */
} legacy_spec;

static void kv_add(legacy_spec *spec, const char *key, const char *value)
{
    g_ptr_array_add(spec->kv, g_strdup(key));
    g_ptr_array_add(spec->kv, g_strdup(value));
}

/* ",server,nowait,nodelay,reconnect=N..." after a socket address. */
static bool parse_socket_flags(legacy_spec *spec, char **flags, mm_error **errp)
{
    for (int i = 0; flags[i]; i++) {
        const char *f = flags[i];
        const char *eq = strchr(f, '=');
        if (!strcmp(f, "server") || !strcmp(f, "nodelay") || !strcmp(f, "wait")) {
            kv_add(spec, f, "on");
        } else if (!strcmp(f, "nowait")) {
            kv_add(spec, "wait", "off");
        } else if (eq) {
            char *key = g_strndup(f, (gsize)(eq - f));
            kv_add(spec, key, eq + 1);
            g_free(key);
        } else {
            mm_error_set(errp, "Invalid parameter '%s'", f);
            return false;
        }
    }
    return true;
}

/* "HOST:PORT" (host may be empty, or [v6] bracketed). */
static bool split_host_port(const char *text, char **host, char **port)
{
    const char *colon = strrchr(text, ':');
    if (!colon || !colon[1])
        return false;
    const char *h = text;
    size_t hlen = (size_t)(colon - text);
    if (hlen >= 2 && h[0] == '[' && h[hlen - 1] == ']') {
        h++;
        hlen -= 2;
    }
    *host = g_strndup(h, hlen);
    *port = g_strdup(colon + 1);
    return true;
}

static bool parse_tcp(legacy_spec *spec, const char *rest, mm_error **errp)
{
    char **parts = g_strsplit(rest, ",", -1);
    char *host = NULL, *port = NULL;
    bool ok = split_host_port(parts[0], &host, &port);
    if (!ok) {
        mm_error_set(errp, "tcp:%s: expected tcp:HOST:PORT", rest);
    } else {
        spec->type = "socket";
        kv_add(spec, "host", *host ? host : "localhost");
        kv_add(spec, "port", port);
        ok = parse_socket_flags(spec, parts + 1, errp);
    }
    g_free(host);
    g_free(port);
    g_strfreev(parts);
    return ok;
}

static bool parse_unix(legacy_spec *spec, const char *rest, mm_error **errp)
{
    char **parts = g_strsplit(rest, ",", -1);
    spec->type = "socket";
    kv_add(spec, "path", parts[0]);
    bool ok = parse_socket_flags(spec, parts + 1, errp);
    g_strfreev(parts);
    return ok;
}

/* udp:[RHOST]:RPORT[@[LHOST]:LPORT] */
static bool parse_udp(legacy_spec *spec, const char *rest, mm_error **errp)
{
    char **halves = g_strsplit(rest, "@", 2);
    char *host = NULL, *port = NULL;
    bool ok = split_host_port(halves[0], &host, &port);
    if (ok) {
        spec->type = "udp";
        kv_add(spec, "host", *host ? host : "localhost");
        kv_add(spec, "port", port);
        g_free(host);
        g_free(port);
        host = port = NULL;
        if (halves[1]) {
            ok = split_host_port(halves[1], &host, &port);
            if (ok) {
                kv_add(spec, "localaddr", *host ? host : "0.0.0.0");
                kv_add(spec, "localport", port);
            }
        }
    }
    if (!ok)
        mm_error_set(errp, "udp:%s: expected udp:[RHOST]:RPORT[@[LHOST]:LPORT]", rest);
    g_free(host);
    g_free(port);
    g_strfreev(halves);
    return ok;
}

static bool parse_legacy(legacy_spec *spec, const char *text, mm_error **errp)
{
    static const char *const plain[] = { "stdio", "null", "pty", NULL };
    for (int i = 0; plain[i]; i++) {
        if (!strcmp(text, plain[i])) {
            spec->type = plain[i];
            return true;
        }
    }
    if (!strcmp(text, "vc") || g_str_has_prefix(text, "vc:")) {
        /* A text console lives in a graphical display; without one (no
         * display plugin provides "vc") its output goes nowhere, as with
         * QEMU's -display none. */
        spec->type = "null";
        return true;
    }
    if (g_str_has_prefix(text, "file:")) {
        spec->type = "file";
        kv_add(spec, "path", text + 5);
        return true;
    }
    if (g_str_has_prefix(text, "pipe:")) {
        spec->type = "pipe";
        kv_add(spec, "path", text + 5);
        return true;
    }
    if (g_str_has_prefix(text, "/dev/")) {
        spec->type = "serial";
        kv_add(spec, "path", text);
        return true;
    }
    if (g_str_has_prefix(text, "tcp:"))
        return parse_tcp(spec, text + 4, errp);
    if (g_str_has_prefix(text, "unix:"))
        return parse_unix(spec, text + 5, errp);
    if (g_str_has_prefix(text, "udp:"))
        return parse_udp(spec, text + 4, errp);
    mm_error_set(errp, "'%s' is not a valid char driver", text);
    return false;
}

static mm_chardev *new_from_legacy(const char *text, const char *id, bool mux, mm_error **errp)
{
    legacy_spec spec = { .kv = g_ptr_array_new_with_free_func(g_free) };
    mm_chardev *chr = NULL;
    if (parse_legacy(&spec, text, errp)) {
        if (mux)
            kv_add(&spec, "mux", "on");
        g_ptr_array_add(spec.kv, NULL);
        chr = mm_chardev_new(spec.type, id, (const char *const *)spec.kv->pdata, errp);
    }
    g_ptr_array_unref(spec.kv);
    return chr;
}

mm_chardev *mm_chardev_new_legacy(const char *spec, const char *id_hint, mm_error **errp)
{
    if (!spec || !strcmp(spec, "none"))
        return NULL;
    if (g_str_has_prefix(spec, "chardev:")) {
        mm_chardev *chr = mm_chardev_find(spec + 8);
        if (!chr)
            mm_error_set(errp, "chardev '%s' not found", spec + 8);
        return chr;
    }
    if (g_str_has_prefix(spec, "mon:")) {
        mm_chardev *chr = new_from_legacy(spec + 4, id_hint, true, errp);
        if (chr && !mm_monitor_new(chr, errp))
            return NULL;
        return chr;
    }
    return new_from_legacy(spec, id_hint, false, errp);
}

mm_chardev *mm_chardev_new_nographic_stdio(mm_error **errp)
{
    return mm_chardev_new_legacy("mon:stdio", "serial0", errp);
}
