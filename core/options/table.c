/* Every option of QEMU's x86-64 command line that modemu knows (options/table.h). */
#include <string.h>

#include "options/table.h"

#define KEYVAL(n, grp, implied, hk, syn, h) \
    { .name = n, .has_arg = true, .kind = MM_OPTION_KEYVAL, .group = grp, .key = implied, \
      .help_kind = hk, .arg_syntax = syn, .help = h }
#define STRING(n, grp, k, hk, syn, h) \
    { .name = n, .has_arg = true, .kind = MM_OPTION_STRING, .group = grp, .key = k, \
      .help_kind = hk, .arg_syntax = syn, .help = h }
#define FLAG(n, grp, k, v, h) \
    { .name = n, .has_arg = false, .kind = MM_OPTION_FLAG, .group = grp, .key = k, .value = v, \
      .help = h }
#define CUSTOM(n, arg, fn, hk, syn, h) \
    { .name = n, .has_arg = arg, .kind = MM_OPTION_CUSTOM, .handler = fn, .help_kind = hk, \
      .arg_syntax = syn, .help = h }
#define UNIMPL(n, arg, h) \
    { .name = n, .has_arg = arg, .kind = MM_OPTION_UNIMPLEMENTED, .arg_syntax = arg ? "..." : NULL, \
      .help = h }

