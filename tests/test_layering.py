"""The layers hold: imports between subpackages point one way, and the lower layers stay light.

Two kinds of check. The static one reads every module's imports (those inside
functions too, which load lazily) and compares them with :data:`MAY_IMPORT`. The
runtime ones import a module in a fresh interpreter and look at ``sys.modules``.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "followup"

#: What each part of followup may import from followup, lowest layer first. Every part may
#: also import the shared text helpers of ``followup._text``, which import nothing.
MAY_IMPORT: dict[str, frozenset[str]] = {
    "_text": frozenset(),
    "errors": frozenset(),
    "model": frozenset({"errors"}),
    "storage": frozenset({"errors", "model"}),
    "decide": frozenset({"errors", "model"}),
    "etiquette": frozenset({"errors", "model", "decide"}),
    "export": frozenset({"errors", "model", "etiquette"}),
    "charts": frozenset({"errors", "model", "decide"}),
    "notes": frozenset({"errors", "model", "decide", "etiquette", "export"}),
    "session": frozenset(
        {"errors", "model", "storage", "decide", "etiquette", "export", "charts", "notes"}
    ),
    "ui": frozenset(
        {"errors", "model", "storage", "decide", "etiquette", "export", "charts", "notes"}
        | {"session"}
    ),
    # The command line reads followup.__version__ from the package itself.
    "cli": frozenset(
        {"errors", "model", "storage", "decide", "etiquette", "export", "charts", "notes", "top"}
    ),
    "__main__": frozenset({"cli"}),
    # The package's own __init__ is the notebook user's API over the layers below the app.
    "top": frozenset(
        {"errors", "model", "storage", "decide", "etiquette", "export", "charts", "notes", "ui"}
    ),
}

#: Loaded only when a feature that needs them is first used.
HEAVY = ("matplotlib", "jinja2", "ipywidgets", "spellchecker", "harper", "icalendar", "IPython")


def part_of(module: str) -> str:
    """``followup.model.parts`` -> ``model``; the package itself -> ``top``."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "top"


def imports_by_part() -> dict[str, set[tuple[str, str]]]:
    """For each part, the (importing module, imported module) pairs that cross into another."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        module = ".".join(relative.parts).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                if node.module == "followup":
                    names = [f"followup.{alias.name}" for alias in node.names]
                elif node.module.startswith("followup."):
                    names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names if alias.name.startswith("followup")]
            for name in names:
                imported = part_of(name)
                if imported == "__version__":
                    imported = "top"
                if imported != part_of(module):
                    found[part_of(module)].add((module, name))
    return found


def test_every_part_of_the_package_is_in_the_layer_map() -> None:
    parts = {part_of(".".join(("followup", *p.relative_to(PACKAGE).with_suffix("").parts)))
             for p in PACKAGE.rglob("*.py")}
    parts = {"top" if part == "__init__" else part for part in parts}
    assert parts <= set(MAY_IMPORT), sorted(parts - set(MAY_IMPORT))


def test_imports_between_parts_point_one_way() -> None:
    wrong = sorted(
        f"{module} imports {name}"
        for part, pairs in imports_by_part().items()
        for module, name in pairs
        if (part_of(name) if not name.endswith("__version__") else "top")
        not in MAY_IMPORT.get(part, frozenset()) | {"_text"}
    )
    assert not wrong, "\n".join(wrong)


def test_the_layer_map_itself_has_no_cycle() -> None:
    def reaches(start: str, goal: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(
            below == goal or (below not in seen and reaches(below, goal, seen | {below}))
            for below in MAY_IMPORT.get(start, frozenset())
        )

    assert not [part for part in MAY_IMPORT if reaches(part, part)]


def test_nothing_imports_the_app_or_the_command_line() -> None:
    importers = {
        module
        for part, pairs in imports_by_part().items()
        for module, name in pairs
        if part_of(name) in {"ui", "cli"} and part not in {"top", "__main__"}
    }
    assert not importers, sorted(importers)


def test_only_the_app_imports_ipywidgets() -> None:
    users = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            modules = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            if any(m.split(".")[0] == "ipywidgets" for m in modules):
                users.append(path.relative_to(PACKAGE).parts[0])
    assert set(users) <= {"ui"}, sorted(set(users))


# -- at run time (each check starts a fresh interpreter) -------------------------------------


def modules_after(code: str) -> set[str]:
    """The top-level names in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    script = textwrap.dedent(code) + textwrap.dedent(
        """
        import json, sys
        print(json.dumps(sorted({name.partition(".")[0] for name in sys.modules})))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


# Imports one subpackage without running followup/__init__.py (which loads the whole core):
# the package module is made from its spec but not executed, then the subpackage is imported.
_BARE_PACKAGE = """
import importlib.util, sys
sys.modules["followup"] = importlib.util.module_from_spec(importlib.util.find_spec("followup"))
"""


@pytest.mark.slow
def test_importing_followup_loads_no_heavy_module() -> None:
    loaded = modules_after("import followup")
    assert "followup" in loaded
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.slow
def test_the_core_api_works_without_loading_a_heavy_module() -> None:
    loaded = modules_after(
        """
        import followup
        ws = followup.example_workspace()
        followup.score(ws)
        followup.flip_points(ws, ws.ids[0])
        followup.robustness(ws, trials=10)
        followup.honesty_checks(ws)
        followup.category_matrix(ws)
        ws._repr_html_()
        """
    )
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.slow
@pytest.mark.parametrize("module", ["followup.errors", "followup.model"])
def test_the_model_layer_uses_the_standard_library_only(module: str) -> None:
    loaded = modules_after(_BARE_PACKAGE + f"import {module}\n")
    assert not loaded & {"pandas", "numpy", *HEAVY}, sorted(loaded & {"pandas", "numpy", *HEAVY})


@pytest.mark.slow
def test_storage_does_not_import_pandas() -> None:
    loaded = modules_after(
        _BARE_PACKAGE + "import followup.storage\nfollowup.storage.example_workspace()\n"
    )
    assert not loaded & {"pandas", "numpy", *HEAVY}, sorted(loaded & {"pandas", "numpy", *HEAVY})


@pytest.mark.slow
@pytest.mark.parametrize("module", ["followup.decide", "followup.etiquette", "followup.model.html"])
def test_deciding_does_not_import_matplotlib_or_the_app(module: str) -> None:
    loaded = modules_after(_BARE_PACKAGE + f"import {module}\n")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.slow
def test_the_bare_package_trick_really_skips_the_package_init() -> None:
    # Guards the checks above: were __init__ run, pandas would be loaded here.
    loaded = modules_after(_BARE_PACKAGE + "import followup.errors\n")
    assert "pandas" not in loaded
    assert "pandas" in modules_after("import followup.errors\n")
