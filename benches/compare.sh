#!/usr/bin/env bash
# lint over the whole release archive beside python-frontmatter and gray-matter
# (JavaScript) doing the same checks, measured in one run.
#
#   bash benches/compare.sh [SCRATCH]     (default: ${TMPDIR:-/tmp}/masthead-compare)
#
# Installs python-frontmatter into a venv and gray-matter into a node folder, both
# under SCRATCH (never in the repository), extracts beehive-releases.tar.zst of the
# full corpus ($MASTHEAD_CORPUS, by default ../shared/corpus) there, builds the lint
# example, warms the page cache, then times each tool RUNS times (wall and CPU of the
# child, median wall kept) and writes benches/results/lint.{json,md,svg}. Needs
# python3 (with venv), node and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch=${1:-${TMPDIR:-/tmp}/masthead-compare}
runs=${RUNS:-3}
corpus=${MASTHEAD_CORPUS:-$root/../shared/corpus}
out="$root/benches/results"
mkdir -p "$scratch" "$out"
step() { printf '\n==> %s\n' "$*"; }

step "tools into $scratch"
[ -x "$scratch/venv/bin/python" ] || python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet --disable-pip-version-check python-frontmatter==1.1.0
[ -d "$scratch/node/node_modules/gray-matter" ] ||
    npm install --silent --no-audit --no-fund --prefix "$scratch/node" gray-matter@4.0.3
cargo build --locked --release --quiet --example lint
lint="${CARGO_TARGET_DIR:-$root/target}/release/examples/lint"

step "the archive"
archive="$scratch/releases"
[ -d "$archive" ] || tar --zstd -xf "$corpus/beehive-releases.tar.zst" -C "$scratch"
find "$archive" -type f -name '*.md' -print0 | xargs -0 cat >/dev/null # page cache

step "measuring ($runs runs each)"
NODE_PATH="$scratch/node/node_modules" "$scratch/venv/bin/python" - "$runs" "$out" \
    "$lint" "$archive" "$scratch/venv/bin/python" "$root/benches" <<'PY'
import json, os, platform, resource, statistics, subprocess, sys, time

runs, out, lint, archive, python, benches = sys.argv[1:]
runs = int(runs)
tools = [
    ("masthead lint", [lint, "--schema", "release", archive], True),
    ("masthead lint -j 1", [lint, "-j", "1", "--schema", "release", archive], True),
    ("masthead lint --header-only", [lint, "--header-only", "--schema", "release", archive], True),
    ("python-frontmatter 1.1.0", [python, f"{benches}/check_release.py", archive], False),
    ("gray-matter 4.0.3 (node)", ["node", f"{benches}/check_release.js", archive], False),
    ("cat (reading only)", ["sh", "-c", f"find {archive} -type f -name '*.md' -print0 | xargs -0 cat >/dev/null"], False),
]

def once(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode not in (0, 1):
        sys.exit(f"{cmd[0]} exited {p.returncode}: {p.stderr[-500:]}")
    summary = (p.stdout.strip().splitlines() or [""])[-1]
    return wall, cpu, summary

load_before = os.getloadavg()
results = []
for name, cmd, ours in tools:
    samples = [once(cmd) for _ in range(runs)]
    walls = [s[0] for s in samples]
    mid = sorted(samples)[len(samples) // 2]
    results.append({"tool": name, "ours": ours, "wall_s": round(statistics.median(walls), 3),
                    "wall_all_s": [round(w, 3) for w in walls], "cpu_s": round(mid[1], 3),
                    "summary": mid[2]})
    print(f"{name:<30} wall {statistics.median(walls):6.2f} s  cpu {mid[1]:6.2f} s  {mid[2]}")
load_after = os.getloadavg()
documents = sum(1 for _, _, fs in os.walk(archive) for f in fs if f.endswith(".md"))
meta = {"documents": documents, "runs": runs, "cores": os.cpu_count(),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in load_after],
        "machine": platform.platform(), "date": time.strftime("%Y-%m-%d %H:%M")}
json.dump({"meta": meta, "results": results}, open(f"{out}/lint.json", "w"), indent=1)

base = next(r for r in results if r["tool"] == "masthead lint")
with open(f"{out}/lint.md", "w") as f:
    f.write(f"{documents} releases, median of {runs} runs, {meta['cores']} cores, "
            f"load average {load_before[0]:.2f} before and {load_after[0]:.2f} after "
            f"({meta['date']}).\n\n")
    f.write("| tool | wall s | CPU s | wall vs masthead lint | result |\n|---|---:|---:|---:|---|\n")
    for r in results:
        f.write(f"| {r['tool']} | {r['wall_s']:.2f} | {r['cpu_s']:.2f} | "
                f"{r['wall_s'] / base['wall_s']:.1f}x | {r['summary']} |\n")
chart = {"title": f"Checking {documents:,} press releases (release schema)",
         "subtitle": f"wall time, median of {runs} runs; {meta['cores']} cores, load {load_before[0]:.1f}",
         "unit": "seconds of wall time (CPU time in brackets)",
         "bars": [{"label": r["tool"], "value": r["wall_s"], "ours": r["ours"],
                   "text": f"{r['wall_s']:.2f} s ({r['cpu_s']:.2f} s CPU)"} for r in results]}
json.dump(chart, open(f"{out}/lint-chart.json", "w"), indent=1)
PY
python3 benches/chart.py "$out/lint-chart.json" "$out/lint.svg"
step "results"
cat "$out/lint.md"
echo "wrote $out/lint.json, $out/lint.md and $out/lint.svg"
