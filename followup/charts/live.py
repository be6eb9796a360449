"""The Franklin T redrawn as a slider moves: one figure kept, only what changed drawn again.

Drawing a T from scratch costs most of its time in text: every label is laid
out, measured and rendered, and the app would pay that on every change of a
weight. :class:`TChartRenderer` draws the T of a set of factors once, keeps
the picture without the parts a weight change alters (the bars, the weights,
the totals, the balance and the title), and for each new set of weights
redraws only the horizontal bands whose content changed, over that kept
picture. The pixels are those :func:`~followup.charts.figure_png` gives for
:func:`~followup.charts.plot_t` at the same resolution.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from followup.charts.png import encode_png
from followup.charts.style import FittedText, drawing, root_figure
from followup.charts.t_chart import TChart, draw_t
from followup.charts.t_layout import t_figure_width, t_sides, t_title
from followup.decide.scoring import check_threshold, verdict_for
from followup.model import Opportunity, Workspace

__all__ = ["TChartRenderer"]

_KEEP = 4  # drawn Ts kept, so that going back to an opportunity just seen is quick
# Pixels of bands already drawn, kept per T: a slider moved back and forth shows the same
# totals, balance and title again, and text is what costs most to draw.
_BAND_MEMORY = 8 * 2**20  # bytes


@dataclass
class _Band:
    """Rows ``top`` to ``bottom`` (pixels, from the top) of the picture, and what changes there."""

    top: int
    bottom: int
    changing: list[Artist]
    shown: Hashable = None  # the look of ``changing`` the pixels show now

    def look(self) -> Hashable:
        return tuple(_look(artist) for artist in self.changing)


def _look(artist: Artist) -> Hashable:
    if isinstance(artist, FittedText):
        # Its text is shortened from ``full_text`` as it is drawn.
        return (artist.full_text, artist.get_position())
    if isinstance(artist, Text):
        return (artist.get_text(), artist.get_position())
    if isinstance(artist, Rectangle):
        return (artist.get_x(), artist.get_y(), artist.get_width(), artist.get_height())
    raise TypeError(f"no look for {artist!r}")


@dataclass
class _LiveT:
    """One drawn T, its picture without the changing artists, and its bands."""

    chart: TChart
    canvas: FigureCanvasAgg
    background: np.ndarray
    memory: int  # bytes of drawn bands to keep
    bands: list[_Band] = field(default_factory=list)
    seen: OrderedDict[tuple[int, Hashable], np.ndarray] = field(default_factory=OrderedDict)
    seen_bytes: int = 0

    @classmethod
    def draw(cls, workspace: Workspace, opportunity_id: str, dpi: float, memory: int) -> _LiveT:
        chart = draw_t(workspace, opportunity_id)
        figure = root_figure(chart.ax)
        figure.set_dpi(dpi)
        canvas = FigureCanvasAgg(figure)
        changing = chart.changing
        for artist in changing:
            artist.set_animated(True)  # left out of the kept picture
        canvas.draw()  # type: ignore[no-untyped-call]
        background = np.array(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
        live = cls(chart, canvas, background, memory)
        live.bands = live._bands()
        live._draw(_in_drawing_order(chart, changing), None)
        for band in live.bands:
            band.shown = band.look()
        return live

    @property
    def pixels(self) -> np.ndarray:
        return np.asarray(self.canvas.buffer_rgba())  # type: ignore[no-untyped-call]

    def _row(self, y: float) -> int:
        """The pixel row (from the top) of data coordinate ``y``."""
        display = float(self.chart.ax.transData.transform((0.0, y))[1])
        height: int = self.pixels.shape[0]
        return round(height - display)

    def _bands(self) -> list[_Band]:
        chart = self.chart
        height = self.pixels.shape[0]
        edges = [self._row(y) for y in chart.row_edges]
        axes_top = round(height - chart.ax.bbox.y1)
        between = (chart.plus_total.get_position()[1] + chart.balance.get_position()[1]) / 2
        bands = [_Band(0, axes_top, [chart.title])]
        for row, (top, bottom) in enumerate(itertools.pairwise(edges)):
            changing: list[Artist] = []
            for side in (chart.plus, chart.minus):
                if row < len(side.bars):
                    changing += [side.bars[row], side.numbers[row]]
                elif row == len(side.bars) and side.summary is not None:
                    changing.append(side.summary)
            bands.append(_Band(top, bottom, changing))
        split = self._row(between)
        bands.append(_Band(edges[-1], split, [chart.plus_total, chart.minus_total]))
        bands.append(_Band(split, height, [chart.balance]))
        return bands

    def update(self, opportunity: Opportunity, threshold: float) -> None:
        """Show new weights: each band whose look changed is drawn again over the kept picture."""
        self.chart.show(opportunity, threshold)
        for index, band in enumerate(self.bands):
            look = band.look()
            if look == band.shown:
                continue
            rows = self.pixels[band.top : band.bottom]
            key = (index, look)
            seen = self.seen.get(key)
            if seen is not None:
                self.seen.move_to_end(key)
                rows[...] = seen
            else:
                rows[...] = self.background[band.top : band.bottom]
                # The T's lines cross the bands: drawn again, within the band, over the bars.
                artists = _in_drawing_order(self.chart, [*band.changing, *self.chart.lines])
                self._draw(artists, band)
                self._remember(key, rows)
            band.shown = look

    def _remember(self, key: tuple[int, Hashable], rows: np.ndarray) -> None:
        if rows.nbytes > self.memory:
            return
        self.seen[key] = rows.copy()
        self.seen_bytes += rows.nbytes
        while self.seen_bytes > self.memory:
            _, forgotten = self.seen.popitem(last=False)
            self.seen_bytes -= forgotten.nbytes

    def _draw(self, artists: Sequence[Artist], band: _Band | None) -> None:
        renderer: RendererBase = self.canvas.get_renderer()  # type: ignore[no-untyped-call]
        if band is None:
            for artist in artists:
                artist.draw(renderer)
            return
        height, width = self.pixels.shape[:2]
        # Whole pixels: Agg clips at pixel edges, so inside the band every pixel comes out
        # as in a full draw, and outside it none is touched.
        box = Bbox.from_extents(0, height - band.bottom, width, height - band.top)
        for artist in artists:
            clip_on, clip_box = artist.get_clip_on(), artist.get_clip_box()
            inside = (
                box if clip_on is False or clip_box is None else Bbox.intersection(box, clip_box)
            )
            if inside is None:
                continue
            artist.set_clip_box(inside)
            artist.set_clip_on(True)
            try:
                artist.draw(renderer)
            finally:
                artist.set_clip_box(clip_box)
                artist.set_clip_on(clip_on)


def _in_drawing_order(chart: TChart, artists: Sequence[Artist]) -> list[Artist]:
    """``artists`` in the order the axes draw them: by z-order, then as added."""
    order = {id(a): i for i, a in enumerate(chart.ax.get_children())}
    return sorted(artists, key=lambda a: (a.get_zorder(), order[id(a)]))


class TChartRenderer:
    """Franklin Ts as PNG bytes, redrawn quickly when only weights or the threshold change.

    The first picture of an opportunity's factors costs what
    ``figure_png(plot_t(...))`` costs. As long as the factors (their labels,
    sides and order), the opportunity's name and the number of lines of its
    title stay the same, and on a side summed up in a last row the same
    factors stay the heaviest, later pictures draw again only the rows whose
    weight changed, the summary rows, the totals, the balance and the title.
    The last few drawn Ts are kept, so switching back to an opportunity is
    quick too. The pixels are the same as those of
    ``figure_png(plot_t(workspace, opportunity_id), dpi=dpi)``.

    Not safe to share between threads. Matplotlib settings (fonts, style) are
    those in force when a T is first drawn.

    Parameters
    ----------
    dpi
        Dots per inch of the pictures.
    compress_level
        zlib level from 0 to 9: 1 is quick, 9 gives the smallest file.
    keep
        How many drawn Ts (figures) to keep.
    band_memory
        Bytes of drawn bands kept per T, to show weights seen before without
        drawing them again (0 keeps none).

    Examples
    --------
    >>> import dataclasses
    >>> from followup import example_workspace
    >>> workspace = example_workspace()
    >>> renderer = TChartRenderer(dpi=80)
    >>> png = renderer.render(workspace, "initech-backend-engineer")
    >>> opportunity = workspace.opportunity("initech-backend-engineer")
    >>> heavier = dataclasses.replace(opportunity.factors[0], weight=9)
    >>> heavier_first = opportunity.with_factors((heavier, *opportunity.factors[1:]))
    >>> changed = workspace.with_opportunity(heavier_first)
    >>> renderer.render(changed, "initech-backend-engineer")[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """

    def __init__(
        self,
        *,
        dpi: float = 80,
        compress_level: int = 1,
        keep: int = _KEEP,
        band_memory: int = _BAND_MEMORY,
    ) -> None:
        self.dpi = float(dpi)
        self.compress_level = int(compress_level)
        self.keep = max(int(keep), 1)
        self.band_memory = max(int(band_memory), 0)
        self._drawn: OrderedDict[Hashable, _LiveT] = OrderedDict()

    def render(self, workspace: Workspace, opportunity_id: str) -> bytes:
        """The PNG of the T of ``opportunity_id``, as ``figure_png(plot_t(...))`` draws it.

        Raises
        ------
        UnknownOpportunityError
            When the workspace has no opportunity ``opportunity_id``.
        """
        opportunity = workspace.opportunity(opportunity_id)
        threshold = check_threshold(workspace.settings.threshold)
        key = _factors_key(opportunity, threshold)
        live = self._drawn.get(key)
        with drawing():  # as figure_png draws
            if live is None:
                live = _LiveT.draw(workspace, opportunity_id, self.dpi, self.band_memory)
                self._drawn[key] = live
                while len(self._drawn) > self.keep:
                    self._drawn.popitem(last=False)
            else:
                self._drawn.move_to_end(key)
                live.update(opportunity, threshold)
        return encode_png(live.pixels, dpi=self.dpi, compress_level=self.compress_level)

    def clear(self) -> None:
        """Forget every drawn T (their figures are let go)."""
        self._drawn.clear()


def _factors_key(opportunity: Opportunity, threshold: float) -> Hashable:
    """What fixes the T's layout: everything but the weights and the threshold.

    On a side with more factors than rows, the weights decide which factors have
    a row: another choice is another layout.
    """
    verdict = verdict_for(opportunity.balance, threshold)
    title = t_title(opportunity, verdict, opportunity.balance, t_figure_width())
    return (
        opportunity.id,
        opportunity.company,
        opportunity.role,
        tuple((f.label, f.side) for f in opportunity.factors),
        tuple(side.shown for side in t_sides(opportunity)),
        title.count("\n"),
    )
