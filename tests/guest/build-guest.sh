#!/usr/bin/env bash
# Builds the test guest: the stock Debian amd64 kernel (vmlinuz) and a
# busybox-static initramfs (cpio newc, gzip) holding the kernel modules the
# device tests need and the /init that runs the scenario named on the kernel
# command line (modemu.test=NAME).
#
# Everything comes from Debian packages fetched with `apt-get download`; no
# guest binary lives in the source tree.  The result is cached outside it, in
# $MODEMU_GUEST_DIR (default ~/.cache/modemu/guest/<kernel version>/<hash of
# the files of tests/guest>/), and is
# rebuilt when the kernel version that linux-image-amd64 depends on changes or
# when the files under tests/guest/ that go into the image change.
#
# Exit status: 0 built or up to date, 77 the Debian archive is unreachable,
# 1 any other failure.
# Usage: build-guest.sh [--print-env] [--no-build] [--force]
#   --print-env  print only KEY=VALUE lines (MODEMU_GUEST_KERNEL=..., ...) so
#                callers can `eval "$(build-guest.sh --print-env)"`.
#   --no-build   never download or build: exit 1 unless the cache is current.
#   --force      rebuild even if the cache is current.
# Output files in the cache directory:
#   vmlinuz          the kernel
#   initramfs.gz     busybox + modules + /init + scenarios
#   busybox          the same static busybox, for host-side reference runs
#   guest.env        the KEY=VALUE lines printed by --print-env
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
print_env=0
force=0
no_build=0
for arg in "$@"; do
  case "$arg" in
    --print-env) print_env=1 ;;
    --force) force=1 ;;
    --no-build) no_build=1 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "build-guest.sh: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done

log() { if [ "$print_env" = 1 ]; then echo "build-guest: $*" >&2; else echo "build-guest: $*"; fi; }
die() { echo "build-guest: error: $*" >&2; exit 1; }
# The Debian archive cannot be reached: not a defect of the tree (exit 77 so
# CTest reports the guest tests as skipped, with this message).
unreachable() { echo "build-guest: cannot fetch packages: $*" >&2; exit 77; }

# Modules the device and boot tests load; their dependencies are added from the
# kernel's modules.dep.
WANTED_MODULES=(
  virtio_pci virtio_blk virtio_net virtio_console virtio_balloon virtio_scsi virtio_rng
  9p 9pnet_virtio
  e1000 8139cp 8139too
  ata_piix libata sd_mod sr_mod cdrom isofs
  ext4 crc32c_generic
)

# 1. Which kernel: the versioned package linux-image-amd64 depends on.
kernel_pkg="$(apt-cache depends linux-image-amd64 2>/dev/null \
  | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')" || true
if [ -z "$kernel_pkg" ]; then
  unreachable "apt-cache does not know linux-image-amd64 (run 'apt-get update' first)"
fi
kver="${kernel_pkg#linux-image-}"

# The image also depends on the files of tests/guest that go into it.
content_hash="$(cat "$here/build-guest.sh" "$here"/init "$here"/scenarios/*.sh | sha256sum | cut -c1-16)"
stamp="$kernel_pkg $content_hash"

# One folder per kernel version, and in it one per version of this folder's
# files: trees at different commits (a CI checkout beside a work tree) then
# never overwrite each other's image.  Versions unused for a week are pruned.
if [ -n "${MODEMU_GUEST_DIR:-}" ]; then
  out=$MODEMU_GUEST_DIR
else
  kdir="${XDG_CACHE_HOME:-$HOME/.cache}/modemu/guest/$kver"
  out="$kdir/$content_hash"
  [ ! -d "$kdir" ] || find "$kdir" -mindepth 1 -maxdepth 1 -type d -mtime +7 \
    ! -name "$content_hash" -exec rm -rf {} + 2>/dev/null || true
fi

emit_env() {
  cat <<EOF
MODEMU_GUEST_DIR=$out
MODEMU_GUEST_KERNEL=$out/vmlinuz
MODEMU_GUEST_INITRD=$out/initramfs.gz
MODEMU_GUEST_BUSYBOX=$out/busybox
MODEMU_GUEST_KVER=$kver
EOF
}

finish() {
  emit_env > "$out/guest.env"
  if [ "$print_env" = 1 ]; then emit_env; else
    log "kernel:    $out/vmlinuz"
    log "initramfs: $out/initramfs.gz"
    log "busybox:   $out/busybox (host-side reference runs)"
  fi
}

