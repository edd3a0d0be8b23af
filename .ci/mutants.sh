#!/usr/bin/env bash
# .ci/run's mutation step (#17): a time-boxed cargo-mutants run over the core modules
# already cleaned of missed mutants; it fails on a missed mutant. Run it alone with
# `bash .ci/mutants.sh` (after `cargo test --features toml`, so that target/ is warm).
#
# Which mutants: those in the lines of src/ changed since the last release tag
# (`v*`); while there is no tag, shard K of N (`--shard K/N`), K the UTC day of the
# year modulo N, so that consecutive days cover every cleaned mutant in N days.
# MASTHEAD_MUTANTS_SHARD=K/N picks a shard by hand. The run stops after
# MASTHEAD_MUTANTS_SECONDS (600 by default) and passes with what it ran.
#
# cargo-mutants is installed at the version pinned below when it is missing or at
# another version: 4 to 15 minutes on 2 cores, outside the time box, once per machine.
set -euo pipefail
cd "$(dirname "$0")/.."

# The pinned cargo-mutants, installed with its own Cargo.lock.
version=27.1.0
# The modules of .cargo/mutants.toml's core with 0 missed mutants (CONTRIBUTING.md,
# "Mutation testing"): widen it as more are cleaned.
cleaned='^src/(split|span|limits|path|tree|header|toml|compat|write|value)\.rs:|^src/yaml/(limits|explain|fast/text|fast/keys|fast/mod|fast/scalar|fast/de|fast/parser|locate|quote|mod|relaxed|shape)\.rs:|^src/validate/(mod|emit|refine|run|json/convert|json/custom|json/pointer|json/describe|json/mod|schema|rule)\.rs:|^src/edit/(mod|check|layout|path|render|yaml)\.rs:'
# About 14 mutants a shard (of the 2,140 cleaned): what 10 minutes test on 2 cores.
# Widen it with `cleaned`: a shard the box cuts off leaves its last mutants untested.
shards=150
box=${MASTHEAD_MUTANTS_SECONDS:-600}

if [ "$(cargo mutants --version 2>/dev/null)" != "cargo-mutants $version" ]; then
    echo "installing cargo-mutants $version"
    cargo install --locked cargo-mutants --version "$version"
fi
cargo mutants --version

scratch=$(mktemp -d)
# cargo-mutants copies the tree (target/ included) under TMPDIR; a run cut off by the
# time box may leave its copy behind.
trap 'rm -rf "$scratch"' EXIT

tag=$(git describe --tags --abbrev=0 --match 'v*' 2>/dev/null || true)
if [ -n "$tag" ]; then
    git diff "$tag" -- src >"$scratch/since-tag.diff"
    if [ ! -s "$scratch/since-tag.diff" ]; then
        echo "mutants: src/ has not changed since $tag"
        exit 0
    fi
    which=(--in-diff "$scratch/since-tag.diff")
elif [ -n "${MASTHEAD_MUTANTS_SHARD:-}" ]; then
    which=(--shard "$MASTHEAD_MUTANTS_SHARD")
else
    which=(--shard "$((10#$(date -u +%j) % shards))/$shards")
fi
echo "mutants: ${which[*]}${tag:+ (since $tag)}, at most ${box}s"
cargo mutants --list --re "$cleaned" "${which[@]}" >"$scratch/list.txt"
echo "$(wc -l <"$scratch/list.txt") mutants"

# A copy of the tree (never the checkout itself) with a copy of the warm target/
# (`copy_target` in .cargo/mutants.toml); no baseline: .ci/run has just run these
# tests. The first build in the copy rebuilds the dependencies for this one package
# and its features (1 to 2 minutes); then a mutant takes 20 s to a minute on 2 busy
# cores, and one whose tests run past 3 minutes (a hang) counts as a timeout.
status=0
TMPDIR="$scratch" timeout -k 60 -s INT "$box" \
    cargo mutants -j 1 --baseline skip --timeout 180 --build-timeout 600 \
    --re "$cleaned" "${which[@]}" -o "$scratch" >"$scratch/mutants.log" 2>&1 || status=$?
grep -E '^(MISSED|TIMEOUT)' "$scratch/mutants.log" || true

out="$scratch/mutants.out"
for f in caught missed timeout unviable; do
    printf '%s %s\n' "$(cat "$out/$f.txt" 2>/dev/null | wc -l)" "$f"
done
if [ -s "$out/missed.txt" ]; then
    echo "missed mutants: each needs a test that kills it, or an exclusion with its reason in .cargo/mutants.toml"
    exit 1
fi
# 0: all caught; 3: some timed out (the tests caught a hang); 124, 137: the time box.
# Anything else (1: usage, 4: the tree does not build or its tests fail) fails.
case $status in
    0 | 3) ;;
    124 | 137) echo "time box reached: the rest of the shard is left for another day" ;;
    *)
        tail -n 30 "$scratch/mutants.log"
        echo "cargo mutants exited $status"
        exit 1
        ;;
esac
