"""The T editor: sliders move the balance, the verdict, the chart and the file, live."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from followup import Factor, Opportunity, Workspace, example_workspace, load_workspace
from tests.ui.support import (  # noqa: F401
    after_typing,
    make_app,
    no_swallowed_errors,
    with_class,
)

ACME = "acme-data-engineer"
INITECH = "initech-backend-engineer"


def _row_for(view, label):
    return next(row for row in view.t_chart.rows if row.label.value == label)


def _app_on_one_opportunity(opportunity_id, company, *factors):
    """The app on a workspace holding one engineering opportunity with these factors."""
    opportunity = Opportunity(opportunity_id, company, "Engineer", factors=factors)
    return make_app(Workspace(opportunities=[opportunity]))


@pytest.mark.slow
def test_the_t_shows_each_side_in_its_column():
    view = make_app(example_workspace())
    acme = example_workspace().opportunity(ACME)
    plus_labels = [w.value for w in with_class(view.t_chart.pluses, "followup-factor-label")]
    minus_labels = [w.value for w in with_class(view.t_chart.minuses, "followup-factor-label")]
    assert plus_labels == [f.label for f in acme.pluses]
    assert minus_labels == [f.label for f in acme.minuses]
    assert [s.value for s in view.t_chart.weights] == [f.weight for f in acme.factors]
    assert view.t_chart.plus_total.value == "Pluses 28"
    assert view.t_chart.minus_total.value == "Minuses 13"
    assert view.t_chart.balance.value == "Balance +15"
    assert view.t_chart.verdict.value.startswith("PASS")
    assert bytes(view.t_chart.chart.value).startswith(b"\x89PNG")


def test_dragging_a_minus_up_flips_the_verdict_and_redraws_everything(tmp_path):
    path = tmp_path / "search.json"
    view = make_app(example_workspace(), path)
    view.opportunities.select.value = INITECH
    assert view.t_chart.verdict.value.startswith("PASS")
    chart_before = view.t_chart.chart.value
    sentence = view.session.t_chart.summary(INITECH).flips[0]
    assert sentence in view.t_chart.flips.value.replace("&#x27;", "'")
    label = sentence.split("'")[1]
    target = int(sentence.rstrip(".").rsplit(" ", 1)[1])
    row = _row_for(view, label)
    row.weight.input.value = target  # what a drag or the arrow keys end with
    assert not view.t_chart.verdict.value.startswith("PASS")
    assert view.t_chart.chart.value != chart_before
    assert bytes(view.t_chart.chart.value).startswith(b"\x89PNG")
    saved = load_workspace(path).opportunity(INITECH).factors[row.index]
    assert (saved.label, saved.weight) == (label, target)
    assert view.save_status.value == "saved 12:04"


def test_every_step_of_a_drag_updates_the_totals():
    view = make_app(example_workspace())
    commute = _row_for(view, "90-minute commute three days a week")
    for weight in range(1, 11):
        commute.weight.input.value = weight
        assert view.t_chart.minus_total.value == f"Minuses {weight + 7}"
        assert view.t_chart.balance.value == f"Balance {28 - weight - 7:+d}"


def test_the_verdict_classes_follow_the_verdict():
    view = make_app(example_workspace())
    assert "followup-verdict-pass" in view.t_chart.verdict._dom_classes
    view.opportunities.select.value = "globex-analytics-engineer"
    assert "followup-verdict-fail" in view.t_chart.verdict._dom_classes
    assert "followup-verdict-pass" not in view.t_chart.verdict._dom_classes


def test_a_balanced_t_is_undecided():
    view = _app_on_one_opportunity(
        "even", "Even Co", Factor("Pay", "plus", 5), Factor("Commute", "minus", 5)
    )
    assert view.t_chart.verdict.value.startswith("UNDECIDED")


@pytest.mark.slow
def test_add_plus_and_add_minus_add_rows_that_can_be_labelled(tmp_path):
    path = tmp_path / "search.json"
    view = make_app(example_workspace(), path)
    view.t_chart.add_plus.click()
    view.t_chart.add_minus.click()
    assert len(view.t_chart.pluses.children) == 5
    assert len(view.t_chart.minuses.children) == 4
    new_plus = view.t_chart.rows[-2]
    assert new_plus.label.value == "New plus"
    new_plus.label.input.value = "Free conference budget"
    new_plus.category.input.value = "growth"
    after_typing(view)
    saved = load_workspace(path).opportunity(ACME).factors[-2]
    assert (saved.label, saved.side, saved.weight, saved.category) == (
        "Free conference budget",
        "plus",
        5,
        "growth",
    )
    assert view.t_chart.plus_total.value == "Pluses 33"


def test_removing_a_row_removes_the_factor():
    view = make_app(example_workspace())
    commute = _row_for(view, "90-minute commute three days a week")
    commute.remove.click()
    labels = [f.label for f in view.session.state.opportunity(ACME).factors]
    assert "90-minute commute three days a week" not in labels
    assert len(view.t_chart.minuses.children) == 2
    assert view.t_chart.minus_total.value == "Minuses 7"


def test_an_empty_label_shows_a_message_in_the_row_and_keeps_the_last_good_label():
    view = make_app(example_workspace())
    row = view.t_chart.rows[0]
    row.label.input.value = "   "
    assert "The first plus needs a label" in row.message.value
    assert "followup-invalid" in row.label.input._dom_classes
    assert "last good value is kept" in row.message.value
    assert (
        view.session.state.opportunity(ACME).factors[0].label
        == "Team ships to production every week"
    )
    row.label.input.value = "Weekly releases"
    assert row.message.value == ""
    assert "followup-invalid" not in row.label.input._dom_classes


def test_a_label_too_long_is_refused_next_to_the_row():
    view = make_app(example_workspace())
    row = view.t_chart.rows[1]
    row.label.input.value = "x" * 301
    assert "at most 300 characters" in row.message.value


def test_honesty_warnings_appear_for_a_one_sided_t():
    workspace = example_workspace()
    acme = workspace.opportunity(ACME)
    one_sided = workspace.with_opportunity(replace(acme, factors=acme.pluses))
    view = make_app(one_sided)
    assert "has no minuses" in view.t_chart.warnings.value
    view.t_chart.add_minus.click()
    assert "has no minuses" not in view.t_chart.warnings.value


def test_flip_hints_speak_in_words_and_escape_labels():
    view = _app_on_one_opportunity(
        "close",
        "Close Co",
        Factor("<b>Pay</b> & perks", "plus", 6),
        Factor("Commute", "minus", 5),
        Factor("Team", "plus", 2),
    )
    assert "The verdict flips if" in view.t_chart.flips.value
    assert "&lt;b&gt;Pay&lt;/b&gt; &amp; perks" in view.t_chart.flips.value
    assert "<b>" not in view.t_chart.flips.value


def test_an_opportunity_without_factors_shows_an_empty_t_and_a_hint():
    view = _app_on_one_opportunity("blank", "Blank Co")
    assert view.t_chart.rows == []
    assert view.t_chart.balance.value == "Balance +0"
    assert view.t_chart.verdict.value.startswith("UNDECIDED")
    assert "no factors yet" in view.t_chart.warnings.value
    assert bytes(view.t_chart.chart.value).startswith(b"\x89PNG")


def test_switching_opportunities_rebuilds_the_rows():
    view = make_app(example_workspace())
    view.opportunities.select.value = "pied-piper-compression"
    pied = example_workspace().opportunity("pied-piper-compression")
    assert [row.label.value for row in view.t_chart.rows] == [f.label for f in pied.factors]
    view.t_chart.rows[0].weight.input.value = 1
    assert view.session.state.opportunity("pied-piper-compression").factors[0].weight == 1
    assert view.session.state.opportunity(ACME) == example_workspace().opportunity(ACME)


def test_a_weight_change_does_not_replace_the_slider_being_dragged():
    view = make_app(example_workspace())
    slider = view.t_chart.weights[4]
    slider.value = 9
    slider.value = 10
    assert view.t_chart.weights[4] is slider
    assert view.session.state.opportunity(ACME).factors[4].weight == 10


@pytest.mark.slow
def test_only_the_visible_tab_is_redrawn_on_a_weight_change(monkeypatch):
    view = make_app(example_workspace())
    view.show_tab(view.compare)
    view.show_tab(view.t_chart)
    drawn = []
    monkeypatch.setattr(view.compare, "draw", lambda: drawn.append("compare"))
    view.t_chart.weights[0].value = 3
    assert drawn == []
    view.show_tab(view.compare)
    assert drawn == ["compare"]


def test_a_change_arriving_on_another_thread_while_drawing_waits_and_is_not_lost():
    # JupyterLab may deliver widget messages on a subshell thread while the kernel's main
    # thread is still drawing the previous change.
    import threading

    view = make_app(example_workspace())
    drawing, release = threading.Event(), threading.Event()
    draw_chart = view.session.t_chart.png

    def slow_chart(opportunity_id):
        drawing.set()
        release.wait(5)
        return draw_chart(opportunity_id)

    view.session.t_chart.png = slow_chart
    first = threading.Thread(target=lambda: setattr(view.t_chart.weights[0], "value", 2))
    first.start()
    assert drawing.wait(5)
    second = threading.Thread(target=lambda: setattr(view.t_chart.weights[4], "value", 9))
    second.start()
    second.join(0.2)
    assert second.is_alive()  # waiting for the drawing, not dropped
    release.set()
    first.join(5)
    second.join(5)
    weights = [f.weight for f in view.session.state.opportunity(ACME).factors]
    assert (weights[0], weights[4]) == (2, 9)
    assert view.t_chart.balance.value == f"Balance {2 + 7 + 7 + 6 - 9 - 4 - 3:+d}"


def test_a_removed_factor_can_be_put_back_with_undo(tmp_path):
    path = tmp_path / "search.json"
    view = make_app(example_workspace(), path)
    commute = _row_for(view, "90-minute commute three days a week")
    commute.remove.click()
    assert view.t_chart.undo_note.value == "Removed “90-minute commute three days a week”."
    assert view.t_chart.undo_remove.layout.display is None
    view.t_chart.undo_remove.click()
    assert load_workspace(path).opportunity(ACME) == example_workspace().opportunity(ACME)
    assert view.t_chart.undo_remove.layout.display == "none"
    assert view.t_chart.minus_total.value == "Minuses 13"


def test_every_control_of_a_row_has_an_accessible_name():
    view = make_app(example_workspace())
    first_plus, first_minus = view.t_chart.rows[0], view.t_chart.rows[4]
    assert first_plus.label.input.tooltip == "Label of the first plus"
    assert first_plus.weight.input.tooltip == (
        "Weight of the first plus, Team ships to production every week"
    )
    assert first_plus.category.input.tooltip == "Category of the first plus"
    assert first_minus.weight.input.tooltip.startswith("Weight of the first minus, 90-minute")
    assert first_minus.remove.tooltip.startswith("Remove the first minus: 90-minute")
    # the name follows the label as it is typed
    first_plus.label.input.value = "Weekly releases"
    assert first_plus.weight.input.tooltip == "Weight of the first plus, Weekly releases"


def test_the_verdict_is_a_badge_coloured_by_its_class():
    view = make_app(example_workspace())
    assert "followup-verdict-pass" in view.t_chart.verdict._dom_classes
    assert view.t_chart.verdict.style.text_color in (None, "")  # colours come from the stylesheet


def test_typing_a_label_keeps_what_is_typed_and_saves_a_second_later(tmp_path):
    from tests.ui.support import after_typing

    path = tmp_path / "search.json"
    view = make_app(example_workspace(), path)
    row = view.t_chart.rows[0]
    chart = view.t_chart.chart.value
    for end in range(1, len("Weekly releases ") + 1):  # the trailing space is typed too
        row.label.input.value = "Weekly releases "[:end]
    assert view.t_chart.chart.value == chart  # not redrawn on every key
    assert row.label.input.value == "Weekly releases "  # not tidied away under the cursor
    assert view.save_status.value == "saving…"
    assert load_workspace(path).opportunity(ACME).factors[0].label.startswith("Team ships")
    after_typing(view)
    assert load_workspace(path).opportunity(ACME).factors[0].label == "Weekly releases"
    assert view.save_status.value == "saved 12:04"
    assert view.t_chart.chart.value != chart  # drawn once the typing paused


def test_in_a_kernel_the_t_is_usable_before_its_first_chart_and_the_chart_follows():
    """A kernel runs an event loop: the rows and the verdict go to the page first."""

    async def open_then_wait():
        view = make_app(example_workspace())
        first = (
            view.t_chart.verdict.value,
            len(view.t_chart.weights),
            bytes(view.t_chart.chart.value),
        )
        for _ in range(500):  # the kernel is free: drawing loads, then the chart is drawn
            if view.t_chart.chart.value:
                break
            await asyncio.sleep(0.01)
        return first, bytes(view.t_chart.chart.value)

    (verdict, sliders, chart_at_first), chart_later = asyncio.run(open_then_wait())
    assert verdict.startswith("PASS")
    assert sliders == len(example_workspace().opportunity(ACME).factors)
    assert chart_at_first == b""
    assert chart_later.startswith(b"\x89PNG")


def test_without_an_event_loop_the_first_chart_is_drawn_at_once():
    view = make_app(example_workspace())
    assert bytes(view.t_chart.chart.value).startswith(b"\x89PNG")


def test_in_a_kernel_another_opportunitys_rows_and_verdict_come_first_then_its_chart():
    async def switch_then_wait():
        view = make_app(example_workspace())
        for _ in range(500):  # the first chart
            if view.t_chart.chart.value:
                break
            await asyncio.sleep(0.01)
        acme_chart = bytes(view.t_chart.chart.value)
        view.opportunities.select.value = INITECH
        at_once = (view.t_chart.heading.value, bytes(view.t_chart.chart.value))
        for _ in range(500):
            if bytes(view.t_chart.chart.value) != acme_chart:
                break
            await asyncio.sleep(0.01)
        return acme_chart, at_once, bytes(view.t_chart.chart.value), view

    acme_chart, (heading, chart_at_once), chart_later, view = asyncio.run(switch_then_wait())
    assert heading.startswith("Initech")
    assert chart_at_once == acme_chart  # the rows changed first
    assert chart_later.startswith(b"\x89PNG") and chart_later != acme_chart
    assert chart_later == view.session.t_chart.png(INITECH)
