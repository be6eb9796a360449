"""The charts: what they draw, read back from the artists, and the contract they keep."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt  # only to prove the charts never use it (conftest picks Agg)
import pytest
from hypothesis import given, settings
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.testing.decorators import check_figures_equal
from PIL import Image

from followup import (
    Factor,
    Opportunity,
    Settings,
    UnknownOpportunityError,
    Workspace,
    score,
)
from followup.charts import (
    figure_png,
    plot_balance,
    plot_categories,
    plot_flip_points,
    plot_robustness,
    plot_t,
)
from followup.charts.labels import signed
from followup.charts.robustness import FIRST_PLACE
from followup.charts.style import MINUS, PLUS, VERDICT_COLORS, FittedText
from followup.decide.shares import percent
from tests.charts.support import (
    assert_drawn_literally,
    bars,
    drawn,
    every_text,
    extents,
    is_shortened_from,
    overlapping,
    row_names,
    texts,
)
from tests.strategies import settings_values, workspaces

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"  # ignored by git
INITECH = "initech-backend-engineer"
GLOBEX = "globex-analytics-engineer"
LONG_LABEL = (
    "Ninety minutes of commute each way, three days a week, on a train that is late " * 3
)[:200]

#: Every chart, as a function of (workspace, ax=...).
CHARTS: dict[str, Callable[..., Axes]] = {
    "t": lambda ws, **kw: plot_t(ws, ws.ids[0], **kw),
    "balance": lambda ws, **kw: plot_balance(ws, **kw),
    "flip_points": lambda ws, **kw: plot_flip_points(ws, ws.ids[0], **kw),
    "categories": lambda ws, **kw: plot_categories(ws, **kw),
    "robustness": lambda ws, **kw: plot_robustness(ws, trials=200, **kw),
}


def opportunity(
    id_: str = "acme", company: str = "Acme", role: str = "Engineer", *factors: Factor
) -> Opportunity:
    return Opportunity(id=id_, company=company, role=role, factors=factors)


def plus(label: str, weight: int, category: str | None = None) -> Factor:
    return Factor(label, "plus", weight, category)


def minus(label: str, weight: int, category: str | None = None) -> Factor:
    return Factor(label, "minus", weight, category)


def single(*factors: Factor, company: str = "Acme", role: str = "Engineer") -> Workspace:
    return Workspace(opportunities=(opportunity("acme", company, role, *factors),))


def edge_workspaces() -> dict[str, Workspace]:
    hostile = opportunity(
        "hostile",
        "$\\foo$ Corp",
        "Price $5 and $10",
        plus("$\\foo$ Corp", 4, "$x$"),
        minus("Price $5 and $10", 3),
    )
    return {
        "empty": Workspace(),
        "no factors": single(),
        "only pluses": single(plus("Good team", 6), plus("Good pay", 4)),
        "only minuses": single(minus("Long commute", 6)),
        "unicode": Workspace(
            opportunities=(
                opportunity(
                    "societe", "Société Générale", "Ingénieur·e", plus("Équipe sympathique", 5)
                ),
                opportunity("nihon", "日本語株式会社", "エンジニア", minus("通勤が長い", 4)),
            )
        ),
        "long labels": single(
            plus(LONG_LABEL, 7, "c" * 40), minus("W" * 200, 3), company="X" * 200, role="Y" * 200
        ),
        "hostile text": Workspace(opportunities=(hostile,)),
        "fifty": Workspace(
            opportunities=tuple(
                opportunity(
                    f"o-{n}",
                    f"Company {n}",
                    "Role",
                    plus("up", n % 10 + 1),
                    minus("down", n * 7 % 10 + 1),
                )
                for n in range(50)
            )
        ),
    }


def figures_equal(test: Callable[..., None]) -> Callable[..., None]:
    """matplotlib's ``check_figures_equal``, keeping its images in test-artifacts/."""
    here = Path.cwd()
    ARTIFACTS.mkdir(exist_ok=True)
    os.chdir(ARTIFACTS)  # the decorator picks its folder, ./result_images, when applied
    try:
        decorated: Callable[..., None] = check_figures_equal()(test)
    finally:
        os.chdir(here)
    return decorated


# ---------------------------------------------------------------------------
# the contract: axes in, axes out, nothing global


