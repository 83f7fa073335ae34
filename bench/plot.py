#!/usr/bin/env python3
"""plot.py BENCH.json OUT.png [T]: bar chart of the fraction of copy bandwidth
per chain at T (default the largest): sinter, torch.compile, eager."""
import json
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

data = json.load(open(sys.argv[1]))
rows = data["rows"]
T = int(sys.argv[3]) if len(sys.argv) > 3 else max(r["T"] for r in rows)
rows = [r for r in rows if r["T"] == T]
names = [r["chain"] for r in rows]
x = range(len(rows))
w = 0.27
fig, ax = plt.subplots(figsize=(11, 4.8))
for k, (key, label) in enumerate([("sinter_frac", "sinter"), ("compile_frac", "torch.compile"),
                                  ("eager_frac", "PyTorch eager")]):
    ax.bar([i + (k - 1) * w for i in x], [r[key] for r in rows], w, label=label)
ax.axhline(0.9, color="grey", linestyle="--", linewidth=1)
ax.set_xticks(list(x))
ax.set_xticklabels(names, rotation=20, ha="right", fontsize=8)
ax.set_ylabel("fraction of device copy bandwidth")
ax.set_title(f"{data['device']}, T={T}, {data['date']} (copy {data['copy_GBs']:.0f} GB/s)")
ax.set_ylim(0, max(1.0, max(r[k] for r in rows for k in ("sinter_frac", "compile_frac",
                                                          "eager_frac"))) * 1.18)
ax.legend(loc="upper center", ncol=3)  # above the bars, not over one
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=110)
