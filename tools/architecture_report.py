"""Sizes, import cycles and function-level imports of the application code.

    python tools/architecture_report.py

Counts lines of Python outside migrations per top-level app (and per room inside
site_core), the largest module, the longest functions, the import graph's cycles between
modules (strongly connected components) and imports written inside functions. Used for
docs/architecture.md and the closing note of issue 9.
"""

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ["site_core", "home", "news", "history", "org_structure", "legal_docs"]
DOMAIN = {"home", "news", "history", "org_structure", "legal_docs"}


def modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            rel = path.relative_to(ROOT).with_suffix("")
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join(parts), path


def resolve(module, node, is_package):
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = module.split(".")
    if node.level:
        base = base if is_package else base[:-1]
        base = base[: len(base) - (node.level - 1)]
        prefix = ".".join(base + ([node.module] if node.module else []))
    else:
        prefix = node.module or ""
    return [prefix] + [f"{prefix}.{alias.name}" for alias in node.names]


def is_ready(function):
    """AppConfig.ready() is where Django wants imports of models and signal wiring."""
    return function.name == "ready"


def strongly_connected(graph, nodes):
    """Tarjan's algorithm: the components of more than one module are import cycles."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return cycles


def main():
    mods = dict(modules())
    names = set(mods)
    lines = {}
    graph = defaultdict(set)
    graph_all = defaultdict(set)  # with the imports written inside functions
    function_imports = []
    functions = []
    for name, path in mods.items():
        source = path.read_text()
        lines[name] = len(source.splitlines())
        tree = ast.parse(source)
        is_package = path.name == "__init__.py"

        def visit(node, in_function, name=name, is_package=is_package):
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    length = child.end_lineno - child.lineno + 1
                    functions.append((length, f"{name}.{child.name}"))
                    visit(child, not is_ready(child))
                    continue
                if isinstance(child, (ast.Import, ast.ImportFrom)):
                    targets = [
                        t for t in resolve(name, child, is_package) if t.split(".")[0] in APPS
                    ]
                    if in_function:
                        function_imports.append(f"{name}:{child.lineno}")
                    for target in targets:
                        while target and target not in names:
                            target = target.rpartition(".")[0]
                        if target and target != name:
                            graph_all[name].add(target)
                            if not in_function:
                                graph[name].add(target)
                visit(child, in_function)

        visit(tree, False)

    per_app = defaultdict(int)
    for name, count in lines.items():
        parts = name.split(".")
        key = parts[0]
        if parts[0] == "site_core" and len(parts) > 1:
            sub = ROOT / "site_core" / parts[1]
            if sub.is_dir() and (sub / "apps.py").exists():
                key = f"site_core.{parts[1]}"
        per_app[key] += count
    total = sum(per_app.values())
    print("Lines of Python (migrations excluded)")
    for key, count in sorted(per_app.items(), key=lambda kv: -kv[1]):
        print(f"  {key:28} {count:6}  {100 * count / total:5.1f}%")
    print(f"  {'total':28} {total:6}")
    largest = sorted(lines.items(), key=lambda kv: -kv[1])[:5]
    print("Largest modules:", ", ".join(f"{n} ({c})" for n, c in largest))
    functions.sort(reverse=True)
    print("Longest functions:", ", ".join(f"{n} ({c})" for c, n in functions[:5]))

    module_cycles = strongly_connected(graph, mods)
    latent_cycles = strongly_connected(graph_all, mods)
    print(f"Import cycles, module-level imports only: {len(module_cycles)}")
    for cycle in module_cycles:
        print("  " + " <-> ".join(cycle))
    print(f"Import cycles once imports inside functions count: {len(latent_cycles)}")
    for cycle in latent_cycles:
        print("  " + " <-> ".join(cycle))
    print(f"Imports inside functions: {len(function_imports)}")
    core_to_domain = sorted(
        f"{src} -> {dst}"
        for src, dsts in graph.items()
        if src.startswith("site_core")
        for dst in dsts
        if dst.split(".")[0] in DOMAIN
    )
    print(f"Core modules importing domain apps: {len(core_to_domain)}")
    for edge in core_to_domain:
        print("  " + edge)
    if "-v" in sys.argv:
        print("Function-level imports:")
        for item in function_imports:
            print("  " + item)


if __name__ == "__main__":
    main()
