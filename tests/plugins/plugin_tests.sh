#!/usr/bin/env bash
# Plugin discovery, on-demand loading and every refusal, with the plugins
# built in the test build directory.
# Usage: plugin_tests.sh SCENARIO DRIVER TPDIR [EMULATOR]
# The `cmdline` scenario runs the emulator instead of the driver and exits 77
# (skipped) while the command line lacks -device help.
set -u
scenario=$1 driver=$2 tp=$3 emu=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL ($scenario): $*" >&2; exit 1; }

# Copies plugin dirs of the build into $work so tests can break them freely.
stage() { for d in "$@"; do mkdir -p "$work/$d"; cp -a "$tp/$d/." "$work/$d/"; done; }

# run OUTVAR ERRVAR PATH args...: runs the driver with only PATH searched.
run() {
  local path=$1; shift
  MODEMU_PLUGIN_PATH="$path" MODEMU_PLUGIN_PATH_ONLY=1 TP_CTOR_MARK="$work/mark" \
    "$driver" "$@" >"$work/out" 2>"$work/err"
  echo $? >"$work/rc"
}
rc() { cat "$work/rc"; }
expect_ok() { [ "$(rc)" = 0 ] || fail "expected success, got rc $(rc): $(cat "$work/err")"; }
expect_out() { grep -qF -- "$1" "$work/out" || fail "stdout lacks '$1':"$'\n'"$(cat "$work/out")"; }
expect_err() { grep -qF -- "$1" "$work/err" || fail "stderr lacks '$1':"$'\n'"$(cat "$work/err")"; }
# A refusal: exit status 1 (a crash or sanitizer error is not one) and exactly
# one line on stderr, equal to $1 after the program name (and, from the
# command line, the option it concerns).
expect_refusal() {
  [ "$(rc)" = 1 ] || fail "expected a refusal (exit status 1), got rc $(rc)"
  [ "$(wc -l <"$work/err")" = 1 ] || fail "expected one stderr line, got:"$'\n'"$(cat "$work/err")"
  local line; line=$(sed 's/^[^:]*: //' "$work/err")
  case "$line" in
    "$1") ;;
    -*": $1") [ -n "$emu" ] || fail "refusal was '$line', expected '$1'" ;;
    *) fail "refusal was '$line', expected '$1'" ;;
  esac
}
loaded() { ls "$work/mark" 2>/dev/null | tr '\n' ' '; }
reset_marks() { rm -rf "$work/mark"; mkdir -p "$work/mark"; }
reset_marks

case $scenario in
discovery-and-listing)
  stage ok badabi badstamp needlib dup
  # Manifests as the plugins' own SDK would have written them.
  sed -i 's/^abi-version=.*/abi-version=2/' "$work/badabi/tp-badabi.manifest"
  sed -i 's/^build-stamp=.*/build-stamp=0000000000000000/' "$work/badstamp/tp-badstamp.manifest"
  rm "$work/needlib/lib/libtpdummy.so"
  mkdir "$work/junk"
  head -c 3000 /dev/urandom >"$work/junk/garbage.so"
  head -c 4000 "$tp/ok/tp-good.so" >"$work/junk/truncated.so"
  cp "$tp/ok/tp-good.so" "$work/junk/nomanifest.so"
  path="$work/ok:$work/badabi:$work/badstamp:$work/needlib:$work/dup:$work/junk"
  run "$path" list
  expect_ok
  expect_err "plugin file $work/junk/garbage.so is not a usable shared object (not an ELF file); skipped"
  expect_err "plugin file $work/junk/truncated.so is not a usable shared object (truncated"
  expect_err "plugin $work/junk/nomanifest.so has no manifest"
  [ "$(wc -l <"$work/err")" = 3 ] || fail "expected exactly 3 warnings: $(cat "$work/err")"
  expect_out "  $work/ok/tp-good.so"
  expect_out "    provides: device tp-widget"
  expect_out "    provides: device tp-gadget"
  expect_out "    status: would not load: ABI version mismatch: expected 1, found 2"
  expect_out "    status: would not load: build stamp mismatch: expected"
  expect_out "    status: would not load: shared library libtpdummy.so is missing"
  [ "$(grep -c 'status: would load$' "$work/out")" = 4 ] || fail "expected 4 loadable plugins (good, child, dupa, dupb):"$'\n'"$(cat "$work/out")"
  run "$path" types device
  expect_ok
  expect_out "tp-gadget tp-child (test widget from tp-child)"
  expect_out "tp-widget tp-good (test widget from tp-good)"
  expect_out "tp-needlib-dev tp-needlib"
  run "$path" help device tp-gadget
  expect_ok
  expect_out "tp-gadget options:"
  expect_out "  speed=<uint64>           - widget speed (default: 100)"
  expect_out "  tag=<str>                - a free-form tag"
  # Listing, type lists and help loaded no plugin at all.
  [ -z "$(loaded)" ] || fail "listing loaded plugins: $(loaded)"
  # Everything else still works next to the garbage.
  run "$path" new device tp-widget speed=7
  expect_ok
  expect_out "realized tp-widget"
  # A catalog plugin that is present but garbage is named as unusable.
  cp "$work/junk/garbage.so" "$work/junk/ui-vnc.so"
  run "$path" new display vnc
  [ "$(rc)" = 1 ] || fail "garbage ui-vnc: expected a refusal (exit status 1), got rc $(rc)"
  expect_err "display 'vnc' is provided by plugin ui-vnc, but $work/junk/ui-vnc.so is unusable: not an ELF file"
  ;;
