"""Accessible names where ipywidgets gives none: the handles of sliders, and pictures.

ipywidgets 8 draws a slider's handle (``role="slider"``) without an
accessible name, an Image without ``alt`` text, and names a text input
without a description only by its ``title``; none of these can be set from
Python (and a tooltip on an Image breaks its view in ipywidgets 8.1). A
slider and an input carry the widget's ``tooltip``, though (as the ``title``
of the slider's hidden description, and of the input). :class:`AccessibleNames`,
an invisible widget placed once in the app, copies that text to the handle's
(and the input's) ``aria-label`` whenever it changes, and marks each chart as
illustrating the text around it (``alt=""``: the totals, the verdict, the
table and the captions say what it shows), so a screen
reader says "Weight of the first plus, Team ships weekly", not "slider".
The Python side only sets tooltips; this is the whole of the page's part.
"""

from __future__ import annotations

import anywidget

__all__ = ["AccessibleNames"]

_ESM = """
function nameAll(root) {
  // Inputs named only by their tooltip (no visible label beside them): the tooltip is their name.
  for (const input of root.querySelectorAll('input.widget-input, textarea.widget-input')) {
    const box = input.closest('.widget-inline-hbox, .jupyter-widgets');
    const caption = box ? box.querySelector('.widget-label') : null;
    const shown = caption && caption.style.display !== 'none' && caption.textContent.trim();
    const text = input.title || '';
    if (!shown && text && input.getAttribute('aria-label') !== text) {
      input.setAttribute('aria-label', text);
    }
  }
  for (const slider of root.querySelectorAll('.widget-slider')) {
    const caption = slider.querySelector('.widget-label');
    const handle = slider.querySelector('.noUi-handle');
    if (!caption || !handle) continue;
    const text = caption.title || caption.textContent.trim();
    if (text && handle.getAttribute('aria-label') !== text) {
      handle.setAttribute('aria-label', text);
    }
  }
  // A chart repeats what the text around it says (totals, verdict, table, captions).
  for (const image of root.querySelectorAll('img.widget-image')) {
    if (!image.hasAttribute('alt')) image.setAttribute('alt', '');
  }
}

function render({ el }) {
  el.style.display = 'none';
  let observer = null;
  let tries = 0;
  const start = () => {
    const root = el.closest('.followup-app');
    if (!root) {
      if (tries++ < 600) requestAnimationFrame(start);
      return;
    }
    nameAll(root);
    observer = new MutationObserver(() => nameAll(root));
    observer.observe(root, {
      subtree: true, childList: true, attributes: true, attributeFilter: ['title'],
    });
  };
  start();
  return () => { if (observer) observer.disconnect(); };
}

export default { render };
"""


class AccessibleNames(anywidget.AnyWidget):
    """Gives slider handles and pictures of the app the names their tooltips hold."""

    _esm = _ESM
