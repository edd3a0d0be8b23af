"""The crate's top-level modules (a folder counts as one) must not import each other
in a cycle: data types at the bottom, the bridges above them, the entry points on top.

Reads every `crate::NAME` reference in src/ outside test code (a file's lines from its
first `#[cfg(test)]` on, and files named tests.rs or under a `differential` folder, are
test code; comments and doc links do not count), prints the graph, and exits 1 with the cycle when there is one.
"""
import pathlib
import re
import sys

src = pathlib.Path(__file__).resolve().parent.parent / "src"
edges = {}
for path in sorted(src.rglob("*.rs")):
    rel = path.relative_to(src)
    if rel.name == "lib.rs" or rel.name == "tests.rs" or "differential" in rel.parts:
        continue
    module = rel.parts[0].removesuffix(".rs")
    text = path.read_text(encoding="utf-8").split("#[cfg(test)]")[0]
    # Doc links and comments name modules without depending on them.
    text = "\n".join(line.split("//")[0] for line in text.splitlines())
    # `use crate::{a, b::c}` groups, then every single `crate::name`.
    names = set(re.findall(r"\bcrate::(\w+)", text))
    for group in re.findall(r"\bcrate::\{([^}]*)\}", text):
        names.update(re.findall(r"(?:^|,)\s*(\w+)", group))
    names = {n for n in names if (src / f"{n}.rs").exists() or (src / n).is_dir()}
    edges.setdefault(module, set()).update(names - {module})

for module in sorted(edges):
    print(f"{module:12} -> {', '.join(sorted(edges[module])) or '-'}")


def cycle():
    state = {}

    def visit(m, stack):
        state[m] = "open"
        for n in sorted(edges.get(m, ())):
            if state.get(n) == "open":
                return stack[stack.index(n):] + [n] if n in stack else stack + [n]
            if n not in state:
                found = visit(n, stack + [n])
                if found:
                    return found
        state[m] = "done"
        return None

    for m in sorted(edges):
        if m not in state:
            found = visit(m, [m])
            if found:
                return found
    return None


found = cycle()
if found:
    print("import cycle: " + " -> ".join(found))
    sys.exit(1)
print("no import cycle between the crate's modules")
