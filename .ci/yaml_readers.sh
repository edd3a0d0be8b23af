#!/usr/bin/env bash
# Other YAML readers read back every string masthead writes (#14): a generated set
# of tricky strings, written by masthead (by `compose`, and again by the Editor as
# block-list items and pushed onto a flow list), read by PyYAML (YAML 1.1) and by js-yaml
# 4 (Astro) and 3 (gray-matter); any string that comes back different fails.
# Installs what it needs into a temp dir; needs python3, pip, node and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

python3 -m pip install --quiet --target "$scratch/py" pyyaml
(cd "$scratch" && mkdir js4 js3 \
    && npm install --silent --prefix js4 js-yaml@4 >/dev/null \
    && npm install --silent --prefix js3 js-yaml@3 >/dev/null)

MASTHEAD_TRICKY_OUT="$scratch" cargo test --locked --quiet --test it -- \
    --ignored --exact compat::tricky_strings_for_other_readers >/dev/null

status=0
for doc in tricky edited-block edited-flow; do
    echo "$doc.md:"
    PYTHONPATH="$scratch/py" python3 .ci/yaml_readers.py "$scratch/$doc.md" "$scratch/expected.json" || status=1
    for v in 4 3; do
        NODE_PATH="$scratch/js$v/node_modules" node .ci/yaml_readers.js "$scratch/$doc.md" \
            "$scratch/expected.json" "js-yaml $v" || status=1
    done
done
exit "$status"
