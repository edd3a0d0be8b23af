#!/usr/bin/env bash
# The edit example (#14) on the bundled sample releases: it builds only what it needs;
# --dry-run writes nothing, and its diff, applied to one copy, gives exactly what a
# real run writes into another; a second run changes nothing; no temporary file is
# left; the broken samples are reported and left untouched (exit 1).
# Run from anywhere: `bash .ci/edit.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

python3 - <<'PY'
import subprocess
def tree(package, kinds):
    out = subprocess.check_output(["cargo", "tree", "--locked", "-p", package, "-e", kinds,
                                   "--prefix", "none", "--format", "{p}"], text=True)
    return {line.split()[0] for line in out.splitlines() if line.strip()}
edit = tree("masthead-edit", "normal,build,dev")
library = tree("masthead", "normal,build")
extra = sorted(edit - library)
print(f"edit builds {len(edit)} packages: the library's {len(library)} and {', '.join(extra)}")
allowed = {"masthead-edit", "walkdir", "same-file", "winapi-util"}
unexpected = [p for p in extra if p not in allowed]
assert not unexpected, f"edit builds packages it does not use: {unexpected}"
PY

cargo build --locked --release --example edit
edit="${CARGO_TARGET_DIR:-$root/target}/release/examples/edit"
edits=(--set updated=2026-11-28 --push tags=rust --remove draft)
sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }

status=0
before=$(sums examples/releases)
"$edit" --dry-run "${edits[@]}" examples/releases >"$scratch/dry.diff" 2>"$scratch/dry.err" || status=$?
tail -n 1 "$scratch/dry.err"
[ "$status" -eq 1 ] || { cat "$scratch/dry.err"; echo "edit --dry-run exited $status, expected 1"; exit 1; }
grep -qx '28 documents: 24 would edit, 0 unchanged, 4 with errors (left untouched)' "$scratch/dry.err" \
    || { echo "unexpected summary"; exit 1; }
[ "$(sums examples/releases)" = "$before" ] || { echo "edit --dry-run wrote to examples/releases"; exit 1; }

mkdir -p "$scratch/applied/examples" "$scratch/edited/examples"
cp -R examples/releases "$scratch/applied/examples/"
cp -R examples/releases "$scratch/edited/examples/"
(cd "$scratch/applied" && git apply -p0 "$scratch/dry.diff")
status=0
(cd "$scratch/edited" && "$edit" "${edits[@]}" examples/releases >"$scratch/run.out" 2>"$scratch/run.err") || status=$?
[ "$status" -eq 1 ] || { cat "$scratch/run.err"; echo "edit exited $status, expected 1"; exit 1; }
[ "$(grep -c '^edited ' "$scratch/run.out")" -eq 24 ] || { echo "expected 24 files edited"; exit 1; }
diff -r "$scratch/applied" "$scratch/edited" || { echo "the dry-run diff and the real run differ"; exit 1; }
leftovers=$(find "$scratch/edited" -name '*.edit-tmp')
[ -z "$leftovers" ] || { echo "temporary files left: $leftovers"; exit 1; }

# Again: the date is already set and draft gone, so nothing is rewritten.
status=0
(cd "$scratch/edited" && "$edit" --set updated=2026-11-28 --remove draft examples/releases >"$scratch/again.out" 2>"$scratch/again.err") || status=$?
tail -n 1 "$scratch/again.err"
[ "$status" -eq 1 ] && [ ! -s "$scratch/again.out" ] || { echo "a second run rewrote files"; exit 1; }
echo "edit: dry run, real run and second run agree"
