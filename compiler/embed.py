#!/usr/bin/env python3
"""embed.py IN OUT SYMBOL: write a C file defining SYMBOL[] (the bytes of IN,
NUL-terminated) and SYMBOL_len.  Used by the build to compile stdlib.sn into
the compiler."""
import sys

data = open(sys.argv[1], "rb").read()
sym = sys.argv[3]
with open(sys.argv[2], "w") as out:
    out.write("/* generated from %s by embed.py; do not edit */\n" % sys.argv[1].split("/")[-1])
    out.write("const char %s[] = {\n" % sym)
    for i in range(0, len(data), 16):
        out.write("  " + ", ".join("%d" % b for b in data[i:i + 16]) + ",\n")
    out.write("  0\n};\nconst unsigned long %s_len = %d;\n" % (sym, len(data)))
