"""The Franklin T editor: pluses left, minuses right, and what the balance says, live.

Moving a weight slider redraws the totals, the verdict, the chart, the flip
hints and the honesty warnings, and nothing else. Rows are reused (a row is
added or dropped only when a side gets more or fewer factors), so the slider
being dragged is never replaced under the pointer and switching opportunities
only changes values on the page.
"""

from __future__ import annotations

import asyncio
import threading

import ipywidgets as widgets

from followup.model import CATEGORIES, Factor, Opportunity
from followup.session import TSummary
from followup.session.wording import ordinal
from followup.ui.look import heading
from followup.ui.widgets import (
    NO_MATH,
    Field,
    Host,
    SelectionPanel,
    bullet_list,
    button,
    hide,
    label,
    message_label,
    picture,
    show_html,
    styled,
)

__all__ = ["FactorRow", "TChartPanel", "verdict_words"]

#: Seconds between another opportunity's rows reaching the page and its chart being drawn.
_SWITCH_PAUSE = 0.03

_VERDICT_WORDS = {
    "pass": "PASS — the pluses outweigh the minuses",
    "undecided": "UNDECIDED — the two sides weigh the same",
    "fail": "FAIL — the minuses outweigh the pluses",
}
_THRESHOLD_WORDS = {
    "pass": "PASS — the balance is above the threshold of {:g}",
    "undecided": "UNDECIDED — the balance is exactly the threshold of {:g}",
    "fail": "FAIL — the balance is below the threshold of {:g}",
}


def verdict_words(summary: TSummary) -> str:
    """The verdict in capitals, then why, in words.

    >>> from followup import example_workspace
    >>> from followup.session import t_summary
    >>> verdict_words(t_summary(example_workspace(), "globex-analytics-engineer"))
    'FAIL — the minuses outweigh the pluses'
    """
    if summary.threshold == 0:
        return _VERDICT_WORDS[summary.verdict]
    return _THRESHOLD_WORDS[summary.verdict].format(summary.threshold)


class FactorRow:
    """One factor: its label, a weight slider 1–10, a category and a remove button.

    Rows are reused: :meth:`assign` points a row at another factor (after a
    remove, or for another opportunity), so the page keeps its elements and
    only their values change.
    """

    def __init__(self, host: Host, side: str) -> None:
        t_chart = host.session.t_chart
        self.opportunity_id = ""
        self.index = -1
        self.side = side
        self.message = message_label("followup-message", "followup-field-error")
        self.label = Field(
            host,
            "",
            widgets.Text(layout=widgets.Layout(width="auto")),
            lambda value: t_chart.set_label(self.opportunity_id, self.index, value),
            "followup-factor-label",
            error=self.message,
        )
        self.weight = Field(
            host,
            "",
            widgets.IntSlider(min=1, max=10, step=1, readout=True),
            lambda value: t_chart.set_weight(self.opportunity_id, self.index, value),
            "followup-weight",
            error=self.message,
        )
        self.category = Field(
            host,
            "",
            widgets.Combobox(
                options=list(CATEGORIES),
                placeholder="category",
                ensure_option=False,
                layout=widgets.Layout(width="6.5em"),
            ),
            lambda value: t_chart.set_category(self.opportunity_id, self.index, value),
            "followup-factor-category",
            error=self.message,
        )
        self.remove = button("✕", "followup-remove-factor", tooltip="Remove this factor")
        self.remove.on_click(
            lambda _: host.act(
                lambda: t_chart.remove_factor(self.opportunity_id, self.index), self.message
            )
        )
        self.root = styled(
            widgets.VBox(
                [
                    styled(
                        widgets.HBox(
                            [self.label.box, self.weight.box, self.category.box, self.remove],
                            layout=widgets.Layout(width="100%"),
                        ),
                        "followup-factor-line",
                    ),
                    self.message,
                ]
            ),
            "followup-factor-row",
            f"followup-factor-{side}",
        )

    def assign(self, opportunity_id: str, index: int, factor: Factor, position: int) -> None:
        """Show ``factor`` (the ``index``-th of the opportunity, ``position``-th of its side)."""
        moved = (opportunity_id, index) != (self.opportunity_id, self.index)
        self.opportunity_id, self.index = opportunity_id, index
        self.label.show(factor.label, force=moved)
        self.weight.show(factor.weight, force=moved)
        self.category.show(factor.category or "", force=moved)
        # Accessible names: what a screen reader says for each control of the row.
        which = f"the {ordinal(position)} {self.side}"
        self.label.name(f"Label of {which}")
        self.weight.name(f"Weight of {which}, {factor.label}")
        self.category.name(f"Category of {which}")
        tooltip = f"Remove {which}: {factor.label}"
        if self.remove.tooltip != tooltip:
            self.remove.tooltip = tooltip


