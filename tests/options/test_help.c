/* Help listings: real registered types, grouped and formatted like QEMU's. */
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <modemu/object.h>

#include "machine/machine.h"
#include "options/help.h"

static const mm_type_info test_pci_base = {
    .name = "test-pci-device", .parent = MM_KIND_DEVICE, .abstract = true,
    .instance_size = sizeof(mm_object),
};
static const mm_type_info test_nic = {
    .name = "test-nic", .parent = "test-pci-device", .category = "network",
    .description = "test network card", .user_creatable = true,
    .instance_size = sizeof(mm_object),
};
static const mm_type_info test_disk = {
    .name = "test-disk", .parent = MM_KIND_DEVICE, .category = "storage",
    .description = "test disk", .user_creatable = true, .instance_size = sizeof(mm_object),
};
static const mm_type_info test_gizmo = {
    .name = "test-gizmo", .parent = MM_KIND_DEVICE, .description = "uncategorized gizmo",
    .user_creatable = true, .instance_size = sizeof(mm_object),
};
static const mm_type_info test_internal = {
    .name = "test-internal", .parent = MM_KIND_DEVICE, .category = "misc",
    .description = "board-internal", .instance_size = sizeof(mm_object),
};
static const mm_type_info test_board = {
    .name = "test-board", .parent = MM_KIND_MACHINE, .description = "listing test board",
    .user_creatable = true, .instance_size = sizeof(mm_machine_state),
};

static char *listing(const char *kind, const char *name)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    mm_error *err = NULL;
    bool ok = mm_help_print_listing(kind, name, f, &err);
    fclose(f);
    if (!ok) {
        g_free(buf);
        buf = g_strdup_printf("ERROR: %s", err->message);
        mm_error_free(err);
    }
    return buf;
}

static void test_device_listing(void)
{
    char *out = listing("device", NULL);
    const char *storage = strstr(out, "Storage devices:\nname \"test-disk\", bus System, "
                                      "desc \"test disk\"\n");
    const char *network = strstr(out, "Network devices:\nname \"test-nic\", bus PCI, "
                                      "desc \"test network card\"\n");
    const char *other = strstr(out, "Uncategorized devices:\n");
    g_assert_nonnull(storage);
    g_assert_nonnull(network);
    g_assert_nonnull(other);
    g_assert_true(storage < network && network < other);  /* QEMU's section order */
    g_assert_nonnull(strstr(other, "name \"test-gizmo\", bus System, desc \"uncategorized gizmo\""));
    g_assert_null(strstr(out, "test-internal"));   /* not user-creatable */
    g_assert_null(strstr(out, "test-pci-device")); /* abstract */
    g_free(out);
}

static void test_other_listings(void)
{
    char *out = listing("machine", NULL);
    g_assert_true(g_str_has_prefix(out, "Supported machines are:\n"));
    g_assert_nonnull(strstr(out, "test-board           listing test board\n"));
    g_free(out);
    out = listing("display", NULL);
    g_assert_true(g_str_has_prefix(out, "Available display backend types:\nnone\n"));
    g_free(out);
    out = listing("nic-model", NULL);
    g_assert_cmpstr(out, ==, "Available NIC models:\ntest-nic\n");
    g_free(out);
    out = listing("log", NULL);
    g_assert_nonnull(strstr(out, "guest_errors"));
    g_free(out);
    out = listing("device", "test-nic");
    g_assert_false(g_str_has_prefix(out, "ERROR"));
    g_free(out);
    out = listing("device", "no-such-device");
    g_assert_true(g_str_has_prefix(out, "ERROR: "));
    g_assert_nonnull(strstr(out, "no-such-device"));
    g_free(out);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    const mm_type_info *types[] = { &test_pci_base, &test_nic, &test_disk, &test_gizmo,
                                    &test_internal, &test_board };
    for (size_t i = 0; i < G_N_ELEMENTS(types); i++) {
        mm_error *err = NULL;
        if (!mm_type_register(types[i], &err))
            g_error("register %s: %s", types[i]->name, err->message);
    }
    g_test_add_func("/help/device-listing", test_device_listing);
    g_test_add_func("/help/other-listings", test_other_listings);
    return g_test_run();
}
