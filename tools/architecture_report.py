"""Sizes, import cycles and function-level imports of the application code.

    python tools/architecture_report.py [-v]

Counts lines of Python outside migrations per app (each room inside site_core apart),
the largest modules, the longest functions, the import graph's cycles between modules
(strongly connected components, with and without the imports written inside functions),
imports inside functions (AppConfig.ready() aside: Django wants them there) and core
modules that import a domain app. tests/test_architecture.py asserts the rules on the
same analysis; docs/architecture.md explains them.
"""

import ast
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ["site_core", "home", "news", "history", "org_structure", "legal_docs"]
DOMAIN = {"home", "news", "history", "org_structure", "legal_docs"}
# The project package (settings, root URLs, WSGI) wires every app together, and the demo
# app builds content of every type: both may import the domain apps; core may not.
NOT_CORE = ("site_core.settings", "site_core.urls", "site_core.wsgi", "site_core.demo")


@dataclass
class Analysis:
    lines: dict = field(default_factory=dict)  # module -> lines
    functions: list = field(default_factory=list)  # (lines, qualified name)
    graph: dict = field(default_factory=lambda: defaultdict(set))  # module-level imports
    graph_all: dict = field(default_factory=lambda: defaultdict(set))  # with function ones
    function_imports: list = field(default_factory=list)  # "module:line"
    external_imports: dict = field(default_factory=lambda: defaultdict(set))  # top -> modules

    def lines_per_app(self):
        per_app = defaultdict(int)
        for name, count in self.lines.items():
            per_app[room_of(name)] += count
        return dict(per_app)

    def room_dependencies(self):
        """{room: rooms it imports}, from every import (inside functions too)."""
        rooms = defaultdict(set)
        for src, dsts in self.graph_all.items():
            for dst in dsts:
                if room_of(src) != room_of(dst):
                    rooms[room_of(src)].add(room_of(dst))
        return {room: sorted(deps) for room, deps in sorted(rooms.items())}

    def module_cycles(self):
        return strongly_connected(self.graph, self.lines)

    def latent_cycles(self):
        return strongly_connected(self.graph_all, self.lines)

    def core_to_domain(self):
        return sorted(
            f"{src} -> {dst}"
            for src, dsts in self.graph_all.items()
            if src.startswith("site_core") and not src.startswith(NOT_CORE)
            for dst in dsts
            if dst.split(".")[0] in DOMAIN
        )


def room_of(module):
    """The app a module belongs to: a top-level app, or a room (sub-app) of site_core; the
    project package (settings, urls, wsgi) counts as "site_core (project)"."""
    parts = module.split(".")
    if parts[0] == "site_core" and len(parts) > 1:
        if (ROOT / "site_core" / parts[1] / "apps.py").exists():
            return f"site_core.{parts[1]}"
        if parts[1] in ("settings", "urls", "wsgi"):
            return "site_core (project)"
    return parts[0]


def modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join(parts), path


def resolve(module, node, is_package):
    """The dotted names an import statement may refer to."""
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


def strongly_connected(graph, nodes):
    """Tarjan's algorithm: the components of more than one module are import cycles."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
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


class ModuleVisitor:
    def __init__(self, analysis, name, is_package, names):
        self.analysis, self.name, self.is_package, self.names = analysis, name, is_package, names

    def visit(self, node, in_function=False):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = child.end_lineno - child.lineno + 1
                self.analysis.functions.append((length, f"{self.name}.{child.name}"))
                # AppConfig.ready() is where Django wants imports of models and signals.
                self.visit(child, in_function=child.name != "ready")
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                self.record(child, in_function)
            self.visit(child, in_function)

    def record(self, node, in_function):
        if in_function:
            self.analysis.function_imports.append(f"{self.name}:{node.lineno}")
        targets = resolve(self.name, node, self.is_package)
        if not (isinstance(node, ast.ImportFrom) and node.level):
            top = targets[0].split(".")[0]
            if top not in APPS:
                self.analysis.external_imports[top].add(self.name)
        for target in targets:
            if target.split(".")[0] not in APPS:
                continue
            while target and target not in self.names:
                target = target.rpartition(".")[0]
            if target and target != self.name:
                self.analysis.graph_all[self.name].add(target)
                if not in_function:
                    self.analysis.graph[self.name].add(target)


def analyse():
    mods = dict(modules())
    analysis = Analysis()
    for name, path in mods.items():
        source = path.read_text()
        analysis.lines[name] = len(source.splitlines())
        ModuleVisitor(analysis, name, path.name == "__init__.py", mods).visit(ast.parse(source))
    return analysis


def report(analysis, verbose=False):
    per_app = analysis.lines_per_app()
    total = sum(per_app.values())
    print("Lines of Python (migrations excluded)")
    for key, count in sorted(per_app.items(), key=lambda kv: -kv[1]):
        print(f"  {key:28} {count:6}  {100 * count / total:5.1f}%")
    print(f"  {'total':28} {total:6}")
    largest = sorted(analysis.lines.items(), key=lambda kv: -kv[1])[:5]
    print("Largest modules:", ", ".join(f"{n} ({c})" for n, c in largest))
    longest = sorted(analysis.functions, reverse=True)[:5]
    print("Longest functions:", ", ".join(f"{n} ({c})" for c, n in longest))
    for title, cycles in (
        ("Import cycles, module-level imports only", analysis.module_cycles()),
        ("Import cycles once imports inside functions count", analysis.latent_cycles()),
    ):
        print(f"{title}: {len(cycles)}")
        for cycle in cycles:
            print("  " + " <-> ".join(cycle))
    print(f"Imports inside functions (AppConfig.ready aside): {len(analysis.function_imports)}")
    edges = analysis.core_to_domain()
    print(f"Core modules importing domain apps (project package and demo aside): {len(edges)}")
    for edge in edges:
        print("  " + edge)
    print("Room dependencies (who imports whom):")
    for room, deps in analysis.room_dependencies().items():
        print(f"  {room:28} -> {', '.join(deps)}")
    if verbose:
        print("Function-level imports:")
        for item in analysis.function_imports:
            print("  " + item)


if __name__ == "__main__":
    report(analyse(), verbose="-v" in sys.argv)
