#!/bin/bash
# gio embed end to end, two builds interleaved (gio-bench/docs/text.md, "End to end after profiling").
# Usage: embed-end-to-end.sh BEFORE_GIO AFTER_GIO INPUT.txt [OUTDIR]
#   BEFORE_GIO / AFTER_GIO: a gio launcher each (./gio of a checkout, or bin/gio of an unpacked
#   gio-cli/target/gio-*-bin.tar.gz). Run it under `flock /tmp/bench.lock` on a shared machine.
# Prints wall time, process CPU (user + system), lines/s and CPU seconds per 1,000 lines, the
# load average before each run, the hashed embedder as anchor, and whether the outputs agree.
set -euo pipefail
before=$1; after=$2; in=$3; out=${4:-$(mktemp -d)}
n=$(wc -l < "$in")
one() { # label launcher embedder
  local load t w us sy
  load=$(cut -d' ' -f1 /proc/loadavg)
  t=$(mktemp)
  /usr/bin/time -f "%e %U %S" -o "$t" "$2" embed --input "$in" --out "$out/$1.npy" --embedder "$3" -q
  read -r w us sy < "$t"; rm -f "$t"
  python3 -c "w,c=$w,$us+$sy; print('%-10s %-9s load %5s  wall %6.1f s  cpu %6.1f s  %6.0f lines/s  cpu s/1000 lines %.3f' % ('$1','$3','$load',w,c,$n/w,c/$n*1000))"
}
echo "$in: $n lines; $(uptime)"
one hashed "$after" hashed
for m in minilm-q minilm; do
  one "before-$m" "$before" "$m"
  one "after-$m" "$after" "$m"
done
one hashed2 "$after" hashed
for m in minilm-q minilm; do
  cmp -s "$out/before-$m.npy" "$out/after-$m.npy" && echo "$m: byte-identical" || echo "$m: outputs differ"
done
echo "outputs in $out; $(uptime)"
