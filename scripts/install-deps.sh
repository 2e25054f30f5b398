#!/usr/bin/env bash
# Installs, with apt-get, everything modemu needs to build, test and boot its
# test guest on Debian 12.  Safe to run repeatedly: installs only what is missing.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake pkg-config libltdl-dev libglib2.0-dev
  # firmware and reference peer (benchmarks, interop tests)
  seabios qemu-system-x86 qemu-utils
  # guest image builder (tests/guest): kernel, busybox, cpio
  busybox-static cpio kmod zstd xz-utils
)
# Extra packages areas declare in scripts/deps.d/*.list (one per line, # comments).
shopt -s nullglob
here="$(cd "$(dirname "$0")" && pwd)"
for f in "$here"/deps.d/*.list; do
  while read -r p _; do
    [[ -z "$p" || "$p" == \#* ]] || PACKAGES+=("$p")
  done < "$f"
done

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