if [ "$force" = 0 ] && [ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$stamp" ] \
   && [ -f "$out/vmlinuz" ] && [ -f "$out/initramfs.gz" ] && [ -x "$out/busybox" ]; then
  log "up to date ($kernel_pkg)"
  finish
  exit 0
fi

[ "$no_build" = 0 ] || die "the guest for kernel $kver is not built in $out"

for tool in apt-get dpkg-deb depmod cpio gzip; do
  command -v "$tool" >/dev/null || die "'$tool' is missing (scripts/install-deps.sh installs it)"
done

mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/modemu-guest.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# apt-get download drops privileges to _apt where it can; let it write here.
chmod 755 "$work"
mkdir "$work/debs"
chmod 777 "$work/debs"

# 2. Fetch and unpack the packages.
log "downloading $kernel_pkg busybox-static"
(cd "$work/debs" && apt-get download -q "$kernel_pkg" busybox-static 2>&1 \
  | grep -v "unsandboxed as root" >&2) || true
ls "$work/debs"/"$kernel_pkg"_*.deb >/dev/null 2>&1 || unreachable "apt-get download $kernel_pkg failed"
ls "$work/debs"/busybox-static_*.deb >/dev/null 2>&1 || unreachable "apt-get download busybox-static failed"
mkdir "$work/kernel" "$work/busybox"
dpkg-deb -x "$work/debs"/"$kernel_pkg"_*.deb "$work/kernel"
dpkg-deb -x "$work/debs"/busybox-static_*.deb "$work/busybox"
moddir="$work/kernel/lib/modules/$kver"
[ -f "$work/kernel/boot/vmlinuz-$kver" ] || die "no boot/vmlinuz-$kver in $kernel_pkg"
[ -d "$moddir" ] || die "no lib/modules/$kver in $kernel_pkg"

# 3. The package has no modules.dep (its postinst runs depmod): make one.
depmod -b "$work/kernel" "$kver"

# 4. Resolve the wanted modules and all their dependencies from modules.dep.
#    Module names match file names with '-' and '_' treated alike.
resolve_modules() {
  awk -v wanted="$*" '
    function norm(s) { gsub(/-/, "_", s); return s }
    function base(p,  n) { n = p; sub(/.*\//, "", n); sub(/\.ko(\.[a-z]+)?$/, "", n); return norm(n) }
    function add(name,  i, n, d) {
      if (name in done) return
      if (!(name in path)) { print "MISSING " name; return }
      done[name] = 1
      n = split(deps[name], d, " ")
      for (i = 1; i <= n; i++) add(base(d[i]))
      print path[name]
    }
    {
      sub(/:$/, "", $1); key = base($1); path[key] = $1
      deps[key] = ""
      for (i = 2; i <= NF; i++) deps[key] = deps[key] " " $i
    }
    END { n = split(wanted, w, " "); for (i = 1; i <= n; i++) add(norm(w[i])) }
  ' "$moddir/modules.dep"
}
mapfile -t module_paths < <(resolve_modules "${WANTED_MODULES[@]}")
root="$work/root"
mkdir -p "$root"/{bin,sbin,dev,proc,sys,tmp,run,mnt,etc,root,lib/modules/"$kver"}
count=0
for p in "${module_paths[@]}"; do
  case "$p" in MISSING\ *) die "kernel $kver has no module ${p#MISSING }";; esac
  mkdir -p "$root/lib/modules/$kver/$(dirname "$p")"
  src="$moddir/$p"
  dst="$root/lib/modules/$kver/$p"
  # busybox insmod cannot read compressed modules: store them plain.
  case "$p" in
    *.ko.xz) xz -dc "$src" > "${dst%.xz}" ;;
    *.ko.zst) zstd -qdc "$src" > "${dst%.zst}" ;;
    *.ko.gz) gzip -dc "$src" > "${dst%.gz}" ;;
    *) cp "$src" "$dst" ;;
  esac
  count=$((count + 1))
done
cp "$moddir"/modules.order "$moddir"/modules.builtin "$moddir"/modules.builtin.modinfo \
  "$root/lib/modules/$kver/" 2>/dev/null || true
depmod -b "$root" "$kver"
log "$count modules (${WANTED_MODULES[*]} and their dependencies)"

# 5. busybox, /init and the scenarios.
cp "$work/busybox/bin/busybox" "$root/bin/busybox"
ln -s busybox "$root/bin/sh"
cp "$here/init" "$root/init"
chmod 755 "$root/init"
mkdir -p "$root/etc/modemu"
cp "$here"/scenarios/*.sh "$root/etc/modemu/"
echo "$kver" > "$root/etc/modemu/kernel-version"
if [ "$(id -u)" = 0 ]; then
  # The kernel's built-in initramfs has /dev/console too; these help older kernels.
  mknod -m 600 "$root/dev/console" c 5 1
  mknod -m 666 "$root/dev/null" c 1 3
fi

# 6. Pack: cpio newc, gzip; reproducible order and owners.
(cd "$root" && find . -mindepth 1 | LC_ALL=C sort \
  | cpio --quiet -o -H newc -R 0:0 --reproducible) | gzip -9n > "$work/initramfs.gz"

cp "$work/kernel/boot/vmlinuz-$kver" "$out/vmlinuz.tmp" && mv "$out/vmlinuz.tmp" "$out/vmlinuz"
mv "$work/initramfs.gz" "$out/initramfs.gz"
cp "$work/busybox/bin/busybox" "$out/busybox.tmp" && mv "$out/busybox.tmp" "$out/busybox"
chmod 755 "$out/busybox"
echo "$stamp" > "$out/.stamp"
log "built for kernel $kver ($(du -k "$out/initramfs.gz" | cut -f1) KiB initramfs)"
finish
