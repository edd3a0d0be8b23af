#!/usr/bin/env python3
"""CPU time (user + system) of `lint` over the release archive against its floor.

The targets (#18 item 8): `lint --schema release` over the 55,167 releases within
1.5x the CPU of merely reading every file, and lint with a masthead.toml that maps
the release schema over the whole archive within 1.2x of `--schema release`. The
floor is `benches/floor.rs`: lint's walk (same order, same read calls) reading every
file into one buffer and checking nothing.

    python3 benches/lint_cpu.py ARCHIVE [--runs 7] [--jobs 1] [--lint BIN]...

ARCHIVE is the extracted beehive-releases.tar.zst (outside the repository). The
script builds the lint example and the floor in release mode unless `--lint` names
binaries (several compare builds, e.g. before and after a change, run in turn). The
config case runs on a hard-linked copy of the archive beside it (SCRATCH, default
`ARCHIVE/../lint-cpu`), whose folder holds the masthead.toml and the schema file.
Each round runs every command once, in turn, so that the machine's load moves them
alike; the medians, their ratios, the median of each round's own ratios and the
load averages are printed. On a shared machine compare medians of many runs, and
`--jobs 1` (one checking thread).
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def built(args, what):
    """The path of a release artifact built by `cargo args`, named `what`."""
    out = subprocess.run(
        ["cargo", *args, "--locked", "--release", "--message-format=json"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if (msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == what
                and msg.get("executable")):
            return msg["executable"]
    sys.exit(f"{what} was not built")


def cpu(cmd):
    """User and system seconds of one run of `cmd` (its output discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        sys.exit(f"{cmd} exited {p.returncode}: {p.stderr[-500:]}")
    return (after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime)


def config_copy(archive, scratch):
    """A hard-linked copy of the archive under `scratch`, with a masthead.toml
    mapping the release schema over all of it."""
    copy = os.path.join(scratch, "releases")
    if not os.path.isdir(copy):
        os.makedirs(scratch, exist_ok=True)
        subprocess.run(["cp", "-al", archive, copy], check=True)
    shutil.copy(os.path.join(ROOT, "examples", "release.schema.json"), scratch)
    with open(os.path.join(scratch, "masthead.toml"), "w", encoding="utf-8") as f:
        f.write('[schemas]\n"release.schema.json" = "releases/**"\n')
    return copy


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("archive")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=0, help="lint -j (default: lint's own)")
    ap.add_argument("--lint", action="append", help="lint binaries to compare")
    ap.add_argument("--floor", help="the floor binary")
    ap.add_argument("--scratch")
    a = ap.parse_args()
    archive = os.path.abspath(a.archive)
    scratch = a.scratch or os.path.join(os.path.dirname(archive), "lint-cpu")
    lints = a.lint or [built(["build", "--example", "lint"], "lint")]
    floor = a.floor or built(["build", "-p", "masthead-benches", "--bench", "floor"], "floor")
    copy = config_copy(archive, scratch)
    jobs = ["-j", str(a.jobs)] if a.jobs else []
    cmds = [("floor", [floor, archive])]
    for i, lint in enumerate(lints):
        tag = f" [{i}]" if len(lints) > 1 else ""
        cmds.append((f"--schema release{tag}", [lint, *jobs, "--schema", "release", archive]))
        cmds.append((f"masthead.toml{tag}", [lint, *jobs, copy]))
    for _, cmd in cmds:  # warm the page cache and the binaries
        cpu(cmd)
    load = os.getloadavg()
    times = {name: [] for name, _ in cmds}
    for _ in range(a.runs):
        for name, cmd in cmds:
            times[name].append(cpu(cmd))
    after = os.getloadavg()
    total = {name: [u + s for u, s in t] for name, t in times.items()}
    med = {name: statistics.median(t) for name, t in total.items()}
    print(f"runs {a.runs}, jobs {a.jobs or 'default'}, load average "
          f"{load[0]:.2f} before, {after[0]:.2f} after")
    for i, lint in enumerate(lints):
        print(f"[{i}] {lint}" if len(lints) > 1 else lint)
    for name, t in times.items():
        user = statistics.median(u for u, _ in t)
        system = statistics.median(s for _, s in t)
        runs = " ".join(f"{x:.2f}" for x in total[name])
        print(f"{name:<24} median {med[name]:.3f} s (user {user:.3f}, sys {system:.3f})  "
              f"runs {runs}")
    for i in range(len(lints)):
        tag = f" [{i}]" if len(lints) > 1 else ""
        r = med[f"--schema release{tag}"]
        c = med[f"masthead.toml{tag}"]
        print(f"ratios{tag}: --schema release / floor {r / med['floor']:.2f} (target 1.5), "
              f"masthead.toml / --schema release {c / r:.2f} (target 1.2)")
        # The floor's system time drifts over minutes; the commands of one round run
        # seconds apart, so the ratio within each round follows less of the drift.
        rounds = [(rel / fl, cfg / rel) for fl, rel, cfg in
                  zip(total["floor"], total[f"--schema release{tag}"], total[f"masthead.toml{tag}"])]
        print(f"  per round{tag}: --schema release / floor median "
              f"{statistics.median(x for x, _ in rounds):.2f} "
              f"(range {min(x for x, _ in rounds):.2f} to {max(x for x, _ in rounds):.2f}), "
              f"masthead.toml / --schema release median "
              f"{statistics.median(y for _, y in rounds):.2f}")


if __name__ == "__main__":
    main()
