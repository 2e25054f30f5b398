#!/usr/bin/env bash
# The executable and libmodemu must not link GUI, SPICE, SDL, slirp, VNC,
# TLS or USB libraries: those belong to the plugins that need them.
set -u
status=0
for f in "$@"; do
  deps=$(ldd "$f") || { echo "ldd failed on $f"; exit 1; }
  bad=$(echo "$deps" | grep -iE 'gtk|gdk|sdl|spice|slirp|vnc|gnutls|libusb|usbredir|libX11|wayland' || true)
  if [ -n "$bad" ]; then
    echo "FAIL: $f links: $bad"
    status=1
  else
    echo "ok: $f links $(echo "$deps" | wc -l) libraries, none of them UI/network-stack/USB"
  fi
done
exit $status
