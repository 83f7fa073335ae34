#!/usr/bin/env bash
set -u
OUT=${OUT:-/tmp/o}; mkdir -p $OUT
nvidia-smi --query-gpu=name,driver_version,clocks.max.sm --format=csv; date -u
for i in 1 2 3; do
  d=$(mktemp -d)
  timeout 180 python3 bench/bench.py --tokens 1,64 --out $d > $OUT/small-$i.log 2>&1; echo "small $i rc $?"
  grep -E "T= +[0-9]+ sinter" $OUT/small-$i.log | sed -E 's/ +eager +[0-9.]+ \([0-9.]+\)//; s/ +\(torch.compile output sets: [0-9]+\)//; s/ +mismatch ([0-9.]+)//; s/ +\(0\.[0-9]+\)//g; s/ +/ /g'
done
date -u
