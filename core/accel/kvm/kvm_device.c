/*
 * /dev/kvm: opening it and checking that the host's KVM is one we can use.
 *
 * Every refusal is one line that tells the user what to do: the device is
 * missing (no hardware virtualisation, or the module is not loaded), not
 * accessible (permissions: the kvm group), or speaks another API version.
 * MODEMU_KVM_DEVICE names another device node (tests use it to check these
 * refusals on a host whose /dev/kvm works).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include "accel/kvm/kvm_int.h"

#define KVM_DEVICE_PATH "/dev/kvm"
#define KVM_EXPECTED_API_VERSION 12

/* Capabilities the accelerator cannot work without. */
static const struct {
    long cap;
    const char *name;
} kvm_required_caps[] = {
    { KVM_CAP_USER_MEMORY, "KVM_CAP_USER_MEMORY" },
    { KVM_CAP_SET_TSS_ADDR, "KVM_CAP_SET_TSS_ADDR" },
    { KVM_CAP_EXT_CPUID, "KVM_CAP_EXT_CPUID" },
    { KVM_CAP_IMMEDIATE_EXIT, "KVM_CAP_IMMEDIATE_EXIT" },
};

bool kvm_device_has_cap(int fd, long cap)
{
    return ioctl(fd, KVM_CHECK_EXTENSION, cap) > 0;
}

static const char *kvm_open_failure_hint(int err)
{
    switch (err) {
    case ENOENT:
        return "no such device (the CPU has no hardware virtualisation, or the kvm module is "
               "not loaded)";
    case EACCES:
    case EPERM:
        return "permission denied (add the user to the kvm group or fix the device's mode)";
    case ENXIO:
    case ENODEV:
        return "the device exists but no KVM driver answers (virtualisation disabled in "
               "the firmware?)";
    default:
        return NULL;
    }
}

static const char *kvm_device_path(void)
{
    const char *path = g_getenv("MODEMU_KVM_DEVICE");
    return path && *path ? path : KVM_DEVICE_PATH;
}

int kvm_device_open(mm_error **errp)
{
    const char *path = kvm_device_path();
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        const char *hint = kvm_open_failure_hint(err);
        mm_error_set(errp, "KVM is not usable: could not open %s: %s", path,
                     hint ? hint : strerror(err));
        return -1;
    }
    int version = ioctl(fd, KVM_GET_API_VERSION, 0);
    if (version != KVM_EXPECTED_API_VERSION) {
        if (version < 0)
            mm_error_set(errp, "KVM is not usable: %s does not answer KVM_GET_API_VERSION "
                         "(not a KVM device?)", path);
        else
            mm_error_set(errp, "KVM is not usable: %s has API version %d, expected %d", path,
                         version, KVM_EXPECTED_API_VERSION);
        close(fd);
        return -1;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(kvm_required_caps); i++) {
        if (!kvm_device_has_cap(fd, kvm_required_caps[i].cap)) {
            mm_error_set(errp, "KVM is not usable: the host kernel lacks %s",
                         kvm_required_caps[i].name);
            close(fd);
            return -1;
        }
    }
    return fd;
}

bool mm_kvm_available(mm_error **errp)
{
    int fd = kvm_device_open(errp);
    if (fd < 0)
        return false;
    close(fd);
    return true;
}