class TChartPanel(SelectionPanel):
    """The T of the selected opportunity, with its live summary (``session.t_chart``)."""

    title = "The T"
    css = "followup-tab-t"
    plain_words = True

    def build(self) -> None:
        host = self.host
        self.heading = label("", "followup-title", "followup-t-title")
        self.pluses = styled(widgets.VBox(), "followup-pluses")
        self.minuses = styled(widgets.VBox(), "followup-minuses")
        self.add_plus = button("+ Add a plus", "followup-add-plus")
        self.add_minus = button("+ Add a minus", "followup-add-minus")
        spaced = widgets.Layout(margin="0 1.5em 0 0")
        self.plus_total = styled(widgets.Label(layout=spaced), NO_MATH, "followup-plus-total")
        self.minus_total = styled(widgets.Label(layout=spaced), NO_MATH, "followup-minus-total")
        self.balance = styled(widgets.Label(layout=spaced), NO_MATH, "followup-balance")
        self.verdict = label("", "followup-verdict")
        self.chart = picture("followup-t-chart")
        self.undo_note = label("", "followup-undo-remove-note")
        self.undo_remove = button("Undo", "followup-undo-remove", tooltip="Put the factor back")
        self.undo_remove.on_click(
            lambda _: host.act(lambda: self.session.t_chart.undo_remove(self._id()), self.message)
        )
        self.flips = styled(widgets.HTML(), "followup-flips")
        self.warnings = styled(widgets.HTML(), "followup-honesty")
        self.nothing = label("Pick or add an opportunity to weigh it.", "followup-nothing-selected")
        self.rows_by_side: dict[str, list[FactorRow]] = {"plus": [], "minus": []}
        self._shown: tuple[str, tuple[int, ...], tuple[int, ...]] | None = None
        #: The first chart is drawn once the page has what it needs to be used (see draw).
        self._chart_waiting = False
        self._charts_due = 0  # counts the waits that are over: each asks for a drawing
        self._first_chart = True
        self._charted_id: str | None = None  # whose T the chart shows
        self._waited = False
        t_chart = self.session.t_chart
        self.add_plus.on_click(
            lambda _: host.act(lambda: t_chart.add_factor(self._id(), "plus"), self.message)
        )
        self.add_minus.on_click(
            lambda _: host.act(lambda: t_chart.add_factor(self._id(), "minus"), self.message)
        )
        column = widgets.Layout(flex="1 1 27em", min_width="min(22em, 100%)", margin="0 1em 0 0")
        columns = widgets.HBox(
            [
                styled(
                    widgets.VBox(
                        [heading("Pluses"), self.pluses, self.add_plus],
                        layout=column,
                    ),
                    "followup-plus-column",
                ),
                styled(
                    widgets.VBox(
                        [heading("Minuses"), self.minuses, self.add_minus],
                        layout=column,
                    ),
                    "followup-minus-column",
                ),
            ],
            # On a narrow page the minuses go below the pluses rather than off the edge.
            layout=widgets.Layout(flex_flow="row wrap", width="100%"),
        )
        summary = styled(
            widgets.HBox(
                [self.plus_total, self.minus_total, self.balance, self.verdict],
                layout=widgets.Layout(flex_flow="row wrap"),
            ),
            "followup-t-summary",
        )
        self.content = widgets.VBox(
            [
                self.heading,
                columns,
                styled(widgets.HBox([self.undo_note, self.undo_remove]), "followup-row"),
                self.message,
                summary,
                self.chart,
                heading("What would flip the verdict"),
                self.flips,
                heading("Honesty check"),
                self.warnings,
            ]
        )
        self.root.children = [self.nothing, self.content]

    def key(self) -> object:
        state = self.session.state
        # A wait for the chart that is over bumps ``_charts_due``: the chart is drawn then.
        return (state.revision, state.selected_id, state.unsaved, self._charts_due)

    def _id(self) -> str:
        selected = self.session.state.selected_id
        if selected is None:
            raise ValueError("Pick an opportunity first.")
        return selected

    @property
    def rows(self) -> list[FactorRow]:
        """The rows in use, in factor order (pluses and minuses together)."""
        if self._shown is None:
            return []
        in_use = [
            *self.rows_by_side["plus"][: len(self._shown[1])],
            *self.rows_by_side["minus"][: len(self._shown[2])],
        ]
        return sorted(in_use, key=lambda row: row.index)

    @property
    def weights(self) -> list[widgets.IntSlider]:
        """Every weight slider in use, in factor order."""
        return [row.weight.input for row in self.rows]

    def draw(self) -> None:
        opportunity = self._selection()
        if opportunity is None:
            return
        self.heading.value = f"{opportunity.company} — {opportunity.role}"
        self.show_rows(opportunity)
        summary = self.session.t_chart.summary(opportunity.id)
        self.show_summary(summary)
        # A label being typed would redraw the chart on every key (the labels are the slow
        # part): the chart follows once the typing pauses, with the save.
        if not self.session.state.unsaved and not self._chart_later(opportunity.id):
            self.chart.value = self.session.t_chart.png(opportunity.id)
            self._charted_id = opportunity.id
        removed = self.session.t_chart.removed(opportunity.id)
        self.undo_note.value = f"Removed “{removed.label}”." if removed is not None else ""
        hide(self.undo_note, removed is None)
        hide(self.undo_remove, removed is None)

    def _chart_later(self, opportunity_id: str) -> bool:
        """Leave the chart for a moment, so that what the person acts on reaches the page first.

        Only in a kernel (an event loop runs); without a loop (a script, the
        tests) the chart is drawn at once.

        - The first chart loads matplotlib (most of a second) before it draws:
          the T's rows, totals and verdict go to the page at once, matplotlib
          loads on a thread of its own while the kernel stays free to answer
          the first slider moves, and the chart is drawn on the kernel's thread
          as soon as it has loaded.
        - Another opportunity's T drawn for the first time takes a full drawing
          (a few hundred milliseconds on a slow machine): its rows and verdict
          go first, and the chart is drawn a moment later, once the page has
          had them.

        A weight moved on the T shown is drawn at once: only what changed is
        drawn again, in a few milliseconds.
        """
        if self._chart_waiting:
            return True
        if self._waited:  # the moment is over: draw now
            self._waited = False
            return False
        switching = opportunity_id != self._charted_id
        if not (self._first_chart or switching):
            return False
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._first_chart = False
            return False
        self._chart_waiting = True
        if self._first_chart:
            self._first_chart = False
            threading.Thread(
                target=self._load_chart_drawing,
                args=(loop,),
                name="followup-chart-loading",
                daemon=True,
            ).start()
        else:
            loop.call_later(_SWITCH_PAUSE, self._chart_due)
        return True

    def _load_chart_drawing(self, loop: asyncio.AbstractEventLoop) -> None:
        try:
            self.session.t_chart.load_drawing()
        finally:  # a failure to load shows where the chart is drawn, in the panel's message
            loop.call_soon_threadsafe(self._chart_due)

    def _chart_due(self) -> None:
        self._chart_waiting = False
        self._waited = True
        self._charts_due += 1
        self.host.render()

    def show_rows(self, opportunity: Opportunity) -> None:
        """Point one row at each factor; add or drop rows only when their number changes."""
        plus = tuple(i for i, f in enumerate(opportunity.factors) if f.side == "plus")
        minus = tuple(i for i, f in enumerate(opportunity.factors) if f.side == "minus")
        shown = (opportunity.id, plus, minus)
        if self._shown is not None and shown[0] != self._shown[0]:
            self.message.value = ""
        self._shown = shown
        for side, indexes, box in (("plus", plus, self.pluses), ("minus", minus, self.minuses)):
            pool = self.rows_by_side[side]
            while len(pool) < len(indexes):
                pool.append(FactorRow(self.host, side))
            for position, (row, index) in enumerate(zip(pool, indexes, strict=False), start=1):
                row.assign(opportunity.id, index, opportunity.factors[index], position)
            roots = tuple(row.root for row in pool[: len(indexes)])
            if tuple(box.children) != roots:
                box.children = roots

    def show_summary(self, summary: TSummary) -> None:
        self.plus_total.value = f"Pluses {summary.plus_total}"
        self.minus_total.value = f"Minuses {summary.minus_total}"
        self.balance.value = f"Balance {summary.balance:+d}"
        for verdict in _VERDICT_WORDS:
            self.verdict.remove_class(f"followup-verdict-{verdict}")
        self.verdict.add_class(f"followup-verdict-{summary.verdict}")
        self.verdict.value = verdict_words(summary)
        no_flip = "No single weight change from 1 to 10 flips the verdict."
        show_html(self.flips, bullet_list(summary.flips, empty=no_flip))
        no_warning = "No warnings: the T looks balanced."
        show_html(self.warnings, bullet_list(summary.warnings, empty=no_warning))
