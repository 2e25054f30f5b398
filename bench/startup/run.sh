#!/usr/bin/env bash
# Start-up time of `modemu-system-x86_64 -device help`: with the plugins of
# the build, and with 100 extra dummy plugins (renamed copies with their own
# manifests) in MODEMU_PLUGIN_PATH, next to `qemu-system-x86_64 -device help`
# measured in the same run.  Prints the mean wall and CPU (user+sys) time in
# milliseconds, from a loop timed with bash's `time` (no extra tools needed).
# Usage: bench/startup/run.sh [BUILD_DIR] [RUNS]   (default: build, 50 runs)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
runs=${2:-50}
emu="$build/modemu-system-x86_64"
[ -x "$emu" ] || { echo "no $emu: build first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A plugin to copy: a built plugin whose manifest provides a device type, so
# every copy adds a line to -device help.
template=
for m in "$build"/plugins/*.manifest "$build"/tests/plugins/ok/*.manifest; do
  if [ -f "${m%.manifest}.so" ] && grep -q '^types=device/' "$m"; then template=${m%.manifest}.so; break; fi
done
[ -n "$template" ] || { echo "no built plugin to copy in $build" >&2; exit 1; }
stem=$(basename "$template" .so)
mkdir "$work/dummies"
for i in $(seq -w 1 100); do
  cp "$template" "$work/dummies/dummy$i.so"
  # Distinct plugin and type names, so every copy is listed as its own plugin.
  awk -v n="dummy$i" '
    /^\[/ { group = $0 }
    /^\[/ && group != "[plugin]" { sub(/\//, "/" n "-") }
    /^name=/ { sub(/^name=/, group == "[plugin]" ? "name=" n "#" : "name=" n "-") ; sub(/#.*/, "") }
    /^types=/ { gsub(/\//, "/" n "-") }
    { print }' "$(dirname "$template")/$stem.manifest" >"$work/dummies/dummy$i.manifest"
done

# One measurement: mean wall and CPU (user+sys) time of RUNS runs, in ms.
# CPU time is the steadier figure on a machine shared with other work.
mean_ms() {
  "$@" >/dev/null 2>&1 || true   # warm the page cache
  local TIMEFORMAT='%R %U %S'
  local t
  t=$( { time (for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done) ; } 2>&1 )
  awk -v n="$runs" '{ printf "%8.2f %8.2f\n", $1 * 1000 / n, ($2 + $3) * 1000 / n }' <<<"$t"
}

if "$emu" -device help >"$work/out" 2>&1 && grep -q . "$work/out"; then
  cmd=("$emu" -device help)
  what="modemu-system-x86_64 -device help"
else
  # Until the command line offers -device help, the same listing goes through
  # the core C API (tests/plugins/plugin-driver), with the same discovery.
  cmd=("$build/tests/plugins/plugin-driver" types device)
  what="plugin-driver types device (stand-in: -device help not available yet)"
fi
count_listed() { "${cmd[@]}" 2>/dev/null | grep -c . || true; }

echo "runs per figure: $runs; mean per run"
printf '%-70s %8s %8s %6s\n' "command" "wall ms" "cpu ms" "lines"
printf '%-70s %17s %6s\n' "$what, build plugins" "$(mean_ms "${cmd[@]}")" "$(count_listed)"
export MODEMU_PLUGIN_PATH="$work/dummies"
printf '%-70s %17s %6s\n' "$what, +100 dummy plugins" "$(mean_ms "${cmd[@]}")" "$(count_listed)"
unset MODEMU_PLUGIN_PATH
if command -v qemu-system-x86_64 >/dev/null; then
  printf '%-70s %17s %6s\n' "qemu-system-x86_64 -device help" \
    "$(mean_ms qemu-system-x86_64 -device help)" "$(qemu-system-x86_64 -device help 2>/dev/null | grep -c .)"
else
  echo "qemu-system-x86_64 not installed: no reference figure"
fi
