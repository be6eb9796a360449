"""The public API: the documented names are exported from `followup`, and every export exists."""

from __future__ import annotations

import inspect

import pytest

import followup

#: The core API: the workspace file, the model, the scoring frames and the error tree.
CORE_NAMES = frozenset(
    {
        # the workspace file
        "load_workspace",
        "save_workspace",
        "example_workspace",
        # the model
        "Workspace",
        "Opportunity",
        "Factor",
        "Contact",
        "Event",
        # scoring
        "factors_frame",
        "score",
        "flip_points",
        "robustness",
        "honesty_checks",
        "category_matrix",
        # errors
        "FollowupError",
        "ValidationError",
        "WorkspaceError",
        "EtiquetteError",
        "UnknownOpportunityError",
    }
)


def test_the_core_names_are_all_exported() -> None:
    missing = CORE_NAMES - set(followup.__all__)
    assert not missing, f"missing from followup.__all__: {sorted(missing)}"


def test_all_lists_each_name_once() -> None:
    assert len(followup.__all__) == len(set(followup.__all__))


@pytest.mark.parametrize("name", sorted(followup.__all__))
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(followup, name) is not None


def test_star_import_gives_exactly_the_exported_names() -> None:
    namespace: dict[str, object] = {}
    exec("from followup import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(followup.__all__)


def test_an_unknown_attribute_is_an_attribute_error_naming_it() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        followup.no_such_thing  # noqa: B018 - the lookup itself is the test


@pytest.mark.parametrize("name", sorted(CORE_NAMES))
def test_core_names_are_documented(name: str) -> None:
    assert inspect.getdoc(getattr(followup, name)), f"{name} has no docstring"


def test_the_core_functions_keep_their_signatures() -> None:
    def shape(function: object) -> list[tuple[str, str]]:
        parameters = inspect.signature(function).parameters.values()  # type: ignore[arg-type]
        return [(p.name, p.kind.name) for p in parameters]

    positional = "POSITIONAL_OR_KEYWORD"
    assert shape(followup.score) == [("data", positional), ("threshold", "KEYWORD_ONLY")]
    assert shape(followup.flip_points) == [
        ("workspace", positional),
        ("opportunity_id", positional),
    ]
    assert shape(followup.robustness) == [
        ("workspace", positional),
        ("trials", "KEYWORD_ONLY"),
        ("jitter", "KEYWORD_ONLY"),
        ("seed", "KEYWORD_ONLY"),
    ]
    defaults = inspect.signature(followup.robustness).parameters
    assert (defaults["trials"].default, defaults["jitter"].default, defaults["seed"].default) == (
        2000,
        2,
        0,
    )
    for function in (followup.factors_frame, followup.honesty_checks, followup.category_matrix):
        assert shape(function) == [("workspace", positional)]


def test_the_error_tree_is_exported_with_its_builtins() -> None:
    assert issubclass(followup.ValidationError, followup.FollowupError)
    assert issubclass(followup.ValidationError, ValueError)
    assert issubclass(followup.WorkspaceError, ValueError)
    assert issubclass(followup.EtiquetteError, ValueError)
    assert issubclass(followup.UnknownOpportunityError, KeyError)