load-on-demand)
  stage ok
  run "$work/ok" new device tp-widget speed=5 loud
  expect_ok
  [ "$(loaded)" = "tp-good " ] || fail "expected only tp-good loaded, got: $(loaded)"
  reset_marks
  run "$work/ok" new device tp-gadget tag=x
  expect_ok
  expect_out "realized tp-gadget"
  [ "$(loaded)" = "tp-child tp-good " ] || fail "expected tp-child and its dependency, got: $(loaded)"
  run "$work/ok" new device tp-widget speed=0
  expect_refusal "property 'speed' of 'tp-widget': invalid value '0', expected a non-negative integer between 1 and 1000"
  run "$work/ok" new device tp-widget colour=red
  expect_refusal "'tp-widget' has no property 'colour' (valid: speed, tag, loud)"
  run "$work/ok" new device tp-widget tag=!x
  expect_refusal "Parameter 'tag' must not start with '!'"
  run "$work/ok" new display vnc
  expect_refusal "display 'vnc' is provided by plugin ui-vnc, which is not installed"
  run "$work/ok" new device tp-nothing
  expect_refusal "'tp-nothing' is not a valid device model name"
  ;;
refuse-abi)
  stage ok badabi
  run "$work/ok:$work/badabi" new device tp-badabi-dev
  expect_refusal "plugin $work/badabi/tp-badabi.so: ABI version mismatch: expected 1, found 2"
  run "$work/ok:$work/badabi" new device tp-widget
  expect_ok
  ;;
refuse-stamp)
  stage badstamp
  run "$work/badstamp" new device tp-badstamp-dev
  [ "$(rc)" = 1 ] || fail "stamp mismatch: expected a refusal (exit status 1), got rc $(rc)"
  expect_err "plugin $work/badstamp/tp-badstamp.so: build stamp mismatch: expected "
  expect_err ", found 0000000000000000"
  expect_refusal "$(sed 's/^[^:]*: //' "$work/err")"
  ;;
refuse-missing-library)
  stage needlib
  run "$work/needlib" new device tp-needlib-dev
  expect_ok
  rm "$work/needlib/lib/libtpdummy.so"
  run "$work/needlib" new device tp-needlib-dev
  expect_refusal "plugin $work/needlib/tp-needlib.so cannot be loaded: shared library libtpdummy.so is missing"
  ;;
refuse-duplicate)
  stage ok dup
  run "$work/ok:$work/dup" new device tp-dup
  expect_refusal "device 'tp-dup' is claimed by two plugins: $work/dup/tp-dupa.so and $work/dup/tp-dupb.so"
  # Only when that name is required: the rest works.
  run "$work/ok:$work/dup" new device tp-widget
  expect_ok
  ;;
