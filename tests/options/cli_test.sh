#!/bin/sh
# End-to-end checks of modemu-system-x86_64's command line: exit codes, one-line
# errors naming the option, help output, -writeconfig/-readconfig round trip.
# Usage: cli_test.sh PATH/TO/modemu-system-x86_64
set -u
EMU=$1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0

fail() {
    echo "FAIL: $*"
    FAILS=$((FAILS + 1))
}

# expect_error "expected stderr line" args... : exit 1, exactly that one line.
expect_error() {
    want=$1
    shift
    "$EMU" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    lines=$(wc -l <"$TMP/err")
    got=$(cat "$TMP/err")
    [ "$rc" -eq 1 ] || fail "$*: exit status $rc, expected 1"
    [ "$lines" -eq 1 ] || fail "$*: $lines lines on stderr, expected 1: $got"
    [ "$got" = "modemu-system-x86_64: $want" ] || fail "$*: stderr '$got', expected '$want'"
}

# expect_ok args... : exit 0, nothing on stderr; stdout kept in $TMP/out.
expect_ok() {
    "$EMU" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ "$rc" -eq 0 ] || fail "$*: exit status $rc: $(cat "$TMP/err")"
    [ -s "$TMP/err" ] && fail "$*: unexpected stderr: $(cat "$TMP/err")"
}

expect_error "-foo: invalid option" -foo
expect_error "--bar: invalid option" --bar
expect_error "-m=512: invalid option" -m=512
expect_error "-m: requires an argument" -m
expect_error "-icount: not implemented yet in modemu" -icount shift=auto
expect_error "-m: Parameter 'size' expects a size (a number with optional suffix k, M, G, T, P or E), not '1Q'" -m 1Q
expect_error "-smp: Invalid CPU topology: product of the hierarchy must match maxcpus: sockets (3) * dies (1) * cores (1) * threads (1) != maxcpus (4)" -smp 4,sockets=3
expect_error "-boot: Invalid boot device 'z'" -boot z
expect_error "-rtc: Invalid clock option: wall" -rtc clock=wall
expect_error "-drive file=x,media=tape: invalid media value 'tape' (valid: disk, cdrom)" -drive file=x,media=tape
expect_error "-device e1000,id=1: Parameter 'id' expects an identifier" -device e1000,id=1
expect_error "-initrd only allowed with -kernel option" -initrd /tmp/x
expect_error "invalid accelerator foo" -M none -accel foo
expect_error "The -accel and \"-machine accel=\" options are incompatible" -M none,accel=qtest -accel qtest
expect_error "unknown vga type: hercules" -vga hercules
expect_error "-cpu: unable to find CPU model 'pentium9' (see -cpu help)" -cpu pentium9
expect_error "CPU model 'host' requires KVM" -M pc -accel tcg -cpu host -nodefaults -display none
expect_error "-cpu: CPU feature 'warp' not found (see -cpu help)" -cpu qemu64,+warp
expect_error "no accelerator found" -M none -accel foo:bar
expect_error "-accel qtest: accelerator properties are not implemented yet in modemu" -accel qtest,thread=single
expect_error "-d nope: unknown log item 'nope' ('-d help' lists them)" -d nope
# Plugins that are not installed are named, never "invalid option".
MODEMU_PLUGIN_PATH=$TMP/empty
export MODEMU_PLUGIN_PATH
mkdir -p "$TMP/empty"
if "$EMU" -plugins help 2>/dev/null | grep -q "ui-vnc"; then
    echo "note: ui-vnc is installed here; skipping the not-installed check"
else
    expect_error "display 'vnc' is provided by plugin ui-vnc, which is not installed" -vnc :5
    expect_error "display 'vnc' is provided by plugin ui-vnc, which is not installed" -display vnc=:5
fi
if ! "$EMU" -plugins help 2>/dev/null | grep -q "ui-spice"; then
    expect_error "display 'spice' is provided by plugin ui-spice, which is not installed" -spice port=5900,disable-ticketing
fi

expect_ok -version
grep -q "^modemu emulator version .* (QEMU-compatible command line)$" "$TMP/out" || fail "-version text"
expect_ok -h
for opt in -machine -m -smp -drive -device -netdev -chardev -vnc -spice -writeconfig -daemonize; do
    grep -q -- "^$opt\b" "$TMP/out" || fail "-h does not list $opt"
done
expect_ok --help
expect_ok -d help
grep -q "^guest_errors" "$TMP/out" || fail "-d help lists guest_errors"
expect_ok -M help
grep -q "^Supported machines are:" "$TMP/out" || fail "-M help header"
expect_ok -accel help
expect_ok -vga help
grep -q "^std  *standard VGA (default)$" "$TMP/out" || fail "-vga help does not list std"
expect_ok -cpu help
grep -q "qemu64" "$TMP/out" || fail "-cpu help does not list qemu64"

