#!/usr/bin/env bash
# Installs the build into a temporary prefix, builds the example plugin
# against that installed SDK (CMake package and pkg-config), and checks that
# the installed emulator lists it, describes its properties and loads it.
# Usage: sdk_test.sh BUILD_DIR SOURCE_DIR PLUGIN_DRIVER
set -eu
build=$1 src=$2 driver=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

prefix="$work/prefix"
step "install into $prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" || fail "install: $(tail "$work/install.log")"
pc=$(find "$prefix" -name modemu-plugin.pc | head -1)
config=$(find "$prefix" -name modemuConfig.cmake | head -1)
libdir=$(dirname "$(find "$prefix" -name 'libmodemu.so.0' | head -1)")
for f in "$prefix/bin/modemu-system-x86_64" "$prefix/bin/modemu-manifest" \
         "$prefix/include/modemu/plugin.h" "$prefix/include/modemu/object.h" \
         "$prefix/include/modemu/build-stamp.h" "$libdir/libmodemu.so" "$pc" "$config"; do
  [ -e "$f" ] || fail "not installed: $f"
done
plugindir="$libdir/modemu/plugins"
[ -d "$plugindir" ] || fail "no plugin directory $plugindir"
# The binary's RPATH names the configured prefix, not this temporary one.
export LD_LIBRARY_PATH="$libdir"

step "build the example with the installed CMake package"
cmake -S "$src/sdk-project" -B "$work/ex-cmake" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_FLAGS="-Wall -Wextra -Werror" >"$work/cmake.log" 2>&1 || fail "configure: $(cat "$work/cmake.log")"
cmake --build "$work/ex-cmake" >"$work/build.log" 2>&1 || fail "build: $(cat "$work/build.log")"
[ -f "$work/ex-cmake/example-led.so" ] || fail "no example-led.so"
grep -qx 'types=device/example-led;' "$work/ex-cmake/example-led.manifest" || fail "manifest lacks the type"
grep -q '^prop.brightness=<uint64>;128;' "$work/ex-cmake/example-led.manifest" || fail "manifest lacks properties"

step "build the example with pkg-config"
export PKG_CONFIG_PATH="$(dirname "$pc")"
mkdir "$work/ex-pc"
# shellcheck disable=SC2046
cc -shared -fPIC -Wall -Wextra -Werror $(pkg-config --cflags modemu-plugin) "$src/example_led.c" \
  -o "$work/ex-pc/example-led.so" $(pkg-config --libs modemu-plugin) || fail "pkg-config build"
"$(pkg-config --variable=manifest_tool modemu-plugin)" "$work/ex-pc/example-led.so" \
  "$work/ex-pc/example-led.manifest" || fail "manifest tool from pkg-config"
diff <(grep -v '^runpath=' "$work/ex-cmake/example-led.manifest") \
     <(grep -v '^runpath=' "$work/ex-pc/example-led.manifest") >/dev/null \
  || fail "CMake and pkg-config builds give different manifests"

step "install the example into the SDK's plugin directory"
cmake --install "$work/ex-cmake" >/dev/null || fail "example install"
[ -f "$plugindir/example-led.so" ] && [ -f "$plugindir/example-led.manifest" ] || fail "example not installed"

emu="$prefix/bin/modemu-system-x86_64"
# Only the installed plugin directory: no MODEMU_PLUGIN_PATH, and the binary
# is outside the build tree, so this is what an installed system sees.
unset MODEMU_PLUGIN_PATH
if "$emu" -device help >"$work/out" 2>"$work/err" && grep -q . "$work/out"; then
  step "check through the installed modemu-system-x86_64"
  grep -q '"example-led"\|example-led' "$work/out" || fail "-device help does not list example-led: $(cat "$work/out")"
  "$emu" -device example-led,help >"$work/out" 2>&1 || fail "-device example-led,help: $(cat "$work/out")"
  grep -qF 'colour=<off|red|green|blue>' "$work/out" || fail "help lacks colour: $(cat "$work/out")"
  grep -qF 'brightness=<uint64>' "$work/out" || fail "help lacks brightness: $(cat "$work/out")"
  # qtest with stdin at EOF: builds the machine, realizes -device, exits 0.
  qt=(-M none -accel qtest -qtest stdio -display none)
  if "$emu" "${qt[@]}" -device example-led,brightness=999 </dev/null >"$work/out" 2>&1; then
    fail "out-of-range brightness accepted"
  fi
  grep -qF "property 'brightness' of 'example-led': invalid value '999'" "$work/out" \
    || fail "no property error from the loaded plugin: $(cat "$work/out")"
  if "$emu" "${qt[@]}" -device example-led,colour=off </dev/null >"$work/out" 2>&1; then
    fail "realize failure not reported"
  fi
  grep -qF "example-led: brightness 128 needs a colour" "$work/out" \
    || fail "realize error missing: $(cat "$work/out")"
  "$emu" "${qt[@]}" -device example-led,colour=red </dev/null >"$work/out" 2>&1 \
    || fail "realize of example-led failed: $(cat "$work/out")"
  [ ! -s "$work/out" ] || fail "unexpected output: $(cat "$work/out")"
  # The pkg-config build, earlier in the path, shadows the installed one.
  MODEMU_PLUGIN_PATH="$work/ex-pc" "$emu" "${qt[@]}" -device example-led,help >"$work/out" 2>&1 \
    || fail "pkg-config build: $(cat "$work/out")"
  MODEMU_PLUGIN_PATH="$work/ex-pc" "$emu" -plugins help >"$work/out" 2>&1
  grep -qF "status: shadowed by $work/ex-pc/example-led.so" "$work/out" \
    || fail "pkg-config build does not shadow the installed plugin: $(cat "$work/out")"
  MODEMU_PLUGIN_PATH="$work/ex-pc" "$emu" "${qt[@]}" -device example-led </dev/null >"$work/out" 2>&1 \
    || fail "pkg-config build does not load: $(cat "$work/out")"
  echo "checked: listing, help, property errors and realize of the plugin via the installed emulator"
else
  # The command line does not offer -device help yet: the same checks go
  # through the core's C API in plugin-driver, on the same installed files.
  step "modemu-system-x86_64 -device help unavailable ($(head -1 "$work/err")); checking via plugin-driver"
  export MODEMU_PLUGIN_PATH="$plugindir" MODEMU_PLUGIN_PATH_ONLY=1
  "$driver" types device >"$work/out" || fail "types"
  grep -q '^example-led example-led ' "$work/out" || fail "example-led not listed: $(cat "$work/out")"
  "$driver" help device example-led >"$work/out" || fail "help"
  grep -qF 'colour=<off|red|green|blue>' "$work/out" || fail "help lacks colour"
  "$driver" new device example-led colour=red brightness=200 >"$work/out" || fail "realize failed"
  grep -qx 'realized example-led' "$work/out" || fail "not realized"
  if "$driver" new device example-led colour=off 2>"$work/err"; then fail "realize failure not reported"; fi
  grep -qF "example-led: brightness 128 needs a colour" "$work/err" || fail "realize error: $(cat "$work/err")"
  export MODEMU_PLUGIN_PATH="$work/ex-pc"
  "$driver" new device example-led >"$work/out" || fail "pkg-config build does not load"
  echo "checked: listing, help and realize of the installed plugin via plugin-driver (C API)"
fi
echo PASS
