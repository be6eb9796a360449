"""The T redrawn in place: the same pixels as a fresh chart, for every change of weight."""

from __future__ import annotations

import dataclasses
import io
import random

import numpy as np
import pytest
from PIL import Image

from followup import Factor, Opportunity, UnknownOpportunityError, Workspace
from followup.charts import figure_png, plot_t
from followup.charts import live as live_module
from followup.charts.live import TChartRenderer
from followup.charts.png import encode_png
from followup.charts.t_layout import t_sides

INITECH = "initech-backend-engineer"
DPI = 80


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def fresh(workspace: Workspace, opportunity_id: str) -> np.ndarray:
    return pixels(figure_png(plot_t(workspace, opportunity_id), dpi=DPI))


def reweighed(workspace: Workspace, opportunity_id: str, index: int, weight: int) -> Workspace:
    opportunity = workspace.opportunity(opportunity_id)
    factors = list(opportunity.factors)
    factors[index] = dataclasses.replace(factors[index], weight=weight)
    return workspace.with_opportunity(opportunity.with_factors(factors))


def with_threshold(workspace: Workspace, threshold: int) -> Workspace:
    return dataclasses.replace(
        workspace, settings=dataclasses.replace(workspace.settings, threshold=threshold)
    )


def assert_same_picture(got: np.ndarray, expected: np.ndarray) -> None:
    assert got.shape == expected.shape
    differing = int((got != expected).any(axis=2).sum())
    assert differing == 0, f"{differing} pixels differ"


@pytest.mark.slow
@pytest.mark.parametrize("opportunity_index", [0, 3, 6])
def test_each_weight_change_gives_the_pixels_of_a_fresh_chart(
    workspace: Workspace, opportunity_index: int
) -> None:
    opportunity_id = workspace.ids[opportunity_index]
    renderer = TChartRenderer(dpi=DPI)
    chosen = random.Random(opportunity_index)
    count = len(workspace.opportunity(opportunity_id).factors)
    for step in range(6):
        index = chosen.randrange(count)
        workspace = reweighed(workspace, opportunity_id, index, chosen.randint(1, 10))
        if step == 3:
            workspace = with_threshold(workspace, chosen.randint(-6, 6))
        got = pixels(renderer.render(workspace, opportunity_id))
        assert_same_picture(got, fresh(workspace, opportunity_id))


def test_weights_seen_before_are_shown_as_drawn_then(workspace: Workspace) -> None:
    renderer = TChartRenderer(dpi=DPI)
    light = reweighed(workspace, INITECH, 0, 1)
    heavy = reweighed(workspace, INITECH, 0, 10)
    for state in (light, heavy, light, heavy):
        assert_same_picture(pixels(renderer.render(state, INITECH)), fresh(state, INITECH))


def test_a_weight_change_draws_no_new_chart(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str] = []
    draw_t = live_module.draw_t

    def counting(workspace: Workspace, opportunity_id: str) -> object:
        drawn.append(opportunity_id)
        return draw_t(workspace, opportunity_id)

    monkeypatch.setattr(live_module, "draw_t", counting)
    renderer = TChartRenderer(dpi=DPI)
    for weight in (1, 5, 9, 5):
        renderer.render(reweighed(workspace, INITECH, 0, weight), INITECH)
    renderer.render(with_threshold(workspace, 20), INITECH)
    assert drawn == [INITECH]


def test_new_or_renamed_factors_are_drawn_anew(workspace: Workspace) -> None:
    renderer = TChartRenderer(dpi=DPI)
    renderer.render(workspace, INITECH)
    opportunity = workspace.opportunity(INITECH)
    added = workspace.with_opportunity(
        opportunity.with_factor(Factor("Price $5 and $10 lunch", "minus", 3, "other"))
    )
    assert_same_picture(pixels(renderer.render(added, INITECH)), fresh(added, INITECH))
    first = opportunity.factors[0]
    renamed = workspace.with_opportunity(
        opportunity.with_factors(
            (dataclasses.replace(first, label="A" * 200), *opportunity.factors[1:])
        )
    )
    assert_same_picture(pixels(renderer.render(renamed, INITECH)), fresh(renamed, INITECH))


