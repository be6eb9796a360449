"""Small pieces every panel of the app shares: styled widgets, fields with their error, actions.

Every handler of the app goes through :meth:`Host.act`: it runs one session
method, shows a refusal or a bad value as a sentence next to where it
happened, and refreshes the view. A panel whose :attr:`Panel.plain_words`
is true has its refusals said in the person's words
(:func:`followup.session.wording.in_words`). Nothing a person types is ever
put into HTML unescaped; user text goes into ``Text``, ``Textarea`` and
``Label``.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

import ipywidgets as widgets

from followup.errors import FollowupError
from followup.model import Opportunity
from followup.session import Session

__all__ = [
    "INVALID",
    "Field",
    "Host",
    "Panel",
    "PlainWords",
    "bullet_list",
    "button",
    "hide",
    "label",
    "message_label",
    "picture",
    "show_html",
    "styled",
    "walk",
]

logger = logging.getLogger("followup.ui")

_W = TypeVar("_W", bound=widgets.Widget)

#: MathJax (in JupyterLab and Voila) typesets ``$...$`` inside Labels and HTML widgets; text
#: inside an element of this class is left exactly as typed ("Price $5 and $10").
NO_MATH = "mathjax_ignore"

#: What a person can fix; anything else is a bug, logged, and still shown gently.
EXPECTED_ERRORS = (FollowupError, ValueError, KeyError, OSError)

#: The class of an input whose value was refused (outlined in red by the stylesheet).
INVALID = "followup-invalid"

#: Inputs whose text is typed key by key: saved a moment after the last key.
_TYPED = (widgets.Text, widgets.Textarea, widgets.Combobox)


def styled(widget: _W, *classes: str) -> _W:
    """Add stable DOM classes (for styling and for browser tests) and return the widget."""
    for name in classes:
        widget.add_class(name)
    return widget


def label(text: str = "", *classes: str) -> widgets.Label:
    """A Label: its value is shown as plain text, never as HTML (nor as math)."""
    return styled(widgets.Label(value=text), NO_MATH, *classes)


def message_label(*classes: str) -> widgets.Label:
    """A Label for messages that takes no room on the page while it is empty."""
    message = label("", *classes)
    hide(message)
    message.observe(lambda change: hide(message, not change["new"]), "value")
    return message


def button(description: str, *classes: str, tooltip: str = "") -> widgets.Button:
    """A Button (its description is shown as text)."""
    return styled(
        widgets.Button(
            description=description,
            tooltip=tooltip or description,
            layout=widgets.Layout(width="auto", min_width="2.5em"),
        ),
        *classes,
    )


def on_clicks(choices: dict[str, widgets.Button], act: Callable[[str], object]) -> None:
    """Make each button call ``act`` with its own key in ``choices``."""
    for key, widget in choices.items():
        widget.on_click(lambda _, key=key: act(key))


def hide(widget: widgets.Widget, hidden: bool = True) -> None:
    """Show or hide a widget without taking it out of the tree."""
    display = "none" if hidden else None
    if widget.layout.display != display:
        widget.layout.display = display


def bullet_list(items: Iterable[str], *, empty: str = "") -> str:
    """An HTML list of plain-text items, every item escaped."""
    escaped = [f"<li>{html.escape(item)}</li>" for item in items]
    if not escaped:
        return f"<p>{html.escape(empty)}</p>" if empty else ""
    return "<ul>" + "".join(escaped) + "</ul>"


def show_html(widget: widgets.HTML, markup: str) -> None:
    """Put markup built here (user text escaped) into an HTML widget, safe from math typesetting."""
    value = f'<div class="{NO_MATH}">{markup}</div>'
    if widget.value != value:
        widget.value = value


def picture(*classes: str) -> widgets.Image:
    """An Image for a chart: never wider than the page, never stretched (blurred) to fill it."""
    layout = widgets.Layout(max_width="100%", align_self="flex-start")
    return styled(widgets.Image(format="png", layout=layout), *classes)


def walk(widget: widgets.Widget) -> Iterator[widgets.Widget]:
    """The widget and every widget inside it (boxes, tabs), depth first."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