@pytest.mark.parametrize("name", list(CHARTS))
def test_chart_draws_on_the_given_axes_and_returns_them(name: str, workspace: Workspace) -> None:
    figure = Figure()
    ax = figure.add_subplot()
    assert CHARTS[name](workspace, ax=ax) is ax
    assert ax.has_data() or ax.images
    assert figure.axes[0] is ax


@pytest.mark.parametrize("name", list(CHARTS))
def test_chart_without_axes_makes_a_figure_pyplot_does_not_know(
    name: str, workspace: Workspace
) -> None:
    plt.close("all")
    ax = CHARTS[name](workspace)
    assert isinstance(ax.get_figure(root=True), Figure)
    assert plt.get_fignums() == []
    assert figure_png(ax).startswith(b"\x89PNG\r\n\x1a\n")
    assert plt.get_fignums() == []


@pytest.mark.parametrize("name", list(CHARTS))
def test_chart_never_shows_or_saves(
    name: str, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a chart must not show or save itself")

    monkeypatch.setattr(Figure, "savefig", refuse)
    monkeypatch.setattr(Figure, "show", refuse)
    monkeypatch.setattr(plt, "show", refuse)
    monkeypatch.setattr(plt, "savefig", refuse)
    CHARTS[name](workspace, ax=Figure().add_subplot())
    CHARTS[name](workspace)


@pytest.mark.slow
def test_charts_never_load_pyplot() -> None:
    script = textwrap.dedent(
        """
        import sys
        import followup
        assert "matplotlib" not in sys.modules, "import followup must not load matplotlib"
        from followup.charts import figure_png
        ws = followup.example_workspace()
        for ax in (
            followup.plot_t(ws, ws.ids[0]),
            followup.plot_balance(ws),
            followup.plot_flip_points(ws, ws.ids[0]),
            followup.plot_categories(ws),
            followup.plot_robustness(ws, trials=50),
        ):
            figure_png(ax, dpi=30)
        assert "matplotlib.pyplot" not in sys.modules, "a chart loaded pyplot"
        """
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, timeout=120)


# The T and the flip points show one opportunity, so an empty workspace is no case for them.
_EDGE_CASES = [
    (name, case)
    for case, workspace in edge_workspaces().items()
    for name in CHARTS
    if workspace.opportunities or name not in ("t", "flip_points")
]


@pytest.mark.parametrize(("name", "case"), _EDGE_CASES)
def test_chart_draws_every_edge_case(name: str, case: str) -> None:
    workspace = edge_workspaces()[case]
    png = figure_png(CHARTS[name](workspace), dpi=40)
    assert Image.open(io.BytesIO(png)).size[0] > 0


@pytest.mark.slow
@pytest.mark.parametrize(("name", "case"), _EDGE_CASES)
def test_chart_text_stays_inside_its_own_figure_and_never_overlaps(name: str, case: str) -> None:
    ax = drawn(CHARTS[name](edge_workspaces()[case]))
    figure = ax.get_figure(root=True)
    assert figure is not None
    legend = ax.get_legend()
    low, high = sorted(ax.get_xlim())
    ticks = [
        label
        for where, label in zip(ax.get_xticks(), ax.get_xticklabels(), strict=True)
        if ax.axison and low <= where <= high  # only these are drawn
    ]
    artists = [
        *every_text(ax),
        ax.title,
        *ticks,
        ax.xaxis.label,
        *(legend.get_texts() if legend is not None else []),
    ]
    boxes = extents(ax, artists)
    inside = figure.bbox
    for box in boxes:
        assert inside.x0 - 1 <= box.x0 and box.x1 <= inside.x1 + 1, box
        assert inside.y0 - 1 <= box.y0 and box.y1 <= inside.y1 + 1, box
    assert overlapping(extents(ax, every_text(ax))) == []


def test_figure_png_renders_an_axes_or_a_figure_at_the_asked_resolution(
    workspace: Workspace,
) -> None:
    ax = plot_t(workspace, INITECH)
    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    small = Image.open(io.BytesIO(figure_png(ax, dpi=50)))
    large = Image.open(io.BytesIO(figure_png(figure, dpi=100)))
    assert large.size[0] == pytest.approx(2 * small.size[0], abs=1)
    assert large.size[0] == pytest.approx(figure.get_figwidth() * 100, abs=1)


def test_figure_png_leaves_the_canvas_of_a_figure_alone() -> None:
    figure = plt.figure()
    try:
        canvas = figure.canvas
        plot_balance(single(plus("x", 3)), ax=figure.add_subplot())
        figure_png(figure)
        assert figure.canvas is canvas
    finally:
        plt.close(figure)


# ---------------------------------------------------------------------------
# the T


def test_t_has_one_bar_per_factor_as_long_as_its_weight(workspace: Workspace) -> None:
    initech = workspace.opportunity(INITECH)
    ax = plot_t(workspace, INITECH)
    assert bars(ax, "pluses") == [-f.weight for f in initech.pluses]
    assert bars(ax, "minuses") == [f.weight for f in initech.minuses]
    assert {p.get_facecolor()[:3] for c in ax.containers for p in c.patches} == {
        matplotlib.colors.to_rgb(PLUS),
        matplotlib.colors.to_rgb(MINUS),
    }


def test_t_writes_each_label_weight_and_total(workspace: Workspace) -> None:
    initech = workspace.opportunity(INITECH)
    shown = texts(drawn(plot_t(workspace, INITECH)))
    for factor in initech.factors:
        assert factor.label in shown
    assert [t for t in shown if t.isdigit()] == [
        str(f.weight) for f in (*initech.pluses, *initech.minuses)
    ]
    assert "Total 21" in shown
    assert "Total 19" in shown


@pytest.mark.parametrize(
    ("opportunity_id", "settings", "title"),
    [
        (INITECH, Settings(), "Initech — Backend Engineer: PASS (+2)"),
        (GLOBEX, Settings(), "Globex Corporation — Analytics Engineer: FAIL (−13)"),
        (INITECH, Settings(threshold=2), "Initech — Backend Engineer: UNDECIDED (+2)"),
        (INITECH, Settings(threshold=5), "Initech — Backend Engineer: FAIL (+2)"),
    ],
)
def test_t_title_states_the_verdict_and_the_balance(
    workspace: Workspace, opportunity_id: str, settings: Settings, title: str
) -> None:
    workspace = dataclasses.replace(workspace, settings=settings)
    assert plot_t(workspace, opportunity_id).get_title() == title


def test_t_title_keeps_the_verdict_when_the_names_are_long() -> None:
    ax = plot_t(single(plus("x", 3), company="Société " * 20, role="日本語" * 60), "acme")
    title = ax.get_title()
    assert title.endswith(": PASS (+3)")
    assert title.startswith("Société")
    assert "…" in title


def test_t_of_an_opportunity_without_factors_says_so() -> None:
    ax = drawn(plot_t(single(), "acme"))
    assert ax.get_title() == "Acme — Engineer: UNDECIDED (0)"
    assert {"no pluses yet", "no minuses yet"} <= set(texts(ax))
    assert bars(ax, "pluses") == bars(ax, "minuses") == []


def test_t_with_one_side_only_draws_that_side() -> None:
    ax = plot_t(single(plus("Good team", 6), plus("Good pay", 4)), "acme")
    assert bars(ax, "pluses") == [-6, -4]
    assert "no minuses yet" in texts(ax)


def test_t_of_an_unknown_opportunity_is_refused_by_name(workspace: Workspace) -> None:
    with pytest.raises(KeyError, match="nope") as caught:
        plot_t(workspace, "nope")
    assert isinstance(caught.value, UnknownOpportunityError)


def test_t_draws_dollar_signs_as_typed() -> None:
    labels = ["$\\foo$ Corp", "Price $5 and $10"]
    ax = drawn(
        plot_t(single(plus(labels[0], 4), minus(labels[1], 3), company="$\\foo$ Corp"), "acme")
    )
    for label in labels:
        (text,) = [t for t in ax.texts if t.get_text() == label]
        assert not text.get_parse_math()
    assert ax.get_title().startswith("$\\foo$ Corp — Engineer")
    assert not ax.title.get_parse_math()


def test_t_long_labels_are_shortened_from_their_start_and_never_overlap() -> None:
    factors = [
        plus(LONG_LABEL, 7),
        plus("W" * 200, 2),
        minus("日本語の長いラベル" * 20, 5),
        minus(LONG_LABEL, 1),
    ]
    ax = drawn(plot_t(single(*factors), "acme"))
    labels = [t for t in ax.texts if isinstance(t, FittedText)]
    assert len(labels) == len(factors)
    for text, factor in zip(labels, factors, strict=True):
        assert is_shortened_from(text.get_text(), factor.label)
        assert text.get_text().endswith("…")
    boxes = extents(ax, ax.texts)
    assert overlapping(boxes) == []
    bar_boxes = [p.get_window_extent() for c in ax.containers for p in c.patches]
    assert overlapping(boxes + bar_boxes) == []
    figure_box = ax.get_figure(root=True).bbox
    assert all(figure_box.x0 <= b.x0 and b.x1 <= figure_box.x1 for b in boxes)


def test_t_labels_stay_inside_axes_a_layout_engine_made_narrower() -> None:
    figure = Figure(figsize=(8, 4), layout="constrained")
    left, right = figure.subplots(1, 2)
    plot_t(single(plus(LONG_LABEL, 7), minus(LONG_LABEL, 3)), "acme", ax=left)
    plot_balance(single(plus(LONG_LABEL, 7), company="A" * 80), ax=right)
    drawn(left)
    for box in extents(left, [t for t in left.texts if isinstance(t, FittedText)]):
        assert left.bbox.x0 - 1 <= box.x0 and box.x1 <= left.bbox.x1 + 1


@figures_equal
def test_t_of_an_opportunity_ignores_the_others(fig_test: Figure, fig_ref: Figure) -> None:
    from followup import example_workspace

    workspace = example_workspace()
    alone = Workspace(opportunities=(workspace.opportunity(INITECH),))
    plot_t(workspace, INITECH, ax=fig_test.add_subplot())
    plot_t(alone, INITECH, ax=fig_ref.add_subplot())


@pytest.mark.slow
@settings(max_examples=15, deadline=None)  # each example draws: keep the count small
@given(workspace=workspaces(min_opportunities=1, max_opportunities=3, settings=settings_values))
def test_t_of_any_workspace_draws_every_weight_and_the_verdict(workspace: Workspace) -> None:
    first = workspace.opportunities[0]
    row = score(workspace).loc[first.id]
    ax = drawn(plot_t(workspace, first.id))
    assert bars(ax, "pluses") == [-f.weight for f in first.pluses]
    assert bars(ax, "minuses") == [f.weight for f in first.minuses]
    labels = [t.get_text() for t in ax.texts if isinstance(t, FittedText)]
    assert len(labels) == len(first.factors)
    for shown, factor in zip(labels, (*first.pluses, *first.minuses), strict=True):
        assert is_shortened_from(shown, factor.label)
    assert ax.get_title().endswith(f": {row['verdict'].upper()} ({signed(row['balance'])})")


# ---------------------------------------------------------------------------
# balance


def test_balance_has_a_plus_and_a_minus_bar_per_opportunity_best_first(
    workspace: Workspace,
) -> None:
    table = score(workspace)
    ax = plot_balance(workspace)
    assert bars(ax, "pluses") == list(table["plus"])
    assert bars(ax, "minuses") == [-m for m in table["minus"]]
    names = {o.id: f"{o.company} — {o.role}" for o in workspace.opportunities}
    shown = row_names(ax)
    assert [s.replace("\n", " ") for s in shown] == [names[i] for i in table.index]


def test_balance_reads_without_colour(workspace: Workspace) -> None:
    ax = plot_balance(workspace)
    table = score(workspace)
    verdict_texts = [t for t in texts(ax) if t.split()[0] in ("PASS", "FAIL", "UNDECIDED")]
    assert verdict_texts == [
        f"{v.upper()} {'+' if b > 0 else '−' if b < 0 else ''}{abs(b)}"
        for v, b in zip(table["verdict"], table["balance"], strict=True)
    ]
    markers = {c.get_label(): c.get_offsets()[:, 0].tolist() for c in ax.collections}
    assert markers["balance (PASS)"] == [b for b in table["balance"] if b > 0]
    assert markers["balance (FAIL)"] == [b for b in table["balance"] if b < 0]
    assert "6 pass, 1 fail" in ax.get_title()


def test_balance_draws_the_threshold(workspace: Workspace) -> None:
    workspace = dataclasses.replace(workspace, settings=Settings(threshold=12))
    ax = plot_balance(workspace)
    vertical = [tuple(line.get_xdata()) for line in ax.lines if line.get_linestyle() != "-"]
    assert (12, 12) in vertical
    assert " threshold +12" in texts(ax)
    assert "UNDECIDED +12" in texts(ax)


def test_balance_of_a_score_table_infers_its_threshold(workspace: Workspace) -> None:
    assert " threshold 0" in texts(plot_balance(score(workspace)))
    assert " threshold +12" in texts(plot_balance(score(workspace, threshold=12)))
    judged_again = texts(plot_balance(score(workspace), threshold=16))
    assert "FAIL +15" in judged_again
    assert "PASS +17" in judged_again


@figures_equal
def test_balance_is_the_same_from_a_score_table_or_a_factors_frame(
    fig_test: Figure, fig_ref: Figure
) -> None:
    from followup import example_workspace, factors_frame

    workspace = example_workspace()
    plot_balance(score(workspace), ax=fig_test.add_subplot())
    plot_balance(factors_frame(workspace), ax=fig_ref.add_subplot())


@figures_equal
def test_balance_does_not_depend_on_the_order_of_opportunities(
    fig_test: Figure, fig_ref: Figure
) -> None:
    from followup import example_workspace

    workspace = example_workspace()
    backwards = Workspace(opportunities=workspace.opportunities[::-1])
    plot_balance(workspace, ax=fig_test.add_subplot())
    plot_balance(backwards, ax=fig_ref.add_subplot())


def test_balance_refuses_data_it_cannot_read() -> None:
    import pandas as pd

    with pytest.raises(ValueError, match="data must be a Workspace or a table from score"):
        plot_balance(pd.DataFrame({"x": [1]}))


def test_balance_labels_of_fifty_opportunities_do_not_overlap() -> None:
    workspace = edge_workspaces()["fifty"]
    ax = drawn(plot_balance(workspace))
    assert len(row_names(ax)) == 50
    assert overlapping(extents(ax, every_text(ax))) == []


def test_balance_shortens_long_and_draws_hostile_names_as_typed() -> None:
    long = single(plus("x", 2), company="Société " * 24, role="Engineer")
    (label,) = row_names(drawn(plot_balance(long)))
    company, role = re.split(r"\s—\s", label)
    assert company.endswith("…")
    assert is_shortened_from(company, "Société " * 24)
    assert role.strip() == "Engineer"  # the role is never cut off by a long company name
    hostile = single(plus("x", 2), company="$\\foo$ Corp", role="Price $5 and $10")
    ax = drawn(plot_balance(hostile))
    assert row_names(ax) == ["$\\foo$ Corp — Price $5 and $10"]
    assert_drawn_literally(ax, "$\\foo$ Corp — Price $5 and $10")


# ---------------------------------------------------------------------------
# flip points


def test_flip_points_mark_each_factor_at_its_weight_nearest_flip_first(
    workspace: Workspace,
) -> None:
    from followup import flip_points

    workspace = workspace.with_opportunity(
        workspace.opportunity(INITECH).with_factor(minus("Far commute", 1))
    )
    flips = flip_points(workspace, INITECH)
    ax = plot_flip_points(workspace, INITECH)
    (marker,) = ax.collections[-1:]
    labels = row_names(ax)
    # Nearest flip first; ties keep the order the factors were entered in.
    distance = flips["change"].abs().astype("float64").fillna(99)
    expected = flips.assign(distance=distance).sort_values("distance", kind="stable")
    assert labels == list(expected["label"])
    assert marker.get_offsets()[:, 0].tolist() == list(expected["weight"])


def test_flip_points_say_where_each_verdict_flips(workspace: Workspace) -> None:
    ax = plot_flip_points(workspace, INITECH)
    notes = [t for t in texts(ax) if "flips" in t]
    assert notes[:4] == [
        "plus, flips at 4",
        "plus, flips at 4",
        "plus, flips at 3",
        "plus, flips at 2",
    ]
    assert notes[4:] == ["minus, flips at 9", "minus, flips at 9", "minus, flips at 7"]
    never = plot_flip_points(workspace, "pied-piper-compression")
    assert all(t.endswith("never flips") for t in texts(never) if "flips" in t)


def _stretch_at(ax: Axes, row: int, weight: int) -> PolyCollection:
    """The collection holding the stretch of row ``row`` (0 at the top) that covers ``weight``."""
    for collection in ax.collections:
        if not isinstance(collection, PolyCollection):
            continue
        for path in collection.get_paths():
            corners = path.vertices
            if (
                abs(corners[:, 1].mean() - row) < 0.1
                and corners[:, 0].min() < weight < corners[:, 0].max()
            ):
                return collection
    raise AssertionError(f"no stretch covers weight {weight} in row {row}")


def test_flip_points_colour_each_weight_by_its_verdict_and_hatch_the_flips(
    workspace: Workspace,
) -> None:
    ax = plot_flip_points(workspace, INITECH)
    # Top row: "Interesting payments domain", a plus of 6 in a balance of +2:
    # at 4 the balance is 0 (undecided), below it fails, above it passes.
    assert row_names(ax)[0] == "Interesting payments domain"
    for weight in range(1, 11):
        verdict = "pass" if weight > 4 else "undecided" if weight == 4 else "fail"
        stretch = _stretch_at(ax, 0, weight)
        assert tuple(stretch.get_facecolor()[0][:3]) == matplotlib.colors.to_rgb(
            VERDICT_COLORS[verdict]
        )
        assert bool(stretch.get_hatch()) == (verdict != "pass")


def test_flip_points_without_factors_say_so() -> None:
    ax = plot_flip_points(single(), "acme")
    assert "No factors to weigh yet" in texts(ax)


# ---------------------------------------------------------------------------
# categories


def test_categories_show_the_category_matrix_best_first_and_written_out(
    workspace: Workspace,
) -> None:
    from followup import category_matrix

    matrix = category_matrix(workspace).reindex(score(workspace).index)
    ax = plot_categories(workspace)
    (image,) = ax.images
    assert image.get_array().tolist() == matrix.to_numpy().tolist()
    assert [t.get_text() for t in ax.get_xticklabels()] == list(matrix.columns)
    written = texts(ax)
    assert len(written) == (matrix != 0).sum().sum()
    assert written[0] == "+10" and "−7" in written


def test_categories_draw_category_names_as_typed() -> None:
    ax = drawn(plot_categories(single(plus("x", 3, "$5 & $10"), minus("y", 2, "$\\alpha$"))))
    ticks = ax.get_xticklabels()
    assert [t.get_text() for t in ticks] == ["$5 & $10", "$\\alpha$"]
    assert not any(t.get_parse_math() for t in ticks)


# ---------------------------------------------------------------------------
# robustness


def test_robustness_bars_are_the_chances_of_passing_and_ranking_first(workspace: Workspace) -> None:
    from followup import robustness

    chances = robustness(workspace, trials=300, jitter=3, seed=7).reindex(score(workspace).index)
    ax = plot_robustness(workspace, trials=300, jitter=3, seed=7)
    assert bars(ax, "passes") == list(chances["p_pass"])
    assert bars(ax, "ranks first") == list(chances["p_top"])
    assert ax.get_title() == "How sure is each verdict? (weights ±3, 300 trials)"
    default = texts(plot_robustness(workspace))
    assert "67%" in default  # Initech passes in two trials out of three
    assert ">99%" in default  # Hooli almost always: never rounded up to a certainty


def test_robustness_writes_each_share_by_the_one_rule(workspace: Workspace) -> None:
    from followup import robustness

    chances = robustness(workspace, trials=400, seed=2).reindex(score(workspace).index)
    ax = plot_robustness(workspace, trials=400, seed=2)
    written = [t for t in texts(ax) if t.endswith("%")]
    expected = [percent(share) for share in chances["p_pass"]]
    expected += [percent(share) for share in chances["p_top"]]
    assert written == expected


def test_robustness_first_places_add_up_to_one_and_the_key_says_ties_split_them() -> None:
    twins = Workspace(
        opportunities=tuple(
            opportunity(name, name.title(), "Engineer", plus("good", 6), minus("bad", 2))
            for name in ("alpha", "beta", "gamma")
        )
    )
    ax = plot_robustness(twins, trials=300, jitter=0)
    assert bars(ax, "ranks first") == pytest.approx([1 / 3] * 3)
    assert "33%" in texts(ax)
    legend = ax.get_legend()
    assert legend is not None
    assert FIRST_PLACE in [t.get_text() for t in legend.get_texts()]
    assert "tie" in FIRST_PLACE


def test_robustness_passes_bad_options_back_as_errors(workspace: Workspace) -> None:
    with pytest.raises(ValueError, match="trials must be an integer"):
        plot_robustness(workspace, trials=0)


@figures_equal
def test_robustness_with_the_same_seed_draws_the_same_chart(
    fig_test: Figure, fig_ref: Figure
) -> None:
    from followup import example_workspace

    workspace = example_workspace()
    plot_robustness(workspace, trials=100, seed=3, ax=fig_test.add_subplot())
    plot_robustness(workspace, trials=100, seed=3, ax=fig_ref.add_subplot())
