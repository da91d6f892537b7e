"""The shape of the code, kept: one-way layers, no import cycles, each library behind one door.

Read with docs/architecture.md: shells (cli, wizard, batch, web) stand on the engine (build →
context → render → documents, writer, output), which stands on kits (kit/), which stand on
questions and answers (questions/), which stand on the shared modules (errors, i18n, locales,
yamltext, display, files).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "ngokit"

LAYERS = [  # lower layers first; a module may import its own layer and those below
    {"ngokit", "ngokit.errors", "ngokit.i18n", "ngokit.locales", "ngokit.yamltext", "ngokit.display", "ngokit.files"},
    {"ngokit.questions"},
    {"ngokit.kit"},
    {"ngokit.writer", "ngokit.output", "ngokit.render", "ngokit.context", "ngokit.documents", "ngokit.build"},
    {"ngokit.wizard", "ngokit.batch", "ngokit.web", "ngokit.cli", "ngokit.__main__"},
]

DOORS = {  # library → the modules (or packages) that may import it
    "yaml": {"ngokit.yamltext"},
    "babel": {"ngokit.locales"},
    "docx": {"ngokit.writer"},
    "questionary": {"ngokit.wizard"},
    "prompt_toolkit": {"ngokit.wizard"},
    "cookiecutter": {"ngokit.render", "ngokit.kit.fetch"},
    "openpyxl": {"ngokit.batch"},
    "markdown_it": {"ngokit.writer"},
    "slugify": {"ngokit.output.slug"},
    "starlette": {"ngokit.web"},
    "uvicorn": {"ngokit.web.server"},
    "segno": {"ngokit.web.workshop"},
    "multipart": set(),  # python-multipart reads forms for Starlette only
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def runtime_imports(path: Path) -> Iterator[str]:
    """Yield every module a file imports, at the top or inside functions, but not the imports
    made only for type checking."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    checking = [n for n in ast.walk(tree) if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test)]
    skipped = {id(n) for node in checking for n in ast.walk(node)}
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in MODULES]
            yield from submodules if len(submodules) == len(node.names) else [node.module, *submodules]


def internal_graph() -> dict[str, set[str]]:
    return {name: {t for t in runtime_imports(path) if t in MODULES and t != name} for name, path in MODULES.items()}


def within(name: str, group: set[str]) -> bool:
    return any(name == g or name.startswith(g + ".") for g in group)


def layer_of(name: str) -> int:
    return max(i for i, layer in enumerate(LAYERS) if within(name, layer))


def test_there_are_no_import_cycles():
    graph = internal_graph()
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                pytest.fail("import cycle: " + " → ".join([*trail[trail.index(target) :], target]))
            if target not in state:
                visit(target, [*trail, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_module_imports_only_its_layer_and_those_below(name):
    upward = [t for t in internal_graph()[name] if layer_of(t) > layer_of(name)]
    assert not upward, f"{name} (layer {layer_of(name)}) imports {upward}"


@pytest.mark.parametrize("library", sorted(DOORS))
def test_each_library_has_one_door(library):
    users = {name for name, path in MODULES.items()
             if any(t == library or t.startswith(library + ".") for t in runtime_imports(path))}  # fmt: skip
    strays = {u for u in users if not within(u, DOORS[library])}
    assert not strays, f"{library} is imported outside its door {sorted(DOORS[library])}: {sorted(strays)}"


def test_no_module_grows_past_300_lines():
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in MODULES.items()}
    long = {name: n for name, n in sizes.items() if n > 300}
    assert not long, f"split along a seam the data flow shows: {long}"


def test_nothing_in_the_repository_points_outside_it():
    """A user's clone has only the repository: no file may send its reader to the team's own folders."""
    outside = ("../" + "shared", "shared/" + "reference", "/" + "work/")
    skipped = {"__pycache__", "build", "dist"}  # and hidden folders (caches, .git, .venv) but .ci and .github
    suffixes = {".md", ".py", ".j2", ".yaml", ".yml", ".toml", ".json", ".txt", ".cfg", ".html", ".css", ".csv", ""}
    found = []
    for path in ROOT.rglob("*"):
        parts = path.relative_to(ROOT).parts
        hidden = any(p.startswith(".") and p not in (".ci", ".github") for p in parts)
        if hidden or skipped & set(parts) or not path.is_file() or path.suffix not in suffixes:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path.relative_to(ROOT)}: {mark}" for mark in outside if mark in text]
    assert not found
