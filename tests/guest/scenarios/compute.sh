# The `compute` scenario: deterministic work from a seed whose every output
# byte the host checks by running this same script with the same static
# busybox natively (tests/guest/check-compute.sh).  Differences can then only
# come from the CPU that ran it.
#
# Usage: BB=<busybox> <busybox> sh compute.sh SEED LINES WORKDIR
# Prints name=value lines.  Tools are always called as "$BB applet" so a host
# run uses busybox's applets, not the host's own awk/sort/gzip.
set -e
BB=${BB:-busybox}
seed=$1 lines=$2 dir=$3
data=$dir/data

# Park-Miller generator: x*16807 stays below 2^46, exact in awk's doubles.
$BB awk -v seed="$seed" -v n="$lines" 'BEGIN {
  x = seed % 2147483647; if (x <= 0) x += 2147483646
  letters = "abcdefghijklmnopqrstuvwxyz0123456789"
  for (i = 0; i < n; i++) {
    x = (x * 16807) % 2147483647
    len = 4 + x % 29
    w = ""
    for (j = 0; j < len; j++) {
      x = (x * 16807) % 2147483647
      w = w substr(letters, 1 + x % 36, 1)
    }
    x = (x * 16807) % 2147483647
    printf "%d %s %d\n", x, w, i
  }
}' > "$data"

echo "data_bytes=$($BB wc -c < "$data" | $BB tr -d ' ')"
echo "data_sha256=$($BB sha256sum < "$data" | $BB cut -d' ' -f1)"
echo "data_md5=$($BB md5sum < "$data" | $BB cut -d' ' -f1)"

# gzip round trip: the compressed bytes (deterministic with -n) and the
# decompressed result must both match.
$BB gzip -9 -n -c "$data" > "$data.gz"
echo "gzip_bytes=$($BB wc -c < "$data.gz" | $BB tr -d ' ')"
echo "gzip_sha256=$($BB sha256sum < "$data.gz" | $BB cut -d' ' -f1)"
echo "gunzip_sha256=$($BB gunzip -c "$data.gz" | $BB sha256sum | $BB cut -d' ' -f1)"

# Sorts: plain (byte order), numeric on the first field, and by the word.
echo "sort_sha256=$(LC_ALL=C $BB sort "$data" | $BB sha256sum | $BB cut -d' ' -f1)"
echo "sort_n_sha256=$($BB sort -n -k1,1 "$data" | $BB sha256sum | $BB cut -d' ' -f1)"
echo "sort_k2_sha256=$(LC_ALL=C $BB sort -k2,2 -k3,3n "$data" | $BB sha256sum | $BB cut -d' ' -f1)"

# Floating point (Debian's busybox awk has no libm functions): IEEE-exact
# operations (+ - * /) whose results are formatted with 17 significant digits,
# a Newton square root, and the %.17g text of every intermediate value.
$BB awk '
function newton_sqrt(a,  r, k) { r = a > 1 ? a / 2 : 1; for (k = 0; k < 40; k++) r = (r + a / r) / 2; return r }
{
  v = $1 / 2147483647
  s += v; s2 += v * v; h += 1 / ($1 + 1)
  p = p * 0.5 + v * 1.25
  if (NR <= 3000) { q += newton_sqrt($1); printf "%.17g %.17g %.6e\n", v, p, h > "/dev/stderr" }
} END {
  n = NR; mean = s / n
  printf "awk_fp_sum=%.17g\n", s
  printf "awk_fp_var=%.17g\n", s2 / n - mean * mean
  printf "awk_fp_sqrt=%.17g\n", q
  printf "awk_fp_harmonic=%.17g\n", h
  printf "awk_fp_recur=%.17g\n", p
  printf "awk_fp_fmt=%e|%f|%g|%.3f|%d\n", mean, s, h, q / n, int(q)
}' "$data" 2> "$dir/fp.txt"
echo "awk_fp_text_sha256=$($BB sha256sum < "$dir/fp.txt" | $BB cut -d' ' -f1)"