refuse-missing-dependency)
  stage orphan
  run "$work/orphan" new device tp-orphan-dev
  expect_refusal "plugin $work/orphan/tp-orphan.so requires plugin tp-absent, which is not installed"
  run "$work/orphan" list
  expect_out "status: would not load: requires plugin tp-absent, which is not installed"
  stage gen/absent
  run "$work/orphan:$work/gen/absent" new device tp-orphan-dev
  expect_ok
  ;;
catalog-without-manifest)
  # A plugin file without manifest is not listed, but the catalog still finds
  # it for its well-known names (here the build's serial plugin: isa-serial).
  serial="$tp/../../plugins/serial.so"
  [ -f "$serial" ] || { echo "SKIP: no serial plugin in this build"; exit 77; }
  mkdir "$work/bare"
  cp "$serial" "$work/bare/serial.so"
  run "$work/bare" types device
  expect_ok
  expect_err "plugin $work/bare/serial.so has no manifest"
  ! grep -q isa-serial "$work/out" || fail "a plugin without manifest was listed"
  run "$work/bare" require-twice device isa-serial
  expect_ok
  expect_out "attempt 1: ok"
  ;;
refuse-init-failure)
  stage initfail
  run "$work/initfail" new device tp-initfail-dev
  expect_refusal "plugin $work/initfail/tp-initfail.so: cannot reach the widget controller"
  # Its types were withdrawn: a second attempt fails the same way.
  run "$work/initfail" require-twice device tp-initfail-dev
  [ "$(rc)" = 1 ] || fail "require-twice: rc $(rc)"
  [ "$(grep -c "cannot reach the widget controller" "$work/out")" = 2 ] \
    || fail "second attempt did not fail: $(cat "$work/out")"
  ;;
shadowing)
  stage ok
  mkdir -p "$work/later"
  cp "$tp/ok/tp-good.so" "$tp/ok/tp-good.manifest" "$work/later/"
  head -c 100 /dev/urandom >"$work/later/tp-child.so"   # shadowed: never inspected
  run "$work/ok:$work/later" list
  expect_ok
  [ ! -s "$work/err" ] || fail "shadowed files produced warnings: $(cat "$work/err")"
  expect_out "  $work/later/tp-good.so"
  expect_out "    status: shadowed by $work/ok/tp-good.so"
  run "$work/ok:$work/later" new device tp-widget
  expect_ok
  ;;
cmdline)
  "$emu" -device help >/dev/null 2>&1 || { echo "SKIP: $emu -device help does not work yet"; exit 77; }
  stage ok badabi
  driver=$emu
  # The build's own plugins too: qtest's stdio backend is a plugin.
  path="$work/ok:$work/badabi:$(cd "$tp/../../plugins" && pwd)"
  run "$path" -device help
  expect_ok
  expect_out "tp-widget"
  expect_out "tp-gadget"
  run "$path" -device tp-gadget,help
  expect_ok
  expect_out "  speed=<uint64>           - widget speed (default: 100)"
  run "$path" -plugins help
  expect_ok
  expect_out "    status: would load"
  [ -z "$(loaded)" ] || fail "listing loaded plugins: $(loaded)"
  # -accel qtest -qtest stdio with stdin at EOF: the machine is built (so
  # -device is realized) and the emulator exits 0 when the protocol stream ends.
  qt=(-M none -accel qtest -qtest stdio -display none)
  run "$path" "${qt[@]}" -device tp-widget,speed=0 </dev/null
  expect_refusal "property 'speed' of 'tp-widget': invalid value '0', expected a non-negative integer between 1 and 1000"
  run "$path" "${qt[@]}" -device tp-badabi-dev </dev/null
  expect_refusal "plugin $work/badabi/tp-badabi.so: ABI version mismatch: expected 1, found 2"
  run "$path" -vnc :5
  expect_refusal "display 'vnc' is provided by plugin ui-vnc, which is not installed"
  reset_marks
  run "$path" "${qt[@]}" -device tp-widget,speed=9 </dev/null
  expect_ok
  [ ! -s "$work/err" ] || fail "errors while running: $(cat "$work/err")"
  [ "$(loaded)" = "tp-good " ] || fail "expected tp-good loaded, got: $(loaded)"
  ;;
*)
  fail "unknown scenario"
  ;;
esac
echo "PASS $scenario"
