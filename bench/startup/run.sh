#!/usr/bin/env bash
# Start-up time of `modemu-system-x86_64 -device help`: with the plugins of
# the build, and with 100 extra dummy plugins (renamed copies with their own
# manifests) in MODEMU_PLUGIN_PATH, next to `qemu-system-x86_64 -device help`
# measured in the same run.  Prints the mean in milliseconds.
# Usage: bench/startup/run.sh [BUILD_DIR] [RUNS]   (default: build, 50 runs)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
runs=${2:-50}
emu="$build/modemu-system-x86_64"
[ -x "$emu" ] || { echo "no $emu: build first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A plugin to copy: any built plugin with a manifest.
template=$(ls "$build"/plugins/*.so "$build"/tests/plugins/ok/*.so 2>/dev/null | head -1 || true)
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

# One measurement: mean wall time of RUNS runs of a command, in ms.
mean_ms() {
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/h.json" "$*" >/dev/null 2>&1
    python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["mean"]*1000))' "$work/h.json"
  else
    "$@" >/dev/null 2>&1 || true
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
    end=$(date +%s%N)
    awk -v ns=$((end - start)) -v n="$runs" 'BEGIN { printf "%.2f\n", ns / n / 1e6 }'
  fi
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

echo "runs per figure: $runs ($(command -v hyperfine >/dev/null && echo hyperfine || echo 'date +%s%N loop'))"
printf '%-84s %10s %8s\n' "command" "mean ms" "lines"
printf '%-84s %10s %8s\n' "$what, build plugins" "$(mean_ms "${cmd[@]}")" "$(count_listed)"
export MODEMU_PLUGIN_PATH="$work/dummies"
printf '%-84s %10s %8s\n' "$what, +100 dummy plugins" "$(mean_ms "${cmd[@]}")" "$(count_listed)"
unset MODEMU_PLUGIN_PATH
if command -v qemu-system-x86_64 >/dev/null; then
  printf '%-84s %10s %8s\n' "qemu-system-x86_64 -device help" \
    "$(mean_ms qemu-system-x86_64 -device help)" "$(qemu-system-x86_64 -device help 2>/dev/null | grep -c .)"
else
  echo "qemu-system-x86_64 not installed: no reference figure"
fi
