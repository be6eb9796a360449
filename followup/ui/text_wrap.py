"""Text that wraps instead of being cut, inside the follow-up, today and settings tabs.

ipywidgets draws a Label on one line of fixed height and cuts what does not
fit ("Saved /tmp/…search-draf"); a long sentence, a file path or a caption
at 400 px then loses its end. The rule here, scoped to the tabs that carry
the class, lets labels wrap (long paths anywhere) and gives multi-line HTML
text an ordinary line height. It holds no user text.
"""

from __future__ import annotations

import ipywidgets as widgets

from followup.ui.widgets import show_html, styled

__all__ = ["wrapping_text"]


def wrapping_text(tab_class: str) -> widgets.HTML:
    """A style element that makes the labels of the tab with class ``tab_class`` wrap.

    >>> ".followup-tab-today .widget-label" in wrapping_text("followup-tab-today").value
    True
    """
    scope = f".{tab_class}"
    rule = (
        f"{scope} .widget-label {{ white-space: normal; overflow-wrap: anywhere; height: auto;"
        " min-height: var(--jp-widgets-inline-height); line-height: 1.4;"
        " padding: 4px 0; box-sizing: border-box; }"
        f" {scope} .widget-html-content {{ line-height: 1.4; }}"
    )
    style = styled(widgets.HTML(), "followup-text-wrap")
    show_html(style, f"<style>{rule}</style>")
    style.layout.display = "none"  # the rule applies to the page; the widget takes no room
    return style
