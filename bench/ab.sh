#!/usr/bin/env bash
# ab.sh - before/after: sinter alone, two builds, alternating on one GPU.
#
#   bench/ab.sh BASE_CHECKOUT [ROUNDS] [TOKENS]
#
# BASE_CHECKOUT is another checkout of sinter with its own build/ (the
# "before"); this checkout's build/ is the "after".  Each round runs
# bench.py --sinter-only for the base, then for this tree, so machine drift
# hits both alike; compare the rounds' ratios, not single numbers.  Tables go
# to $OUT/ab-{base,new}-ROUND.md (OUT defaults to /tmp/ab).
set -u
cd "$(dirname "$0")/.."
BASE=$1
ROUNDS=${2:-2}
TOKENS=${3:-1,64,16384}
OUT=${OUT:-/tmp/ab}
mkdir -p "$OUT"
for r in $(seq 1 "$ROUNDS"); do
    for side in base new; do
        if [ $side = base ]; then root=$BASE; else root=.; fi
        d=$(mktemp -d)
        python3 bench/bench.py --sinter-only --tokens "$TOKENS" --out "$d" \
            --examples "$root/examples" --sinter "$root/build/compiler/sinter" \
            --lib "$root/build/runtime/libsinter.so" > "$OUT/ab-$side-$r.log" 2>&1
        echo "$side round $r: rc $?"
        cp "$d/bench.md" "$OUT/ab-$side-$r.md" 2>/dev/null
    done
done
# one line per chain and T: base us, new us, new/base, per round
python3 - "$OUT" "$ROUNDS" <<'PY'
import re, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def rows(path):
    t = {}
    for line in open(path):
        m = re.match(r"\| (.+?) \| (\d+) \| ([0-9.]+) \| ([0-9.]+) \|", line)
        if m:
            t[(m[1], int(m[2]))] = float(m[3])
    return t
for r in range(1, rounds + 1):
    try:
        b, n = rows(f"{out}/ab-base-{r}.md"), rows(f"{out}/ab-new-{r}.md")
    except OSError as e:
        print("round", r, "missing:", e)
        continue
    for k in sorted(b):
        if k in n:
            print(f"round {r} {k[0]:34s} T={k[1]:6d} base {b[k]:8.2f} us new {n[k]:8.2f} us"
                  f"  new/base {n[k] / b[k]:.3f}")
PY
