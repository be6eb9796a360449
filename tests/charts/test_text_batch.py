"""Many texts as one artist: placed, aligned and drawn as typed, measured for a layout engine."""

from __future__ import annotations

import io

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from followup.charts.style import drawing
from followup.charts.text_batch import TextBatch, _Stamps, forget_drawn_lines
from tests.charts.support import drawn, drawn_strings


def batch_on_axes(texts: list[str], **options: object) -> tuple[Figure, TextBatch]:
    figure = Figure(figsize=(4, 3), dpi=100)
    ax = figure.add_axes((0.1, 0.1, 0.8, 0.8))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    batch = TextBatch(
        [(5.0, 2.0 + 3 * n) for n in range(len(texts))],
        texts,
        transform=ax.transData,
        fontsize=10,
        colors="black",
        **options,  # type: ignore[arg-type]
    )
    ax.add_artist(batch)
    drawn(ax)
    return figure, batch


@pytest.mark.parametrize(("ha", "edge"), [("left", "x0"), ("center", "middle"), ("right", "x1")])
def test_each_text_is_aligned_on_its_place(ha: str, edge: str) -> None:
    figure, batch = batch_on_axes(["short", "a much longer text"], ha=ha)
    x = batch.get_transform().transform((5.0, 0.0))[0]
    for box in batch.get_window_extents(figure.canvas.get_renderer()):  # type: ignore[attr-defined]
        assert box is not None
        at = (box.x0 + box.x1) / 2 if edge == "middle" else getattr(box, edge)
        assert at == pytest.approx(x, abs=1)


def test_each_text_is_centred_on_its_row_and_lines_stack_downwards() -> None:
    figure, batch = batch_on_axes(["one line", "two\nlines"])
    one, two = batch.get_window_extents(figure.canvas.get_renderer())  # type: ignore[attr-defined]
    assert one is not None and two is not None
    for box, y in ((one, 2.0), (two, 5.0)):
        centre = batch.get_transform().transform((0.0, y))[1]
        assert (box.y0 + box.y1) / 2 == pytest.approx(centre, abs=2)
    assert two.height > 1.8 * one.height


def test_texts_are_drawn_as_typed() -> None:
    texts = ["$\\alpha$ and $5", "Price $5 and $10", "x_1^2 {brace}"]
    figure, _ = batch_on_axes(texts)
    calls = drawn_strings(figure.axes[0])
    for text in texts:
        assert (text, False) in calls


def test_positions_and_texts_must_pair_up() -> None:
    with pytest.raises(ValueError, match="2 positions for 1 texts"):
        TextBatch(
            [(0.0, 0.0), (1.0, 1.0)],
            ["one"],
            transform=Figure().transFigure,
            fontsize=9,
            colors="black",
        )


def test_a_layout_engine_makes_room_for_the_texts() -> None:
    figure = Figure(figsize=(4, 3), layout="constrained")
    ax = figure.add_subplot()
    ax.add_artist(
        TextBatch(
            [(0.0, 0.5)],
            ["A rather long name of a row"],
            transform=ax.get_yaxis_transform(),
            fontsize=10,
            colors="black",
            ha="right",
            offset=(-4.0, 0.0),
        )
    )
    drawn(ax)
    (box,) = [
        b
        for b in ax.artists[0].get_window_extents(figure.canvas.get_renderer())  # type: ignore[attr-defined]
    ]
    assert box is not None
    assert box.x0 >= -1


def _ink(pixels: np.ndarray) -> np.ndarray:
    """Where anything but the white background was drawn."""
    return (pixels[:, :, :3] < 250).any(axis=2)


def _picture(draw_batch: bool, texts: list[str], colors: list[str]) -> np.ndarray:
    figure = Figure(figsize=(3, 2), dpi=100)
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    places = [(5.0, 2.0 + 3 * n) for n in range(len(texts))]
    if draw_batch:
        ax.add_artist(TextBatch(places, texts, transform=ax.transData, fontsize=12, colors=colors))
    else:
        for (x, y), text, color in zip(places, texts, colors, strict=True):
            ax.text(x, y, text, ha="center", va="center", fontsize=12, color=color)
    canvas = FigureCanvasAgg(figure)
    with drawing():
        canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


def test_lines_kept_drawn_look_like_text_drawn_directly() -> None:
    texts, colors = ["Société — Ingénieure", "+12", "+12"], ["#222222", "#222222", "#D55E00"]
    forget_drawn_lines()
    first = _picture(True, texts, colors)
    again = _picture(True, texts, colors)  # from the kept lines
    direct = _picture(False, texts, colors)
    assert np.array_equal(first, again)
    # The same letters in the same places, to a pixel: stamps sit on whole pixels.
    batch_ink, text_ink = _ink(first), _ink(direct)
    best = max(
        (batch_ink & np.roll(text_ink, (down, right), axis=(0, 1))).sum()
        / (batch_ink | np.roll(text_ink, (down, right), axis=(0, 1))).sum()
        for down in (-1, 0, 1)
        for right in (-1, 0, 1)
    )
    assert best > 0.6  # text upside down or a line off would share less than a tenth
    # The same text in another colour is drawn in that colour.
    vermillion = (np.abs(first[:, :, :3].astype(int) - [213, 94, 0]).sum(axis=2) < 30).sum()
    assert vermillion > 10


def test_lines_kept_drawn_stay_within_their_memory() -> None:
    stamps = _Stamps(memory=200_000)
    renderer = RendererAgg(10, 10, 100)
    font = FontProperties(size=10)
    look = stamps.look(font, renderer.dpi)
    for number in range(300):
        stamps.image(renderer, f"line number {number}", font, look, (0.0, 0.0, 0.0, 1.0))
    assert stamps._bytes <= 200_000
    assert 0 < len(stamps._images) < 300


def test_vector_output_gets_real_text() -> None:
    figure = Figure(figsize=(3, 2))
    ax = figure.add_subplot()
    ax.add_artist(
        TextBatch(
            [(0.5, 0.5)], ["Price $5 & <b>"], transform=ax.transAxes, fontsize=9, colors="black"
        )
    )
    out = io.StringIO()
    with mpl.rc_context({"svg.fonttype": "none"}):
        figure.savefig(out, format="svg")
    assert "Price $5 &amp; &lt;b&gt;" in out.getvalue()


def test_lines_kept_drawn_follow_a_change_of_font() -> None:
    texts, colors = ["Every opportunity"], ["#222222"]
    plain = _picture(True, texts, colors)  # now kept drawn in the usual font
    with mpl.rc_context({"font.sans-serif": ["DejaVu Serif"]}):
        serif = _picture(True, texts, colors)
    assert not np.array_equal(serif, plain)
