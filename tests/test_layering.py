"""The import layers hold: `import followup` stays cheap, and the lower layers import little.

Each check runs in a fresh interpreter and looks at ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

#: Loaded only when a feature that needs them is first used.
HEAVY = ("matplotlib", "jinja2", "ipywidgets", "spellchecker", "icalendar", "IPython")


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


# Imports one submodule without running followup/__init__.py (which loads the whole core):
# the package module is made from its spec but not executed, then the submodule is imported.
_BARE_PACKAGE = """
import importlib.util, sys
sys.modules["followup"] = importlib.util.module_from_spec(importlib.util.find_spec("followup"))
"""


def test_importing_followup_loads_no_heavy_module() -> None:
    loaded = modules_after("import followup")
    assert "followup" in loaded
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


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


@pytest.mark.parametrize("module", ["followup.errors", "followup.checks", "followup.model"])
def test_the_model_layer_uses_the_standard_library_only(module: str) -> None:
    loaded = modules_after(_BARE_PACKAGE + f"import {module}\n")
    assert not loaded & {"pandas", "numpy", *HEAVY}, sorted(loaded & {"pandas", "numpy", *HEAVY})


def test_the_store_does_not_import_pandas() -> None:
    loaded = modules_after(
        _BARE_PACKAGE + "import followup.store\nfollowup.store.example_workspace()\n"
    )
    assert not loaded & {"pandas", "numpy", *HEAVY}, sorted(loaded & {"pandas", "numpy", *HEAVY})


@pytest.mark.parametrize(
    "module",
    [
        "followup.frames",
        "followup.scoring",
        "followup.sensitivity",
        "followup.honesty",
        "followup.display",
    ],
)
def test_the_scoring_layer_does_not_import_matplotlib_or_the_app(module: str) -> None:
    loaded = modules_after(_BARE_PACKAGE + f"import {module}\n")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_the_bare_package_trick_really_skips_the_package_init() -> None:
    # Guards the checks above: were __init__ run, pandas would be loaded here.
    loaded = modules_after(_BARE_PACKAGE + "import followup.errors\n")
    assert "pandas" not in loaded
    assert "pandas" in modules_after("import followup.errors\n")
