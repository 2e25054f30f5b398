# The `loop` scenario: a CPU-bound busybox shell loop that runs for SECONDS of
# guest time and prints how many iterations it made (bench/boot turns that
# into guest instructions per host second).  The clock is read with the `read`
# builtin from /proc/uptime every 1000 iterations, so no process is forked.
#
# Usage: <busybox> sh loop.sh SECONDS
seconds=$1

# /proc/uptime as centiseconds ("12.05" -> 1205; no octal surprises).
uptime_cs() {
  read up _ < /proc/uptime
  frac=${up#*.}
  frac=${frac#0}
  now=$(( ${up%.*} * 100 + frac ))
}

uptime_cs
start=$now
end=$(( start + seconds * 100 ))
i=0
while [ "$now" -lt "$end" ]; do
  j=0
  while [ $j -lt 1000 ]; do j=$((j + 1)); done
  i=$((i + 1000))
  uptime_cs
done
echo "loop_centiseconds=$(( now - start ))"
echo "loop_iterations=$i"
