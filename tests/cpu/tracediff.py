#!/usr/bin/env python3
"""Finds the first differing register between two `-d cpu` logs.

Both QEMU (`qemu-system-x86_64 -accel tcg -singlestep -d cpu,nochain -D a.log`)
and modemu (`-d cpu -D b.log`) write one register dump per instruction in the
same format (RAX=... / RIP=... RFL=... / ES =sel base limit flags / CR0=...).
This walks both logs dump by dump and prints the first register whose value
differs, with the dump index and both RIPs.

    tracediff.py qemu.log modemu.log [--start-rip HEX] [--ignore REG,REG]

--start-rip skips each log to the first dump at that RIP (compare from a point
both reach, since interrupt timing differs); --ignore drops registers from the
comparison (e.g. CR2 or flags that a test leaves undefined).
"""
import argparse
import re
import sys

PAIR = re.compile(r"([A-Z][A-Z0-9 ]{1,3})\s*=\s*([0-9a-fA-F]+)")
SEG = re.compile(r"^(ES|CS|SS|DS|FS|GS|LDT|TR)\s*=([0-9a-f]{4}) ([0-9a-f]+) ([0-9a-f]+) ([0-9a-f]+)")


def dumps(path):
    """Yields one dict per register dump (a dump starts at the RAX/EAX line)."""
    cur = None
    with open(path, errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith(("RAX=", "EAX=")):
                if cur:
                    yield cur
                cur = {}
            if cur is None:
                continue
            m = SEG.match(line)
            if m:
                name = m.group(1)
                cur[name + ".sel"] = int(m.group(2), 16)
                cur[name + ".base"] = int(m.group(3), 16)
                cur[name + ".limit"] = int(m.group(4), 16)
                cur[name + ".flags"] = int(m.group(5), 16)
                continue
            for name, value in PAIR.findall(line):
                name = name.strip()
                if name in ("GDT", "IDT"):
                    continue
                cur[{"EIP": "RIP", "EFL": "RFL"}.get(name, name)] = int(value, 16)
    if cur:
        yield cur


def skip_to(it, rip):
    for d in it:
        if rip is None or d.get("RIP") == rip:
            yield d
            break
    yield from it


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference")
    ap.add_argument("candidate")
    ap.add_argument("--start-rip", type=lambda s: int(s, 16))
    ap.add_argument("--ignore", default="")
    args = ap.parse_args()
    ignore = {s.strip() for s in args.ignore.split(",") if s.strip()}
    a = skip_to(dumps(args.reference), args.start_rip)
    b = skip_to(dumps(args.candidate), args.start_rip)
    index = 0
    for da, db in zip(a, b):
        for key in da:
            if key in ignore or key not in db:
                continue
            if da[key] != db[key]:
                print(f"dump {index}: {key} differs: {args.reference}={da[key]:#x} "
                      f"{args.candidate}={db[key]:#x} (RIP {da.get('RIP', 0):#x} / "
                      f"{db.get('RIP', 0):#x})")
                return 1
        index += 1
    print(f"no difference in {index} dumps")
    return 0


if __name__ == "__main__":
    sys.exit(main())
