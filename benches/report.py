"""Turns the estimates of `cargo bench -p masthead-benches --bench parse`
(target/criterion, the workspace's target folder) into
benches/results/rust.md (ns per document, MB/s, ratios) and the charts
benches/results/rust-split.svg and benches/results/rust-releases.svg.

Usage: python3 benches/report.py [TARGET_DIR]
       (after cargo bench -p masthead-benches --bench parse, on the full corpus: the
       curated set's releases group is `releases_curated`, which is not reported)
"""
import json
import os
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "target")
crit = os.path.join(target, "criterion")
out = os.path.join(root, "benches", "results")
os.makedirs(out, exist_ok=True)

# group -> (documents per iteration, reference tool for the ratio column)
GROUPS = {
    "split_reference": (1, "hand_split"),
    "split_body_1MiB": (1, "hand_split"),
    "split_body_64MiB": (1, "hand_split"),
    "split_no_front_matter": (1, "hand_split"),
    "from_str_release": (1, "baseline"),
    "validate_release": (1, "masthead"),
    "keys_200": (1, "baseline"),
    "releases_1999": (1999, "baseline"),
}


def load(group, tool):
    base = os.path.join(crit, group, tool, "new")
    est = json.load(open(os.path.join(base, "estimates.json")))
    bench = json.load(open(os.path.join(base, "benchmark.json")))
    return est["mean"]["point_estimate"], (bench.get("throughput") or {}).get("Bytes", 0)


def fmt_ns(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


table = {}
lines = []
for group, (docs, ref) in GROUPS.items():
    path = os.path.join(crit, group)
    if not os.path.isdir(path):
        continue
    tools = sorted(t for t in os.listdir(path) if os.path.isdir(os.path.join(path, t, "new")))
    rows = {t: load(group, t) for t in tools}
    table[group] = rows
    ours = rows.get("masthead", rows.get("masthead_split"))[0]
    refns = rows[ref][0] if ref in rows else None
    lines.append(f"\n### {group}\n")
    lines.append(f"| tool | ns per document | MB/s | ÷ {ref} | ÷ masthead |")
    lines.append("|---|---:|---:|---:|---:|")
    order = sorted(rows, key=lambda t: (not t.startswith("masthead"), rows[t][0]))
    for t in order:
        ns, nbytes = rows[t]
        mbs = nbytes / ns * 1e3 if nbytes else 0
        r = f"{ns / refns:.3g}" if refns else "–"
        lines.append(f"| {t} | {ns / docs:,.0f} | {mbs:,.0f} | {r} | {ns / ours:.3g} |")

load_avg = os.getloadavg()
rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
with open(os.path.join(out, "rust.md"), "w") as f:
    f.write(f"Criterion means from `cargo bench -p masthead-benches --bench parse`, "
            f"{rustc}, {os.cpu_count()} cores; "
            f"load average when this report was written: {load_avg[0]:.2f}.\n")
    f.write("\n".join(lines) + "\n")


def chart(group, title, log, name):
    if group not in table:
        return
    rows = table[group]
    docs = GROUPS[group][0]
    order = sorted(rows, key=lambda t: rows[t][0])
    data = {
        "title": title,
        "subtitle": f"criterion mean, ns per document, {os.cpu_count()} cores (machine load: BENCHMARKS.md)",
        "unit": "ns per document",
        "log": log,
        "bars": [{"label": t, "value": rows[t][0] / docs, "ours": t.startswith("masthead"),
                  "text": fmt_ns(rows[t][0] / docs)} for t in order],
    }
    spec = os.path.join(out, f"{name}-chart.json")
    json.dump(data, open(spec, "w"), indent=1)
    subprocess.run([sys.executable, os.path.join(root, "benches", "chart.py"), spec,
                    os.path.join(out, f"{name}.svg")], check=True)


chart("split_body_1MiB", "Split of the reference release with a 1 MiB body", True, "rust-split")
chart("releases_1999", "Typed parse of 1,999 real releases into Release", False, "rust-releases")
print(open(os.path.join(out, "rust.md")).read())
