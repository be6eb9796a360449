"""How the app looks: one stylesheet for every tab, and the pieces that use it (headings, badges).

The stylesheet is put into the page once, by the app, as a ``<style>`` block
whose rules all start with ``.followup-app``: nothing outside the app
changes. Every tab uses the same few classes:

``followup-heading`` (:func:`heading`)
    a section heading; ``followup-title`` the title of a tab (it holds the
    opportunity's name, so it is a plain-text Label);
``followup-hint``
    a quiet explanation under a heading;
``followup-message``, ``followup-field-error``
    a refusal, in red; ``followup-invalid`` on an input marks the field it
    is about (a red outline);
``followup-badge`` with ``followup-verdict-pass|undecided|fail`` (:func:`verdict_badge`)
    a verdict badge;
``followup-row``
    a row of controls that wraps on a narrow screen instead of cutting.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from followup.ui.widgets import hide, label, show_html, styled

__all__ = [
    "STYLESHEET",
    "VERDICT_BADGE_WORDS",
    "heading",
    "stylesheet",
    "verdict_badge",
]

#: Badge colours: the charts' colour-blind-safe hues, darkened so white text reads well (WCAG AA).
_PASS, _UNDECIDED, _FAIL, _RED = "#005f99", "#595959", "#a63d00", "#b3261e"

#: The words on a verdict badge.
VERDICT_BADGE_WORDS = {"pass": "PASS", "undecided": "UNDECIDED", "fail": "FAIL"}

STYLESHEET = f"""
.followup-app {{
  --followup-red: {_RED};
  --followup-pass: {_PASS};
  --followup-undecided: {_UNDECIDED};
  --followup-fail: {_FAIL};
  max-width: 100%;
  box-sizing: border-box;
  line-height: 1.4;
}}
/* No cut text: labels and captions wrap instead of ending in an ellipsis. */
.followup-app .widget-label,
.followup-app .widget-label-basic,
.followup-app .widget-html-content {{
  white-space: normal;
  overflow: visible;
  text-overflow: clip;
  height: auto;
  min-height: var(--jp-widgets-inline-height, 28px);
  line-height: 1.4;
  overflow-wrap: break-word;
}}
/* A table wider than a narrow screen scrolls sideways instead of breaking its words. */
.followup-app .followup-table-scroll {{
  overflow-x: auto;
  max-width: 100%;
}}
.followup-app table.followup-table {{
  border-collapse: collapse;
}}
.followup-app table.followup-table th,
.followup-app table.followup-table td {{
  padding: 2px 8px 2px 0;
  text-align: left;
  vertical-align: top;
  overflow-wrap: normal;
}}
/* Headings sit on the rows they name, however many lines a neighbour's heading takes. */
.followup-app table.followup-table th {{
  vertical-align: bottom;
  border-bottom: 1px solid #c8c8c8;
}}
.followup-app .widget-text,
.followup-app .widget-textarea,
.followup-app .widget-combobox {{
  max-width: 100%;
}}
.followup-app .widget-button {{
  white-space: normal;
  height: auto;
  min-height: var(--jp-widgets-inline-height, 28px);
  line-height: 1.3;
  padding-top: 2px;
  padding-bottom: 2px;
}}
.followup-app .followup-heading,
.followup-app .followup-heading .widget-html-content {{
  font-size: 1.15em;
  font-weight: 600;
  margin: 0.9em 0 0.25em 0;
}}
.followup-app .followup-heading h2,
.followup-app .followup-heading h3 {{
  font-size: inherit;
  font-weight: inherit;
  margin: 0;
  line-height: 1.3;
}}
.followup-app .followup-title {{
  font-size: 1.35em;
  font-weight: 600;
  margin: 0.2em 0 0.4em 0;
}}
.followup-app .followup-hint {{
  color: var(--jp-ui-font-color2, #555);
}}
.followup-app .followup-message,
.followup-app .followup-field-error,
.followup-app .followup-save-failed,
.followup-app .followup-error {{
  color: var(--followup-red);
  font-weight: 500;
}}
.followup-app .followup-invalid input,
.followup-app .followup-invalid textarea,
.followup-app input.followup-invalid,
.followup-app textarea.followup-invalid {{
  outline: 2px solid var(--followup-red);
  outline-offset: 1px;
  border-color: var(--followup-red);
}}
.followup-app .followup-badge {{
  display: inline-block;
  color: #fff;
  border-radius: 0.8em;
  padding: 0 0.7em;
  font-weight: 600;
  min-height: 0;
  height: auto;
  line-height: 1.6;
  flex: 0 0 auto;
  align-self: center;
}}
.followup-app .followup-verdict {{
  color: #fff;
  border-radius: 0.8em;
  padding: 0 0.8em;
  font-weight: 600;
}}
.followup-app .followup-verdict-pass {{ background: var(--followup-pass); color: #fff; }}
.followup-app .followup-verdict-undecided {{ background: var(--followup-undecided); color: #fff; }}
.followup-app .followup-verdict-fail {{ background: var(--followup-fail); color: #fff; }}
.followup-app .followup-row,
.followup-app .followup-field {{
  flex-wrap: wrap;
  align-items: center;
  max-width: 100%;
}}
.followup-app .followup-field-caption {{
  flex: 0 1 13em;
}}
.followup-app .followup-field {{
  flex: 1 1 auto;
}}
.followup-app .followup-field > .followup-input {{
  flex: 1 1 34em;
  width: auto;
  min-width: min(100%, 16em);
  max-width: 46em;
}}
.followup-app .followup-contact .followup-field > .followup-input {{
  flex: 1 1 20em;
  max-width: 24em;
}}
.followup-app .followup-field > .followup-field-error {{
  flex: 1 1 100%;
}}
/* On a narrow screen a caption goes above its input, which gets the whole width. */
@media (max-width: 640px) {{
  .followup-app .followup-field > .followup-input {{
    flex-wrap: wrap;
    height: auto;
  }}
  .followup-app .followup-field > .followup-input > select {{
    flex: 1 1 100%;
    min-height: 28px;
  }}
  .followup-app .followup-field > .followup-input > .widget-label {{
    width: 100% !important;
    max-width: 100%;
    text-align: left;
    flex: 1 1 100%;
  }}
}}
/* Findings of the writing check, and what a setting is for, sit under the input they are about. */
.followup-app .followup-explained-field > .followup-hint {{
  white-space: normal;
  height: auto;
  margin: 0 0 0.4em 0;
}}
@media (min-width: 641px) {{
  .followup-app .followup-tab-details .followup-note-findings,
  .followup-app .followup-explained-field > .followup-hint {{
    margin-left: 13.5em;
  }}
}}
/* Tab titles are never cut: on a narrow screen the tab bar takes two lines. */
.followup-app .followup-tabs > .lm-TabBar,
.followup-app .followup-tabs > .p-TabBar {{
  height: auto;
  min-height: 0;
  overflow: visible;
}}
.followup-app .followup-tabs .lm-TabBar-content {{
  flex-wrap: wrap;
  height: auto;
  min-height: 0;
}}
.followup-app .followup-tabs .lm-TabBar-tab {{
  flex: 0 0 auto;
  min-width: 0;
  max-width: none;
  color: var(--jp-ui-font-color1, #222);
}}
.followup-app .followup-tabs .lm-TabBar-tabLabel {{
  overflow: visible;
  text-overflow: clip;
  color: #1f1f1f;
}}
.followup-app .jupyter-widget-Collapse-header,
.followup-app .jupyter-widget-Collapse-header span {{
  color: #1f1f1f;
}}
/* The T: the label keeps most of the row; the slider gives way first; on a narrow
   screen the category and the remove button go to a line of their own. */
.followup-app .followup-factor-line {{
  flex-wrap: wrap;
  align-items: center;
}}
.followup-app .followup-factor-line > .followup-factor-label {{
  flex: 3 1 55%;
  min-width: 55%;
}}
.followup-app .followup-factor-line > .followup-weight {{
  flex: 1 1 9em;
  min-width: 6em;
  max-width: 14em;
  width: auto;
}}
.followup-app .followup-factor-line > .followup-weight .slider-container {{
  flex: 1 1 auto;
  min-width: 2.5em;
  width: auto;
  margin-left: 0.6em;
}}
.followup-app .followup-factor-line > .followup-weight .widget-readout {{
  flex: 0 0 1.6em;
  width: 1.6em;
  min-width: 1.6em;
  max-width: 1.6em;
  margin-left: 0.4em;
  overflow: visible;
}}
/* A narrow column (a phone, a narrow notebook): the label has the whole first line,
   and the slider, the category and the remove button share the second. */
@media (max-width: 640px) {{
  .followup-app .followup-factor-line > .followup-factor-label {{
    flex: 1 1 100%;
    min-width: 0;
  }}
  .followup-app .followup-factor-line > .followup-weight {{
    flex: 1 1 8em;
    max-width: none;
  }}
}}
/* The list of opportunities. */
.followup-app .followup-opportunity-row {{
  flex-wrap: wrap;
  align-items: center;
  border-bottom: 1px solid var(--jp-border-color2, #e0e0e0);
  padding: 2px 0;
}}
.followup-app .followup-opportunity-row .followup-pick {{
  flex: 1 1 18em;
  text-align: left;
  justify-content: flex-start;
  background: transparent;
  box-shadow: none;
}}
.followup-app .followup-opportunity-row.followup-selected {{
  background: var(--jp-brand-color3, #e3f0fb);
}}
.followup-app .followup-opportunity-row.followup-selected .followup-pick {{
  font-weight: 600;
}}
.followup-app .followup-next-words {{
  flex: 1 1 14em;
  color: var(--jp-ui-font-color1, #333);
}}
.followup-app .followup-panel-box {{
  border: 1px solid var(--jp-border-color2, #e0e0e0);
  border-radius: 4px;
  padding: 0.4em 0.8em;
  margin: 0.3em 0;
}}
.followup-app .followup-first-run,
.followup-app .followup-recovery {{
  border: 2px solid var(--followup-pass);
  border-radius: 6px;
  padding: 0.5em 1em;
  margin: 0.3em 0 0.6em 0;
}}
.followup-app .followup-recovery {{
  border-color: var(--followup-red);
}}
.followup-app .followup-findings-list .followup-finding {{
  flex-wrap: wrap;
  align-items: center;
}}
"""


def stylesheet() -> widgets.HTML:
    """The app's stylesheet as a widget that takes no room on the page."""
    sheet = styled(widgets.HTML(), "followup-stylesheet")
    show_html(sheet, f"<style>{STYLESHEET}</style>")
    hide(sheet)  # a hidden <style> still applies to the page
    return sheet


def heading(text: str, *classes: str, level: int = 3) -> widgets.HTML:
    """A section heading (``<h2>``/``<h3>``) that a screen reader announces as one.

    The text is escaped: a heading may be built from what a person typed.
    """
    tag = "h2" if level <= 2 else "h3"
    widget = styled(widgets.HTML(), "followup-heading", *classes)
    show_html(widget, f"<{tag}>{html.escape(text)}</{tag}>")
    return widget


def verdict_badge(*classes: str) -> widgets.Label:
    """A small badge that :func:`show_verdict` fills with PASS, UNDECIDED or FAIL."""
    return label("", "followup-badge", *classes)


def show_verdict(badge: widgets.Label, verdict: str | None) -> None:
    """Put a verdict (``"pass"``, ``"undecided"``, ``"fail"``; None: none) on a badge."""
    for name in VERDICT_BADGE_WORDS:
        if name != verdict:
            badge.remove_class(f"followup-verdict-{name}")
    if verdict is None:
        badge.value = ""
        hide(badge)
        return
    badge.add_class(f"followup-verdict-{verdict}")
    badge.value = VERDICT_BADGE_WORDS[verdict]
    hide(badge, False)