static const mm_option_def options[] = {
    /* standard */
    CUSTOM("h", false, mm_option_usage, NULL, NULL, "display this help and exit"),
    CUSTOM("help", false, mm_option_usage, NULL, NULL, "display this help and exit"),
    CUSTOM("version", false, mm_option_version, NULL, NULL, "display version information and exit"),
    KEYVAL("machine", "machine", "type", "machine", "[type=]name[,prop=value[,...]]",
           "select the emulated machine ('-machine help' lists them)"),
    KEYVAL("M", "machine", "type", "machine", "[type=]name[,prop=value[,...]]",
           "same as -machine"),
    CUSTOM("cpu", true, mm_option_cpu, "cpu", "model[,+feature|-feature|feature=on|off...]",
           "select the CPU model ('-cpu help' lists them)"),
    KEYVAL("accel", "accel", "accel", "accel", "[accel=]name[:name...][,prop=value[,...]]",
           "select an accelerator: kvm, tcg, qtest ('-accel help' lists them)"),
    FLAG("enable-kvm", "accel", "accel", "kvm", "enable KVM full virtualization support"),
    KEYVAL("smp", "smp-opts", "cpus", NULL,
           "[cpus=]n[,maxcpus=m][,sockets=s][,dies=d][,cores=c][,threads=t]",
           "set the number of CPUs and their topology"),
    KEYVAL("m", "memory", "size", NULL, "[size=]megs[,slots=n,maxmem=size]",
           "set the guest RAM size (plain number: MiB; suffixes k, M, G, T)"),
    CUSTOM("balloon", true, mm_option_balloon, NULL, "none|virtio[,addr=str]",
           "enable (virtio) or disable (none) the memory balloon device"),
    KEYVAL("name", "name", "guest", NULL, "[guest=]string[,process=name][,debug-threads=on|off]",
           "set the name of the guest"),
    KEYVAL("boot", "boot-opts", "order", NULL,
           "[order=drives][,once=drives][,menu=on|off][,splash=file][,splash-time=ms]"
           "[,reboot-timeout=ms][,strict=on|off]",
           "boot order: 'a', 'b' floppy, 'c' first hard disk, 'd' first CD-ROM, 'n'-'p' network"),
    STRING("pidfile", "process", "pidfile", NULL, "file", "write the process id to file (and lock it)"),
    FLAG("nodefaults", "machine", "defaults", "off", "do not create the default devices"),
    FLAG("daemonize", "process", "daemonize", "on",
         "detach from the terminal once the machine is set up"),
    FLAG("no-acpi", "machine", "acpi", "off", "disable ACPI"),
    FLAG("no-hpet", "machine", "hpet", "off", "disable the HPET"),
    FLAG("S", "runstate", "start-stopped", "on", "do not start the CPUs at start-up"),
    CUSTOM("readconfig", true, mm_option_readconfig, NULL, "file",
           "read options from a QEMU-format config file"),
    STRING("writeconfig", "process", "writeconfig", NULL, "file",
           "write the options as a config file ('-' for stdout) and go on"),
    FLAG("nodefconfig", "process", "defconfig", "off", "accepted for compatibility; no effect"),
    FLAG("no-user-config", "process", "user-config", "off", "accepted for compatibility; no effect"),
    KEYVAL("rtc", "rtc", NULL, NULL,
           "[base=utc|localtime|datetime][,clock=host|rt|vm][,driftfix=none|slew]",
           "set the RTC base time and clock"),
    CUSTOM("global", true, mm_option_global, NULL, "driver.property=value",
           "set a default for a device property"),
    /* devices and block */
    KEYVAL("device", "device", "driver", "device", "driver[,prop[=value][,...]]",
           "add a device ('-device help' lists them, '-device NAME,help' its properties)"),
    KEYVAL("drive", "drive", NULL, NULL,
           "[file=file][,if=type][,bus=n][,unit=m][,media=d][,index=i][,format=f][,cache=c]...",
           "add a drive"),
    CUSTOM("hda", true, mm_option_disk, NULL, "file", "use file as hard disk 0 image"),
    CUSTOM("hdb", true, mm_option_disk, NULL, "file", "use file as hard disk 1 image"),
    CUSTOM("hdc", true, mm_option_disk, NULL, "file", "use file as hard disk 2 image"),
    CUSTOM("hdd", true, mm_option_disk, NULL, "file", "use file as hard disk 3 image"),
    CUSTOM("cdrom", true, mm_option_disk, NULL, "file", "use file as CD-ROM image"),
    CUSTOM("fda", true, mm_option_disk, NULL, "file", "use file as floppy disk 0 image"),
    CUSTOM("fdb", true, mm_option_disk, NULL, "file", "use file as floppy disk 1 image"),
    FLAG("snapshot", "runstate", "snapshot", "on", "write to temporary files instead of disk images"),
    KEYVAL("fsdev", "fsdev", "fsdriver", NULL, "local,id=id,path=path,security_model=...",
           "define a file system device for 9p"),
    KEYVAL("virtfs", "virtfs", "fsdriver", NULL,
           "local,path=path,mount_tag=tag,security_model=...", "export a host directory over 9p"),
    CUSTOM("usbdevice", true, mm_option_usbdevice, NULL, "tablet|mouse|keyboard|disk:file",
           "add a USB device"),
    FLAG("usb", "machine", "usb", "on", "enable the USB controller"),
    /* boot */
    STRING("kernel", "machine", "kernel", NULL, "bzImage", "boot this Linux kernel directly"),
    STRING("initrd", "machine", "initrd", NULL, "file", "use file as initial ram disk"),
    STRING("append", "machine", "append", NULL, "cmdline", "kernel command line"),
    STRING("bios", "machine", "firmware", NULL, "file", "set the BIOS image"),
    STRING("L", "firmware-dir", "path", NULL, "path", "add a directory searched for firmware"),
    /* display */
    { .name = "display", .has_arg = true, .kind = MM_OPTION_CUSTOM, .group = "display",
      .key = "type", .help_kind = "display", .handler = mm_option_display,
      .arg_syntax = "type[,option=value[,...]]",
      .help = "select the display: none, vnc=..., gtk, sdl, curses ('-display help' lists them)" },
    FLAG("nographic", "machine", "graphics", "off",
         "no graphical output; serial and monitor on the terminal"),
    KEYVAL("vnc", "vnc", "vnc", NULL, "display[,option[,...]]",
           "start a VNC server on display (':5' is port 5905)"),
    KEYVAL("spice", "spice", NULL, NULL, "[port=n][,addr=a][,disable-ticketing=on|off]...",
           "enable the SPICE remote display"),
    STRING("vga", "machine", "vga", "vga", "std|cirrus|vmware|qxl|virtio|none",
           "select the video card ('-vga help' lists them)"),
    FLAG("curses", "display", "type", "curses", "same as -display curses"),
    FLAG("no-frame", "display", "frame", "off", "open the SDL window without a frame"),
    FLAG("full-screen", "display", "full-screen", "on", "start in full screen"),
    FLAG("no-quit", "display", "window-close", "off", "ignore the window's close button"),
    FLAG("alt-grab", "display", "grab-mod", "lshift-lalt", "use Ctrl-Alt-Shift to grab the mouse"),
    FLAG("ctrl-grab", "display", "grab-mod", "rctrl", "use Right-Ctrl to grab the mouse"),
    STRING("k", "keyboard", "layout", NULL, "language", "set the keyboard layout (for example 'de')"),
    /* character devices */
    KEYVAL("chardev", "chardev", "backend", "chardev", "backend,id=id[,option=value[,...]]",
           "define a character device backend ('-chardev help' lists them)"),
    STRING("serial", "serial", "spec", NULL, "dev", "redirect the next serial port to host device dev"),
    STRING("parallel", "parallel", "spec", NULL, "dev",
           "redirect the next parallel port to host device dev"),
    STRING("monitor", "monitor", "spec", NULL, "dev", "redirect the monitor to host device dev"),
    STRING("qmp", "qmp", "spec", NULL, "dev", "like -monitor but opens a QMP monitor"),
    KEYVAL("mon", "mon", "chardev", NULL, "[chardev=]name[,mode=readline|control][,pretty=on|off]",
           "attach a monitor to a character device"),
    /* network */
    KEYVAL("net", "net", "type", "netdev",
           "nic|user|tap|socket|bridge|none[,vlan=n][,option=value...]",
           "legacy network set-up (nic and backend joined by vlan=n)"),
    KEYVAL("netdev", "netdev", "type", "netdev", "type,id=id[,option=value[,...]]",
           "define a network backend ('-netdev help' lists them)"),
    KEYVAL("nic", "nic", "type", "netdev", "type[,model=name][,mac=addr][,option=value...]",
           "create a NIC with its backend in one go"),
    /* run control */
    FLAG("no-reboot", "runstate", "reboot", "off", "exit instead of rebooting"),
    FLAG("no-shutdown", "runstate", "shutdown", "off", "stop instead of exiting on guest shutdown"),
    KEYVAL("object", "object", "qom-type", "object", "type,id=id[,prop=value[,...]]",
           "create an object"),
    KEYVAL("audiodev", "audiodev", "driver", NULL, "driver,id=id[,option=value...]",
           "define an audio backend"),
    /* debugging */
    CUSTOM("d", true, mm_option_log_items, "log", "item[,item...]",
           "log the listed items ('-d help' lists them)"),
    STRING("D", "log", "file", NULL, "logfile", "write the log to logfile instead of stderr"),
    STRING("qtest", "qtest", "chardev", NULL, "dev", "the qtest protocol on character device dev"),
    STRING("qtest-log", "qtest", "log", NULL, "file", "log the qtest protocol to file"),
    CUSTOM("plugins", true, mm_option_plugins, NULL, "help",
           "list discovered plugins, what they provide and whether they load"),
    /* QEMU options modemu knows but does not implement yet */
    UNIMPL("icount", true, "instruction counting"),
    UNIMPL("gdb", true, "gdb stub"),
    UNIMPL("s", false, "gdb stub on tcp::1234"),
    UNIMPL("incoming", true, "incoming migration"),
    UNIMPL("loadvm", true, "start from a saved state"),
    UNIMPL("numa", true, "NUMA nodes"),
    UNIMPL("mem-path", true, "guest RAM from a file"),
    UNIMPL("mem-prealloc", false, "preallocate guest RAM"),
    UNIMPL("watchdog", true, "watchdog device"),
    UNIMPL("watchdog-action", true, "watchdog action"),
    UNIMPL("sandbox", true, "seccomp sandbox"),
    UNIMPL("runas", true, "drop privileges"),
    UNIMPL("chroot", true, "chroot after start-up"),
    UNIMPL("uuid", true, "system UUID"),
    UNIMPL("smbios", true, "SMBIOS tables"),
    UNIMPL("acpitable", true, "extra ACPI tables"),
    UNIMPL("option-rom", true, "extra option ROMs"),
    UNIMPL("fw_cfg", true, "extra fw_cfg items"),
    UNIMPL("blockdev", true, "-blockdev block graph"),
    UNIMPL("pflash", true, "parallel flash image"),
    UNIMPL("mtdblock", true, "on-board flash"),
    UNIMPL("sd", true, "SD card image"),
    UNIMPL("tpmdev", true, "TPM backend"),
    UNIMPL("debugcon", true, "debug console port"),
    UNIMPL("echr", true, "changing the terminal escape character"),
    UNIMPL("trace", true, "trace events"),
    UNIMPL("overcommit", true, "memory/CPU overcommit hints"),
    UNIMPL("msg", true, "message formatting"),
    UNIMPL("add-fd", true, "passing file descriptors"),
    UNIMPL("set", true, "setting options by group.id.arg"),
    UNIMPL("soundhw", true, "sound cards"),
    UNIMPL("singlestep", false, "single-step translation"),
    UNIMPL("preconfig", false, "pre-configuration QMP state"),
    UNIMPL("only-migratable", false, "migratable devices only"),
    UNIMPL("enable-fips", false, "FIPS 140-2 mode"),
    UNIMPL("win2k-hack", false, "Windows 2000 install workaround"),
    UNIMPL("no-fd-bootchk", false, "floppy boot signature check bypass"),
    UNIMPL("semihosting", false, "semihosting"),
    UNIMPL("dfilter", true, "log address filter"),
    UNIMPL("action", true, "actions on guest events"),
    UNIMPL("plugin", true, "TCG plugins"),
    UNIMPL("qmp-pretty", true, "QMP monitor with pretty JSON"),
    UNIMPL("semihosting-config", true, "semihosting"),
    UNIMPL("seed", true, "seeding the random number generator"),
    UNIMPL("iscsi", true, "iSCSI initiator parameters"),
    UNIMPL("dump-vmstate", true, "dumping the migration state description"),
    UNIMPL("compat", true, "compatibility policy"),
    UNIMPL("xen-domid", true, "Xen guest domain"),
    UNIMPL("xen-attach", false, "Xen attach"),
    UNIMPL("xen-domid-restrict", false, "Xen domain restriction"),
    UNIMPL("async-teardown", false, "asynchronous teardown"),
    UNIMPL("run-with", true, "process options"),
    UNIMPL("audio", true, "audio backend and model in one option"),
};

const mm_option_def *mm_option_find(const char *name)
{
    for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
        if (!strcmp(options[i].name, name))
            return &options[i];
    }
    return NULL;
}

const mm_option_def *mm_option_at(unsigned i)
{
    return i < sizeof(options) / sizeof(options[0]) ? &options[i] : NULL;
}
