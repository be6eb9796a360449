"""Accessible names where ipywidgets gives none: the handles of sliders, and pictures.

ipywidgets 8 draws a slider's handle (``role="slider"``) without an
accessible name, and an Image without ``alt`` text; neither can be set from
Python. Both carry the widget's ``tooltip``, though (as the ``title`` of the
slider's hidden description, and of the image). :class:`AccessibleNames`, an
invisible widget placed once in the app, copies that text to the handle's
``aria-label`` and the image's ``alt`` whenever it changes, so a screen
reader says "Weight of the first plus, Team ships weekly", not "slider".
The Python side only sets tooltips; this is the whole of the page's part.
"""

from __future__ import annotations

import anywidget

__all__ = ["AccessibleNames"]

_ESM = """
function nameAll(root) {
  for (const slider of root.querySelectorAll('.widget-slider')) {
    const caption = slider.querySelector('.widget-label');
    const handle = slider.querySelector('.noUi-handle');
    if (!caption || !handle) continue;
    const text = caption.title || caption.textContent.trim();
    if (text && handle.getAttribute('aria-label') !== text) {
      handle.setAttribute('aria-label', text);
    }
  }
  for (const image of root.querySelectorAll('img.widget-image')) {
    const text = image.title || '';
    if (image.getAttribute('alt') !== text) image.setAttribute('alt', text);
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