@pytest.mark.slow
def test_switching_between_more_opportunities_than_it_keeps_stays_right(
    workspace: Workspace,
) -> None:
    renderer = TChartRenderer(dpi=DPI, keep=2)
    for opportunity_id in [*workspace.ids[:4], *workspace.ids[:4]]:
        changed = reweighed(workspace, opportunity_id, 0, 7)
        got = pixels(renderer.render(changed, opportunity_id))
        assert_same_picture(got, fresh(changed, opportunity_id))


def test_an_opportunity_without_factors_is_drawn_and_redrawn() -> None:
    empty = Workspace((Opportunity("empty", "Acme", "Engineer"),))
    renderer = TChartRenderer(dpi=DPI)
    renderer.render(empty, "empty")
    stricter = with_threshold(empty, 3)
    assert_same_picture(pixels(renderer.render(stricter, "empty")), fresh(stricter, "empty"))


def test_an_unknown_opportunity_is_refused_by_name(workspace: Workspace) -> None:
    with pytest.raises(UnknownOpportunityError, match="no-such-job"):
        TChartRenderer().render(workspace, "no-such-job")


def test_png_holds_the_pixels_and_the_resolution() -> None:
    image = np.random.default_rng(0).integers(0, 256, size=(5, 7, 4), dtype=np.uint8)
    png = encode_png(image, dpi=80)
    opened = Image.open(io.BytesIO(png))
    assert np.array_equal(np.asarray(opened.convert("RGBA")), image)
    assert opened.info["dpi"] == pytest.approx((80, 80), abs=0.1)


def test_png_refuses_pixels_that_are_not_rgba_bytes() -> None:
    with pytest.raises(ValueError, match=r"shape \(height, width, 4\)"):
        encode_png(np.zeros((2, 2, 3), dtype=np.uint8))


def summed_up() -> Workspace:
    """A T with more factors than rows on each side: each side ends with a summary row."""
    factors = [Factor(f"plus {n}", "plus", n * 7 % 9 + 2) for n in range(26)]
    factors += [Factor(f"minus {n}", "minus", n * 5 % 9 + 2) for n in range(23)]
    return Workspace((Opportunity("big", "Acme", "Engineer", factors=tuple(factors)),))


def test_a_summed_up_t_is_redrawn_with_the_pixels_of_a_fresh_chart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn: list[str] = []
    draw_t = live_module.draw_t

    def counting(workspace: Workspace, opportunity_id: str) -> object:
        drawn.append(opportunity_id)
        return draw_t(workspace, opportunity_id)

    monkeypatch.setattr(live_module, "draw_t", counting)
    workspace = summed_up()
    opportunity = workspace.opportunity("big")
    shown_plus = t_sides(opportunity)[0].shown
    hidden_plus = next(i for i in range(len(opportunity.pluses)) if i not in shown_plus)
    heaviest_hidden = opportunity.pluses[hidden_plus].weight
    renderer = TChartRenderer(dpi=DPI)
    steps = [
        reweighed(workspace, "big", shown_plus[0], 10),  # a shown factor: its row
        reweighed(workspace, "big", hidden_plus, 1),  # a hidden one: the summary row
        with_threshold(reweighed(workspace, "big", hidden_plus, 1), 5),
    ]
    for state in steps:
        got = pixels(renderer.render(state, "big"))
        assert_same_picture(got, fresh(state, "big"))
    assert drawn == ["big"]
    assert heaviest_hidden < 10
    # A hidden factor made heaviest takes a row of its own: another layout, drawn anew.
    promoted = reweighed(workspace, "big", hidden_plus, 10)
    assert hidden_plus in t_sides(promoted.opportunity("big"))[0].shown
    assert_same_picture(pixels(renderer.render(promoted, "big")), fresh(promoted, "big"))
    assert drawn == ["big", "big"]
