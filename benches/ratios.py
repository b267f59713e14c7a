#!/usr/bin/env python3
"""Prints the figures of benches/README.md from criterion's saved estimates.

Run after `cargo bench --bench parse` and/or `cargo bench --bench scaling`:

    python3 benches/ratios.py [target/criterion]

* e2e/*: MB/s of the line-splitting baseline, of `parse` and `parse_bytes`, and the ratio
  parse time / baseline time (target: <= 10, and parse >= 200 MB/s on `all`).
* scaling/*: time per size and the ratio of each 4x step (linear: ~4).

Uses the median of criterion's samples (robust to the noise of a shared machine).
"""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
groups = {}
for bench in root.glob("**/new/benchmark.json"):
    meta = json.loads(bench.read_text())
    est = json.loads((bench.parent / "estimates.json").read_text())
    ns = est["median"]["point_estimate"]
    nbytes = (meta.get("throughput") or {}).get("Bytes", 0)
    groups.setdefault(meta["group_id"], {})[meta["value_str"] or meta["function_id"]] = (ns, nbytes)


def mbps(ns, nbytes):
    return nbytes / ns * 1e3 if ns else 0.0  # bytes/ns = GB/s; *1e3 = MB/s


e2e = sorted(g for g in groups if g.startswith("e2e/"))
if e2e:
    print(f"{'input':<10} {'bytes':>7} {'baseline MB/s':>14} {'parse MB/s':>11} "
          f"{'parse_bytes MB/s':>17} {'parse/baseline':>15}")
    for g in e2e:
        b = groups[g]
        base, parse, pb = b.get("baseline_lines"), b.get("parse"), b.get("parse_bytes")
        if not (base and parse):
            continue
        print(f"{g[4:]:<10} {parse[1]:>7} {mbps(*base):>14.0f} {mbps(*parse):>11.1f} "
              f"{(mbps(*pb) if pb else 0):>17.1f} {parse[0] / base[0]:>14.1f}x")

scaling = sorted(g for g in groups if g.startswith("scaling/"))
if scaling:
    print("\nscaling (median time per size; each step is 4x the input; linear ~ x4.0)")
    for g in scaling:
        sizes = sorted(groups[g].items(), key=lambda kv: kv[1][1])
        parts, prev = [], None
        for label, (ns, nbytes) in sizes:
            part = f"{label} {ns / 1e6:.3f} ms ({mbps(ns, nbytes):.0f} MB/s)"
            if prev:
                part += f" x{ns / prev:.1f}"
            parts.append(part)
            prev = ns
        print(f"{g[8:]:>14}: " + "  ".join(parts))

if "stages" in groups:
    st = groups["stages"]
    parse = st.get("parse")
    print("\nstages (all samples per iteration; time as a share of the end-to-end parse)")
    for name, (ns, nbytes) in sorted(st.items(), key=lambda kv: kv[1][0]):
        share = f"{ns / parse[0] * 100:5.1f}%" if parse else ""
        print(f"{name:>15}: {ns / 1e3:9.1f} us  {mbps(ns, nbytes):8.1f} MB/s  {share}")
