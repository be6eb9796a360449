"""``import followup`` stays as cheap as ``import pandas``: the list of what it may load.

Charts (matplotlib), drafting (jinja2), the grammar engine (harper), calendar
export (icalendar) and the widget app (ipywidgets) load on first use only.
Adding a module to what ``import followup`` loads is a decision: make it here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import followup

pytestmark = pytest.mark.slow  # runs subprocesses

#: The followup modules ``import followup`` may load: the model, the file and the scoring.
ALLOWED_FOLLOWUP_MODULES = {
    "followup",
    "followup.errors",
    "followup.model",
    "followup.model.base",
    "followup.model.checks",
    "followup.model.contact",
    "followup.model.event",
    "followup.model.factor",
    "followup.model.limits",
    "followup.model.notes",
    "followup.model.opportunity",
    "followup.model.settings",
    "followup.model.workspace",
    "followup.storage",
    "followup.storage.atomic",
    "followup.storage.disk",
    "followup.storage.paths",
    "followup.storage.fileformat",
    "followup.storage.files",
    "followup.storage.lock",
    "followup.storage.merge",
    "followup.storage.workspace_file",
    "followup.decide",
    "followup.decide.frames",
    "followup.decide.honesty",
    "followup.decide.scoring",
    "followup.decide.sensitivity",
}

#: Packages outside the standard library it may load: pandas and what pandas itself needs.
ALLOWED_PACKAGES = {"followup", "numpy", "pandas", "dateutil", "six", "pytz", "tzdata"}

#: Heavy packages that must wait until they are used.
LAZY_PACKAGES = {
    "matplotlib",
    "jinja2",
    "ipywidgets",
    "IPython",
    "spellchecker",
    "harper",
    "icalendar",
    "PIL",
}

_REPORT = """
import json, sys
import followup
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after(code: str) -> set[str]:
    root = str(Path(followup.__file__).resolve().parent.parent)
    existing = os.environ.get("PYTHONPATH")
    environment = {**os.environ, "PYTHONPATH": root + (os.pathsep + existing if existing else "")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True
    )
    return set(json.loads(result.stdout))


@pytest.fixture(scope="module")
def loaded() -> set[str]:
    return _modules_after(_REPORT)


def _third_party(modules: set[str]) -> set[str]:
    tops = {name.split(".")[0] for name in modules}
    standard = set(sys.stdlib_module_names) | set(sys.builtin_module_names)
    # Compiled-extension helpers (cython runtimes), the interpreter's own entry points.
    return {
        top
        for top in tops - standard
        if not top.startswith(("_cython", "_cyutility", "cython_runtime", "_sysconfigdata"))
        and top not in ("__main__", "_distutils_hack", "sitecustomize", "usercustomize")
    }


@pytest.mark.slow
def test_import_followup_loads_no_heavy_package(loaded: set[str]) -> None:
    tops = {name.split(".")[0] for name in loaded}
    assert not tops & LAZY_PACKAGES


def test_import_followup_loads_only_the_allowed_packages(loaded: set[str]) -> None:
    assert _third_party(loaded) <= ALLOWED_PACKAGES


def test_import_followup_loads_only_the_core_modules(loaded: set[str]) -> None:
    ours = {name for name in loaded if name == "followup" or name.startswith("followup.")}
    assert ours <= ALLOWED_FOLLOWUP_MODULES, sorted(ours - ALLOWED_FOLLOWUP_MODULES)
    assert {"followup.model", "followup.storage.files", "followup.decide.scoring"} <= ours


@pytest.mark.slow
def test_every_public_name_is_reachable_and_heavy_ones_load_on_first_use() -> None:
    code = (
        "import json, sys\n"
        "import followup\n"
        "before = set(sys.modules)\n"
        "followup.plot_t\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    newly_loaded = _modules_after(code)
    assert "matplotlib" in {name.split(".")[0] for name in newly_loaded}