# -writeconfig, then -readconfig of what it wrote gives the same config.
ARGS="-M pc,accel=kvm:tcg -m 1G -smp 4,sockets=2 -name vm1 -boot order=dc,menu=on \
-rtc base=localtime -cpu qemu64,+ssse3 -drive file=$TMP/a,,b.img,if=virtio,cache=none \
-cdrom $TMP/cd.iso -netdev user,id=n0 -device e1000,netdev=n0,id=nic0 \
-chardev socket,id=c0,path=$TMP/s,server,nowait -net nic,vlan=1 -net user,vlan=1 \
-kernel $TMP/k -append console=ttyS0 -S -no-reboot -vnc :5"
# The machine cannot start (not every plugin is installed), but the file is
# written first, as QEMU writes it before building the machine.
# shellcheck disable=SC2086
"$EMU" $ARGS -writeconfig "$TMP/one.cfg" >/dev/null 2>&1
[ -s "$TMP/one.cfg" ] || fail "-writeconfig wrote nothing"
"$EMU" -readconfig "$TMP/one.cfg" -writeconfig "$TMP/two.cfg" >/dev/null 2>&1
cmp -s "$TMP/one.cfg" "$TMP/two.cfg" || fail "config round trip differs: $(diff "$TMP/one.cfg" "$TMP/two.cfg")"
grep -q '^\[device "nic0"\]$' "$TMP/one.cfg" || fail "config lacks [device \"nic0\"]"
grep -q '^  file = ".*/a,b.img"$' "$TMP/one.cfg" || fail "config lacks the unescaped file name"
"$EMU" -readconfig "$TMP/one.cfg" -writeconfig - 2>/dev/null | cmp -s - "$TMP/one.cfg" || fail "-writeconfig - (stdout) differs"
printf '[machine]\n  type = "pc\n' >"$TMP/bad.cfg"
expect_error "-readconfig $TMP/bad.cfg: $TMP/bad.cfg:2: parse error" -readconfig "$TMP/bad.cfg"

# -daemonize / -pidfile end to end, on a machine that runs without a CPU.
if "$EMU" -M help 2>/dev/null | grep -q "^none " && "$EMU" -accel help 2>/dev/null | grep -q "^qtest$"; then
    RUN="-M none -accel qtest -display none"
    PID=$TMP/vm.pid
    # shellcheck disable=SC2086
    "$EMU" $RUN -daemonize -pidfile "$PID" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ "$rc" -eq 0 ] || fail "-daemonize: exit status $rc: $(cat "$TMP/err")"
    # The parent returned only once the child had written the pid file.
    [ -s "$PID" ] || fail "-daemonize: pid file missing when the parent exited"
    DPID=$(cat "$PID" 2>/dev/null)
    if [ -n "$DPID" ] && kill -0 "$DPID" 2>/dev/null; then
        [ "$(ps -o sid= -p "$DPID" | tr -d ' ')" = "$DPID" ] || fail "-daemonize: not a session leader"
        # A second instance with the same pid file is refused.
        # shellcheck disable=SC2086
        expect_error "cannot create PID file: Cannot lock pid file: Resource temporarily unavailable" $RUN -pidfile "$PID"
        [ "$(cat "$PID")" = "$DPID" ] || fail "refused instance changed the pid file"
        kill "$DPID"
        n=0
        while [ -e "$PID" ] && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
        [ -e "$PID" ] && fail "pid file not removed at exit"
    else
        fail "-daemonize: daemon not running (pid '$DPID')"
    fi
    # -S keeps the machine stopped; without it, it runs (monitor on stdio).
    # shellcheck disable=SC2086
    printf 'info status\nquit\n' | "$EMU" $RUN -monitor stdio -S >"$TMP/out" 2>"$TMP/err"
    grep -q "VM status: paused (prelaunch)" "$TMP/out" || fail "-S: monitor says $(grep status "$TMP/out")"
    # shellcheck disable=SC2086
    printf 'info status\nquit\n' | "$EMU" $RUN -monitor stdio >"$TMP/out" 2>"$TMP/err"
    grep -q "VM status: running" "$TMP/out" || fail "no -S: monitor says $(grep status "$TMP/out")"
    # -nographic: serial and monitor share stdio; C-a x quits with status 0.
    # shellcheck disable=SC2086
    printf '\001x' | "$EMU" $RUN -nographic >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ "$rc" -eq 0 ] || fail "-nographic C-a x: exit status $rc: $(cat "$TMP/err")"
    # -serial mon:stdio supplies the monitor, so -nographic adds none beside it.
    # shellcheck disable=SC2086
    printf '\001x' | "$EMU" $RUN -nographic -serial mon:stdio >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ "$rc" -eq 0 ] || fail "-nographic -serial mon:stdio: exit status $rc: $(cat "$TMP/err")"
    # shellcheck disable=SC2086
    expect_error "-nographic cannot be used with -daemonize" $RUN -nographic -daemonize
    # shellcheck disable=SC2086
    expect_error "cannot use stdio with -daemonize" $RUN -serial stdio -daemonize
    # A child that fails after the fork makes the parent fail with one line.
    # shellcheck disable=SC2086
    expect_error "-machine no-such: machine type 'no-such' is not available ('-machine help' lists them)" -M no-such -accel qtest -display none -daemonize
else
    echo "note: no '-M none' with qtest accelerator here; skipping -daemonize end-to-end"
fi

if [ "$FAILS" -ne 0 ]; then
    echo "$FAILS check(s) failed"
    exit 1
fi
echo "all command-line checks passed"