class Host(Protocol):
    """What a panel needs from the app: the session, actions and a refresh."""

    session: Session

    def act(
        self,
        action: Callable[[], object],
        message: widgets.Label,
        *,
        plain: bool = False,
        typing: bool = False,
    ) -> bool:
        """Run a session change; show a refusal in ``message``; refresh; True on success.

        ``plain``: say the refusal in the person's words. ``typing``: the change
        is text typed key by key (saved a moment after the last key).
        """
        ...  # pragma: no cover - protocol

    def render(self) -> None: ...  # pragma: no cover - protocol

    @property
    def rendering(self) -> bool: ...  # pragma: no cover - protocol


class PlainWords:
    """A :class:`Host` whose every refusal is said in the person's words."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.session = host.session

    def act(
        self,
        action: Callable[[], object],
        message: widgets.Label,
        *,
        plain: bool = True,
        typing: bool = False,
    ) -> bool:
        """As :meth:`Host.act`, in plain words."""
        return self.host.act(action, message, plain=True, typing=typing)

    def render(self) -> None:
        self.host.render()

    @property
    def rendering(self) -> bool:
        return self.host.rendering


def run_action(
    action: Callable[[], object],
    message: widgets.Label,
    *,
    words: Callable[[BaseException], str] = str,
) -> bool:
    """Run ``action``; put its refusal (in ``words``), or a word about a bug, in ``message``."""
    try:
        action()
    except EXPECTED_ERRORS as error:
        message.value = words(error)
        return False
    except Exception as error:
        # A bug, not bad input: keep the app alive, say so, and leave a trace in the log.
        logger.exception("the app could not complete an action")
        message.value = f"Something went wrong ({type(error).__name__}); nothing was changed."
        return False
    message.value = ""
    return True


class Field:
    """A labelled input with a message next to it when the value typed is refused.

    Text is sent to the session as it is typed (every key), so a button
    always acts on the whole of it; the session saves it a moment after the
    last key. The input keeps what the person typed, so they can correct it;
    the workspace keeps its last good value, and the input is marked
    (:data:`INVALID`). :meth:`show` puts the workspace's value back only when
    that value changed (another opportunity was selected, or another program
    changed it), never as the echo of the field's own edit: a space or a new
    line just typed is not taken away while the text is being tidied for the
    workspace.

    ``name`` is the input's accessible name when it has no visible caption
    ("Label of the first plus"); a caption is also its accessible name.
    """

    def __init__(
        self,
        host: Host,
        description: str,
        widget: widgets.ValueWidget,
        submit: Callable[[Any], object],
        *classes: str,
        error: widgets.Label | None = None,
        continuous: bool = True,
        name: str = "",
        caption_width: str = "13em",
    ) -> None:
        self.host = host
        self.input = styled(widget, "followup-input", *classes)
        if hasattr(widget, "continuous_update") and not isinstance(widget, widgets.IntSlider):
            widget.continuous_update = continuous
        self.typed = isinstance(widget, _TYPED)
        if description:
            # The input's own description: a <label> tied to it, read as its name.
            widget.description = description
            widget.style.description_width = caption_width
        self.name(name or description)
        self.box: widgets.Widget
        if error is not None:
            # The caller lays out a shared message (one per row of the T, say).
            self.error = error
            self.box = self.input
        else:
            self.error = message_label("followup-field-error")
            self.box = styled(widgets.HBox([self.input, self.error]), "followup-field")
        self._submit = submit
        self._shown: object = _NOTHING
        self._failed = False
        self._echo = False
        widget.observe(self._changed, "value")

    @property
    def value(self) -> Any:
        """What the input shows now (typed, or the workspace's value)."""
        return self.input.value

    @property
    def failed(self) -> bool:
        """True while the value shown was refused (the workspace keeps its last good value)."""
        return self._failed

    def name(self, text: str) -> None:
        """Give the input an accessible name (read by screen readers; shown as its tooltip)."""
        if text and hasattr(self.input, "tooltip") and self.input.tooltip != text:
            self.input.tooltip = text

    def show(self, value: object, *, force: bool = False) -> None:
        """Display the workspace's value (when it replaces the input: see the class docstring)."""
        if force or value != self._shown:
            self._shown = value
            if force or not self._echo:
                self.input.value = value
            if self._failed and (force or not self._echo):
                self._mark(ok=True)

    def _mark(self, *, ok: bool) -> None:
        self._failed = not ok
        if ok:
            self.error.value = ""
            self.input.remove_class(INVALID)
        else:
            self.input.add_class(INVALID)

    def _changed(self, change: dict[str, Any]) -> None:
        if self.host.rendering:
            return
        value = change["new"]
        self._echo = True
        try:
            done = self.host.act(lambda: self._submit_now(value), self.error, typing=self.typed)
        finally:
            self._echo = False
        self._mark(ok=done)
        if not done:
            self.error.value += " (Correct it here; the last good value is kept.)"

    def _submit_now(self, value: object) -> None:
        if self.typed:
            with self.host.session.state.typing():
                self._submit(value)
        else:
            self._submit(value)


def labelled_field(
    host: Host,
    caption: str,
    css: str,
    submit: Callable[[str, Any], object],
    name: str,
    widget: widgets.ValueWidget | None = None,
) -> Field:
    """A :class:`Field` for the value ``name``: what is typed goes to ``submit(name, value)``.

    ``widget`` is a one-line text input unless given; ``css`` is the class
    that finds the input on the page.
    """
    return Field(
        host,
        caption,
        widgets.Text() if widget is None else widget,
        lambda value: submit(name, value),
        css,
    )


class _Nothing:
    def __repr__(self) -> str:
        return "nothing shown yet"


_NOTHING = _Nothing()


class Panel:
    """One tab of the app; :meth:`render` redraws it only when what it shows has changed.

    With :attr:`plain_words` true, every refusal the panel shows is said in
    the person's words (its :attr:`host` is a :class:`PlainWords`).
    """

    title = ""
    css = ""
    #: Say refusals in the person's words (see :func:`followup.session.wording.in_words`).
    plain_words = False

    def __init__(self, host: Host) -> None:
        self.host: Host = PlainWords(host) if self.plain_words else host
        self.session = host.session
        self.message = message_label("followup-message")
        self.root = styled(widgets.VBox(), "followup-panel", self.css)
        self._rendered: object = _NOTHING
        self._built = False

    def key(self) -> object:
        """What the panel shows depends on; by default every change and the selection."""
        return (self.session.state.revision, self.session.state.selected_id)

    def render(self, *, force: bool = False) -> None:
        """Build the panel if needed, and redraw it when what it shows has changed."""
        if not self._built:
            # Tabs are built when first shown: opening the app stays quick.
            self._built = True
            self.build()
        key = self.key()
        if force or key != self._rendered:
            self._rendered = key
            self.draw()

    def build(self) -> None:
        """Make the panel's widgets (once, before it is first drawn)."""
        raise NotImplementedError

    def draw(self) -> None:
        """Bring the widgets up to date with the session."""
        raise NotImplementedError


class SelectionPanel(Panel):
    """A tab about the selected opportunity: it shows a hint instead while none is selected.

    :meth:`build` sets :attr:`nothing` (the hint) and :attr:`content`.
    """

    nothing: widgets.Widget
    content: widgets.Widget
    #: The id of the opportunity the widgets show, if any.
    _shown_id: str | None = None

    def _id(self) -> str:
        if self._shown_id is None:
            raise ValueError("select an opportunity first")
        return self._shown_id

    def _selection(self) -> Opportunity | None:
        """The selected opportunity, with the content shown; ``None`` (and the hint) if none."""
        opportunity = self.session.state.selected
        hide(self.nothing, opportunity is not None)
        hide(self.content, opportunity is None)
        if opportunity is None:
            self._shown_id = None
        return opportunity
